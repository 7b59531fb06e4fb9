"""The salience model's training rows, built once and cached under the run folder.

Each data row goes through `briefer.prepare.prepare` (split, MiniLM, rank) exactly as in a
brief; its ranked sentences get `sentence_features` and ROUGE labels (`briefer.train.oracle`):
the greedy oracle at the reference's length and each sentence's own scores. Rows are cached
in chunks (`CHUNK` rows a pickle), so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import itertools
import logging
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from briefer.summarize.length import MULTINEWS_WORDS, NEUS_WORDS

__all__ = ["CHUNK", "Split", "build_split", "load_split"]

CHUNK = 50
log = logging.getLogger("briefer.train")


@dataclass(frozen=True)
class Split:
    name: str  # cache folder name
    file: str  # relative to the data folder
    start: int  # first row (0-based, non-empty lines)
    stop: int


def _rows(path: Path, start: int, stop: int) -> Iterator[tuple[Any, str]]:
    from briefer.eval_rows import read_rows

    yield from itertools.islice(read_rows(path), start, stop)


def featurize(documents: Any, reference: str, embedder: Any, budget: int) -> dict | None:
    """One cached row: features, labels and what compression training needs."""
    from briefer.prepare import prepare
    from briefer.summarize.trained.features import sentence_features
    from briefer.train.oracle import greedy_oracle, sentence_scores

    context = prepare(documents, embedder=embedder)
    if not context.ranked:
        return None
    ranked = context.ranked
    texts = [r.sentence.text.strip() for r in ranked]
    oracle = greedy_oracle(texts, reference, budget)
    labels = np.zeros(len(ranked), dtype=np.float32)
    labels[oracle] = 1.0
    return {
        "features": sentence_features(ranked, context, embedder.dim).astype(np.float16),
        "oracle": labels,
        "order": np.array(oracle, dtype=np.int16),
        "scores": np.array(sentence_scores(texts, reference), dtype=np.float32),
        "texts": texts,
        "reference": reference,
        "budget": budget,
        "sentences": tuple(context.sentences.values()),
        "ranked": ranked,  # with the vectors: the context again, for choosing settings
        "vectors": {ref: v.astype(np.float16) for ref, v in context.vectors.items()},
    }


def context_of(row: dict) -> Any:
    """The SummaryContext a cached row was featurized from (with an empty parse cache)."""
    from briefer.nlp import Parses
    from briefer.summarize.base import SummaryContext

    vectors = {ref: v.astype(np.float32) for ref, v in row["vectors"].items()}
    return SummaryContext(
        sentences={s.ref: s for s in row["sentences"]},
        vectors=vectors,
        ranked=row["ranked"],
        parses=Parses(),
    )


def build_split(split: Split, data_dir: Path, cache: Path, embedder: Any) -> None:
    """Featurize `split` into `cache/split.name/NNNN.pkl`, skipping chunks already there."""
    folder = cache / split.name
    folder.mkdir(parents=True, exist_ok=True)
    path = data_dir / split.file
    budget = NEUS_WORDS if split.file.startswith("neus") else MULTINEWS_WORDS
    for first in range(split.start, split.stop, CHUNK):
        target = folder / f"{first:05d}.pkl"
        if target.exists():
            continue
        last = min(split.stop, first + CHUNK)
        rows = [featurize(d, r, embedder, budget) for d, r in _rows(path, first, last)]
        rows = [r for r in rows if r is not None]
        tmp = target.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(target)
        log.info("%s: rows %d-%d featurized", split.name, first, last)


def load_split(cache: Path, split: Split) -> list[dict]:
    """The cached rows of `split`, in order (the chunks from its start up to its stop)."""
    rows: list[dict] = []
    for first in range(split.start, split.stop, CHUNK):
        chunk = cache / split.name / f"{first:05d}.pkl"
        if chunk.exists():
            with open(chunk, "rb") as f:
                rows.extend(pickle.load(f)[: split.stop - first])
    return rows
