"""The summarizer protocol: ranked source sentences in, attributed summary sentences out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from briefer.data import RankedSentence, SummarySentence


@runtime_checkable
class Summarizer(Protocol):
    """Turns ranked sentences (most salient first) into at most `max_words` of summary.

    Every returned SummarySentence carries the refs of the source sentences it rests on.
    """

    name: str  # "extractive", "abstractive"
    model_id: str  # what the briefing's method note names

    def summarize(
        self, sentences: Sequence[RankedSentence], *, max_words: int
    ) -> tuple[SummarySentence, ...]: ...
