"""The chunker: token budgets, whole sentences, document boundaries, fair shares."""

from __future__ import annotations

import pytest

from briefer.chunk import chunk_sentences, pack_inputs, token_counter
from briefer.data import Sentence


def words(text: str) -> int:
    return len(text.split())


def sentences(doc_id: str, *lengths: int) -> list[Sentence]:
    """Sentences of `doc_id` with the given word counts, laid end to end in one text."""
    out, start = [], 0
    for index, n in enumerate(lengths):
        text = " ".join(f"{doc_id}w{index}x{i}" for i in range(n)) + "."
        out.append(Sentence(doc_id, index, start, start + len(text), text))
        start += len(text) + 1
    return out


def test_chunks_never_exceed_the_budget_and_keep_every_sentence_whole() -> None:
    sents = sentences("a", 4, 3, 5, 2, 6, 1)
    chunks = chunk_sentences(sents, count_tokens=words, budget=8)
    assert all(c.n_tokens <= 8 for c in chunks)
    assert all(c.n_tokens == sum(words(s.text) for s in c.sentences) for c in chunks)
    assert [s for c in chunks for s in c.sentences] == sents
    assert [[s.index for s in c.sentences] for c in chunks] == [[0, 1], [2, 3], [4, 5]]


def test_a_chunk_never_spans_two_documents() -> None:
    sents = sentences("a", 2, 2) + sentences("b", 2, 2)
    chunks = chunk_sentences(sents, count_tokens=words, budget=100)
    assert [c.doc_ids for c in chunks] == [("a",), ("b",)]


def test_overlap_repeats_the_last_sentences_of_the_previous_chunk() -> None:
    sents = sentences("a", 3, 3, 3, 3, 3)
    chunks = chunk_sentences(sents, count_tokens=words, budget=9, overlap=1)
    assert [[s.index for s in c.sentences] for c in chunks] == [[0, 1, 2], [2, 3, 4]]
    assert all(c.n_tokens <= 9 for c in chunks)


def test_overlap_gives_way_when_it_leaves_no_room_for_a_new_sentence() -> None:
    sents = sentences("a", 5, 5, 5)
    chunks = chunk_sentences(sents, count_tokens=words, budget=9, overlap=2)
    assert [[s.index for s in c.sentences] for c in chunks] == [[0], [1], [2]]


def test_overlap_does_not_cross_into_the_next_document() -> None:
    sents = sentences("a", 3, 3) + sentences("b", 3)
    chunks = chunk_sentences(sents, count_tokens=words, budget=6, overlap=1)
    assert [c.doc_ids for c in chunks] == [("a",), ("b",)]
    assert [s.ref for s in chunks[1].sentences] == [("b", 0)]


def test_a_sentence_longer_than_the_budget_is_split_at_words_into_pieces_with_sub_spans() -> None:
    text = "one two three four five six seven"
    long = Sentence("a", 3, 100, 100 + len(text), text)
    chunks = chunk_sentences([long], count_tokens=words, budget=3)
    pieces = [s for c in chunks for s in c.sentences]
    assert [p.text for p in pieces] == ["one two three", "four five six", "seven"]
    assert all(p.ref == ("a", 3) for p in pieces)
    assert all(text[p.start - 100 : p.end - 100] == p.text for p in pieces)


def test_a_word_longer_than_the_budget_is_cut_at_characters() -> None:
    def chars(text: str) -> int:
        return len(text.replace(" ", ""))

    long = Sentence("a", 0, 0, 12, "abcdefgh ijk")
    pieces = [
        s.text for c in chunk_sentences([long], count_tokens=chars, budget=3) for s in c.sentences
    ]
    assert pieces == ["abc", "def", "gh", "ijk"]


def test_pack_inputs_gives_every_document_a_share_so_a_long_one_cannot_crowd_out_the_rest() -> None:
    groups = {
        "long": sentences("long", *[5] * 20),
        "b": sentences("b", 5, 5, 5),
        "c": sentences("c", 5),
    }
    chunk = pack_inputs(groups, count_tokens=words, budget=40)
    assert chunk.n_tokens <= 40
    per_doc = {d: sum(1 for s in chunk.sentences if s.doc_id == d) for d in groups}
    # c needs 5 of its 13-token share; the rest goes to the others, b takes all it has
    assert per_doc == {"long": 4, "b": 3, "c": 1}


def test_pack_inputs_keeps_document_order_and_sentence_order_within_a_document() -> None:
    a = sentences("a", 2, 2, 2, 2)
    b = sentences("b", 2, 2)
    groups = {"b": [b[1], b[0]], "a": [a[3], a[0], a[2], a[1]]}
    chunk = pack_inputs(groups, count_tokens=words, budget=8)
    assert [s.ref for s in chunk.sentences] == [("b", 0), ("b", 1), ("a", 0), ("a", 3)]


def test_pack_inputs_takes_sentences_in_priority_order_and_skips_one_that_cannot_fit() -> None:
    a = sentences("a", 3, 9, 2)
    chunk = pack_inputs({"a": [a[0], a[1], a[2]]}, count_tokens=words, budget=10)
    assert [s.index for s in chunk.sentences] == [0, 2]


def test_pack_inputs_of_nothing_is_an_empty_chunk() -> None:
    assert pack_inputs({}, count_tokens=words, budget=10).sentences == ()


def test_a_budget_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="budget"):
        chunk_sentences(sentences("a", 1), count_tokens=words, budget=0)


def test_token_counter_counts_without_special_tokens_and_caches() -> None:
    calls = []

    class Tokenizer:
        def encode(self, text: str, add_special_tokens: bool = True) -> list[int]:
            calls.append(text)
            return [0] * (len(text.split()) + (2 if add_special_tokens else 0))

    count = token_counter(Tokenizer())
    assert count("a b c") == 3
    assert count("a b c") == 3
    assert calls == ["a b c"]
