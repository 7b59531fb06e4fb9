"""Plain text and Markdown (.txt, .md, .markdown), the byte-to-text decoding all readers share,
and `text_document`, the one place every reader's text passes through to be cleaned.

Text is UTF-8 (a BOM is fine); anything else is read as cp1252, then latin-1, with a warning
that names the file. Markdown may open with `---` front matter (title, source/outlet, date, url).
A document's text is kept as read: cleaning (clean.py) marks what is not the article.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import warnings

from briefer.data import Document
from briefer.errors import InputError, NoArticleText
from briefer.readers.clean import clean, has_body
from briefer.readers.metadata import Metadata

__all__ = ["decode_text", "normalize_characters", "read_markdown", "read_text", "text_document"]

_NO_METADATA = Metadata()
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MAX_CONTROL_SHARE = 0.05  # more control characters than this: a binary file
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
# C0 and C1 controls but tab and newline, lone surrogates, the two noncharacters XML refuses
_ODD_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85")  # where str.splitlines breaks
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def decode_text(data: bytes, path: str) -> str:
    """The text of `data` with "\\n" line ends; InputError if it is binary or empty."""
    if data.startswith(_UTF16_BOMS):
        text, encoding = _decode_utf16(data, path), "utf-16"
    elif b"\x00" in data:
        raise _binary(path)
    else:
        text, encoding = _decode_8bit(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and not ch.isspace())
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise _binary(path)
    if not text.strip():
        raise InputError(path, "is empty", "give a file with the article's text")
    if encoding in _FALLBACK_ENCODINGS:
        message = f"{path}: not valid UTF-8; read as {encoding} (re-save it as UTF-8 to be sure)"
        warnings.warn(message, UnicodeWarning, stacklevel=2)
    return text


def read_text(data: bytes, path: str) -> Document:
    return text_document(decode_text(data, path), path)


def read_markdown(data: bytes, path: str) -> Document:
    return text_document(_plain_markdown(decode_text(data, path)), path)


def text_document(
    text: str, path: str, known: Metadata = _NO_METADATA, fallback: Metadata = _NO_METADATA
) -> Document:
    """A document of `text`, kept as it is, with what is not article body marked.

    Metadata comes from `known` (the file format's own), then the text (a header block or
    front matter, the headline, a "Published ..." line, the dateline), then `fallback`; an
    outlet still unknown is named after the URL's domain (see briefer.outlets), a date still
    unknown is read from the URL's path where it has one ("/2022/09/12/").
    """
    from briefer.outlets import domain_of, outlet_for_url
    from briefer.readers.metadata import date_in_url

    text = normalize_characters(text)
    known, fallback = _normalized(known), _normalized(fallback)
    cleaned = clean(text, known)
    meta = known.fill(cleaned.meta).fill(fallback)
    if not meta.outlet and meta.url:
        outlet = outlet_for_url(meta.url)
        meta = meta.fill(Metadata(outlet=outlet.name if outlet else domain_of(meta.url)))
    if not meta.date and meta.url:
        meta = meta.fill(Metadata(date=date_in_url(meta.url)))
    if not has_body(text, cleaned.marks):
        raise NoArticleText(
            path,
            "has no article text (only a header, headline or byline)",
            "give a file with the article's text",
        )
    return Document(
        "",
        text,
        without_site_name(meta.title, meta.outlet),
        meta.outlet,
        meta.date,
        meta.url,
        path,
        place=cleaned.place,
        marks=cleaned.marks,
    )


def without_site_name(title: str, outlet: str) -> str:
    """The title without the outlet's name a page's <title> adds: "Losing face: 6,000 masks
    stolen | The Japan Times" -> "Losing face: 6,000 masks stolen"."""
    if not title or not outlet:
        return title
    bare = title.rstrip(" |")
    found = _SITE_SUFFIX.search(bare)
    if found is None:
        return title
    suffix, name = _plain(found.group(1)), _plain(outlet)
    if len(suffix) >= 2 and len(name) >= 2 and (suffix in name or name in suffix):
        return bare[: found.start()].rstrip()
    return title


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+((?:(?!\s[|–—-]\s).)+)$")


def normalize_characters(text: str) -> str:
    """Text that every later stage (tokenizer, XML, terminal) can take, in NFC.

    Every reader's text and metadata pass through here once (in `text_document`): a lone
    surrogate (JSON's "\\ud800") becomes U+FFFD; CR, CRLF and the other line-breaking
    controls (VT, FF, FS-RS, NEL) become "\\n"; every other C0 and C1 control except tab,
    and the noncharacters U+FFFE and U+FFFF, is dropped (ESC sequences with it).
    """
    text = text.replace("\r\n", "\n")
    if _ODD_CHARACTER.search(text):
        text = _ODD_CHARACTER.sub(_replacement, text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _replacement(match: re.Match[str]) -> str:
    character = match.group()
    if character in _LINE_BREAKS:
        return "\n"
    return "\ufffd" if "\ud800" <= character <= "\udfff" else ""


def _normalized(meta: Metadata) -> Metadata:
    return Metadata(*(normalize_characters(value) for value in vars(meta).values()))


def _decode_8bit(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", *_FALLBACK_ENCODINGS):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def _decode_utf16(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid UTF-16 ({exc.reason})", "re-save it as UTF-8"
        ) from exc


def _binary(path: str) -> InputError:
    return InputError(path, "looks binary, not text", "give a text, HTML, DOCX or JSON file")


def _plain_markdown(text: str) -> str:
    """Markdown with links, emphasis and heading marks reduced to their words."""
    front = _FRONT_MATTER.match(text)
    prefix, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_EMPHASIS.sub("", body)
    body = _MD_HEADING.sub("", body)
    return prefix + body
