"""prepare(): documents -> the run's SummaryContext (split, embed once, rank).

    split (Punkt) ─▶ at most sentence_limit(documents) ─▶ embed (MiniLM, one batch call)
          ─▶ rank + de-duplicate ─▶ SummaryContext

Embedding costs about 10 ms a sentence on two CPU cores (compute-bound: benchmarks/bench.py),
and every later stage (ranking, attribution's parse, composition) costs per sentence too. So a
brief reads every sentence up to READ_SENTENCES (about 40 news articles in full); beyond that,
each document keeps its first sentences (news puts what matters first), the same number for
all where they have as many, and never fewer than MIN_PER_DOCUMENT each, up to MAX_SENTENCES
in all. The cut is announced by a warning and by a note in the brief's method section
(`SummaryContext.unread`). Any input under --max-input-mb then takes the splitter's linear
time plus a bounded rest.

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

__all__ = ["MAX_SENTENCES", "READ_SENTENCES", "prepare", "sentence_limit"]

READ_SENTENCES = 600  # a brief of up to about 40 articles reads every sentence
MIN_PER_DOCUMENT = 2  # beyond that, each document's first two at least (a lede and one more)
MAX_SENTENCES = 30_000  # and never more than this (memory), however many documents


def sentence_limit(documents: int) -> int:
    """How many sentences a run over `documents` documents reads at most."""
    return min(MAX_SENTENCES, max(READ_SENTENCES, MIN_PER_DOCUMENT * documents))


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
    sentences = leading_sentences(split, sentence_limit(len(docs)))
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
        unread=len(split) - len(sentences),
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
