"""The one place the composition calls the summarizer: one claim's sentence, compressed.

The lede, the table and the facts show source sentences, or, where a sentence is longer than
its place allows, the summarizer's compression of it (a deletion-only compression or a
guarded rewrite: the GuardedSummarizer checks every generated sentence). Each call gets one
claim, so what comes back rests on that claim's sentence alone.
"""

from __future__ import annotations

from briefer.data import Claim, RankedSentence, SummarySentence
from briefer.summarize.base import Summarizer, SummaryContext

__all__ = ["condense"]


def condense(
    summarizer: Summarizer,
    claim: Claim,
    score: float,
    *,
    max_words: int,
    context: SummaryContext,
) -> SummarySentence:
    """`claim`'s sentence within `max_words` when the summarizer can shorten it, crediting
    every source of the claim; the sentence itself when it is short enough or nothing fits.
    `context` is the run's (sentences, vectors, parses), as every summarizer call gets it."""
    refs = (claim.sentence.ref, *claim.also)
    text = claim.sentence.text.strip()
    if len(text.split()) <= max_words:
        return SummarySentence(text, refs, "extracted")
    ranked = RankedSentence(claim.sentence, score, claim.also)
    for out in summarizer.summarize([ranked], context=context, max_words=max_words):
        if claim.sentence.ref in out.sources and out.text.strip():
            return SummarySentence(out.text.strip(), refs, out.origin)
    return SummarySentence(text, refs, "extracted")
