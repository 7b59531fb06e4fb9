"""Disputes: points on which the parties' claims meet (who was hit, casualties, blame, law).

Each side keeps its own claims: figures from different parties are never merged or averaged.
A sentence that reports one party's claim and another's rejection ("Islamabad asserts ...,
a claim Kabul refutes") stands on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.data import Dispute, DisputeSide, Position
from briefer.perspectives.topics import point_name

__all__ = ["DISPUTE_TOPICS", "find_disputes"]

DISPUTE_TOPICS = ("targets", "casualties", "responsibility", "legality")
MAX_CLAIMS_PER_SIDE = 2  # position claims come most salient first


def find_disputes(positions: Sequence[Position]) -> tuple[Dispute, ...]:
    """One Dispute per point on which at least two parties make claims, sides in party order."""
    disputes = []
    for topic in DISPUTE_TOPICS:
        sides = []
        for position in positions:
            on_point = [c for c in position.claims if c.topic == topic]
            # the party's own words before a sentence that reports its denial of another's
            claims = sorted(on_point, key=lambda c: c.party != position.party)
            if claims:
                sides.append(DisputeSide(position.party, tuple(claims[:MAX_CLAIMS_PER_SIDE])))
        if len(sides) >= 2:
            disputes.append(Dispute(point_name(topic), tuple(sides)))
    return tuple(disputes)
