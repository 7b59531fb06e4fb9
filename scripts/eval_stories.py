"""Measure story grouping on the dev set: all articles of its events in one folder.

    python scripts/eval_stories.py [--embedder minilm|hashing] [--no-dates] [--heldout]
                                   [--supply-dates] [--events ID ...] [--json]

Copies every article of the dev split's events that is present in devset/articles into one
temporary folder (renamed 001.txt, 002.txt, ...: nothing of the event id reaches briefer),
reads the folder as `briefer brief` does, and clusters it over a grid of thresholds and
entity weights. Dates are only those briefer's readers find in the files themselves (header
blocks, datelines, "Published ..." lines); events.yaml's dates are not supplied (unless
`--supply-dates`: a document briefer finds no date for gets events.yaml's date for the file,
else its event's first day, as a feed's item date or a clipping tool's header would give
it; an upper bound, said so in the output), and the script prints how many documents of
each event are dated. For each setting: purity (each
cluster's largest event, summed, over all documents; a document alone is its own cluster),
splits (events whose articles fall into more than one cluster, a document alone included),
merged clusters (holding two events or more) and documents left alone; then, at the default
threshold and weight, the date rule's day limit swept (none, 0 to 365 days), and the
clusters each event's documents lie in. `--no-dates` clusters by words alone (the rule
before dates: what an inbox of one day looks like, so the sweep that chooses the threshold).
The held-out events are read only with `--heldout` (scored once, at the end: all events in
one folder). Without the texts of at least four dev events it says so and exits 0.

Measured 7 December 2026 with the dates' bonus (two documents dated within the week 0.1
nearer), all 20 events (`--heldout`): readers' dates purity 0.854, alone 7 -> 3, merged
clusters 9 -> 10; `--supply-dates` events split 9 -> 2, alone 11 -> 2; dev alone
`--supply-dates` 3 splits -> 0. Before the bonus:

Measured (2 December 2026, MiniLM, 49 articles of the 7 dev events, 26 dated by the readers),
defaults (10 lead sentences, entity weight 0.3, threshold 0.475):
- by words alone (`--no-dates`): purity 0.878, no splits, 6 clusters: the Chaman border
  clashes of May 2017 and December 2022 (both Pakistan-Afghanistan) are one cluster. No
  threshold reaches purity 0.9 without splitting an event: at 0.45 two events split, at 0.5
  two more events merge. With 5 lead sentences, no split came with a purity above 0.449.
- with the date rule (7 days): purity 0.959, 7 clusters, 1 split: the two clashes are apart,
  but 04-dawn and 05-cdjyzj of 2017 (no date in their text, their words nearer Dawn's 2022
  coverage) go with 2022. Every day limit from 1 to 365 gives the same; 0 splits two more
  events. Every threshold from 0.475 to 0.8 gives the same too (the dev events lie on
  different days, so the dates keep them apart); 0.45 splits 4 events.
- every document dated (`--supply-dates`, 23 dates supplied): purity 1.000, no split, 7
  clusters, at every threshold from 0.475 to 0.8. Day limits: 0 splits 5 events, 1 splits
  2, 2 splits 1 (the 2017 clash, reported 5 and 8 May), 3 to 365 none.
- with the eighth dev event, pak-afg-2020-07 (a third Chaman clash; 56 articles, 31 dated):
  by words alone purity 0.768, the three Chaman clashes one cluster; with the date rule
  purity 0.964, 1 split (the same two 2017 articles); `--supply-dates` purity 1.000.
- held out, scored once at the end (`--heldout`, 64 articles of all 9 events, 34 dated by
  the readers): by words alone purity 0.797, 1 split, 2 merged (the 2016 Torkham clash with
  April 2022, the two Chaman clashes); with the date rule purity 0.953, 3 splits (undated
  articles of ind-pak-2019-02 and pak-afg-2017-05 joining other stories by their words);
  with `--supply-dates` purity 1.000, 1 split (ind-pak-2019-02 in three clusters by its
  words; split in two by words alone too), and a limit of 365 days merges the 2016 and
  2017 clashes (purity 0.938).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "devset"
MIN_EVENTS = 4
THRESHOLDS = [round(0.40 + 0.025 * i, 3) for i in range(17)]  # 0.40 .. 0.80
WEIGHTS = [0.0, 0.15, 0.3, 0.45]
DAYS = [None, 0, 1, 2, 3, 7, 14, 30, 365]  # the date rule's limit, swept at the default


def dev_files(
    splits: tuple[str, ...] = ("dev",), only: tuple[str, ...] = ()
) -> dict[str, list[Path]]:
    """Event id -> its articles present on disk (the dev split only, unless `splits` says;
    the events named in `only`, when given)."""
    events = yaml.safe_load((DEVSET / "events.yaml").read_text(encoding="utf-8"))["events"]
    found: dict[str, list[Path]] = {}
    for event in events:
        if event.get("split") not in splits or (only and event["id"] not in only):
            continue
        paths = [DEVSET / "articles" / a["file"] for a in event["articles"]]
        present = [p for p in paths if p.is_file()]
        if len(present) >= 2:
            found[event["id"]] = present
    return found


def feed_dates() -> dict[Path, str]:
    """Article path -> the day a feed would date it: events.yaml's date for the file, else
    the event's first day (used only with --supply-dates, and said so)."""
    events = yaml.safe_load((DEVSET / "events.yaml").read_text(encoding="utf-8"))["events"]
    return {
        DEVSET / "articles" / a["file"]: str(a.get("date") or event["dates"][0])
        for event in events
        for a in event["articles"]
    }


