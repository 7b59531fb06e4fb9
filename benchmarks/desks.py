"""Briefs per minute of `briefer batch` with 1 and 2 worker processes.

    .venv/bin/python benchmarks/desks.py [--desks 8] [--workers 1 2] [--summarizer NAME]

Builds DESKS desks in a temporary folder from the invented test events (tests/data): in
turn a desk of the Northland shelling (9 articles of 4 March 2031), one of the dam floods
(3), one of the border talks (2), and one holding all of them plus an odd article (a digest
of three stories). For each worker count, in a new process, it runs what
`briefer batch desks.yaml --workers N` does and prints the wall time from the start of the
pool to the last desk written (the workers' model loading included, once per worker), the
time per desk inside the workers, and briefs per minute. Default models: MiniLM, spaCy and the
default summarizer (the shipped model when it is there).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DAY = "2031-03-04"


def build(folder: Path, count: int) -> Path:
    north = [p for p in sorted((DATA / "northland").glob("*.md")) if "bay-observer" not in p.name]
    dam = sorted((DATA / "stories").glob("dam-*.txt"))
    talks = sorted((DATA / "since" / "day1").glob("*.txt"))
    chess = [DATA / "stories" / "chess-lakeside-news.txt"]
    kinds = [
        ("north", north, str(DATA / "northland" / "profile.yaml")),
        ("dam", dam, "pak-afg"),
        ("talks", talks, "thai-cam"),
        ("all", north + dam + talks + chess, str(DATA / "northland" / "profile.yaml")),
    ]
    desks = []
    for i in range(count):
        name, files, profile = kinds[i % len(kinds)]
        desk = f"{name}-{i + 1}"
        (folder / desk / "inbox").mkdir(parents=True)
        (folder / desk / "out").mkdir()
        for path in files:
            shutil.copy(path, folder / desk / "inbox" / path.name)
        desks.append(
            {"name": desk, "inbox": f"{desk}/inbox", "out_dir": f"{desk}/out", "profile": profile}
        )
    manifest = folder / "desks.yaml"
    manifest.write_text(yaml.safe_dump({"date": DAY, "desks": desks}), encoding="utf-8")
    return manifest


CHILD = """
import json, sys, time
from pathlib import Path
from briefer.batch import load_manifest, run_batch
start = time.perf_counter()
results = run_batch(load_manifest(Path(sys.argv[1])), workers=int(sys.argv[2]),
                    summarizer=sys.argv[3] or None)
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "ok": sum(r.ok for r in results), "desks": len(results),
                  "errors": [r.error for r in results if not r.ok],
                  "inside": [r.seconds for r in results]}))
"""


def run(manifest: Path, workers: int, summarizer: str) -> dict:
    for out in manifest.parent.glob("*/out"):
        for path in out.iterdir():
            path.unlink()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(manifest), str(workers), summarizer],
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        },
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--summarizer", default="", help="extractive or abstractive")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        manifest = build(Path(tmp), args.desks)
        print("| workers | desks briefed | wall s | mean s per desk (in worker) | briefs/min |")
        print("|---|---|---|---|---|")
        for workers in args.workers:
            result = run(manifest, workers, args.summarizer)
            mean = sum(result["inside"]) / len(result["inside"])
            rate = result["ok"] / result["wall"] * 60
            print(
                f"| {workers} | {result['ok']}/{result['desks']} | {result['wall']:.1f}"
                f" | {mean:.1f} | {rate:.1f} |"
            )
            if result["errors"]:
                print("errors:", result["errors"], file=sys.stderr)


if __name__ == "__main__":
    main()
