"""Disputes: the points on which parties' claims meet, and what tells their accounts apart.

    party claims ─▶ disputed_topics: points (who was hit, casualties, blame, law) on which at
        least two parties make claims; a sentence that reports one party's claim and
        another's rejection ("Islamabad asserts ..., a claim Kabul refutes") counts for both
    ─▶ contested_cues: per disputed point, the cue words and figures that one party's
        account uses and another's does not ("militants" against "civilians", "46")
    ─▶ contradicts(text, cues): a narrator sentence that takes one side's version of a
        disputed point, which is then no fact not in dispute

Figures from different parties are never merged or averaged: each stays with its party.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from briefer.data import Claim
from briefer.perspectives.topics import cues, point_name

__all__ = [
    "DISPUTE_TOPICS",
    "contested_cues",
    "contradicts",
    "disputed_topics",
    "point_name",
    "speaks_to",
]

DISPUTE_TOPICS = ("casualties", "targets", "responsibility", "legality")
# Cue words both sides use in their own sense; never a sign of one side's version.
_SHARED_SENSE = frozenset(
    "hit struck targeted target targets targeting affected toll border".split()
)


def disputed_topics(by_party: Mapping[str, Sequence[Claim]]) -> tuple[str, ...]:
    """The DISPUTE_TOPICS on which at least two parties make claims, in that order."""
    out = []
    for topic in DISPUTE_TOPICS:
        parties = {
            party
            for owner, claims in by_party.items()
            for c in claims
            if c.topic == topic
            for party in (owner, *c.also_parties)
        }
        if len(parties) >= 2:
            out.append(topic)
    return tuple(out)


def contested_cues(
    by_party: Mapping[str, Sequence[Claim]], topics: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Per topic, the cue words and figures some party's claims on it use and another's do not
    (all of them when only one party speaks to the point and another rejects it)."""
    out: dict[str, frozenset[str]] = {}
    for topic in topics:
        used = [
            set().union(*(cues(c.sentence.text, topic) for c in claims if c.topic == topic))
            for claims in by_party.values()
        ]
        used = [u for u in used if u]
        if not used:
            continue
        common = set.intersection(*used) if len(used) > 1 else set()
        out[topic] = frozenset(set.union(*used) - common - _SHARED_SENSE)
    return out


def contradicts(text: str, contested: Mapping[str, frozenset[str]]) -> bool:
    """Whether `text` gives one party's version of a disputed point (its cues or figures)."""
    return any(cues(text, topic) & words for topic, words in contested.items())


def speaks_to(text: str, topics: Iterable[str]) -> bool:
    """Whether `text` gives an account of one of `topics` (a cue word of it that is not one
    both sides use in their own sense, or, on casualties, a figure)."""
    return any(cues(text, topic) - _SHARED_SENSE for topic in topics)
