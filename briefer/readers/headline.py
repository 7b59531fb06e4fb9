"""The headline inside a page's text: the title again, or a line shaped like one.

    is_headline(line, "Troops clash at Kesh gate", more=True) -> True for "Troops clash at
        Kesh gate | Wire", not for "KESH, May 7. /WIRE/. Troops clashed at the Kesh gate ..."
    link_debris(paragraph, title) -> where a paragraph starts after a box of links that
        repeats the headline

Knows nothing of the rest of the page: clean.py decides by position.
"""

from __future__ import annotations

import re

from briefer.readers.furniture import furniture_kind
from briefer.readers.lines import SENTENCE_END, Line, norm_words
from briefer.readers.metadata import dateline_at

__all__ = ["is_headline", "link_debris", "similar"]

_TITLE_MAX_CHARS = 150


def is_headline(line: Line, title: str, *, more: bool) -> bool:
    """Whether `line` is the headline: the `title` again when there is one, else a line
    shaped like a title with `more` lines after it."""
    if title:
        # not the first paragraph a feed cut its title from: "DUSHANBE, September 16. /TASS/.
        # The Kyrgyz armed forces continue to attack ..." (a dateline opens no headline)
        return similar(line.text, title) and dateline_at(line.text, 0) is None
    return more and _looks_like_title(line.text)


def _looks_like_title(line: str) -> bool:
    if len(line) > _TITLE_MAX_CHARS or dateline_at(line, 0) is not None:
        return False
    if len(re.findall(r"[^\W\d_]{2,}", line)) < 2 or _PLACE_AND_DATE.match(line):
        return False  # "+ ↺ − 16 px" (page controls), "BAKU, Azerbaijan, July 14"
    if furniture_kind(line)[0]:
        return False
    return line.startswith("#") or not line.rstrip("\"'”’").endswith((".", ":", ";", ","))


_PLACE_AND_DATE = re.compile(
    r"^[A-Z][\w'’.-]*(?:[ ,]+[A-Z][\w'’.-]*)*,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?\W*$",
    re.IGNORECASE,
)


def link_debris(line: str, title: str) -> int:
    """Where a paragraph's own text starts after a box of links glued before it that repeats
    the headline ("South Sudan says it has seized ... - CNN South Sudan says it has seized
    ... - CNN George Clooney returns from Sudan ... "That is South Sudan," he said. ..."):
    the end of the sentence holding the headline's last repetition; 0 if there is none."""
    if len(title.split()) < 4 or not line.lower().startswith(title.lower()):
        return 0
    last = line.lower().rfind(title.lower())
    if last == 0:
        return 0
    end = _SENTENCE_BREAK.search(line, last + len(title))
    return end.end() if end else 0


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+(?=[\"“‘A-Z])")


_TITLE_SUFFIX_WORDS = 4  # "| Dawn News English": more after the headline is a paragraph


def similar(line: str, title: str) -> bool:
    """The same headline, give or take case, punctuation and a " | Outlet" suffix."""
    a, b = norm_words(line.lstrip("#")), norm_words(title)
    if not a or not b:
        return False
    if a == b or (len(a) >= 4 and a == b[: len(a)]):
        return True
    if len(b) >= 4 and b == a[: len(b)]:
        # the headline and the site's name ("... oil-rich area - CNN") or other headlines;
        # not a paragraph of sentences that a box of links glued to (see link_debris)
        return len(a) <= len(b) + _TITLE_SUFFIX_WORDS or not (
            SENTENCE_END.search(line) or _SENTENCE_BREAK.search(line)
        )
    shared = len(set(a) & set(b))
    return shared / max(len(set(a)), len(set(b))) >= 0.8 and not SENTENCE_END.search(line)
