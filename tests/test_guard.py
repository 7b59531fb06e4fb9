"""The faithfulness guard: invented figures, dates and names never reach the output."""

from __future__ import annotations

from briefer.data import GuardReport, Sentence, SummarySentence
from briefer.guard import check, guard, numbers_in

SOURCES = {
    ("d1", 0): Sentence(
        "d1", 0, 0, 60, "A drone strike in North Waziristan killed eight people on Monday."
    ),
    ("d1", 1): Sentence(
        "d1", 1, 61, 120, "Pakistan's army said the militants had crossed from Afghanistan."
    ),
    ("d2", 0): Sentence(
        "d2", 0, 0, 50, "Officials in Islamabad condemned the strike, which hit 3 houses."
    ),
}


def generated(text: str, *refs: tuple[str, int]) -> SummarySentence:
    return SummarySentence(text, tuple(refs), origin="generated")


def test_supported_fusion_is_kept() -> None:
    fused = generated(
        "A drone strike in North Waziristan killed eight people on Monday, officials in "
        "Islamabad condemned the strike.",
        ("d1", 0),
        ("d2", 0),
    )
    out, report = guard([fused], SOURCES)
    assert out == (fused,)
    assert report == GuardReport(generated=1, kept=1, replaced=0)


def test_casualty_figure_no_source_contains_is_replaced_by_the_source() -> None:
    invented = generated(
        "A drone strike in North Waziristan killed 12 people on Monday.", ("d1", 0)
    )
    out, report = guard([invented], SOURCES)
    assert [s.text for s in out] == [SOURCES[("d1", 0)].text]
    assert out[0].origin == "replaced" and out[0].sources == (("d1", 0),)
    assert "12" not in " ".join(s.text for s in out)
    assert report == GuardReport(generated=1, kept=0, replaced=1)


def test_number_word_not_in_sources_is_replaced() -> None:
    invented = generated(
        "A drone strike in North Waziristan killed nine people on Monday.", ("d1", 0)
    )
    out, _ = guard([invented], SOURCES)
    assert "nine" not in out[0].text and out[0].origin == "replaced"


def test_number_word_matches_digits_in_the_source() -> None:
    assert check("The strike hit three houses.", [SOURCES[("d2", 0)].text]).missing == ()


def test_date_no_source_contains_never_reaches_the_output() -> None:
    invented = generated(
        "A drone strike in North Waziristan killed eight people on Tuesday.", ("d1", 0)
    )
    out, report = guard([invented], SOURCES)
    assert "Tuesday" not in out[0].text
    assert report.replaced == 1


def test_year_no_source_contains_is_replaced() -> None:
    out, _ = guard([generated("Islamabad condemned the strike in 2019.", ("d2", 0))], SOURCES)
    assert "2019" not in out[0].text


def test_capitalized_name_missing_from_the_sources_is_replaced() -> None:
    verdict = check(
        "Pakistan's army said the militants had crossed from Iran.", [SOURCES[("d1", 1)].text]
    )
    assert not verdict.ok and "iran" in verdict.missing


def test_names_are_matched_case_insensitively() -> None:
    verdict = check(
        "pakistan's army said the militants had crossed from afghanistan.",
        [SOURCES[("d1", 1)].text],
    )
    assert verdict.ok


def test_unsupported_sentence_is_replaced_by_its_best_source() -> None:
    unrelated = generated(
        "The militants had crossed the border, and the government promised an inquiry soon.",
        ("d2", 0),
        ("d1", 1),
    )
    out, report = guard([unrelated], SOURCES)
    assert out[0].text == SOURCES[("d1", 1)].text and out[0].sources == (("d1", 1),)
    assert report.replaced == 1


def test_extracted_sentences_pass_unchecked_and_uncounted() -> None:
    extracted = SummarySentence("Anything at all, 1999.", (("d1", 0),))
    out, report = guard([extracted], SOURCES)
    assert out == (extracted,) and report == GuardReport()


def test_generated_sentence_without_known_sources_is_dropped() -> None:
    out, report = guard([generated("Eight people died.", ("zz", 9))], SOURCES)
    assert out == () and report == GuardReport(generated=1, kept=0, replaced=0)


def test_numbers_read_digits_and_words_alike() -> None:
    assert numbers_in("1,200 people, eight cars and 3.5 tonnes") == {"1200", "8", "3.5"}


def test_figure_that_lost_its_scale_is_replaced() -> None:
    source = "The doses cover 300 million people, a 50 percent increase."
    assert not check("The doses cover 300 people.", [source]).ok
    assert check("The doses cover 300 million people.", [source]).ok
    assert check("The doses cover 300 million people, a 50% increase.", [source]).ok


def test_word_salad_of_source_words_is_replaced() -> None:
    source = "Kylie Jenner's eyeshadow palette has come under fire for giving customers headaches."
    assert check("Kylie Jenner's eyeshadow palette has come under fire.", [source]).ok
    salad = "Headaches customers palette fire, giving Jenner's under eyeshadow come."
    verdict = check(salad, [source])
    assert verdict.support == 1.0 and not verdict.ok  # every word is there, no phrase is
    assert not check("Headaches, headaches.", [source]).ok  # too short to say anything


def test_a_word_cut_from_a_longer_source_word_is_replaced() -> None:
    source = "Pakistani aircraft bombed several villages in the Barmal district on Tuesday night."
    assert not check("Pakistani aircraft bombed several villages in the bar.", [source]).ok
    assert check("Pakistani aircraft bombed villages in the Barmal district.", [source]).ok
    assert check("Pakistani aircraft bombed a village in the Barmal district.", [source]).ok


def test_a_name_moved_next_to_another_event_is_replaced() -> None:
    source = (
        "Drone attacks killed 18 militants in Pakistan on Saturday, officials said, after "
        "incursions raised tensions with an ally critical to the war effort in Afghanistan."
    )
    verdict = check("Drone attacks killed 18 militants in Afghanistan on Saturday.", [source])
    assert not verdict.ok and "afghanistan (moved)" in verdict.missing
    assert check("Drone attacks killed 18 militants in Pakistan on Saturday.", [source]).ok
    moved_figure = "Drone attacks in Pakistan killed militants, 18 officials said."
    assert not check(moved_figure, [source]).ok


def test_a_straight_apostrophe_matches_the_sources_curly_one() -> None:
    source = "Thirty-five percent of Biden’s full-time staff are people of color."
    assert check("Thirty-five percent of Biden's full-time staff are people of color.", [source]).ok
    assert check("Thirty-five percent of Biden’s staff are people of color.", [source]).ok


def test_a_content_word_repeated_beyond_its_sources_is_replaced() -> None:
    source = "The ministry said the bombing affected civilians, including women and children."
    assert check("The ministry said the bombing affected women and children.", [source]).ok
    verdict = check(
        "The ministry condemned the bombing, including women and children and children.", [source]
    )
    assert not verdict.ok and "children (repeated)" in verdict.missing
