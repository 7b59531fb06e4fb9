"""Paths -> Documents: text, Markdown, HTML, DOCX, JSON/JSONL records and stdin ("-").

    load_documents(["seeds/", "samples/inputs/", "extra.html"])  -> (Document(id="d1"), ...)

Directories are walked recursively in sorted order, skipping hidden files and unsupported
suffixes. Copies of the same article are collapsed (see dedup.py). Documents are numbered
"d1", "d2", ... in input order after that. Every problem a user can cause is an InputError
naming the file.
"""

from __future__ import annotations

import errno
import functools
import math
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from briefer.data import Document
from briefer.errors import InputError, NoArticleText, UsageError

__all__ = ["SUPPORTED_SUFFIXES", "load_documents"]

Reader = Callable[[bytes, str], "Document | list[Document]"]
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".json", ".jsonl")
STDIN = "-"


def load_documents(
    paths: Iterable[str | Path], *, max_input_mb: float = 50
) -> tuple[Document, ...]:
    """Read every document under `paths`, collapse duplicates, and number them d1, d2, ..."""
    from briefer.readers.dedup import collapse_duplicates

    if not (math.isfinite(max_input_mb) and max_input_mb > 0):
        raise UsageError(
            f"--max-input-mb {max_input_mb:g}: not a size (use a positive number of megabytes,"
            " such as 50)"
        )
    documents: list[Document] = []
    skipped: list[str] = []
    for path, in_folder in _files(paths):
        try:
            documents.extend(_read(path, max_input_mb))
        except NoArticleText:
            if not in_folder:
                raise
            skipped.append(path)  # one empty page in a folder of articles does not stop a run
    if skipped and not documents:
        raise NoArticleText(
            skipped[0],
            f"has no article text, nor has any other input ({len(skipped)} files)",
            "give files with the articles' text",
        )
    if skipped:
        warnings.warn(
            f"{len(skipped)} file{'s' if len(skipped) > 1 else ''} without article text left"
            f" out: {', '.join(skipped[:3])}{' ...' if len(skipped) > 3 else ''}",
            stacklevel=2,
        )
    if not documents:
        raise InputError("(no inputs)", "no documents were given", "name files, folders or -")
    kept = collapse_duplicates(documents)
    return tuple(replace(doc, id=f"d{n}") for n, doc in enumerate(kept, 1))


def _files(paths: Iterable[str | Path]) -> Iterator[tuple[str, bool]]:
    """Input files in order, directories expanded, each file once, with whether it was found
    in a folder (rather than named)."""
    seen: set[str] = set()
    for given in paths:
        if str(given) == STDIN:
            yield STDIN, False
            continue
        path = Path(given)
        if stat.S_ISDIR(_stat(path).st_mode):
            found = _walk(path)
            if not found:
                raise InputError(
                    path, "holds no supported files", f"add {', '.join(SUPPORTED_SUFFIXES)} files"
                )
        else:
            found = [path]
        in_folder = found != [path]
        for file in found:
            real = os.path.realpath(file)
            if real not in seen:
                seen.add(real)
                yield str(file), in_folder


def _stat(path: Path) -> os.stat_result:
    """The path's status (through symlinks), or an InputError saying why there is none."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(
                path, f"is a symlink to {os.readlink(path)}, which does not exist", "check the link"
            ) from None
        raise InputError(path, "does not exist", "check the path") from None
    except PermissionError:
        raise InputError(
            path, "cannot be read (permission denied)", "check its permissions and its folders'"
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "is a symlink loop", "remove it, or link it to a file") from None
        raise InputError(
            path, f"cannot be read ({exc.strerror or exc})", "check the path"
        ) from None


def _walk(folder: Path) -> list[Path]:
    """Supported files under `folder`, sorted; hidden names and symlinked folders skipped.

    A folder that cannot be listed stops the run: its files would silently be missing.
    """
    files = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except PermissionError:
            raise InputError(
                current,
                "cannot be read (permission denied)",
                "check its permissions, or move it out of the input folder",
            ) from None
        except OSError as exc:
            raise InputError(
                current, f"cannot be read ({exc.strerror or exc})", "check it"
            ) from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = current / entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                files.append(path)
    return sorted(files)


def _read(path: str, max_input_mb: float) -> list[Document]:
    reader = _reader(path, max_input_mb)
    data = _read_stdin(max_input_mb) if path == STDIN else _read_file(path, max_input_mb)
    result = reader(data, path)
    documents = result if isinstance(result, list) else [result]
    limit = max_input_mb * 1024 * 1024
    if 4 * sum(len(doc.text) for doc in documents) <= limit:  # UTF-8: 4 bytes a character at most
        return documents
    size = sum(len(doc.text.encode("utf-8")) for doc in documents)
    if size > limit:  # decoding can add to the file's size: cp1252 and UTF-16 take fewer bytes
        raise InputError(
            path,
            f"holds {size / 1024 / 1024:.1f} MB of text after decoding, more than the "
            f"{max_input_mb:g} MB limit",
            "raise it with --max-input-mb",
        )
    return documents


def _reader(path: str, max_input_mb: float) -> Reader:
    from briefer.readers import docx, html, records, text

    if path == STDIN:
        return text.read_text
    suffix = Path(path).suffix.lower()
    readers: dict[str, Reader] = {
        ".txt": text.read_text,
        ".md": text.read_markdown,
        ".markdown": text.read_markdown,
        ".html": html.read_html,
        ".htm": html.read_html,
        ".docx": functools.partial(docx.read_docx, max_input_mb=max_input_mb),
        ".json": records.read_json,
        ".jsonl": records.read_jsonl,
    }
    if suffix not in readers:
        kind = f"'{suffix}' files are" if suffix else "files without a suffix are"
        raise InputError(
            path, f"cannot be read: {kind} not supported", f"use {', '.join(SUPPORTED_SUFFIXES)}"
        )
    return readers[suffix]


def _read_file(path: str, max_input_mb: float) -> bytes:
    try:
        size = Path(path).stat().st_size
        if size > max_input_mb * 1024 * 1024:
            raise _too_large(path, size, max_input_mb)
        with Path(path).open("rb") as file:
            data = file.read(int(max_input_mb * 1024 * 1024) + 1)  # a device's size says 0
        if len(data) > max_input_mb * 1024 * 1024:
            raise _too_large(path, len(data), max_input_mb, at_least=True)
        return data
    except PermissionError as exc:
        raise InputError(
            path, "cannot be read (permission denied)", "check its permissions"
        ) from exc
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})", "check the path") from exc


def _read_stdin(max_input_mb: float) -> bytes:
    limit = int(max_input_mb * 1024 * 1024)
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode()
    if len(data) > limit:
        raise _too_large(STDIN, len(data), max_input_mb, at_least=True)
    return data


def _too_large(path: str, size: int, max_input_mb: float, at_least: bool = False) -> InputError:
    mb = f"{'over ' if at_least else ''}{size / 1024 / 1024:.1f} MB"
    return InputError(
        path, f"is {mb}, more than the {max_input_mb:g} MB limit", "raise it with --max-input-mb"
    )
