"""Document -> Sentence: NLTK Punkt with briefer's own shipped parameters.

The parameters live in `briefer/resources/punkt/` as plain data (no pickle, no download):
`params.json`, learned by `scripts/train_punkt.py`, and `abbreviations.txt`, a curated list.

Before Punkt sees the text it is cut into blocks at paragraph breaks, after heading-like
lines and before list items, so a title or a bullet never runs into the next sentence.

Any size of text splits in linear time: Punkt reads a long block through a window of at most
`PUNKT_WINDOW` characters (the window's last sentence, which may run on, starts the next
window), so no regex call meets more than that (NLTK stops a call after 5 s). A "sentence"
longer than `MAX_SENTENCE_WORDS` words or `MAX_SENTENCE_CHARS` characters (a line without
punctuation, a table flattened into one line) is cut there, at a word boundary where there
is one: no stage downstream ever gets an unbounded sentence.
Spans are exact: `document.text[s.start:s.end] == s.text`, and the sentences cover every
non-space character of the text exactly once. The spans the readers marked as non-body
(`Document.marks`: a header block, a byline, a dateline...) are hard breaks: body sentences
never run into them, and `split_segments` returns them as segments of their own kind.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import TYPE_CHECKING

from briefer.data import BODY, Document, Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = [
    "MAX_SENTENCE_CHARS",
    "MAX_SENTENCE_WORDS",
    "PUNKT_WINDOW",
    "split_segments",
    "split_sentences",
    "split_text",
]

PUNKT_WINDOW = 20_000  # characters Punkt reads at once: milliseconds a window
MAX_SENTENCE_WORDS = 250  # real news sentences stay under 100 words; more is not prose
MAX_SENTENCE_CHARS = 3_000  # 250 long words; a longer run without spaces is cut in the word

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]*\n?")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–—]\s|#|\d{1,3}[.)]\s)")
_LINK_END = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+$")  # an embed's last line
_SHORT_LINE = 50  # characters: a shorter line without final punctuation is a heading
_WORD = re.compile(r"\S+")
_GLUED = re.compile(r"(?P<word>\b[a-z]{3,})[.!?][\"”’]?(?=[A-Z][a-z])")
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*])\s*")
_GLUE_ABBREVIATIONS = frozenset("mrs gen col capt sgt gov sen rep maj prof rev est".split())
_QUOTED_END = re.compile(r"[?!][\"'”’»]+$")  # a quoted question or exclamation ends here ...
_GOES_ON = re.compile(r"[a-z]")  # ... and the sentence goes on: '“Why?” he asked.'


def split_sentences(document: Document) -> tuple[Sentence, ...]:
    """The body sentences of `document`, in order, numbered from 0, each with its span."""
    return tuple(s for s in split_segments(document) if s.kind == BODY)


def split_segments(document: Document) -> tuple[Sentence, ...]:
    """Body sentences and the non-body segments the readers marked, in text order.

    Body sentences are numbered 0, 1, ...; a marked segment has index -1 and its mark's kind.
    """
    text = document.text
    pieces: list[tuple[int, int, str]] = []
    start = 0
    for mark in sorted(document.marks, key=lambda m: m.start):
        pieces.extend(_body(text, start, mark.start))
        span = _strip(text, mark.start, mark.end)
        if span is not None:
            pieces.append((*span, mark.kind))
        start = max(start, mark.end)
    pieces.extend(_body(text, start, len(text)))
    out: list[Sentence] = []
    index = 0
    for a, b, kind in pieces:
        number = index if kind == BODY else -1
        out.append(Sentence(document.id, number, a, b, text[a:b], kind))
        index += kind == BODY
    return tuple(out)


def _body(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Body sentences of text[start:end], sentences run together without a space
    ("... he said.Iran's mission ...", as copied pages often have them) apart."""
    out: list[tuple[int, int, str]] = []
    pending = -1  # the start of a lone list number ("1.") waiting for its item
    for a, b in split_text(text[start:end]):
        a, b = start + a, start + b
        if pending >= 0:
            a, pending = pending, -1
        if _LIST_NUMBER.fullmatch(text[a:b]):
            pending = a
            continue
        for match in _GLUED.finditer(text, a, b):
            if match.group("word").lower() not in _GLUE_ABBREVIATIONS:
                out.append((a, match.end(), BODY))
                a = match.end()
        out.append((a, b, BODY))
    if pending >= 0:
        out.append((pending, len(text[:end].rstrip()), BODY))
    return out


