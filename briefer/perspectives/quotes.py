"""Quotation marks in a sentence: which spans are quoted, and marks a cut sentence lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QUOTE_MARK", "QuoteScan", "closed_quote", "opened_quote", "scan_quotes"]

QUOTE_MARK = "\u0001"  # stands in for a quoted span in the masked sentence


@dataclass(frozen=True)
class QuoteScan:
    masked: str  # the sentence with quoted spans replaced by QUOTE_MARK
    quoted_words: int  # words inside quotes
    whole: bool  # the sentence is (almost) all quote
    open_after: bool  # a quote is still open at the end of the sentence


def scan_quotes(text: str, open_before: bool = False) -> QuoteScan:
    """Mask quoted spans; `open_before` says a quote from the previous sentence runs on."""
    out: list[str] = []
    inside = open_before
    quoted = 0
    buffer: list[str] = []
    if open_before and text.lstrip()[:1] == '"':
        # a quotation over several paragraphs opens again at each one: the mark opens
        text = text.lstrip()[1:]
    for ch in text:
        if ch == "“" or (ch == '"' and not inside):
            if inside:  # a stray opening mark inside a quote: keep going
                continue
            inside = True
            buffer = []
        elif ch == "”" or (ch == '"' and inside):
            if inside:
                quoted += len("".join(buffer).split())
                out.append(f" {QUOTE_MARK} ")
                inside = False
        elif inside:
            buffer.append(ch)
        else:
            out.append(ch)
    if inside:
        quoted += len("".join(buffer).split())
        out.append(f" {QUOTE_MARK} ")
    masked = re.sub(r"\s+", " ", "".join(out)).strip()
    rest = len([w for w in masked.split() if w != QUOTE_MARK and re.search(r"\w", w)])
    return QuoteScan(masked, quoted, whole=quoted >= 3 and rest <= 1, open_after=inside)


def closed_quote(text: str) -> str:
    """A quotation that goes on in the source's next sentence, closed where the shown
    sentence ends (the reader sees where the quoted words stop)."""
    if not scan_quotes(text).open_after:
        return text
    mark = "”" if "“" in text else '"'
    return text + mark


def opened_quote(text: str) -> str:
    """A quotation whose opening mark is in the source's sentence before (“... respond,” Asif
    said.), opened where the shown sentence starts: the reader sees where the quoted words
    begin."""
    close, start = text.find("”"), text.find("“")
    if close != -1 and (start == -1 or close < start):
        return "“" + text.lstrip()
    if text.count('"') % 2 and _CLOSING.match(text):
        return '"' + text.lstrip()  # posts..." the FO said.
    return text


# The first straight quotation mark closes a quote: it follows a word or punctuation, and a
# space, punctuation or the end follows it.
_CLOSING = re.compile(r'^[^"]*[^\s"(\[]"(?=[\s,.;:!?)]|$)')
