"""briefer.split: Punkt with briefer's own parameters, exact spans, forced breaks."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from conftest import make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.split import split_sentences, split_text


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_text(text)]


def test_a_line_introducing_the_following_text_ends_its_sentence():
    text = (
        "The Northland army command on Tuesday released the following communique:\n"
        "The Southland group fired dozens of shells into Northland waters."
    )
    assert sentences(text) == [
        "The Northland army command on Tuesday released the following communique:",
        "The Southland group fired dozens of shells into Northland waters.",
    ]


def test_titles_and_country_abbreviations_do_not_end_sentences():
    text = "U.S. officials met Mr. Sadiq in Kabul. Lt. Gen. Ahmed said 8 died."
    assert sentences(text) == [
        "U.S. officials met Mr. Sadiq in Kabul.",
        "Lt. Gen. Ahmed said 8 died.",
    ]


def test_un_and_month_abbreviation_before_a_day_stay_in_the_sentence():
    text = "The U.N. said on Jan. 5 that Gen. Ahmed had left. It was late."
    assert sentences(text) == ["The U.N. said on Jan. 5 that Gen. Ahmed had left.", "It was late."]


def test_gen_before_a_name_mid_sentence_does_not_split():
    text = "Officials said Maj. Gen. Ahmed Sharif Chaudhry briefed reporters. Nobody else spoke."
    assert sentences(text) == [
        "Officials said Maj. Gen. Ahmed Sharif Chaudhry briefed reporters.",
        "Nobody else spoke.",
    ]


def test_ordinary_sentence_end_before_a_name_splits():
    text = "The strikes hit Paktika. Trump said nothing. Mr. Trump left."
    assert sentences(text) == ["The strikes hit Paktika.", "Trump said nothing.", "Mr. Trump left."]


def test_split_sentences_gives_doc_id_index_and_exact_spans():
    doc = make_document("  First one here.  Second one here.\n", doc_id="d7")
    result = split_sentences(doc)
    assert [(s.doc_id, s.index, s.text) for s in result] == [
        ("d7", 0, "First one here."),
        ("d7", 1, "Second one here."),
    ]
    assert all(doc.text[s.start : s.end] == s.text for s in result)
    assert result[0].ref == ("d7", 0)


def test_paragraph_break_ends_a_sentence_without_a_period():
    assert sentences("Casualties unclear\n\nOfficials said eight died") == [
        "Casualties unclear",
        "Officials said eight died",
    ]


def test_heading_line_is_its_own_sentence():
    text = "Pakistan strikes Paktika\nPESHAWAR, Pakistan — Jets struck hideouts. Eight died."
    assert sentences(text) == [
        "Pakistan strikes Paktika",
        "PESHAWAR, Pakistan — Jets struck hideouts.",
        "Eight died.",
    ]


def test_hard_wrapped_long_line_continues_the_sentence():
    text = (
        "The ministry said the strikes in the border province had killed\n"
        "eight people, including women and children. It condemned them."
    )
    assert sentences(text) == [
        "The ministry said the strikes in the border province had killed\n"
        "eight people, including women and children.",
        "It condemned them.",
    ]


def test_list_items_are_separate_sentences():
    assert sentences("Key points:\n- jets struck at night\n- eight died") == [
        "Key points:",
        "- jets struck at night",
        "- eight died",
    ]


def test_empty_and_blank_text_have_no_sentences():
    assert split_text("") == []
    assert split_text(" \n\t\n ") == []


def test_shipped_parameters_are_plain_json_with_curated_abbreviations():
    folder = resources.files("briefer") / "resources" / "punkt"
    params = json.loads((folder / "params.json").read_text(encoding="utf-8"))
    assert {"abbrev_types", "collocations", "sent_starters", "ortho_context"} <= params.keys()
    curated = (folder / "abbreviations.txt").read_text(encoding="utf-8").split()
    assert {"mr", "gen", "lt", "u.s", "u.n", "jan"} <= set(curated)


_PIECES = st.sampled_from(list("aZ .!?\n\t\r,—”'\"-#*1") + ["Mr.", "U.S.", "Gen. ", "\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=80))
def test_spans_cover_every_non_space_character_exactly_once_in_order(text):
    spans = split_text(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        chunk = text[start:end]
        assert chunk == chunk.strip() and chunk
        previous_end = end
    covered = "".join(text[start:end] for start, end in spans)
    assert [ch for ch in covered if not ch.isspace()] == [ch for ch in text if not ch.isspace()]


# --- any size: Punkt sees bounded windows, sentences are capped (issue 16) -----------------

from briefer.split import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, PUNKT_WINDOW  # noqa: E402

NEWS = (
    "Afghan officials said 46 people were killed. Pakistani officials said the strikes hit "
    "militants of the Pakistani Taliban. Residents said eight people were buried on Wednesday."
)


def check_exact(text: str, spans: list[tuple[int, int]]) -> None:
    end = 0
    for start, stop in spans:
        assert end <= start < stop and text[start:stop] == text[start:stop].strip()
        end = stop
    covered = "".join(text[a:b] for a, b in spans).split()
    assert "".join(covered) == "".join(text.split())


def test_a_sentence_longer_than_the_cap_is_cut_at_word_boundaries():
    words = [f"w{i}" for i in range(3 * MAX_SENTENCE_WORDS + 7)]
    text = "Officials said " + " ".join(words)  # no punctuation at all
    spans = split_text(text)
    check_exact(text, spans)
    assert len(spans) == 4
    assert all(len(text[a:b].split()) <= MAX_SENTENCE_WORDS for a, b in spans)
    assert all(text[b - 1] != " " and (b == len(text) or text[b] == " ") for a, b in spans)


def test_a_run_of_characters_without_spaces_is_cut_at_the_character_cap():
    text = "x" * (2 * MAX_SENTENCE_CHARS + 5) + " and more."
    spans = split_text(text)
    check_exact(text, spans)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)


@pytest.mark.parametrize("separator", ["\n", " "])  # single newlines, or none at all
def test_punkt_only_ever_sees_a_bounded_window_of_a_huge_paragraph(monkeypatch, separator):
    """NLTK guards each of Punkt's regex scans with a 5 s timer: a 1 MB paragraph read at once
    can trip it on a slow machine, a window of PUNKT_WINDOW characters takes milliseconds
    (benchmarks/bigtext.py runs a 5 MB line under the real guard)."""
    from briefer.split import _tokenizer

    text = separator.join([NEWS] * 4000)  # 1 MB: one paragraph
    seen: list[int] = []
    tokenizer = _tokenizer()
    real = tokenizer.span_tokenize
    monkeypatch.setattr(tokenizer, "span_tokenize", lambda t: seen.append(len(t)) or real(t))
    spans = split_text(text)
    check_exact(text, spans)
    assert len(seen) > 1 and max(seen) <= PUNKT_WINDOW
    assert len(spans) == 3 * 4000  # the windows changed no sentence


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=120).map("".join), st.integers(8, 60))
def test_tiny_punkt_windows_still_cover_every_character_exactly_once(text, window):
    import briefer.split

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(briefer.split, "PUNKT_WINDOW", window)
        spans = split_text(text)
    check_exact(text, spans)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([NEWS, "Mr. Khan said so.", "U.S. officials left.", "\n"]), max_size=40
    ).map(" ".join)
)
def test_windows_longer_than_any_sentence_change_no_sentence(text):
    import briefer.split

    whole = split_text(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(briefer.split, "PUNKT_WINDOW", 400)  # each sentence here is under 200
        assert split_text(text) == whole


def test_quoted_question_followed_by_its_speaker_is_one_sentence():
    text = (
        "The spokesman questioned the strikes. “Does the law allow targeting the water of a"
        " country?” he asked. “Enough!” she said. Is it over? Nobody knows."
    )
    assert sentences(text) == [
        "The spokesman questioned the strikes.",
        "“Does the law allow targeting the water of a country?” he asked.",
        "“Enough!” she said.",
        "Is it over?",
        "Nobody knows.",
    ]


def test_an_embeds_link_ends_its_line_so_the_heading_after_it_stands_alone():
    text = (
        "A local says, “one drone came, then three others… pic.twitter.com/AbCdEf12\n"
        "World reaction\nThe ministry said the border stays closed."
    )
    assert sentences(text) == [
        "A local says, “one drone came, then three others… pic.twitter.com/AbCdEf12",
        "World reaction",
        "The ministry said the border stays closed.",
    ]
