"""prepare(): documents -> the run's SummaryContext (split, embed once, rank).

    split (Punkt) ─▶ at most MAX_SENTENCES ─▶ embed (MiniLM, one batch call)
          ─▶ rank + de-duplicate ─▶ SummaryContext

Embedding and ranking cost per sentence, and ranking compares sentences pairwise, so a run
reads at most MAX_SENTENCES (about 3.7 MB of news text, more than 1,000 articles): beyond
it each document keeps its first sentences, the same number for all where they have as
many, with a warning. Any input under --max-input-mb then takes the splitter's linear time
plus a bounded rest.

The pipeline and `briefer eval` both start here, so what a summarizer sees in a brief is what
it is scored on.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

from briefer.data import Document, Sentence
from briefer.summarize.base import SummaryContext

__all__ = ["MAX_SENTENCES", "prepare"]

MAX_SENTENCES = 30_000


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
    split = [s for doc in docs for s in split_sentences(doc)]
    sentences = leading_sentences(split, MAX_SENTENCES)
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


def leading_sentences(
    sentences: Sequence[Sentence], limit: int = MAX_SENTENCES
) -> tuple[Sentence, ...]:
    """At most `limit` sentences, in order: the first k of every document (news puts what
    matters first), k as large as the limit allows; one more for the first documents that
    have it. Fewer sentences than the limit come back as they are."""
    if len(sentences) <= limit:
        return tuple(sentences)
    lengths: dict[str, int] = {}
    for sentence in sentences:
        lengths[sentence.doc_id] = lengths.get(sentence.doc_id, 0) + 1
    low, high = 0, max(lengths.values())  # the largest k with sum(min(n, k)) <= limit
    while low < high:
        k = (low + high + 1) // 2
        low, high = (k, high) if sum(min(n, k) for n in lengths.values()) <= limit else (low, k - 1)
    quota = {doc: min(n, low) for doc, n in lengths.items()}
    left = limit - sum(quota.values())
    for doc, n in lengths.items():
        if left and n > low:
            quota[doc], left = quota[doc] + 1, left - 1
    kept, seen = [], dict.fromkeys(lengths, 0)
    for sentence in sentences:
        if seen[sentence.doc_id] < quota[sentence.doc_id]:
            kept.append(sentence)
        seen[sentence.doc_id] += 1
    warnings.warn(
        f"the inputs hold {len(sentences):,} sentences; the briefing reads {limit:,} of them,"
        f" the first {low:,} or more of each document (give fewer or shorter inputs to read all)",
        stacklevel=2,
    )
    return tuple(kept)
