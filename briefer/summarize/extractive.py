"""The extractive summarizer: the most salient, mutually distinct source sentences, verbatim."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.data import RankedSentence, SummarySentence
from briefer.rank import mmr_select
from briefer.summarize.base import SummaryContext
from briefer.summarize.length import within_words

__all__ = ["ExtractiveSummarizer"]


class ExtractiveSummarizer:
    """Selects ranked sentences with MMR up to `max_words` and orders them for reading.

    Where the context has a vector for every candidate, the selection is Maximal Marginal
    Relevance with `diversity`; otherwise the best-ranked sentences that fit are kept. The
    picks are then ordered by document (documents in the order their first pick was made,
    i.e. the most salient document first) and by sentence index within a document, so the
    summary reads like the articles rather than jumping by score. Each summary sentence
    credits every source of its fact (`RankedSentence.refs`). The first pick is kept even
    when it alone is longer than `max_words`, cut to it (`within_words`): never more words.
    """

    name = "extractive"
    model_id = "MiniLM sentence embeddings, LexRank centrality + MMR"

    def __init__(self, *, diversity: float = 0.3) -> None:
        if not 0.0 <= diversity <= 1.0:
            raise ValueError(f"diversity must be between 0 and 1, not {diversity}")
        self.diversity = diversity

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: SummaryContext, max_words: int
    ) -> tuple[SummarySentence, ...]:
        if context.has_vectors(sentences):
            picks = mmr_select(
                sentences, context.vectors, max_words=max_words, diversity=self.diversity
            )
        else:
            picks = _best_that_fit(sentences, max_words)
        doc_rank: dict[str, int] = {}
        for ranked in picks:
            doc_rank.setdefault(ranked.sentence.doc_id, len(doc_rank))
        ordered = sorted(
            picks, key=lambda r: (doc_rank[r.sentence.doc_id], r.sentence.index, r.sentence.start)
        )
        summary = [SummarySentence(r.sentence.text.strip(), r.refs, "extracted") for r in ordered]
        return within_words(summary, max_words)


def _best_that_fit(sentences: Sequence[RankedSentence], max_words: int) -> list[RankedSentence]:
    picks: list[RankedSentence] = []
    words = 0
    for ranked in sentences:
        n = len(ranked.sentence.text.split())
        if picks and words + n > max_words:
            continue
        picks.append(ranked)
        words += n
    return picks
