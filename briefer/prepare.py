"""prepare(): documents -> the run's SummaryContext (split, embed once, rank).

    split (Punkt) ─▶ embed (MiniLM, one batch call) ─▶ rank + de-duplicate ─▶ SummaryContext

The pipeline and `briefer eval` both start here, so what a summarizer sees in a brief is what
it is scored on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from briefer.data import Document
from briefer.summarize.base import SummaryContext

__all__ = ["prepare"]


def prepare(
    documents: Iterable[Document], *, embedder: Any = None, report: Any = None
) -> SummaryContext:
    """The run's context: every body sentence, its vector, the ranking, an empty parse cache.

    `embedder` defaults to MiniLM; `report` is a `briefer.progress.Progress` (stages shown).
    Documents without sentences give a context without sentences: the caller decides.
    """
    from briefer.nlp import Parses
    from briefer.rank import rank_sentences
    from briefer.split import split_sentences

    def stage(description: str) -> Any:
        return report.stage(description) if report is not None else contextlib.nullcontext()

    docs = tuple(documents)
    sentences = tuple(s for doc in docs for s in split_sentences(doc))
    if not sentences:
        return SummaryContext(sentences={}, documents={d.id: d for d in docs})
    with stage("Loading the embedding model"):
        if embedder is None:
            from briefer.embed import MiniLMEmbedder

            embedder = MiniLMEmbedder()
    with stage(f"Embedding {len(sentences)} sentences"):
        vectors = embedder.embed([s.text for s in sentences])
    with stage("Ranking and de-duplicating"):
        ranked = rank_sentences(sentences, vectors)
    return SummaryContext(
        sentences={s.ref: s for s in sentences},
        vectors={s.ref: v for s, v in zip(sentences, vectors, strict=True)},
        ranked=ranked,
        parses=Parses(),
        documents={d.id: d for d in docs},
    )
