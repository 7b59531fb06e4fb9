"""Start-up costs: `import briefer`, `briefer --help`, and model load times.

    python benchmarks/startup.py [--model DIR] [--repeat 5]

Each figure is the best of `--repeat` fresh subprocesses, so no run benefits from another's
imports (the OS file cache is warm after the first, as it is for a user). Targets (issue 6):
import under 0.3 s, --help under 0.5 s, model load under 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_MODEL = ROOT / "models" / "briefer-fusion-minilm"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}

_LOAD = """
import json, sys, time
start = time.perf_counter()
import torch, transformers  # noqa: F401
imported = time.perf_counter()
from briefer.{module} import {cls}
model = {cls}({arg})
model.load()
loaded = time.perf_counter()
print(json.dumps({{"imports": imported - start, "load": loaded - imported}}))
"""


def best_wall(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def best_load(module: str, cls: str, arg: str, repeat: int) -> dict[str, float]:
    code = _LOAD.format(module=module, cls=cls, arg=arg)
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            env=ENV,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["load"])


def briefer_command() -> list[str]:
    script = Path(sys.executable).with_name("briefer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefer.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help=f"seq2seq checkpoint folder (default {SHIPPED_MODEL})")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    model = args.model or (str(SHIPPED_MODEL) if SHIPPED_MODEL.is_dir() else None)

    python = best_wall([sys.executable, "-c", "pass"], args.repeat)
    rows = [
        ("python -c pass (baseline)", python, None),
        ("import briefer", best_wall([sys.executable, "-c", "import briefer"], args.repeat), 0.3),
        ("briefer --help", best_wall([*briefer_command(), "--help"], args.repeat), 0.5),
    ]
    minilm = best_load("embed", "MiniLMEmbedder", "", args.repeat)
    rows.append(("MiniLM embedder load (torch imported)", minilm["load"], None))
    rows.append(("import torch + transformers", minilm["imports"], None))
    if model:
        seq2seq = best_load("summarize.seq2seq", "Seq2SeqSummarizer", repr(model), args.repeat)
        rows.append((f"summarization model load ({Path(model).name})", seq2seq["load"], 3.0))

    print(f"best of {args.repeat} subprocesses, {sys.executable}\n")
    print("| what | seconds | target | ok |\n|---|---:|---:|:---:|")
    for label, seconds, target in rows:
        goal = f"< {target:g}" if target else ""
        ok = "" if target is None else ("yes" if seconds < target else "NO")
        print(f"| {label} | {seconds:.3f} | {goal} | {ok} |")
    if not model:
        print(f"\nno summarization model: {SHIPPED_MODEL} is absent (give --model DIR)")


if __name__ == "__main__":
    main()
