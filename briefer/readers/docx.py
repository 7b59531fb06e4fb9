"""Word documents (.docx): paragraph text, with title and date from the core properties.

python-docx is imported only when a .docx file is read, and only once the zip's members are
known to inflate to no more than the input limit: a 1 MB file can hold 1 GB of XML.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from briefer.data import Document
from briefer.errors import InputError
from briefer.readers.metadata import Metadata, normalize_date
from briefer.readers.text import text_document

__all__ = ["read_docx"]

_PYTHON_DOCX_TEMPLATE = dt.datetime(2013, 12, 23, 23, 15)
_FIX = "open it in Word and save it again as .docx, or save its text as .txt"


def read_docx(data: bytes, path: str, *, max_input_mb: float = 50) -> Document:
    _check_inflated_size(data, path, max_input_mb)
    try:
        import docx

        word = docx.Document(io.BytesIO(data))
        paragraphs = [p.text.strip() for p in word.paragraphs]
        props = word.core_properties
        title = (props.title or "").strip()
        created = props.created
    except RecursionError as exc:
        raise InputError(path, "is nested too deeply to read", _FIX) from exc
    except Exception as exc:  # corrupt zip, missing parts, bad XML: all the file's fault
        raise InputError(
            path, f"is not a readable .docx file ({type(exc).__name__})", _FIX
        ) from exc
    text = "\n".join(p for p in paragraphs if p)
    if not text:
        raise InputError(path, "is empty", "give a document with the article's text")
    # A file's creation day is weaker evidence than a dateline in its text.
    return text_document(text, path, Metadata(title=title), Metadata(date=_created(created)))


def _check_inflated_size(data: bytes, path: str, max_input_mb: float) -> None:
    """InputError when the members' uncompressed sizes add up to more than the limit.

    The sizes are the zip's own records; zipfile never inflates a member past its recorded
    size (a member that would is a CRC error), so the sum bounds what python-docx can read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return  # not a zip at all: python-docx says so, by name
    if inflated > max_input_mb * 1024 * 1024:
        raise InputError(
            path,
            f"inflates to {inflated / 1024 / 1024:.1f} MB uncompressed, more than the "
            f"{max_input_mb:g} MB limit",
            "raise it with --max-input-mb if the file is genuine",
        )


def _created(created: object) -> str:
    if isinstance(created, dt.datetime) and created.replace(tzinfo=None) == _PYTHON_DOCX_TEMPLATE:
        return ""  # python-docx's template date, not the document's
    return normalize_date(created)
