"""Writing output files safely: atomically, all or none, never over an input or a device.

    write_all([(path, bytes), ...], inputs=...)   every file through a temporary file and a
                                                  rename, all temporary files first: a failure
                                                  (or Ctrl-C) writes none of them
    write_atomic(path, bytes, inputs=...)         the same for one file
    write_stdout(bytes)                           standard output, with a one-line error

What a target may be: a new path or a regular file (through symlinks: the file they point
to is replaced, the links stay); or a stream that cannot be replaced, only written to: a
FIFO, the null device, or this process's own standard output or error (`-o /dev/stdout`).
Anything else (another device, a socket, a folder, a symlink loop) is refused by name.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import OutputError

__all__ = ["check_output_path", "check_output_paths", "write_all", "write_atomic", "write_stdout"]


@dataclass(frozen=True)
class _Target:
    given: Path  # as the user named it (for messages)
    path: Path  # where the bytes go: the final regular file, or the stream itself
    stream: bool  # written in place (FIFO, null device, own stdout): never renamed over


def write_atomic(path: str | Path, data: bytes, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write `data` to `path` through a temporary file and a rename.

    A failure (or Ctrl-C) leaves either the old file or no file, never a partial one.
    Refuses to write over any of `inputs`.
    """
    return write_all([(path, data)], inputs=inputs)[0]


def write_all(
    items: Sequence[tuple[str | Path, bytes]], *, inputs: Iterable[str | Path] = ()
) -> list[Path]:
    """Write every (path, data) or none: all targets are checked, then every file's bytes go
    to a temporary file beside it, then streams are written, then the files are renamed.

    Returns the paths as given. An OSError (disk full, permission denied) is an OutputError
    naming the file; any other failure keeps its traceback; either way no temporary file
    is left and no file of `items` has been replaced.
    """
    inputs = list(inputs)
    targets = _plan([Path(path) for path, _ in items], inputs)
    pending: list[tuple[str, Path]] = []
    try:
        for target, (_, data) in zip(targets, items, strict=True):
            if not target.stream:
                pending.append((_write_temp(target, data), target.path))
        for target, (_, data) in zip(targets, items, strict=True):
            if target.stream:
                _write_stream(target, data)
        while pending:
            tmp_name, final = pending[0]
            os.replace(tmp_name, final)
            pending.pop(0)
    finally:
        for tmp_name, _ in pending:
            Path(tmp_name).unlink(missing_ok=True)
    return [target.given for target in targets]


def write_stdout(data: bytes) -> None:
    """Write `data` to standard output; a full disk or a closed pipe is one OutputError."""
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            stream.write(data)
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()  # or the interpreter's own flush at exit prints a second error
        raise OutputError(
            f"standard output: cannot be written ({exc.strerror or exc}) "
            f"({_FIXES.get(exc.errno or 0, 'write to a file with -o instead')})"
        ) from None


