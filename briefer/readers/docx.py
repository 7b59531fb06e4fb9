"""Word documents (.docx): paragraph text, with title and date from the core properties.

python-docx is imported only when a .docx file is read.
"""

from __future__ import annotations

import datetime as dt
import io

from briefer.data import Document
from briefer.errors import InputError
from briefer.readers.metadata import Metadata, normalize_date
from briefer.readers.text import text_document

__all__ = ["read_docx"]

_PYTHON_DOCX_TEMPLATE = dt.datetime(2013, 12, 23, 23, 15)
_FIX = "open it in Word and save it again as .docx, or save its text as .txt"


def read_docx(data: bytes, path: str) -> Document:
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


def _created(created: object) -> str:
    if isinstance(created, dt.datetime) and created.replace(tzinfo=None) == _PYTHON_DOCX_TEMPLATE:
        return ""  # python-docx's template date, not the document's
    return normalize_date(created)
