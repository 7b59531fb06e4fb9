"""The page being composed: a word budget, and every statement placed so far.

A statement goes on the page only if it fits the budget and repeats nothing already there:
neither a run of eight words (the same sentence, or most of it; the speaker's name aside)
nor a sentence that says the same thing (`is_repeat`). Words are counted as a reader of the
Markdown counts them (str.split()): a statement's words plus one per source number ("[1,",
"3]").
"""

from __future__ import annotations

import re

from briefer.data import SECTION_TITLES, Statement
from briefer.perspectives import is_repeat

__all__ = ["Page", "SHINGLE", "heading_words"]

SHINGLE = 8  # words: a run this long shown twice is a repeat
_WORD = re.compile(r"[\w'’-]+")


class Page:
    def __init__(self, budget: int | None) -> None:
        self.budget = budget  # None: no limit
        self.used = 0
        self._shingles: set[tuple[str, ...]] = set()
        self._texts: list[tuple[str, str]] = []  # (text, speaker)

    def left(self) -> float:
        return float("inf") if self.budget is None else self.budget - self.used

    def repeats(self, statement: Statement) -> bool:
        """Whether `statement` says again what the page already says (the words of a speaker
        both name aside)."""
        text, speaker = statement.text, statement.speaker
        if _shingles(text, speaker) & self._shingles:
            return True
        return any(
            is_repeat(text, other, speaker if speaker == said_by else "")
            for other, said_by in self._texts
        )

    def place(self, statement: Statement, words: int) -> None:
        self.used += words
        self._shingles |= _shingles(statement.text, statement.speaker)
        self._texts.append((statement.text, statement.speaker))

    def spend(self, words: int) -> None:
        """Words of markup (headings, table rules) that hold no statement."""
        self.used += words


def heading_words(place: str) -> int:
    """A section's heading as the Markdown shows it: "## Key facts not in dispute"."""
    return 1 + len(SECTION_TITLES[place].split())


def _shingles(text: str, speaker: str = "") -> set[tuple[str, ...]]:
    """The runs of SHINGLE words of `text`, none across or inside its speaker's name (two
    claims of "Iran's mission to the UN in New York" are not one claim twice)."""
    pieces = re.split(re.escape(speaker), text, flags=re.IGNORECASE) if speaker else [text]
    out = set()
    for piece in pieces:
        words = [w.lower() for w in _WORD.findall(piece)]
        out |= {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return out
