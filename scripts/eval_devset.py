"""Score briefer's cleaning and attribution against the real-article dev set (devset/).

    .venv/bin/python scripts/eval_devset.py                  # dev events
    .venv/bin/python scripts/eval_devset.py --split heldout  # only for the final measurement
    .venv/bin/python scripts/eval_devset.py --event thai-cam-2025-07 -v

Each article file is read with briefer's readers, segmented (split_segments) and attributed
with its event's profile, all articles of an event in one run, as the pipeline does. The
labels are scored with these definitions:

- a junk span is *dropped or marked* when less than 50% of its non-space characters fall
  inside briefer body sentences;
- a body span is *kept* when at least 90% of its non-space characters fall inside briefer
  body sentences;
- party accuracy is over all labelled body spans (a span not kept counts as wrong); the
  predicted party is that of the briefer claim covering most of the span's characters
  (briefer's OTHER is "other", NARRATOR "narrator");
- per-party recall for each profile party.

Without the texts (devset/articles, a link to /work/devtexts) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "devset"
ARTICLES = DEVSET / "articles"
TARGETS = {"accuracy": 0.9, "recall": 0.85, "junk": 0.9, "kept": 0.97}


@dataclass
class Span:
    file: str
    start: int
    end: int
    label: str
    text_sha1: str = ""
    kind: str = ""
    party: str = ""
    speaker: str = ""
    # filled by scoring
    body_share: float = 0.0
    predicted: str = ""
    predicted_speaker: str = ""
    text: str = ""


@dataclass
class Score:
    spans: list[Span] = field(default_factory=list)
    parties: tuple[str, ...] = ()

    def add(self, other: Score) -> None:
        self.spans.extend(other.spans)
        self.parties = tuple(dict.fromkeys((*self.parties, *other.parties)))

    @property
    def body(self) -> list[Span]:
        return [s for s in self.spans if s.label == "body"]

    @property
    def junk(self) -> list[Span]:
        return [s for s in self.spans if s.label == "junk"]

    def kept(self) -> float:
        body = self.body
        return sum(s.body_share >= 0.9 for s in body) / len(body) if body else 1.0

    def dropped(self) -> float:
        junk = self.junk
        return sum(s.body_share < 0.5 for s in junk) / len(junk) if junk else 1.0

    def accuracy(self) -> float:
        body = self.body
        return sum(s.predicted == s.party for s in body) / len(body) if body else 1.0

    def recall(self, party: str) -> float | None:
        wanted = [s for s in self.body if s.party == party]
        return sum(s.predicted == party for s in wanted) / len(wanted) if wanted else None


def texts_present() -> bool:
    return ARTICLES.is_dir() and any(ARTICLES.glob("*/*.txt"))


def load_events() -> list[dict]:
    import yaml

    return yaml.safe_load((DEVSET / "events.yaml").read_text(encoding="utf-8"))["events"]


def load_labels(event_id: str) -> list[Span]:
    path = DEVSET / "labels" / f"{event_id}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Span(**{k: r[k] for k in Span.__dataclass_fields__ if k in r}) for r in rows]


def event_profile(event: dict):  # noqa: ANN201 - a briefer Profile
    """The event's profile: a built-in by name (devset profiles moved there), else the file."""
    from briefer.perspectives import list_profiles, load_profile

    name = event["profile"].removesuffix(".yaml")
    if name in {n for n, _ in list_profiles()}:
        return load_profile(name)
    return load_profile(DEVSET / "profiles" / event["profile"])


def score_event(event: dict) -> Score:
    """Read, segment and attribute the event's articles; score every labelled span."""
    from dataclasses import replace

    from briefer.data import BODY
    from briefer.perspectives import attribute
    from briefer.readers import load_documents
    from briefer.split import split_segments

    profile = event_profile(event)
    documents, texts, offsets = [], {}, {}
    for article in event["articles"]:
        path = ARTICLES / article["file"]
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != article["sha256"]:
            raise SystemExit(f"{path}: sha256 differs from devset/events.yaml (rebuild it)")
        text = data.decode("utf-8")
        (doc,) = load_documents([path])
        offsets[article["file"]] = _offset(doc.text, text, path)
        texts[article["file"]] = text
        documents.append(replace(doc, id=article["file"]))
    segments = {d.id: split_segments(d) for d in documents}
    sentences = [s for d in documents for s in segments[d.id] if s.kind == BODY]
    import inspect

    context = (
        {"documents": documents} if "documents" in inspect.signature(attribute).parameters else {}
    )
    claims = attribute(sentences, profile, **context)  # older briefer: no document context
    by_doc: dict[str, list] = defaultdict(list)
    for claim in claims:
        by_doc[claim.sentence.doc_id].append(claim)
    spans = load_labels(event["id"])
    for span in spans:
        text = texts[span.file]
        span.text = text[span.start : span.end]
        _check_sha1(span)
        span.body_share, span.predicted, span.predicted_speaker = _predict(
            span, text, by_doc[span.file], offsets[span.file]
        )
    return Score(spans, tuple(p.id for p in profile.parties))


def _check_sha1(span: Span) -> None:
    digest = hashlib.sha1(span.text.encode("utf-8")).hexdigest()[:12]
    if digest != span.text_sha1:
        raise SystemExit(
            f"{span.file} {span.start}-{span.end}: text_sha1 differs; the labels "
            "do not fit this text"
        )


