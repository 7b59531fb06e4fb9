"""Neutral voice: loaded terms only inside attributed quotes; the neutrality report."""

from __future__ import annotations

from briefer.data import Position, Sentence, SummarySentence
from briefer.perspectives import (
    attribute,
    load_lexicon,
    load_profile,
    loaded_terms_in_narration,
    neutral_voice,
    neutrality_report,
)

PROFILE = load_profile("pak-afg")


def _s(text: str, ref=("d1", 0)) -> SummarySentence:
    return SummarySentence(text, (ref,))


def test_lexicon_has_a_header_and_the_core_terms() -> None:
    terms = {t for t, _ in load_lexicon().entries}
    assert {"cowardly", "brutal", "blatant aggression", "heinous", "terrorist", "martyred",
            "massacre", "barbaric"} <= terms


def test_narrator_loaded_terms_are_reworded() -> None:
    out = neutral_voice([_s("Pakistan launched a brutal attack on terrorist hideouts.")], [])
    assert out[0].text == "Pakistan launched an attack on militant hideouts."
    assert loaded_terms_in_narration(out) == ()


def test_loaded_terms_inside_attributed_quotes_are_kept() -> None:
    text = "The ministry stated, “This is a brutal act and a blatant aggression.”"
    out = neutral_voice([_s(text)], [])
    assert out[0].text == text
    assert loaded_terms_in_narration(out) == ()


def test_narrator_sentence_with_a_speaking_source_is_attributed() -> None:
    sentence = Sentence("d1", 0, 0, 10, "The Afghan Defense Ministry condemned the attack.")
    claims = attribute([sentence], PROFILE)
    out = neutral_voice([_s("The cowardly act will not go unanswered.")], claims)
    assert out[0].text == (
        "According to the Afghan Defense Ministry, the cowardly act will not go unanswered."
    )
    assert out[0].party == "afghanistan"
    assert loaded_terms_in_narration(out) == ()


def test_sentence_that_cannot_lose_its_term_is_left_out() -> None:
    out = neutral_voice([_s("The attack was brutal."), _s("It hit a school.")], [])
    assert [s.text for s in out] == ["It hit a school."]


def test_neutrality_report_counts_and_warns() -> None:
    claim = attribute([Sentence("a", 0, 0, 5, "Pakistan denied the report.")], PROFILE)[0]
    pakistan = Position("pakistan", "Pakistan", (_s("Pakistan denied the report.", ("a", 0)),),
                        (claim,))
    afghanistan = Position("afghanistan", "Afghanistan", (), (), "The sources carry no ...")
    report = neutrality_report([_s("A massacre took place.")], [pakistan, afghanistan], [claim])
    assert report.parties[0].claims == 1 and report.parties[0].sources == 1
    assert report.parties[0].words == 4
    assert report.loaded_terms == ("massacre",)
    assert report.referenced_share == 1.0
    assert "Pakistan's position rests on a single source." in report.warnings
    assert "The sources carry no statement from Afghanistan." in report.warnings