def score(labels, truth: list[str]) -> dict:
    clusters: dict[int, list[str]] = defaultdict(list)
    for label, event in zip(labels, truth, strict=True):
        clusters[int(label)].append(event)
    purity = sum(Counter(c).most_common(1)[0][1] for c in clusters.values()) / len(truth)
    spread: dict[str, set[int]] = defaultdict(set)
    for label, event in zip(labels, truth, strict=True):
        spread[event].add(int(label))
    return {
        "purity": round(purity, 3),
        "splits": sum(len(s) > 1 for s in spread.values()),
        "merged": sum(len(set(c)) > 1 for c in clusters.values()),
        "alone": sum(len(c) == 1 for c in clusters.values()),
        "clusters": len(clusters),
    }


def composition(labels, truth: list[str]) -> dict[str, list[dict[str, int]]]:
    """Event -> the clusters its documents lie in, each as {event: documents} it holds."""
    clusters: dict[int, Counter] = defaultdict(Counter)
    for label, event in zip(labels, truth, strict=True):
        clusters[int(label)][event] += 1
    out: dict[str, list[dict[str, int]]] = {}
    for event in dict.fromkeys(truth):
        homes = dict.fromkeys(int(lab) for lab, e in zip(labels, truth, strict=True) if e == event)
        out[event] = [dict(clusters[label]) for label in homes]
    return out


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    parser.add_argument(
        "--no-dates", action="store_true", help="cluster by words alone (the rule before dates)"
    )
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="add the held-out events to the folder (score them once, at the end)",
    )
    parser.add_argument(
        "--supply-dates",
        action="store_true",
        help="date every document briefer finds no date for, as a feed's item date would:"
        " events.yaml's date for the file, else the event's first day",
    )
    parser.add_argument(
        "--events", nargs="*", default=[], help="only these events (ids of events.yaml)"
    )
    parser.add_argument("--json", action="store_true")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    files = dev_files(("dev", "heldout") if args.heldout else ("dev",), tuple(args.events))
    if len(files) < MIN_EVENTS:
        print(
            f"skipped: the texts of {len(files)} dev event(s) are in devset/articles"
            f" ({', '.join(files) or 'none'}); at least {MIN_EVENTS} are needed"
            " (see devset/README.md: the texts live in /work/devtexts)"
        )
        return 0

    from briefer.embed import HashingEmbedder, MiniLMEmbedder
    from briefer.readers import load_documents
    from briefer.stories import (
        DEFAULT_ENTITY_WEIGHT,
        MAX_DAYS_APART,
        blend,
        by_dates,
        cluster_labels,
        similarities,
    )

    embedder = MiniLMEmbedder() if args.embedder == "minilm" else HashingEmbedder()
    with tempfile.TemporaryDirectory() as tmp:
        event_of: dict[str, str] = {}
        origin: dict[str, Path] = {}
        number = 0
        for event, paths in files.items():
            for path in paths:
                number += 1
                target = Path(tmp) / f"{number:03d}.txt"
                shutil.copyfile(path, target)
                event_of[str(target)] = event
                origin[str(target)] = path
        documents = load_documents([tmp])
        read_dates = sum(bool(d.date) for d in documents)
        if args.supply_dates:
            supplied = feed_dates()
            documents = tuple(
                replace(d, date=d.date or supplied[origin[d.path]]) for d in documents
            )
        truth = [event_of[d.path] for d in documents]
        cosine, overlap = similarities(documents, embedder=embedder)
    dated = Counter(e for e, d in zip(truth, documents, strict=True) if d.date)
    max_days = None if args.no_dates else MAX_DAYS_APART

    def labels(weight: float, threshold: float, days: int | None):
        matrix = blend(cosine, overlap, weight)
        if days is not None:
            closer = getattr(embedder, "story_dated_closer", 0.0)
            matrix = by_dates(matrix, documents, days, closer)
        return cluster_labels(matrix, threshold)

    rows = [
        {"weight": w, "threshold": t, **score(labels(w, t, max_days), truth)}
        for w in WEIGHTS
        for t in THRESHOLDS
    ]
    default = getattr(embedder, "story_threshold", 0.6)
    day_rows = [
        {"max_days": days, **score(labels(DEFAULT_ENTITY_WEIGHT, default, days), truth)}
        for days in DAYS
    ]
    summary = {
        "events": len(files),
        "documents": len(documents),
        "per_event": dict(Counter(truth)),
        "dated_per_event": {e: dated[e] for e in files},
        "dated_by_readers": read_dates,
        "supplied_dates": len(documents) - read_dates if args.supply_dates else 0,
        "max_days": max_days,
        "default": {"weight": DEFAULT_ENTITY_WEIGHT, "threshold": default},
        "rows": rows,
        "days": day_rows,
        "composition": composition(labels(DEFAULT_ENTITY_WEIGHT, default, max_days), truth),
    }
    if args.json:
        print(json.dumps(summary, indent=1))
        return 0
    print_summary(summary)
    return 0