def _offset(read: str, text: str, path: Path) -> int:
    """Where the reader's text starts in the file's text: 0 when it is the file's text, as
    it should be; a reader that cut a prefix (older briefer) has its spans shifted back."""
    if read == text:
        return 0
    offset = text.find(read)
    if offset < 0:
        raise SystemExit(f"{path}: the reader's text is not the file's; spans cannot be mapped")
    return offset


def _predict(span: Span, text: str, claims: list, offset: int) -> tuple[float, str, str]:
    """(share of the span's non-space characters inside body sentences, the party and the
    speaker of the claim covering most of them)."""
    from briefer.data import NARRATOR, OTHER

    chars = [i for i in range(span.start, span.end) if not text[i].isspace()]
    if not chars:
        return 1.0, "", ""
    covering: Counter = Counter()
    inside = 0
    for claim in claims:
        start, end = claim.sentence.start + offset, claim.sentence.end + offset
        if end <= span.start or start >= span.end:
            continue
        n = sum(1 for i in chars if start <= i < end)
        inside += n
        covering[id(claim)] += n
    share = inside / len(chars)
    if not covering:
        return share, "", ""
    best = max(claims, key=lambda c: covering.get(id(c), 0))
    party = {OTHER: "other", NARRATOR: "narrator"}.get(best.party, best.party)
    return share, party, best.speaker


def report(name: str, score: Score) -> list[str]:
    parts = [
        f"{name:<18} body {len(score.body):>4}  accuracy {score.accuracy():.3f}",
        f"kept {score.kept():.3f}  junk {len(score.junk):>4} dropped {score.dropped():.3f}",
    ]
    recalls = []
    for party in (*score.parties, "other", "narrator"):
        value = score.recall(party)
        if value is not None:
            recalls.append(f"{party} {value:.2f}")
    return ["  ".join(parts) + "  recall: " + ", ".join(recalls)]


def junk_table(score: Score) -> list[str]:
    lines = ["", "junk by kind     spans  dropped or marked"]
    by_kind: dict[str, list[Span]] = defaultdict(list)
    for span in score.junk:
        by_kind[span.kind].append(span)
    for kind, spans in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        dropped = sum(s.body_share < 0.5 for s in spans) / len(spans)
        lines.append(f"  {kind:<14} {len(spans):>5}  {dropped:.3f}")
    return lines


def confusion(score: Score) -> list[str]:
    body = score.body
    labels = list(dict.fromkeys((*score.parties, "other", "narrator")))
    predicted = [*labels, ""]
    head = "label \\ predicted " + " ".join(f"{p or '(lost)':>11}" for p in predicted)
    lines = ["", head]
    counts = Counter((s.party, s.predicted) for s in body)
    for label in labels:
        row = " ".join(f"{counts.get((label, p), 0):>11}" for p in predicted)
        lines.append(f"{label:<17} {row}")
    return lines


def targets_met(score: Score) -> list[str]:
    """What falls short of the issue's targets (empty when all are met)."""
    misses = []
    if score.accuracy() < TARGETS["accuracy"]:
        misses.append(f"party accuracy {score.accuracy():.3f} < {TARGETS['accuracy']}")
    for party in score.parties:
        value = score.recall(party)
        if value is not None and value < TARGETS["recall"]:
            misses.append(f"recall {party} {value:.3f} < {TARGETS['recall']}")
    if score.dropped() < TARGETS["junk"]:
        misses.append(f"junk dropped or marked {score.dropped():.3f} < {TARGETS['junk']}")
    if score.kept() < TARGETS["kept"]:
        misses.append(f"body kept {score.kept():.3f} < {TARGETS['kept']}")
    return misses


def evaluate(split: str, event_ids: list[str] | None = None) -> dict[str, Score]:
    """Scores per event of `split` ("dev", "heldout" or "all")."""
    out = {}
    for event in load_events():
        if split != "all" and event["split"] != split:
            continue
        if event_ids and event["id"] not in event_ids:
            continue
        out[event["id"]] = score_event(event)
    return out


def pooled(scores: dict[str, Score]) -> Score:
    total = Score()
    for score in scores.values():
        total.add(score)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    parser.add_argument("--event", action="append", help="only this event (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args()
    if not texts_present():
        print(
            f"eval_devset: no article texts at {ARTICLES} (a link to /work/devtexts); "
            "nothing to score"
        )
        return
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    for split in splits:
        scores = evaluate(split, args.event)
        if not scores:
            continue
        print(f"== {split} events")
        for name, score in scores.items():
            print("\n".join(report(name, score)))
        total = pooled(scores)
        print("\n".join(report(f"pooled ({split})", total)))
        print("\n".join(junk_table(total)))
        print("\n".join(confusion(total)))
        misses = targets_met(total)
        print("\ntargets: " + ("all met" if not misses else "; ".join(misses)))
        if args.verbose:
            _errors(total)
        print()


def _errors(score: Score) -> None:
    print("\nerrors:")
    for span in score.spans:
        if span.label == "junk" and span.body_share >= 0.5:
            print(f"- kept junk [{span.kind}] {span.file}: {span.text[:100]!r}")
        elif span.label == "body" and span.body_share < 0.9:
            print(f"- lost body ({span.body_share:.2f}) {span.file}: {span.text[:100]!r}")
        elif span.label == "body" and span.predicted != span.party:
            print(
                f"- {span.party} -> {span.predicted} ({span.predicted_speaker!r}; "
                f"label {span.speaker!r}) {span.file}: {span.text[:110]!r}"
            )


if __name__ == "__main__":
    sys.exit(main())
