"""Disputes: the points the parties' claims meet on, and what tells their accounts apart."""

from __future__ import annotations

from briefer.data import RankedSentence, Sentence
from briefer.perspectives import (
    attribute,
    contested_cues,
    contradicts,
    disputed_topics,
    distinct_claims,
    load_profile,
    party_claims,
)

PROFILE = load_profile("pak-afg")


def _by_party(*texts: str):
    sentences = [Sentence("d1", i, 0, len(t), t) for i, t in enumerate(texts)]
    claims = attribute(sentences, PROFILE)
    ranked = [RankedSentence(s, 1.0 - i / 100) for i, s in enumerate(sentences)]
    return party_claims(distinct_claims(claims, ranked), PROFILE)


def test_casualty_figures_from_two_sides_make_a_disputed_point() -> None:
    by_party = _by_party(
        "Pakistan's military said the strikes killed 20 militants.",
        "Zabihullah Mujahid said the strikes killed eight civilians, including women.",
    )
    assert disputed_topics(by_party) == ("casualties",)
    cues = contested_cues(by_party, ["casualties"])["casualties"]
    assert {"20", "eight"} <= cues and "killed" not in cues


def test_claim_and_rejection_disputes_the_point_for_both_sides() -> None:
    by_party = _by_party(
        "Islamabad asserts that the Pakistani Taliban use Afghan territory to launch attacks, "
        "a claim that Kabul has refuted.",
    )
    assert disputed_topics(by_party) == ("responsibility",)
    assert contradicts(
        "The Pakistani Taliban use Afghan territory to launch attacks.",
        contested_cues(by_party, ["responsibility"]),
    )


def test_one_sided_point_is_no_dispute() -> None:
    by_party = _by_party(
        "Pakistan's military said the strikes killed 20 militants.",
        "Residents said eight people were killed.",
    )
    assert disputed_topics(by_party) == ()


def test_a_narrator_sentence_taking_one_sides_version_contradicts_the_other() -> None:
    by_party = _by_party(
        "Pakistan's military said the strikes hit militant hideouts.",
        "Mujahid said the strikes hit civilians and refugees.",
        "Pakistan's military said the strikes killed 20 militants.",
        "Mujahid said 46 people died.",
    )
    contested = contested_cues(by_party, disputed_topics(by_party))
    assert contradicts("The strikes hit several militant hideouts in Barmal.", contested)
    assert contradicts("At least 46 people died in the strikes.", contested)
    assert not contradicts("The strikes hit the Barmal district on Tuesday night.", contested)
    assert not contradicts("The Taliban government summoned Pakistan's envoy.", contested)
