"""Check the dev set's labels against its texts, and count what it holds.

    python devset/check_labels.py

With the texts present (devset/articles/<event>/<file>.txt), it checks that every file's sha256
matches events.yaml; that each file's spans are in order, do not overlap, are trimmed of
surrounding whitespace and together cover every non-space character; that each span's
text_sha1 matches its text; that labels, kinds and parties are valid for the event's profile;
and that the checklists are well formed. It prints per-event counts and exits 1 on a problem.
Without the texts it prints one line saying so and exits 0.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

DEVSET = Path(__file__).resolve().parent
REPO = DEVSET.parent
ARTICLES = DEVSET / "articles"
BUILTIN_PROFILES = REPO / "briefer" / "resources" / "profiles"

JUNK_KINDS = (
    "header",
    "headline",
    "standfirst",
    "heading",
    "dateline",
    "byline",
    "timestamp",
    "caption",
    "credit",
    "clutter",
    "fragment",
)
VOICES = ("other", "narrator")
BODY_KEYS = {"file", "start", "end", "text_sha1", "label", "party", "speaker", "note"}
JUNK_KEYS = {"file", "start", "end", "text_sha1", "label", "kind"}


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")


def party_ids(profile: str) -> list[str]:
    """The party ids of an event's profile: a built-in name or a file under devset/profiles/."""
    if profile.endswith((".yaml", ".yml")):
        path = DEVSET / "profiles" / profile
    else:
        path = BUILTIN_PROFILES / f"{profile}.yaml"
    if not path.is_file():
        raise SystemExit(f"check_labels: profile {profile!r} not found at {path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [p["id"] for p in data["parties"]]


def check_event(event: dict, problems: Problems) -> dict:
    eid = event["id"]
    parties = party_ids(event["profile"])
    valid_parties = set(parties) | set(VOICES)
    articles = {a["file"]: a for a in event["articles"]}
    texts: dict[str, str] = {}
    for rel, art in articles.items():
        data = (ARTICLES / rel).read_bytes()
        if hashlib.sha256(data).hexdigest() != art["sha256"]:
            problems.add(rel, "sha256 differs from events.yaml")
        text = data.decode("utf-8")
        if "\r" in text or not text.endswith("\n") or text.endswith("\n\n"):
            problems.add(rel, "must use \\n line ends and end with exactly one newline")
        texts[rel] = text

    spans: dict[str, list[dict]] = {rel: [] for rel in articles}
    order: list[str] = []
    label_path = DEVSET / "labels" / f"{eid}.jsonl"
    for n, line in enumerate(label_path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{label_path.name}:{n}"
        if not line.strip():
            continue
        rec = json.loads(line)
        rel = rec.get("file")
        if rel not in articles:
            problems.add(where, f"file {rel!r} is not an article of {eid}")
            continue
        if not order or order[-1] != rel:
            if rel in order:
                problems.add(where, f"spans of {rel} are not contiguous in the file")
            order.append(rel)
        spans[rel].append(rec)
        label = rec.get("label")
        if label == "junk":
            if rec.get("kind") not in JUNK_KINDS:
                problems.add(where, f"unknown junk kind {rec.get('kind')!r}")
            extra = set(rec) - JUNK_KEYS
        elif label == "body":
            party, speaker = rec.get("party"), rec.get("speaker")
            if party not in valid_parties:
                problems.add(where, f"party {party!r} not in {sorted(valid_parties)}")
            if not isinstance(speaker, str):
                problems.add(where, "speaker must be a string")
            elif party == "narrator" and speaker:
                problems.add(where, "a narrator span has no speaker")
            elif party != "narrator" and not speaker.strip():
                problems.add(where, "a party or other span must name its speaker")
            extra = set(rec) - BODY_KEYS
        else:
            problems.add(where, f"label must be body or junk, not {label!r}")
            extra = set()
        if extra:
            problems.add(where, f"unknown fields {sorted(extra)}")
    if order != [rel for rel in articles if spans[rel]]:
        problems.add(label_path.name, "files are not in the order of events.yaml")

    body, junk = Counter(), Counter()
    for rel, recs in spans.items():
        text = texts[rel]
        if not recs:
            problems.add(rel, "has no spans")
            continue
        covered = [False] * len(text)
        prev_end = 0
        for rec in recs:
            s, e = rec.get("start"), rec.get("end")
            where = f"{rel}[{s}:{e}]"
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                problems.add(where, "bad offsets")
                continue
            if s < prev_end:
                problems.add(where, "out of order or overlaps the previous span")
            prev_end = max(prev_end, e)
            piece = text[s:e]
            if piece != piece.strip():
                problems.add(where, "not trimmed of surrounding whitespace")
            if hashlib.sha1(piece.encode("utf-8")).hexdigest()[:12] != rec.get("text_sha1"):
                problems.add(where, "text_sha1 does not match the span's text")
            for i in range(s, e):
                covered[i] = True
            if rec.get("label") == "body":
                body[rec.get("party")] += 1
            else:
                junk[rec.get("kind")] += 1
        holes = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
        if holes:
            problems.add(rel, f"{len(holes)} non-space characters in no span (first at {holes[0]})")
        first = recs[0]
        starts_with_header = first.get("label") == "junk" and first.get("kind") == "header"
        if articles[rel]["header"] != starts_with_header:
            problems.add(rel, "header flag in events.yaml disagrees with the first span")
    return {"articles": len(articles), "body": body, "junk": junk, "parties": parties}


def check_checklist(event: dict, problems: Problems) -> int:
    path = DEVSET / "checklists" / f"{event['id']}.yaml"
    if not path.is_file():
        return 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    parties = set(party_ids(event["profile"]))
    seen: set[str] = set()
    items = [("claim", c) for c in data.get("claims", [])] + [
        ("fact", f) for f in data.get("facts", [])
    ]
    for kind, item in items:
        where = f"{path.name}:{item.get('id')}"
        if item.get("id") in seen or not item.get("id"):
            problems.add(where, "ids must be present and unique")
        seen.add(item.get("id"))
        if kind == "claim" and item.get("party") not in parties:
            problems.add(where, f"party {item.get('party')!r} not in {sorted(parties)}")
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            problems.add(where, "text must be a non-empty string")
        groups = item.get("keywords")
        if not (
            isinstance(groups, list)
            and groups
            and all(
                isinstance(g, list) and g and all(isinstance(k, str) and k for k in g)
                for g in groups
            )
        ):
            problems.add(where, "keywords must be a list of non-empty lists of strings")
    return len(items)


def main() -> int:
    events = yaml.safe_load((DEVSET / "events.yaml").read_text(encoding="utf-8"))["events"]
    files = [a["file"] for e in events for a in e["articles"]]
    present = [f for f in files if (ARTICLES / f).is_file()]
    if not present:
        print(f"check_labels: no article texts under {ARTICLES} (see README.md); nothing checked")
        return 0
    problems = Problems()
    for f in sorted(set(files) - set(present)):
        problems.add(f, "text missing")
    if len({e["id"] for e in events}) != len(events):
        problems.add("events.yaml", "event ids are not unique")
    for e in events:
        if e["split"] not in ("dev", "heldout"):
            problems.add(e["id"], f"split must be dev or heldout, not {e['split']!r}")
    if problems.items:
        for p in problems.items:
            print("PROBLEM", p)
        return 1

    totals_body, totals_junk, total_articles = Counter(), Counter(), 0
    for e in events:
        stats = check_event(e, problems)
        n_items = check_checklist(e, problems)
        total_articles += stats["articles"]
        totals_body.update({"all": sum(stats["body"].values())})
        totals_junk.update(stats["junk"])
        by_party = ", ".join(
            f"{p} {stats['body'][p]}" for p in (*stats["parties"], *VOICES) if stats["body"][p]
        )
        by_kind = ", ".join(f"{k} {stats['junk'][k]}" for k in JUNK_KINDS if stats["junk"][k])
        print(
            f"{e['id']} ({e['split']}): {stats['articles']} articles; "
            f"body {sum(stats['body'].values())} ({by_party}); "
            f"junk {sum(stats['junk'].values())} ({by_kind}); checklist items {n_items}"
        )
    print(
        f"total: {len(events)} events, {total_articles} articles, "
        f"{totals_body['all']} body sentences, {sum(totals_junk.values())} junk spans"
    )
    for p in problems.items:
        print("PROBLEM", p)
    return 1 if problems.items else 0


if __name__ == "__main__":
    sys.exit(main())
