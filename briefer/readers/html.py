"""HTML pages (.html, .htm): the article's main text, with navigation and footers dropped.

trafilatura finds the main text and the page's title, date and site name; it is imported
only when an HTML file is read.
"""

from __future__ import annotations

import logging

from briefer.data import Document
from briefer.errors import InputError, NoArticleText
from briefer.readers.metadata import Metadata, normalize_date
from briefer.readers.text import decode_text, text_document

__all__ = ["read_html"]

_FIX = "save the page again from a browser, or paste its text into a .txt file"


def read_html(data: bytes, path: str) -> Document:
    html = decode_text(data, path)  # rejects binary and empty files by name
    extracted = _extract(html, path)
    text = (getattr(extracted, "text", None) or "").strip()
    if not text:
        raise NoArticleText(path, "has no article text that could be extracted", _FIX)
    meta = Metadata(
        title=_field(extracted, "title"),
        outlet=_field(extracted, "sitename"),
        date=normalize_date(_field(extracted, "date")),
        url=_field(extracted, "url"),
    )
    return text_document(text, path, meta)  # the headline repeated in the text is marked


def _extract(html: str, path: str) -> object:
    try:
        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        logging.getLogger("htmldate").setLevel(logging.CRITICAL)
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # not favor_precision: it drops a link's words inside a sentence ("especially
            # high for <span class="link"><a>Joe Biden</a></span>." -> "especially high
            # for ."); what else the balanced setting lets through, cleaning marks
            favor_precision=False,
        )
    except RecursionError as exc:
        raise InputError(path, "is nested too deeply to parse", _FIX) from exc
    except Exception as exc:  # a parser failure on malformed markup is the file's fault
        raise InputError(path, f"could not be parsed as HTML ({type(exc).__name__})", _FIX) from exc


def _field(extracted: object, name: str) -> str:
    value = getattr(extracted, name, None)
    return value.strip() if isinstance(value, str) else ""
