"""Measure the "new since the previous brief" threshold on two consecutive days.

    python scripts/eval_since.py [DAYS_FOLDER]     (default: tests/data/since)

Briefs day1/ and day2/ (full length, extractive), embeds every day-2 claim and prints its best
cosine against the day-1 claims, labelled by new.yaml (NEW: its source sentence is a new
claim), for MiniLM and the hashing embedder; the threshold is the middle of the gap between
the lowest carried-over claim and the highest new one.

Measured (2 December 2026, tests/data/since, 10 day-2 claims):
    MiniLM   carried over 0.800-0.974, new 0.377-0.680  -> 0.74
    hashing  carried over 0.484-0.822, new 0.243-0.369  -> 0.43
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from briefer.embed import HashingEmbedder, MiniLMEmbedder
from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.since import best_similarities
from briefer.split import split_sentences


def measure(root: Path, embedder) -> tuple[list[float], list[float]]:
    new = set(yaml.safe_load((root / "new.yaml").read_text(encoding="utf-8"))["new"])
    options = dict(profile="thai-cam", length="full", embedder=embedder, summarizer="extractive")
    first = build_briefing(load_documents([root / "day1"]), **options)
    second = build_briefing(load_documents([root / "day2"]), **options)
    sentences = {(d.id, s.index): s.text for d in second.documents for s in split_sentences(d)}
    claims = [s for s in second.statements if s.origin != "note"]
    previous = [s.text for s in first.statements if s.text.strip()]
    sims = best_similarities([s.text for s in claims], previous, embedder)
    carried, fresh = [], []
    for statement, sim in zip(claims, sims, strict=True):
        is_new = sentences.get(statement.sources[0]) in new
        (fresh if is_new else carried).append(sim)
        print(f"  {sim:.3f} {'NEW' if is_new else 'old'} {statement.text[:80]}")
    return carried, fresh


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/data/since")
    for embedder in (MiniLMEmbedder(), HashingEmbedder()):
        print(type(embedder).__name__)
        carried, fresh = measure(root, embedder)
        low, high = min(carried), max(fresh)
        verdict = f"threshold {(low + high) / 2:.2f}" if low > high else "no gap: overlap"
        spans = f"carried over {low:.3f}-{max(carried):.3f}, new {min(fresh):.3f}-{high:.3f}"
        print(f"  {spans}: {verdict}")


if __name__ == "__main__":
    main()