def check_output_path(target: Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Raise OutputError when `target` cannot or must not be written."""
    _plan([Path(target)], list(inputs))


def check_output_paths(targets: Iterable[str | Path], *, inputs: Iterable[str | Path] = ()) -> None:
    """Check several targets at once (also refusing the same file named twice)."""
    _plan([Path(target) for target in targets], list(inputs))


def _plan(paths: list[Path], inputs: list[str | Path]) -> list[_Target]:
    targets = [_target(path) for path in paths]
    seen: dict[Path, Path] = {}
    for target in targets:
        _check_not_an_input(target, inputs)
        if target.path in seen:
            raise OutputError(
                f"{target.given}: is given twice as an output (as {seen[target.path]}); "
                "give each -o a different file"
            )
        seen[target.path] = target.given
    return targets


def _target(given: Path) -> _Target:
    """What `given` is, and where its bytes would go; OutputError if it must not be written."""
    try:
        info = os.stat(given)  # follows symlinks
    except FileNotFoundError:
        if os.path.islink(given):
            raise OutputError(
                f"{given}: is a symlink to {os.readlink(given)}, which does not exist "
                "(point it at a file, or remove it)"
            ) from None
        _check_folder(given, given.parent)
        return _Target(given, given, stream=False)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(
                f"{given}: is a symlink loop (remove it, or choose another -o)"
            ) from None
        raise OutputError(
            f"{given}: cannot be checked ({exc.strerror or exc}) (check the path)"
        ) from None
    if stat.S_ISREG(info.st_mode):
        final = Path(os.path.realpath(given))
        _check_folder(given, final.parent)
        return _Target(given, final, stream=False)
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{given}: is a folder (give a file name such as {given}/brief.md)")
    if stat.S_ISFIFO(info.st_mode) or _is_null_or_own_stream(info):
        if not os.access(given, os.W_OK):
            raise OutputError(f"{given}: cannot be written (check its permissions)")
        return _Target(given, given, stream=True)
    kind = "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a socket"
    raise OutputError(
        f"{given}: is {kind}, not a regular file (write the brief to a file, or to - for "
        "standard output)"
    )


def _is_null_or_own_stream(info: os.stat_result) -> bool:
    if not stat.S_ISCHR(info.st_mode):
        return False
    if info.st_rdev == os.stat(os.devnull).st_rdev:
        return True
    for fd in (1, 2):  # -o /dev/stdout on a terminal: this process's own terminal
        try:
            if os.path.samestat(info, os.fstat(fd)):
                return True
        except OSError:
            continue
    return False


def _check_folder(given: Path, folder: Path) -> None:
    if not folder.is_dir():
        raise OutputError(
            f"{given}: the folder {folder} does not exist (create it, or choose another -o)"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            f"{given}: the folder {folder} is not writable (check its permissions, or choose "
            "another -o)"
        )


def _check_not_an_input(target: _Target, inputs: list[str | Path]) -> None:
    resolved = Path(os.path.realpath(target.path))
    for item in inputs:
        if str(item) == "-":
            continue
        source = Path(os.path.realpath(item))
        if resolved == source:
            raise OutputError(
                f"{target.given}: would overwrite an input (choose an output path outside the "
                "inputs)"
            )
        if os.path.isdir(source) and source in resolved.parents:
            if resolved.suffix.lower() in _INPUT_SUFFIXES:
                raise OutputError(
                    f"{target.given}: is inside an input folder and would be read as an input "
                    "next time (write it outside the input folders)"
                )


def _write_temp(target: _Target, data: bytes) -> str:
    """`data` in a new temporary file beside the target; its name."""
    final = target.path
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _mode_for(final))
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise
    return tmp_name


def _write_stream(target: _Target, data: bytes) -> None:
    try:
        with open(target.path, "wb") as handle:
            if data[:2] == b"PK" and handle.isatty():
                raise OutputError(f"{target.given}: DOCX is binary (give -o FILE.docx instead)")
            handle.write(data)
    except OSError as exc:
        raise _write_error(target, exc) from None


def _write_error(target: _Target, exc: OSError) -> OutputError:
    fix = _FIXES.get(exc.errno or 0, "choose another -o")
    return OutputError(f"{target.given}: cannot be written ({exc.strerror or exc}) ({fix})")


_FIXES = {
    errno.ENOSPC: "free some space, or choose another -o",
    errno.EDQUOT: "free some space, or choose another -o",
    errno.EACCES: "check the folder's permissions, or choose another -o",
    errno.EPERM: "check the folder's permissions, or choose another -o",
    errno.EROFS: "the file system is read-only: choose another -o",
    errno.EPIPE: "the program reading the output stopped early",
}


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test runner's capture): nothing to silence


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual umask-based mode, not
    mkstemp's private 0600."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# Writing a readable document into an input folder would feed it to the next run.
_INPUT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".json", ".jsonl"}
