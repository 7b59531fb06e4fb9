"""prepare(): the run's SummaryContext, shared by the pipeline and briefer eval."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import make_document

from briefer.embed import HashingEmbedder
from briefer.prepare import prepare
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
