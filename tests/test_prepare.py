"""prepare(): the run's SummaryContext, shared by the pipeline and briefer eval."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import make_document

from briefer.data import Document, Sentence
from briefer.embed import HashingEmbedder
from briefer.prepare import leading_sentences, prepare
from briefer.summarize.base import SummaryContext

DOCS = [
    make_document("Jets struck Khost on Monday. Eight people were killed.", "a"),
    make_document("Pakistani jets struck Khost on Monday. The Taliban protested.", "b"),
]


def test_context_holds_every_sentence_its_vector_and_the_ranking() -> None:
    context = prepare(DOCS, embedder=HashingEmbedder())
    assert list(context.sentences) == [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    assert set(context.vectors) == set(context.sentences)
    assert np.isclose(np.linalg.norm(context.vectors[("a", 0)]), 1.0)
    ranked_refs = {ref for r in context.ranked for ref in r.refs}
    assert ranked_refs == set(context.sentences)
    assert set(context.documents) == {"a", "b"} and context.parses is not None
    assert list(context.sentences_by_doc()) == ["a", "b"]


def test_context_is_frozen_and_its_mappings_read_only() -> None:
    context = prepare(DOCS, embedder=HashingEmbedder())
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.ranked = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        context.sentences[("z", 0)] = None  # type: ignore[index]


def test_documents_without_sentences_give_an_empty_context() -> None:
    context = prepare([make_document("   ", "e")], embedder=HashingEmbedder())
    assert not context.sentences and context.ranked == ()


def test_a_context_of_ranked_sentences_alone_has_no_vectors() -> None:
    context = prepare(DOCS, embedder=HashingEmbedder())
    bare = SummaryContext.of(context.ranked)
    assert not bare.has_vectors(context.ranked) and context.has_vectors(context.ranked)


# at most MAX_SENTENCES, whatever the input (issue 16)


def sentences_of(lengths: dict[str, int]) -> list[Sentence]:
    return [Sentence(doc, i, 0, 1, "x") for doc, n in lengths.items() for i in range(n)]


def test_under_the_limit_every_sentence_is_kept_without_a_warning(recwarn):
    given = sentences_of({"d1": 3, "d2": 2})
    assert leading_sentences(given, limit=5) == tuple(given)
    assert len(recwarn) == 0


def test_over_the_limit_each_document_keeps_its_first_sentences_in_order():
    given = sentences_of({"d1": 10, "d2": 3, "d3": 7})
    with pytest.warns(UserWarning, match="hold 20 sentences; the briefing reads 12"):
        kept = leading_sentences(given, limit=12)
    assert [s.ref for s in kept] == [
        *(("d1", i) for i in range(5)),  # the first document gets the one left over
        *(("d2", i) for i in range(3)),
        *(("d3", i) for i in range(4)),
    ]


def test_prepare_embeds_and_ranks_no_more_than_the_limit(monkeypatch):
    import briefer.prepare

    monkeypatch.setattr(briefer.prepare, "MAX_SENTENCES", 7)
    embedded: list[int] = []

    class Counting(HashingEmbedder):
        def embed(self, texts):
            embedded.append(len(texts))
            return super().embed(texts)

    text = " ".join(f"Officials said {n} people died on day {n}." for n in range(40))
    docs = [Document("d1", text), Document("d2", text.replace("died", "fled"))]
    with pytest.warns(UserWarning, match="reads 7"):
        context = prepare(docs, embedder=Counting())
    assert embedded == [7] and len(context.ranked) <= 7
    assert sorted(context.sentences) == [
        *(("d1", i) for i in range(4)),
        *(("d2", i) for i in range(3)),
    ]


def test_the_limit_reads_forty_articles_in_full_and_two_sentences_of_each_beyond() -> None:
    from briefer.prepare import MAX_SENTENCES, READ_SENTENCES, sentence_limit

    assert sentence_limit(1) == sentence_limit(40) == READ_SENTENCES
    assert sentence_limit(1000) == 2000  # the first two of every one of 1,000 documents
    assert sentence_limit(10**6) == MAX_SENTENCES


def test_a_run_over_the_limit_counts_what_it_left_unread_and_the_brief_says_so(
    monkeypatch, fake_summarizer
) -> None:
    import briefer.prepare
    from briefer.pipeline import build_briefing
    from briefer.render.markdown import render_markdown

    monkeypatch.setattr(briefer.prepare, "READ_SENTENCES", 6)
    text = " ".join(f"Officials said {n} people were hurt in town {n}." for n in range(5))
    docs = [make_document(text, "a"), make_document(text.replace("hurt", "moved"), "b")]
    with pytest.warns(UserWarning, match="reads 6"):
        context = prepare(docs, embedder=HashingEmbedder())
    assert len(context.sentences) == 6 and context.unread == 4
    with pytest.warns(UserWarning, match="reads 6"):
        briefing = build_briefing(docs, summarizer=fake_summarizer, embedder=HashingEmbedder())
    assert briefing.coverage.notes[-1] == (
        "With this many sources, only the first sentences of each document were read"
        " (4 later sentences were left out)."
    )
    assert "4 later sentences were left out" in render_markdown(briefing)
    assert prepare(DOCS, embedder=HashingEmbedder()).unread == 0
