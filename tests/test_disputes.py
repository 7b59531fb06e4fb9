"""Disputes: each party's claims on the same point, side by side, never merged."""

from __future__ import annotations

from briefer.data import RankedSentence, Sentence
from briefer.perspectives import analyze, attribute, load_profile

PROFILE = load_profile("pak-afg")


def _analyze(fake_summarizer, *texts: str):
    sentences = [Sentence("d1", i, 0, len(t), t) for i, t in enumerate(texts)]
    claims = attribute(sentences, PROFILE)
    ranked = [RankedSentence(s, 1.0 - i / 100) for i, s in enumerate(sentences)]
    return analyze(claims, ranked, PROFILE, fake_summarizer, max_words=200)


def test_casualty_figures_from_two_sides_stay_apart(fake_summarizer) -> None:
    result = _analyze(
        fake_summarizer,
        "Pakistan's military said the strikes killed 20 militants.",
        "Zabihullah Mujahid said the strikes killed eight civilians, including women.",
    )
    [dispute] = [d for d in result.disputes if d.point == "casualty figures"]
    sides = {side.party: [c.sentence.text for c in side.claims] for side in dispute.sides}
    assert list(sides) == ["pakistan", "afghanistan"]
    assert sides["pakistan"] == ["Pakistan's military said the strikes killed 20 militants."]
    assert "20" not in " ".join(sides["afghanistan"])
    assert "eight" not in " ".join(sides["pakistan"])


def test_claim_and_rejection_feeds_both_sides(fake_summarizer) -> None:
    result = _analyze(
        fake_summarizer,
        "Islamabad asserts that the Pakistani Taliban use Afghan territory to launch attacks, "
        "a claim that Kabul has refuted.",
    )
    [dispute] = result.disputes
    assert dispute.point == "responsibility"
    assert [side.party for side in dispute.sides] == ["pakistan", "afghanistan"]


def test_one_sided_point_is_no_dispute(fake_summarizer) -> None:
    result = _analyze(
        fake_summarizer,
        "Pakistan's military said the strikes killed 20 militants.",
        "Residents said eight people were killed.",
    )
    assert result.disputes == ()


def test_each_side_keeps_its_two_most_salient_claims(fake_summarizer) -> None:
    result = _analyze(
        fake_summarizer,
        "Pakistan's military said the strikes killed 20 militants.",
        "Mujahid said the strikes killed eight civilians in Barmal.",
        "Mujahid said 46 people died in Paktika, most of them women.",
        "Mujahid added that six people were injured in Khost.",
    )
    [dispute] = [d for d in result.disputes if d.point == "casualty figures"]
    afghanistan = dispute.sides[1]
    assert [c.sentence.index for c in afghanistan.claims] == [1, 2]


def test_own_claim_comes_before_a_reported_denial(fake_summarizer) -> None:
    result = _analyze(
        fake_summarizer,
        "Islamabad asserts that the Pakistani Taliban use Afghan territory to launch attacks, "
        "a claim that Kabul has refuted.",
        "Mujahid said Pakistan should not blame Afghanistan for its own security failures.",
    )
    [dispute] = [d for d in result.disputes if d.point == "responsibility"]
    assert [c.sentence.index for c in dispute.sides[1].claims] == [1, 0]
