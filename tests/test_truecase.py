"""Restoring capitalization of lower-case generated text from the sources."""

from __future__ import annotations

from briefer.summarize.truecase import casing_table, restore_case

SOURCES = [
    "Pakistan said ISIS fighters crossed from Afghanistan. Officials in Pakistan disagreed.",
    "The strike hit Kabul on Monday, the Taliban said, and the U.S. condemned it.",
]


def test_names_take_the_casing_the_sources_use() -> None:
    out = restore_case("pakistan says isis fighters entered afghanistan on monday.", SOURCES)
    assert out == "Pakistan says ISIS fighters entered Afghanistan on Monday."


def test_every_sentence_starts_with_a_capital() -> None:
    out = restore_case("the strike hit kabul. officials disagreed! they said so.", SOURCES)
    assert out == "The strike hit Kabul. Officials disagreed! They said so."


def test_abbreviation_does_not_end_a_sentence() -> None:
    assert restore_case("the u.s. and the taliban agree.", SOURCES) == (
        "The U.S. and the Taliban agree."
    )


def test_sentence_initial_capitals_in_the_sources_do_not_count() -> None:
    assert casing_table(["Officials met. Officials left."]).get("officials") is None


def test_words_unseen_in_the_sources_are_left_as_written() -> None:
    assert restore_case("a quiet zorblat in kabul.", SOURCES) == "A quiet zorblat in Kabul."


def test_quoted_sentence_start_is_capitalized() -> None:
    assert restore_case('"we will fight," he said.', SOURCES) == '"We will fight," he said.'


def test_figures_split_by_the_decoder_are_joined() -> None:
    out = restore_case("the jobless rate dropped to 3. 5 % as 1, 200 jobs went.", SOURCES)
    assert out == "The jobless rate dropped to 3.5% as 1,200 jobs went."


def test_wordpiece_spaces_in_hyphenated_words_are_removed() -> None:
    sources = ["Pakistan reported intelligence-led strikes in the border regions."]
    assert (
        restore_case("pakistan reported intelligence - led strikes.", sources)
        == "Pakistan reported intelligence-led strikes."
    )


def test_possessives_take_the_casing_of_their_name() -> None:
    sources = ["Critics of President Trump’s order met Beto O’Rourke in the U.S. capital."]
    out = restore_case("president trump's order; trump’s critics; o’rourke's bid.", sources)
    assert out == "President Trump’s order; Trump’s critics; O’Rourke's bid."
