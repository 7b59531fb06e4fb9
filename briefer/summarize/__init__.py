"""Summarizers, interchangeable behind one protocol (base.py), found by name here.

    base.py         Summarizer protocol and SummaryContext (the run's sentences, vectors, ranking)
    length.py       every length rule and its constants
    extractive.py   LexRank centrality + MMR, verbatim sentences
    seq2seq/        any local seq2seq checkpoint (the abstractive summarizer)
    truecase.py     capitals back in lower-case model output

`resolve_summarizer` is the one place a name ("extractive", "abstractive") becomes a
Summarizer; the pipeline, `briefer eval` and scripts all use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefer.errors import UsageError

if TYPE_CHECKING:
    from briefer.summarize.base import Summarizer

__all__ = ["SUMMARIZERS", "resolve_summarizer"]

SUMMARIZERS = ("extractive", "abstractive")


def resolve_summarizer(
    summarizer: Summarizer | str | None = None, *, model: str | Path | None = None
) -> Summarizer:
    """The Summarizer asked for by name, or `summarizer` itself when it is one.

    By default: the abstractive summarizer with `model`, else with the shipped model, else
    (an installation without one) the extractive summarizer. `model` is a local seq2seq
    checkpoint folder for "abstractive".
    """
    from briefer.models import shipped_model

    if summarizer is not None and not isinstance(summarizer, str):
        return summarizer
    model = model or (shipped_model() if summarizer != "extractive" else None)
    name = summarizer or ("abstractive" if model else "extractive")
    if name == "extractive":
        from briefer.summarize.extractive import ExtractiveSummarizer

        return ExtractiveSummarizer()
    if name == "abstractive":
        from briefer.summarize.seq2seq import Seq2SeqSummarizer

        if model is None:
            raise UsageError(
                "--summarizer abstractive: no shipped model in this installation"
                " (pass --model DIR, a local seq2seq checkpoint)"
            )
        return Seq2SeqSummarizer(model)
    raise UsageError(f"--summarizer {name}: unknown (use {' or '.join(SUMMARIZERS)})")
