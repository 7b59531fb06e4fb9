"""Plain text and Markdown (.txt, .md, .markdown), and the byte-to-text decoding all readers share.

Text is UTF-8 (a BOM is fine); anything else is read as cp1252, then latin-1, with a warning
that names the file. Markdown may open with `---` front matter (title, source/outlet, date, url).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import warnings

from briefer.data import Document
from briefer.errors import InputError
from briefer.readers.metadata import (
    Metadata,
    guess_metadata,
    parse_front_matter,
    strip_dateline,
)

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
    """A document from plain text.

    Metadata comes from `known` (the file's own metadata), then front matter, then a title
    line or a dateline in the text, then `fallback`.
    """
    text = normalize_characters(text)
    known, fallback = _normalized(known), _normalized(fallback)
    front, text = parse_front_matter(text)
    given = known.fill(front)
    guessed, body = guess_metadata(text)
    if given.title and guessed.title and guessed.title != given.title:
        body = text.strip()  # the first line is text, not a second title
    meta = given.fill(guessed).fill(fallback)
    body = strip_dateline(body.strip())
    if not body.strip():
        raise InputError(path, "is empty", "give a file with the article's text")
    return Document("", body, meta.title, meta.outlet, meta.date, meta.url, path)


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
    _, body = parse_front_matter(text)
    prefix = text[: len(text) - len(body)]
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_EMPHASIS.sub("", body)
    body = _MD_HEADING.sub("", body)
    return prefix + body
