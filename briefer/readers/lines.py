"""The lines of a saved page and their shapes: where a paragraph starts, whether a line goes
on with a hard-wrapped sentence, whether it is shaped like a heading or a standfirst.

clean.py decides what each line is from these shapes and from where the line stands.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "SENTENCE_END",
    "CLOSING_QUOTE",
    "Line",
    "continues_sentence",
    "deck_shape",
    "ends_inside",
    "heading_shape",
    "norm",
    "norm_words",
    "read_lines",
    "repeated_before_body",
]

# A line that ends as a sentence does (a colon or semicolon ends a caption or a label too).
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")

_HEADING_MAX_WORDS = 14
_HEADING_MAX_CHARS = 100
_QUESTION_MAX_WORDS = 10
_WRAP_MIN = 40  # characters: narrower lines are a list or verse, not wrapped copy
CLOSING_QUOTE = re.compile(r"[\"”’»]$")
_WORD = re.compile(r"[\w'’]+")
# A headline's quotation, in single marks: "Kabul summons envoy, protests ‘large-scale arrest’"
_HEADLINE_QUOTE = re.compile(r"‘[^‘’“”\"]*[^\W_]’$")
_QUESTION = re.compile(
    r"^(?:what|why|how|who|whom|whose|where|when|which|is|are|was|were|can|could|will|would|"
    r"did|does|do|should|has|have)\b.*\?$",
    re.IGNORECASE,
)


@dataclass
class Line:
    start: int
    end: int
    text: str
    new_paragraph: bool  # a blank line (or the file's start) comes before it
    kind: str = ""  # "" for body

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_lines(text: str) -> list[Line]:
    """Non-blank lines with their spans, surrounding whitespace excluded."""
    out = []
    previous_end = 0
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            gap = text[previous_end:start]
            out.append(
                Line(start, start + len(stripped), stripped, not out or gap.count("\n") >= 2)
            )
            previous_end = start + len(stripped)
    return out


def ends_inside(text: str) -> bool:
    """More than one sentence ("... fighting. The army said ...")."""
    return re.search(r"[.!?][\"'”’]?\s+[A-Z“\"]", text) is not None


def norm_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def norm(text: str) -> str:
    return " ".join(norm_words(text))


def repeated_before_body(content: list[Line]) -> set[str]:
    """Lines that appear again later: the standfirst repeated as the first paragraph."""
    counts = Counter(norm(line.text) for line in content if line.words >= 6)
    return {text for text, n in counts.items() if n >= 2}


def continues_sentence(content: list[Line], i: int) -> bool:
    """The line is part of a hard-wrapped sentence: it follows a line of the same paragraph
    that did not end the sentence, or the next line of its paragraph carries on in lower case."""
    line = content[i]
    if i > 0 and not line.new_paragraph and not content[i - 1].kind:
        prev = content[i - 1].text
        if line.text[:1].islower():
            return True
        ended = SENTENCE_END.search(prev) or CLOSING_QUOTE.search(prev) or prev[-1] in ")]"
        if not ended and not _heading_like_text(prev):
            return True
    if i + 1 < len(content) and not content[i + 1].new_paragraph:
        following = content[i + 1].text
        return (
            following[:1].islower()
            or _wrapped_mid_paragraph(content, i)
            or (len(line.text) >= _WRAP_MIN and bool(_OPEN_END.search(line.text)))
        )
    return False


# A line of wrapped copy that ends on an article, a preposition or a conjunction goes on in
# the next one: "Pakistani Prime Minister Nawaz Sharif's office and the" / "Pakistani ...".
_OPEN_END = re.compile(r"\s(?:the|a|an|and|or|of|to|in|on|at|by|for|from|with|that)$")


def _wrapped_mid_paragraph(content: list[Line], i: int) -> bool:
    """Inside a paragraph of hard-wrapped copy, a line as long as the lines around it was cut
    at the wrap width ("Major Jawad Ali Changezi was among nine Pakistani and six" / "Afghan
    troops who were wounded ..."), whatever case the next line starts in; a heading is
    shorter, or opens its paragraph."""
    line = content[i]
    if i == 0 or line.new_paragraph or content[i - 1].kind:
        return False
    near = [c.text for c in content[max(0, i - 3) : i + 4] if c is not line]
    width = max((len(t) for t in near), default=0)
    return width >= _WRAP_MIN and len(line.text) >= 0.85 * width and line.text[-1:].isalnum()


def _heading_like_text(text: str) -> bool:
    return len(text.split()) <= 6 and not text[:1].islower()


def heading_shape(line: Line, content: Sequence[Line] = (), i: int = -1) -> bool:
    """A short line without final punctuation (or a short question on its own): a sub-heading,
    a headline or a standfirst."""
    text = line.text
    if _QUESTION.match(text) and line.words <= _QUESTION_MAX_WORDS:
        return i < 0 or i + 1 >= len(content) or content[i + 1].text[:1].isupper()
    if SENTENCE_END.search(text):
        return False
    if CLOSING_QUOTE.search(text) and line.words >= 8 and not _HEADLINE_QUOTE.search(text):
        return False  # a quotation that ends the line (a headline quotes in single marks)
    return line.words <= _HEADING_MAX_WORDS and len(text) <= _HEADING_MAX_CHARS


def deck_shape(line: Line) -> bool:
    """A longer single sentence without final punctuation under a headline: a standfirst."""
    text = line.text
    if SENTENCE_END.search(text) or CLOSING_QUOTE.search(text) or line.words > 40:
        return False
    return not ends_inside(text)
