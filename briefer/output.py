"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from briefer.errors import OutputError


def write_atomic(path: str | Path, data: bytes, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write `data` to `path` through a temporary file and a rename.

    A failure (or Ctrl-C) leaves either the old file or no file, never a partial one.
    Refuses to write over any of `inputs`.
    """
    target = Path(path)
    check_output_path(target, inputs=inputs)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _mode_for(target))
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual umask-based mode, not
    mkstemp's private 0600."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_output_path(target: Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Raise OutputError when `target` cannot or must not be written."""
    if not target.parent.is_dir():
        raise OutputError(
            f"{target}: the folder {target.parent} does not exist (create it, or choose another -o)"
        )
    if target.is_dir():
        raise OutputError(f"{target}: is a folder (give a file name such as {target}/brief.md)")
    resolved = target.resolve()
    for item in inputs:
        if str(item) == "-":
            continue
        source = Path(item).resolve()
        if resolved == source:
            raise OutputError(
                f"{target}: would overwrite an input (choose an output path outside the inputs)"
            )
        if source.is_dir() and source in resolved.parents:
            if resolved.suffix.lower() in _INPUT_SUFFIXES:
                raise OutputError(
                    f"{target}: is inside an input folder and would be read as an input next "
                    "time (write it outside the input folders)"
                )


# Writing a readable document into an input folder would feed it to the next run.
_INPUT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".json", ".jsonl"}
