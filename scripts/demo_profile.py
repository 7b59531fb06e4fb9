"""Positions for one Multi-News story under any profile (no model, no embeddings).

    .venv/bin/python scripts/demo_profile.py --profile us-pak --row 21724 [--max-words 120]

The ranking is document order and the summarizer keeps the first sentences: enough to show
that a profile file alone (here United States vs Pakistan) drives attribution and positions.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from briefer.data import Document, RankedSentence, SummarySentence
from briefer.perspectives import analyze, attribute, load_profile, neutrality_report
from briefer.split import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


class LeadSummarizer:
    """The first sentences in rank order up to max_words."""

    name = "lead"
    model_id = "lead"

    def summarize(
        self, sentences: Sequence[RankedSentence], *, max_words: int
    ) -> tuple[SummarySentence, ...]:
        out: list[SummarySentence] = []
        words = 0
        for ranked in sentences:
            n = len(ranked.sentence.text.split())
            if out and words + n > max_words:
                break
            out.append(SummarySentence(ranked.sentence.text, ranked.refs))
            words += n
        return tuple(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="us-pak")
    parser.add_argument("--row", type=int, default=21724)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-words", type=int, default=120)
    args = parser.parse_args()
    path = args.data / "pak_afg" / "multinews_pak_afg.jsonl"
    row = next(r for r in map(json.loads, path.open()) if r["id"] == args.row)
    docs = [Document(f"doc{i}", text) for i, text in enumerate(row["documents"])]
    sentences = [s for d in docs for s in split_sentences(d)]
    profile = load_profile(args.profile)
    claims = attribute(sentences, profile)
    ranked = [RankedSentence(s, 1.0 - i / 1000) for i, s in enumerate(sentences)]
    result = analyze(claims, ranked, profile, LeadSummarizer(), max_words=args.max_words)
    print(f"Multi-News row {args.row}, profile {profile.name}: {len(docs)} documents")
    for position in result.positions:
        print(f"\n## {position.name} ({len(position.claims)} claims)")
        print(position.note or " ".join(s.text for s in position.summary))
    for dispute in result.disputes:
        print(f"\nDispute: {dispute.point}")
        for side in dispute.sides:
            print(f"  {side.party}: " + " | ".join(c.sentence.text[:100] for c in side.claims))
    print("\nOther voices:")
    for claim in result.other_voices:
        print(f"  {claim.speaker}: {claim.sentence.text[:100]}")
    report = neutrality_report((), result.positions, claims)
    print(f"\nBalance {report.balance_ratio:.2f}; warnings: {list(report.warnings)}")


if __name__ == "__main__":
    main()
