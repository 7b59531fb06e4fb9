"""Collapse exact and near-duplicate documents (the same wire story saved twice).

Two documents are near-duplicates when the Jaccard similarity of their word 5-gram
shingles is at least 0.8. The first in input order is kept, and lists the paths of the
copies it absorbed in `Document.duplicates`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefer.data import Document

__all__ = ["collapse_duplicates", "shingles", "similarity"]

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8
_WORD = re.compile(r"\w+")


def collapse_duplicates(documents: list[Document]) -> list[Document]:
    kept: list[Document] = []
    kept_shingles: list[frozenset[tuple[str, ...]]] = []
    holders: dict[tuple[str, ...], list[int]] = {}  # shingle -> kept documents that have it
    for doc in documents:
        grams = shingles(doc.text)
        match = _first_near_duplicate(grams, kept_shingles, holders)
        if match is None:
            for gram in grams:
                holders.setdefault(gram, []).append(len(kept))
            kept.append(doc)
            kept_shingles.append(grams)
        else:
            keeper = kept[match]
            absorbed = (doc.path, *doc.duplicates)
            kept[match] = replace(keeper, duplicates=(*keeper.duplicates, *absorbed))
    return kept


def _first_near_duplicate(
    grams: frozenset, kept: list[frozenset], holders: dict[tuple[str, ...], list[int]]
) -> int | None:
    """The first kept document at least NEAR_DUPLICATE similar to `grams`, if any.

    Only kept documents sharing a shingle can match, so they are counted from the index
    rather than compared one by one with every kept document (quadratic in a big corpus).
    """
    shared: dict[int, int] = {}
    for gram in grams:
        for i in holders.get(gram, ()):
            shared[i] = shared.get(i, 0) + 1
    for i in sorted(shared):
        if shared[i] / (len(grams) + len(kept[i]) - shared[i]) >= NEAR_DUPLICATE:  # Jaccard
            return i
    return None


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Word 5-grams of the case-folded text (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return frozenset([tuple(words)])
    return frozenset(tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - 4))


def similarity(a: frozenset, b: frozenset) -> float:
    """Jaccard similarity; cheap to reject when the sizes alone rule a match out."""
    if not a or not b or min(len(a), len(b)) < NEAR_DUPLICATE * max(len(a), len(b)):
        return 0.0
    return len(a & b) / len(a | b)
