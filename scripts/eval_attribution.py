"""Attribution accuracy on the hand-labelled set (tests/data/attribution_labels.jsonl).

    .venv/bin/python scripts/eval_attribution.py [--data ../shared/data] [--profile pak-afg] [-v]

The labels name sentences by file, row id, document index and sentence index (briefer's
splitter); the article text is read from the shared data folder (Multi-News rows) or from
the project (the seed article). Prints party accuracy and per-party precision and recall.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "attribution_labels.jsonl"
DATA = ROOT.parent / "shared" / "data"


def load_labels(path: Path = LABELS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _article(label: dict, data: Path, rows_cache: dict) -> str:
    if label["row_id"] is None:
        return (ROOT / label["file"]).read_text(encoding="utf-8")
    if label["file"] not in rows_cache:
        rows = {}
        with open(data / label["file"], encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                rows[row["id"]] = row
        rows_cache[label["file"]] = rows
    return rows_cache[label["file"]][label["row_id"]]["documents"][label["doc_index"]]


def predict(labels: list[dict], data: Path = DATA, profile: str = "pak-afg") -> list[dict]:
    """Each label with `predicted` (party) and `speaker` added; articles attributed whole."""
    from briefer.data import Document
    from briefer.perspectives import attribute, load_profile
    from briefer.split import split_sentences

    party_profile = load_profile(profile)
    cache: dict = {}
    claims_by_article: dict[tuple, dict] = {}
    out = []
    for label in labels:
        key = (label["file"], label["row_id"], label["doc_index"])
        if key not in claims_by_article:
            text = _article(label, data, cache)
            doc = Document(id=f"{label['row_id']}:{label['doc_index']}", text=text)
            claims = attribute(split_sentences(doc), party_profile)
            claims_by_article[key] = {c.sentence.index: c for c in claims}
        claim = claims_by_article[key].get(label["sentence_index"])
        if claim is None or not claim.sentence.text.startswith(label["text_prefix"]):
            raise SystemExit(
                f"label misaligned: {key} sentence {label['sentence_index']} "
                f"expected {label['text_prefix']!r}"
            )
        out.append(
            {
                **label,
                "predicted": claim.party,
                "speaker": claim.speaker,
                "text": claim.sentence.text,
            }
        )
    return out


def scores(results: list[dict]) -> dict:
    accuracy = sum(r["party"] == r["predicted"] for r in results) / len(results)
    per_party = {}
    for party in sorted({r["party"] for r in results} | {r["predicted"] for r in results}):
        tp = sum(r["party"] == party == r["predicted"] for r in results)
        predicted = sum(r["predicted"] == party for r in results)
        actual = sum(r["party"] == party for r in results)
        per_party[party] = {
            "precision": tp / predicted if predicted else 0.0,
            "recall": tp / actual if actual else 0.0,
            "support": actual,
        }
    articles = len({(r["file"], r["row_id"], r["doc_index"]) for r in results})
    return {"n": len(results), "articles": articles, "accuracy": accuracy, "parties": per_party}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--profile", default="pak-afg")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the errors")
    args = parser.parse_args()
    results = predict(load_labels(), args.data, args.profile)
    result = scores(results)
    print(
        f"{result['n']} sentences from {result['articles']} articles; "
        f"party accuracy {result['accuracy']:.3f}"
    )
    print(f"{'party':<12} {'precision':>9} {'recall':>7} {'support':>8}")
    for party, s in result["parties"].items():
        print(f"{party:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['support']:>8}")
    confusion = Counter(
        (r["party"], r["predicted"]) for r in results if r["party"] != r["predicted"]
    )
    print("confusions (label -> predicted):", dict(confusion))
    if args.verbose:
        for r in results:
            if r["party"] != r["predicted"]:
                print(
                    f"- {r['row_id']}:{r['doc_index']}:{r['sentence_index']} "
                    f"{r['party']} -> {r['predicted']} ({r['speaker']!r}) {r['text'][:110]}"
                )


if __name__ == "__main__":
    main()
