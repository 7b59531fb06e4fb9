"""Neutral voice: loaded terms only inside attributed quotes; the neutrality report."""

from __future__ import annotations

from briefer.data import LEDE, TABLE, Party, Sentence, Statement, SummarySentence
from briefer.perspectives import (
    attribute,
    load_lexicon,
    load_profile,
    loaded_terms_in_narration,
    neutral_text,
    neutral_voice,
    neutrality_report,
    reported_by,
)
from briefer.perspectives.neutral import run_on

PROFILE = load_profile("pak-afg")


def _s(text: str, ref=("d1", 0)) -> SummarySentence:
    return SummarySentence(text, (ref,))


def test_lexicon_has_a_header_and_the_core_terms() -> None:
    terms = {t for t, _ in load_lexicon().entries}
    assert {
        "cowardly",
        "brutal",
        "blatant aggression",
        "heinous",
        "terrorist",
        "martyred",
        "massacre",
        "barbaric",
        "so-called",
        "supposed durand line",
    } <= terms


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


def test_neutral_text_rewords_or_refuses_and_reported_by_names_the_outlet() -> None:
    assert neutral_text("Pakistan launched a brutal attack.") == "Pakistan launched an attack."
    assert neutral_text("The attack was brutal.") is None
    assert (
        reported_by("Dawn", "The strikes hit Barmal.")
        == "Dawn reports that the strikes hit Barmal."
    )
    names = {"Velmar"}
    assert reported_by("X", "Shop owners in Velmar wept.", names) == (
        "X reports that shop owners in Velmar wept."
    )
    assert reported_by("X", "Velmar wept.", names) == "X reports that Velmar wept."
    assert reported_by("X", "Additionally, a delegation visited Kabul.") == (
        "X reports that a delegation visited Kabul."
    )
    assert reported_by("X", "Meanwhile, Velmar wept.", names) == "X reports that Velmar wept."
    assert reported_by("X", "A jet bombed Velmar.", names) == "X reports that a jet bombed Velmar."
    assert reported_by("X", "• The clashes went on.") == "X reports that the clashes went on."
    assert reported_by("X", "But on Tuesday, troops shut the gate.") == (
        "X reports that on Tuesday, troops shut the gate."
    )
    assert (
        reported_by("X", "Andrew Marr wept.", {"Andrew", "Marr"})
        == "X reports that Andrew Marr wept."
    )


def test_neutrality_report_counts_and_warns() -> None:
    shown = (
        Statement("s1", "A massacre took place.", (("b", 0),), place=LEDE),
        Statement(
            "s2",
            "Pakistan denied the report.",
            (("a", 0),),
            party="pakistan",
            speaker="Pakistan",
            place=LEDE,
        ),
        Statement(
            "s3",
            "Pakistan said the strikes hit camps.",
            (("a", 1), ("c", 0)),
            party="pakistan",
            speaker="Pakistan",
            place=TABLE,
        ),
        Statement(
            "s4",
            "Dawn reports that a massacre took place.",
            (("d", 0),),
            place=TABLE,
            support="single",
        ),
    )
    parties = [Party("pakistan", "Pakistan"), Party("afghanistan", "Afghanistan")]
    report = neutrality_report(shown, parties)
    assert report.parties[0].claims == 2 and report.parties[0].sources == 2
    assert report.parties[0].words == 4 + 6
    assert report.loaded_terms == ("massacre",)  # the outlet's own report is attributed
    assert report.referenced_share == 1.0
    assert "Parties without a statement in the sources: Afghanistan." in report.warnings


def test_a_leading_connective_is_dropped_and_the_sentence_starts_with_a_capital() -> None:
    from briefer.perspectives.neutral import drop_connective

    assert drop_connective("However, Cambodia claims the incursion was unprovoked.") == (
        "Cambodia claims the incursion was unprovoked."
    )
    assert drop_connective("Still images show the damage.") == "Still images show the damage."


def test_run_on_lowers_a_pronoun_even_when_the_sources_capitalise_it_mid_sentence() -> None:
    # A transcript's "They have deployed ..." after "According to Hovhannisyan, ": "They"
    # follows a quotation mark often enough in the sources to be among their names.
    names = {"They", "Hovhannisyan", "Tavush"}
    assert run_on("They have deployed military equipment.", names) == (
        "they have deployed military equipment."
    )
    assert run_on("Tavush was shelled.", names) == "Tavush was shelled."
