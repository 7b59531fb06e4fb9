"""Salience ranking, duplicate facts across documents, and MMR selection."""

from __future__ import annotations

import numpy as np
import pytest

import briefer.rank
from briefer.data import RankedSentence, Sentence
from briefer.embed import HashingEmbedder
from briefer.rank import mmr_select, rank_sentences


def sentence(doc_id: str, index: int, text: str) -> Sentence:
    return Sentence(doc_id, index, 0, len(text), text)


FACT = "Pakistani jets struck three districts of Khost province early on Monday"

ARTICLES = {
    "ap": [
        f"{FACT}, officials said.",
        "The Taliban government summoned Pakistan's envoy in Kabul.",
        "Local shopkeepers closed their stores for the afternoon.",
    ],
    "reuters": [
        f"{FACT}, Afghan officials said.",
        "Pakistan's army said it targeted militant hideouts near the border.",
    ],
    "dawn": [
        "Pakistan's army said it targeted militant hideouts along the border.",
        f"{FACT}, officials said.",
        "A cricket match in Lahore went ahead as planned.",
    ],
}


def corpus() -> tuple[list[Sentence], np.ndarray]:
    sents = [sentence(d, i, t) for d, texts in ARTICLES.items() for i, t in enumerate(texts)]
    return sents, HashingEmbedder().embed([s.text for s in sents])


def test_the_same_fact_in_three_documents_appears_once_crediting_all_three() -> None:
    sents, vectors = corpus()
    ranked = rank_sentences(sents, vectors)
    with_fact = [r for r in ranked if FACT in r.sentence.text]
    assert len(with_fact) == 1
    assert {doc for doc, _ in with_fact[0].refs} == {"ap", "reuters", "dawn"}
    assert set(with_fact[0].refs) == {("ap", 0), ("reuters", 0), ("dawn", 1)}


def test_every_sentence_is_either_ranked_or_credited_exactly_once() -> None:
    sents, vectors = corpus()
    ranked = rank_sentences(sents, vectors)
    refs = [ref for r in ranked for ref in r.refs]
    assert sorted(refs) == sorted(s.ref for s in sents)


def test_the_repeated_fact_ranks_first_and_the_off_topic_sentences_last() -> None:
    sents, vectors = corpus()
    ranked = rank_sentences(sents, vectors)
    assert FACT in ranked[0].sentence.text
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    assert "cricket" in ranked[-1].sentence.text or "shopkeepers" in ranked[-1].sentence.text


def test_identical_sentences_are_represented_by_the_earliest_on_a_tie() -> None:
    sents = [sentence("a", 1, "Same words here."), sentence("b", 1, "Same words here.")]
    ranked = rank_sentences(sents, HashingEmbedder().embed([s.text for s in sents]))
    assert len(ranked) == 1
    assert ranked[0].sentence.ref == ("a", 1)
    assert ranked[0].also == (("b", 1),)


def test_the_lead_prior_prefers_an_opening_sentence_all_else_equal() -> None:
    vectors = np.eye(2, dtype=np.float32)  # two unrelated sentences: equal centrality
    sents = [sentence("a", 7, "Later detail."), sentence("b", 0, "Opening fact.")]
    ranked = rank_sentences(sents, vectors)
    assert ranked[0].sentence.ref == ("b", 0)


@pytest.mark.parametrize("method", ["lexrank", "degree"])
def test_blocked_computation_matches_a_single_block(monkeypatch, method: str) -> None:
    rng = np.random.default_rng(0)
    base = rng.normal(size=(30, 16)).astype(np.float32)
    vectors = np.concatenate([base, base[:10] + 0.05 * rng.normal(size=(10, 16))])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sents = [sentence(f"d{i % 7}", i // 7, f"s{i}") for i in range(len(vectors))]
    whole = rank_sentences(sents, vectors, threshold=0.0, method=method, neighbors=8)
    monkeypatch.setattr(briefer.rank, "_BLOCK_CELLS", 7 * len(vectors))
    monkeypatch.setattr(briefer.rank, "_MAX_DUPLICATES_PER_ROW", 0)  # forces the overflow path
    blocked = rank_sentences(sents, vectors, threshold=0.0, method=method, neighbors=8)
    assert [(r.sentence.ref, r.also) for r in blocked] == [(r.sentence.ref, r.also) for r in whole]
    assert np.allclose([r.score for r in blocked], [r.score for r in whole])
    assert len(whole) == 30


def test_a_vector_count_that_does_not_match_the_sentences_is_a_bug() -> None:
    with pytest.raises(ValueError, match="one vector per sentence"):
        rank_sentences([sentence("a", 0, "x")], np.zeros((2, 4), np.float32))


def test_nothing_to_rank_gives_nothing() -> None:
    assert rank_sentences([], np.zeros((0, 4), np.float32)) == ()


def ranked_with(vectors: dict[str, list[float]], scores: dict[str, float], words: int = 5):
    out, by_ref = [], {}
    for i, (name, vec) in enumerate(vectors.items()):
        s = sentence(name, i, " ".join([name] * words))
        v = np.asarray(vec, np.float32)
        by_ref[s.ref] = v / np.linalg.norm(v)
        out.append(RankedSentence(s, scores[name]))
    return out, by_ref


def test_mmr_passes_over_a_near_duplicate_for_a_different_fact() -> None:
    ranked, by_ref = ranked_with(
        {"a": [1, 0, 0], "a2": [0.8, 0.6, 0], "b": [0.1, 0, 1]},
        {"a": 1.0, "a2": 0.95, "b": 0.7},
    )
    ranked.sort(key=lambda r: -r.score)
    picks = mmr_select(ranked, by_ref, max_words=10, diversity=0.3)
    assert [p.sentence.doc_id for p in picks] == ["a", "b"]


def test_mmr_without_diversity_follows_the_ranking() -> None:
    ranked, by_ref = ranked_with(
        {"a": [1, 0, 0], "a2": [0.8, 0.6, 0], "b": [0.1, 0, 1]},
        {"a": 1.0, "a2": 0.95, "b": 0.7},
    )
    picks = mmr_select(ranked, by_ref, max_words=10, diversity=0.0)
    assert [p.sentence.doc_id for p in picks] == ["a", "a2"]


def test_mmr_respects_the_word_budget_but_always_keeps_one_sentence() -> None:
    ranked, by_ref = ranked_with({"a": [1, 0], "b": [0, 1]}, {"a": 1.0, "b": 0.5}, words=8)
    assert len(mmr_select(ranked, by_ref, max_words=20)) == 2
    assert len(mmr_select(ranked, by_ref, max_words=12)) == 1
    assert len(mmr_select(ranked, by_ref, max_words=3)) == 1
    assert mmr_select([], by_ref, max_words=3) == ()


def test_mmr_passes_over_fragments_unless_there_is_nothing_else() -> None:
    ranked, by_ref = ranked_with({"a": [1, 0], "b": [0, 1]}, {"a": 1.0, "b": 0.5}, words=8)
    scrap, scrap_vectors = ranked_with({"c": [1, 1]}, {"c": 2.0}, words=2)
    by_ref.update(scrap_vectors)
    picks = mmr_select(scrap + ranked, by_ref, max_words=30)
    assert [p.sentence.doc_id for p in picks] == ["a", "b"]
    assert [p.sentence.doc_id for p in mmr_select(scrap, by_ref, max_words=30)] == ["c"]