def print_summary(summary: dict) -> None:
    """The tables of `summary` as text."""
    default = summary["default"]
    print(f"{summary['documents']} documents of {summary['events']} events: {summary['per_event']}")
    supplied = summary["supplied_dates"]
    whence = (
        f"{supplied} supplied from events.yaml as a feed would" if supplied else "none supplied"
    )
    readers = f"{summary['dated_by_readers']} by briefer's readers"
    print(f"dated: {summary['dated_per_event']} ({readers}, {whence})")
    rule = "none" if summary["max_days"] is None else f"more than {summary['max_days']} days apart"
    print(f"cannot link: {rule}")
    print("weight threshold purity splits merged alone clusters")
    for row in summary["rows"]:
        mark = " <- default" if (row["weight"], row["threshold"]) == tuple(default.values()) else ""
        good = " ok" if row["purity"] >= 0.9 and row["splits"] == 0 else ""
        print(
            f"{row['weight']:6.2f} {row['threshold']:9.3f} {row['purity']:6.3f} {row['splits']:6d}"
            f" {row['merged']:6d} {row['alone']:5d} {row['clusters']:8d}{good}{mark}"
        )
    print(f"at weight {default['weight']}, threshold {default['threshold']}:")
    print("max_days purity splits merged alone clusters")
    for row in summary["days"]:
        days = "none" if row["max_days"] is None else str(row["max_days"])
        print(
            f"{days:>8} {row['purity']:6.3f} {row['splits']:6d} {row['merged']:6d}"
            f" {row['alone']:5d} {row['clusters']:8d}"
        )
    print("clusters of each event at the default (cluster: its events and documents):")
    for event, homes in summary["composition"].items():
        print(f"  {event}: {homes}")


if __name__ == "__main__":
    sys.exit(main())
