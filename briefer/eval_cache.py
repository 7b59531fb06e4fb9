"""A disk cache of `prepare()` for `briefer eval`: the same rows scored again (another word
budget, another system) are not split, embedded and ranked again.

Each row's context (sentences, vectors, ranking) is kept with the seconds its preparation
took when it was computed, and those seconds are what `briefer eval` counts for it, so the
seconds per example stay those of a run without the cache. Keyed by the data file's path,
size and modification time, the row number and the embedder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path
from typing import Any

from briefer.data import Document
from briefer.summarize.base import SummaryContext

__all__ = ["cached_prepare"]


def _key(data_path: str | Path, row: int, embedder: Any) -> str:
    path = Path(data_path).resolve()
    stat = path.stat()
    name = f"{type(embedder).__name__}:{getattr(embedder, 'dim', '')}"
    raw = f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{row}|{name}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def cached_prepare(
    documents: list[Document],
    *,
    embedder: Any,
    cache_dir: Path | None,
    data_path: str | Path,
    row: int,
) -> tuple[SummaryContext, float]:
    """(the row's context, the seconds its preparation took), from `cache_dir` when there."""
    from briefer.nlp import Parses
    from briefer.prepare import prepare

    target = cache_dir / f"{_key(data_path, row, embedder)}.pkl" if cache_dir else None
    if target is not None and target.exists():
        with open(target, "rb") as f:
            parts, seconds = pickle.load(f)
        return SummaryContext(**parts, parses=Parses()), seconds
    start = time.perf_counter()
    context = prepare(documents, embedder=embedder)
    seconds = time.perf_counter() - start
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        parts = {
            "sentences": dict(context.sentences),
            "vectors": dict(context.vectors),
            "ranked": context.ranked,
            "documents": dict(context.documents),
        }
        tmp = target.with_suffix(f".{os.getpid()}.tmp")  # runs may share a cache
        with open(tmp, "wb") as f:
            pickle.dump((parts, seconds), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(target)
    return context, seconds
