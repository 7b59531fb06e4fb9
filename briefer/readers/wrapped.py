"""Print copy hard-wrapped at hyphens: "a senior of- ficial of the district ad- ministration".

Newspaper text saved from a print edition keeps the hyphens where its columns broke words.
Documents keep their text as read (spans stay exact); the words are mended where they are read
(attribution) and where they are shown (the brief).
"""

from __future__ import annotations

import re

__all__ = ["mend_broken_words"]


def mend_broken_words(text: str, *, same_length: bool = False) -> str:
    """A word that hard-wrapped print copy broke at a hyphen made whole again ("of- ficial",
    "ad- ministration"; not "pro- and anti-"). `same_length`: its two characters go after
    the word as spaces, so that every offset after it stays the same."""
    if same_length:
        return _BROKEN_WORD.sub(lambda m: m.group(1) + "  ", text)
    return _BROKEN_WORD.sub(r"\1", text)


# "in- discriminate": a hyphen and a space inside a lower-case word; not "pro- and anti-".
_BROKEN_WORD = re.compile(r"(?<=[A-Za-z][a-z])- (?!(?:and|or|nor|to)\b)([a-z]{2,}[\w'’-]*)")
