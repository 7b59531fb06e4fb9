"""How many outlets make a party's point: the salience that orders the party's claims.

A claim's point is made by every independent outlet (`Independence`: one outlet, or a wire
and its reprints, count once) whose article holds a claim of the same party close to it in
meaning (embedding cosine at least RELATED). A party's core claim ("the strikes killed
civilians", "it was self-defence") is carried by most outlets; a side remark by one. Each
further outlet raises the claim's salience by WEIGHT of it, so the lede's core claim and the
table's first claims are the points the coverage agrees the party made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from briefer.compose.outlets import Independence
from briefer.data import Claim, SentenceRef

__all__ = ["RELATED", "WEIGHT", "weighted_by_support"]

RELATED = 0.5  # cosine of two claims' vectors: the same point, or one close to it
WEIGHT = 0.5  # salience gained per further outlet that makes the point


def weighted_by_support(
    scores: Mapping[SentenceRef, float],
    by_party: Mapping[str, Sequence[Claim]],
    vectors: Mapping[SentenceRef, np.ndarray],
    independence: Independence,
) -> dict[SentenceRef, float]:
    """`scores` with each party claim's salience times 1 + WEIGHT x (outlets - 1), where
    outlets counts those making its point; a claim without a vector keeps its score."""
    out = dict(scores)
    for claims in by_party.values():
        have = [c for c in claims if c.sentence.ref in vectors]
        if not have:
            continue
        matrix = np.stack([np.asarray(vectors[c.sentence.ref], np.float32) for c in have])
        close = (matrix @ matrix.T) >= RELATED
        for i, claim in enumerate(have):
            refs = [r for j in np.flatnonzero(close[i]) for r in _refs(have[j])]
            outlets = independence.voices([*_refs(claim), *refs])
            ref = claim.sentence.ref
            out[ref] = scores.get(ref, 0.0) * (1 + WEIGHT * max(0, outlets - 1))
    return out


def _refs(claim: Claim) -> tuple[SentenceRef, ...]:
    return (claim.sentence.ref, *claim.also)
