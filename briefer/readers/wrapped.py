"""Words as print and web copy left them: broken at a hyphen where a column wrapped ("a senior
of- ficial of the district ad- ministration"), or with a page's link icon glued on ("the
Durand Lineinfo-icon", Pajhwok's glossary links).

Documents keep their text as read (spans stay exact); the words are mended where they are read
(attribution) and where they are shown (the brief).
"""

from __future__ import annotations

import re

__all__ = ["mend_words"]


def mend_words(text: str, *, same_length: bool = False) -> str:
    """`text` with each word that hard-wrapped copy broke at a hyphen whole again ("of-
    ficial", "ad- ministration"; not "pro- and anti-") and glued link icons gone.
    `same_length`: what goes becomes spaces after the word, so that every offset after it
    stays the same."""
    if same_length:
        text = _BROKEN_WORD.sub(lambda m: m.group(1) + "  ", text)
        return _ICON.sub(lambda m: " " * len(m.group()), text)
    return _ICON.sub("", _BROKEN_WORD.sub(r"\1", text))


# "in- discriminate": a hyphen and a space inside a lower-case word; not "pro- and anti-".
_BROKEN_WORD = re.compile(r"(?<=[A-Za-z][a-z])- (?!(?:and|or|nor|to)\b)([a-z]{2,}[\w'’-]*)")
_ICON = re.compile(r"(?<=[a-z])info-icon\b")