def split_text(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of `text`, whitespace stripped."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        for start, end in _joined(text, _punkt_spans(text, block_start, block_end)):
            spans.extend(_capped(text, start, end))
    return spans


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt always ends a sentence at "?" and "!", also inside a quotation that the sentence
    goes on after: '“Does the law allow it?” he asked.' is one sentence, not a question and
    a fragment ("he asked.") that reads as nonsense on its own."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _QUOTED_END.search(text, out[-1][0], out[-1][1]) and _GOES_ON.match(text, start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _punkt_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Punkt's sentences of text[start:end], read a window of PUNKT_WINDOW at a time.

    A window that stops short of `end` (at a space, where there is one) keeps its sentences
    but the last, which may go on past it: the next window starts at that sentence. A window
    of one sentence only gives it up to the window's end (`_capped` cuts it anyway).
    """
    spans: list[tuple[int, int]] = []
    while start < end:
        stop = min(end, start + PUNKT_WINDOW)
        if stop < end:
            space = max(text.rfind(" ", start, stop), text.rfind("\n", start, stop))
            stop = space + 1 if space > start + PUNKT_WINDOW // 2 else stop
        window = text[start:stop]
        pieces: list[tuple[int, int]] = []
        previous = 0
        for cut in [*(e for _, e in _tokenizer().span_tokenize(window)), len(window)]:
            span = _strip(window, previous, max(cut, previous))
            if span is not None:
                pieces.append((start + span[0], start + span[1]))
            previous = max(cut, previous)
        if stop < end and len(pieces) > 1:
            stop = pieces.pop()[0]  # read again, with what follows it, in the next window
        spans.extend(pieces)
        start = stop
    return spans


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span, cut into pieces of at most MAX_SENTENCE_WORDS words and MAX_SENTENCE_CHARS
    characters, each piece ending at the end of a word unless one word is longer than that."""
    if end - start < min(2 * MAX_SENTENCE_WORDS, MAX_SENTENCE_CHARS):  # too short to be over
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    while start < end:
        stop = _cap_end(text, start, end)
        span = _strip(text, start, stop)
        if span is not None:
            pieces.append(span)
        start = stop
    return pieces


def _cap_end(text: str, start: int, end: int) -> int:
    """Where the piece of text[start:end] that starts at `start` ends."""
    limit = min(end, start + MAX_SENTENCE_CHARS)
    words, last = 0, start
    for word in _WORD.finditer(text, start, end):
        if word.end() > limit:
            return last if last > start else limit
        words, last = words + 1, word.end()
        if words == MAX_SENTENCE_WORDS:
            return last
    return end


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the text between forced sentence breaks."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        blocks.extend(_line_blocks(text, start, match.start()))
        start = match.end()
    blocks.extend(_line_blocks(text, start, len(text)))
    return blocks


def _line_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut one paragraph after heading-like lines and before list items."""
    blocks: list[tuple[int, int]] = []
    block_start = start
    for match in _LINE.finditer(text, start, end):
        line, line_end = match.group(), match.end()
        if not line or line_end >= end:
            break
        if _LIST_ITEM.match(text, line_end, end) or (
            _ends_block(line) and not _wrapped(line, text, line_end, end)
        ):
            blocks.append((block_start, line_end))
            block_start = line_end
    blocks.append((block_start, end))
    return blocks


def _ends_block(line: str) -> bool:
    """A line ending in a newline is a heading when short and without final punctuation."""
    if not line.endswith("\n"):
        return False
    content = line.strip()
    if _LIST_ITEM.match(line) or not content or _LINK_END.search(content):
        return True
    if _INTRODUCES.search(content):
        return True  # "... released the following communique:": the text it introduces follows
    return len(content) < _SHORT_LINE and not _SENTENCE_END.search(content)


_INTRODUCES = re.compile(r"\bfollowing\b[^:]{0,80}:$|\bas follows:$", re.IGNORECASE)


def _wrapped(line: str, text: str, line_end: int, end: int) -> bool:
    """A short line (or list item) that hard-wrapped copy broke mid-sentence: the next line
    goes on in lower case ("BRUSSELS, Oct 3 NATO demanded an immediate halt" / "to
    "aggressive acts" against ..."), and the line ends on a word, not a colon or a link."""
    content = line.strip()
    return (
        bool(content)
        and content[-1:].isalnum()
        and not _LINK_END.search(content)
        and bool(_CONTINUES.match(text, line_end, end))
    )


_CONTINUES = re.compile(r"[ \t]*[a-z]+[ ,;.\n]")  # "to ...", "strike"


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@functools.cache
def _tokenizer() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    folder = resources.files("briefer") / "resources" / "punkt"
    data = json.loads((folder / "params.json").read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"]) | _abbreviations(
        (folder / "abbreviations.txt").read_text(encoding="utf-8")
    )
    params.collocations = {(a, b) for a, b in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for typ, flags in data["ortho_context"].items():
        params.ortho_context[typ] = flags
    return PunktSentenceTokenizer(params)


def _abbreviations(listing: str) -> set[str]:
    words = (line.split("#", 1)[0].strip().lower() for line in listing.splitlines())
    return {word.rstrip(".") for word in words if word}
