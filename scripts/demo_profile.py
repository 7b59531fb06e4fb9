"""The brief of one Multi-News story under any profile (no model, no embeddings).

    .venv/bin/python scripts/demo_profile.py --profile us-pak --row 21724 [--length short]

The ranking is document order and the summarizer keeps the first sentences: enough to show
that a profile file alone (here United States vs Pakistan) drives attribution, the lede and
the side-by-side table.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from briefer.compose import compose, layout_for
from briefer.data import Document, RankedSentence, SummarySentence
from briefer.perspectives import attribute, load_profile
from briefer.split import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


class LeadSummarizer:
    """The first sentences in rank order up to max_words."""

    name = "lead"
    model_id = "lead"

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: object, max_words: int
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
    parser.add_argument("--length", default="standard", help="short, standard or full")
    args = parser.parse_args()
    path = args.data / "pak_afg" / "multinews_pak_afg.jsonl"
    row = next(r for r in map(json.loads, path.open()) if r["id"] == args.row)
    docs = [Document(f"doc{i}", text) for i, text in enumerate(row["documents"])]
    sentences = [s for d in docs for s in split_sentences(d)]
    profile = load_profile(args.profile)
    claims = attribute(sentences, profile)
    ranked = [RankedSentence(s, 1.0 - i / 1000) for i, s in enumerate(sentences)]
    brief = compose(docs, claims, ranked, profile, LeadSummarizer(), layout=layout_for(args.length))
    print(f"Multi-News row {args.row}, profile {profile.name}: {len(docs)} documents\n")
    print(" ".join(s.text for s in brief.lede))
    names = [profile.party_name(p) for p in brief.columns]
    for row in brief.rows:
        print(f"\n## {row.label}{' (disputed)' if row.disputed else ''}")
        for name, cell in zip(names, row.cells, strict=True):
            print(f"  {name}: " + (" | ".join(s.text[:100] for s in cell) or "-"))
    print("\nFacts:")
    for fact in brief.facts:
        print(f"  [{fact.support}] {fact.text[:100]}")
    print("\nOther voices:")
    for voice in brief.other_voices:
        print(f"  {voice.speaker}: {voice.text[:100]}")
    for note in brief.coverage.notes:
        print(f"\nNote: {note}")


if __name__ == "__main__":
    main()
