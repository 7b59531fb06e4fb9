"""Summarizers, interchangeable behind one protocol (base.py), found by name here.

    base.py         Summarizer protocol and SummaryContext (the run's sentences, vectors, ranking)
    length.py       every length rule and its constants
    trained/        the default: learned salience + learned deletion of syntactic units
    extractive.py   LexRank centrality + MMR, verbatim sentences
    seq2seq/        any local seq2seq checkpoint (the abstractive summarizer)
    truecase.py     capitals back in lower-case model output

`resolve_summarizer` is the one place a name ("trained", "extractive", "abstractive") becomes a
Summarizer; the pipeline, `briefer eval` and scripts all use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefer.errors import UsageError

if TYPE_CHECKING:
    from briefer.summarize.base import Summarizer

__all__ = ["SUMMARIZERS", "resolve_summarizer"]

SUMMARIZERS = ("trained", "extractive", "abstractive")


def resolve_summarizer(
    summarizer: Summarizer | str | None = None, *, model: str | Path | None = None
) -> Summarizer:
    """The Summarizer asked for by name, or `summarizer` itself when it is one.

    By default: the trained summarizer where its model is shipped (models/
    briefer-extcomp-minilm), else the extractive summarizer. "abstractive" is the seq2seq
    model of `model` (a local checkpoint folder), else the shipped one; "trained" with
    `model` reads that trained model folder.
    """
    from briefer.models import shipped_model, trained_model

    if summarizer is not None and not isinstance(summarizer, str):
        return summarizer
    name = summarizer or ("trained" if model is None and trained_model() else None)
    if name is None:  # no trained model shipped: the abstractive model asked for, or extractive
        name = "abstractive" if model else "extractive"
    if name == "extractive":
        from briefer.summarize.extractive import ExtractiveSummarizer

        return ExtractiveSummarizer()
    if name == "trained":
        from briefer.summarize.trained import TrainedSummarizer

        folder = model or trained_model()
        if folder is None:
            raise UsageError(
                "--summarizer trained: no trained model in this installation (train one with"
                " `briefer train --summarizer trained`, or use --summarizer extractive)"
            )
        return TrainedSummarizer(folder)
    if name == "abstractive":
        from briefer.summarize.seq2seq import Seq2SeqSummarizer

        model = model or shipped_model()
        if model is None:
            raise UsageError(
                "--summarizer abstractive: no shipped model in this installation"
                " (pass --model DIR, a local seq2seq checkpoint)"
            )
        return Seq2SeqSummarizer(model)
    raise UsageError(f"--summarizer {name}: unknown (use {', '.join(SUMMARIZERS)})")
