"""Which parts of a sentence its speaker asserts, and who owns the rest.

"Following airstrikes ..., which left 46 dead, Pakistan defended its operations": Pakistan
asserts the main clause, not the relative clause. "X, of one party, claimed that A, Y, of the
other, said that B" (two statements run together): Y asserts B, X owns A.
"""

from __future__ import annotations

import re

from briefer.data import NARRATOR, OTHER, Claim, Clause, Sentence
from briefer.perspectives.speakers import Report

__all__ = ["asserted", "other_clauses", "owned_spans", "without"]

_WORD = re.compile(r"[A-Za-z]+")


def owned_spans(
    report: Report, others: list[tuple[Report, str, str]], party: str, length: int
) -> tuple[tuple[int, int], ...]:
    """The main report's owned spans, less a report of another party that comes before its
    speaker: "Nafeez Zakaria, Pakistani foreign minister, claimed that A, General Abdul
    Raziq, police chief in Kandahar, said that B" (two statements run together, the parse
    makes the first part of the second) asserts B for Raziq, not A."""
    fronted = [
        r
        for r, _, p in others
        if p not in (party, OTHER, NARRATOR)
        and r.depth > 0
        and not r.in_quote
        and not r.denial
        and r.end <= report.start
    ]
    if not fronted:
        return report.owned
    cuts = tuple(
        (min([r.start, *(a for a, _ in r.owned)]), max([r.end, *(b for _, b in r.owned)]))
        for r in fronted
    )
    return without(report.owned, cuts, length)


def other_clauses(
    text: str, owned: tuple[tuple[int, int], ...], others: list[tuple[Report, str, str]]
) -> tuple[Clause, ...]:
    """The parts of the sentence outside what its speaker owns, each with its own owner."""
    if not owned:
        return ()
    out = []
    position = 0
    for a, b in (*owned, (len(text), len(text))):
        piece = text[position:a]
        if len(_WORD.findall(piece)) >= 3:
            start = position + len(piece) - len(piece.lstrip(" ,;:—–-"))
            end = a - (len(piece) - len(piece.rstrip(" ,;:—–-")))
            owner = next(
                ((s, p) for r, s, p in others if start <= r.verb_start < end), ("", NARRATOR)
            )
            out.append(Clause(start, end, *owner))
        position = max(position, b)
    return tuple(out)


def asserted(
    sentence: Sentence, owned: tuple[tuple[int, int], ...], earlier: tuple[tuple[int, int], ...]
) -> tuple[tuple[tuple[int, int], ...], str]:
    """The spans of `sentence` its speaker asserts (`owned`; none: all of it) less those that
    tell an earlier event (`earlier`: "following a spate of attacks ... that left 80 dead"),
    and their text."""
    spans = without(owned, earlier, len(sentence.text))
    return spans, Claim(sentence, owned=spans).owned_text


def without(
    spans: tuple[tuple[int, int], ...], cuts: tuple[tuple[int, int], ...], length: int
) -> tuple[tuple[int, int], ...]:
    """`spans` (none: the whole of a text of `length` characters) less the `cuts`; `spans`
    unchanged when there are no cuts."""
    if not cuts:
        return spans
    pieces = list(spans or ((0, length),))
    for cut in cuts:
        pieces = [piece for a, b in pieces for piece in _minus((a, b), cut)]
    return tuple(pieces)


def _minus(span: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    (a, b), (c, d) = span, cut
    return [x for x in ((a, min(b, c)), (max(a, d), b)) if x[0] < x[1]]
