"""The block above a saved page's text: front matter or `Key: value` lines (clipping tools,
mail exports), and the search tool's "date 2025-07-24" before the page's first line.

    header_block(lines) -> (metadata, index of the first line after the block)
    split_date_prefix(content) -> the content with the date prefix a line of its own
"""

from __future__ import annotations

import re

from briefer.readers.furniture import SEPARATOR, TIMESTAMP
from briefer.readers.lines import Line
from briefer.readers.metadata import Metadata, header_fields

__all__ = ["HEADER", "header_block", "split_date_prefix"]

HEADER = "header"

_KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,18}?)\s*:[ \t]*(.*?)\s*$")
_FRONT_MATTER_FENCE = re.compile(r"^\s*(?:---|\.\.\.)\s*$")
# The search tool's " date 2025-07-24 " before a page's first line.
_DATE_PREFIX = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\b[ \t]*")


def split_date_prefix(content: list[Line]) -> list[Line]:
    """ " date 2025-07-24 Trending": the date before the page's first line is a line of its own."""
    if not content:
        return content
    first = content[0]
    match = _DATE_PREFIX.match(first.text)
    if match is None:
        return content
    date_end = first.start + len(match.group().rstrip())
    pieces = [
        Line(first.start, date_end, first.text[: len(match.group().rstrip())], True, TIMESTAMP)
    ]
    rest = first.text[match.end() :]
    if rest:
        pieces.append(Line(first.start + match.end(), first.end, rest, True))
    return [*pieces, *content[1:]]


def header_block(lines: list[Line]) -> tuple[Metadata, int]:
    """A header block at the top (front matter or `Key: value` lines): its metadata, and the
    index of the first line after it. Its lines get the kind "header"."""
    if not lines:
        return Metadata(), 0
    meta = Metadata()
    if lines[0].text == "---":
        for i in range(1, len(lines)):
            if _FRONT_MATTER_FENCE.match(lines[i].text):
                for line in lines[: i + 1]:
                    line.kind = HEADER
                    kv = _KEY_VALUE.match(line.text)
                    meta = meta.fill((header_fields(*kv.groups()) if kv else None) or Metadata())
                return meta, i + 1
        return meta, 0
    count, strong = 0, False
    for line in lines:
        kv = _KEY_VALUE.match(line.text)
        fields = header_fields(*kv.groups()) if kv else None
        if fields is None:
            break
        strong = strong or fields != Metadata()
        meta = meta.fill(fields)
        count += 1
    if count == 0 or not strong:
        return Metadata(), 0
    if count < len(lines) and SEPARATOR.match(lines[count].text):
        count += 1
    for line in lines[:count]:
        line.kind = HEADER
    return meta, count
