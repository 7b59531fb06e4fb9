"""Time and peak memory of one big input, from 1 to 50 MB, and of a DOCX that inflates to 1 GB.

    python benchmarks/bigtext.py                      # 1, 10, 50 MB; the 5 MB line; the DOCX
    python benchmarks/bigtext.py --sizes 1,10 --hashing --no-docx

Each case is one file in a temporary folder, run in a new process as the user would run it:

    briefer brief FILE --summarizer extractive -o out.md --quiet

and timed from spawning the process to its exit (imports and the MiniLM load included); the
peak resident memory is the child's (`wait4` rusage). The cases:

  text N MB   news articles one after another, paragraphs between blank lines: documents of
              ../shared/data/multinews (read in place), else the project's samples repeated
  line 5 MB   the same words on one line, without any punctuation (the splitter caps it)
  docx 1 GB   a 1 MB DOCX whose word/document.xml inflates to 1 GiB: refused by its size

`--hashing` swaps MiniLM for the HashingEmbedder, to see what the rest of the pipeline costs.
Prints one Markdown table; note the machine's load average beside it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews" / "train_20k.jsonl"
MB = 1024 * 1024
CHILD = """
import sys
if sys.argv[1] == "hashing":
    import briefer.embed as embed
    embed.MiniLMEmbedder = lambda *a, **k: embed.HashingEmbedder()
sys.argv = ["briefer", *sys.argv[2:]]
from briefer.cli import app
app()
"""


def paragraphs() -> list[str]:
    """Paragraphs of real news text, about 10 MB of them (repeated for bigger files)."""
    found: list[str] = []
    size = 0
    if MULTINEWS.is_file():
        with MULTINEWS.open(encoding="utf-8") as rows:
            for line in rows:
                for document in json.loads(line)["documents"]:
                    for paragraph in re.split(r"\n\s*\n", document):
                        if len(paragraph.split()) >= 8:
                            found.append(" ".join(paragraph.split()))
                            size += len(found[-1])
                if size > 10 * MB:
                    return found
    if not found:
        for path in [*(ROOT / "seeds").iterdir(), *(ROOT / "samples" / "inputs").glob("*.md")]:
            found.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n"))
    return [p for p in found if p]


def text_of(size: int, pool: list[str], separator: str = "\n\n") -> str:
    """`size` bytes of UTF-8 at most (so that 50 MB passes the 50 MB limit), cut at a space."""
    parts: list[str] = []
    total = 0
    while total < size:
        for paragraph in pool:
            parts.append(paragraph)
            total += len(paragraph.encode()) + len(separator)
            if total >= size:
                break
    data = separator.join(parts).encode()[:size]
    return data[: data.rfind(b" ")].decode("utf-8", "ignore")


def write_line(path: Path, size: int, pool: list[str]) -> None:
    words = re.sub(r"[^\w\s]", " ", text_of(size, pool, " ")).split()
    path.write_text(" ".join(words)[:size] + "\n", encoding="utf-8")


def write_docx_bomb(path: Path, inflated: int) -> None:
    """A DOCX made by python-docx whose document.xml holds `inflated` bytes of paragraphs."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    chunk = b"a" * MB  # one endless word: deflate packs it about 1,000 to 1
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename != "word/document.xml":
                target.writestr(item.filename, content, zipfile.ZIP_DEFLATED)
                continue
            head, tail = content.split(b"<w:body>", 1)
            info = zipfile.ZipInfo(item.filename, date_time=(2024, 12, 26, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with target.open(info, "w", force_zip64=True) as out:
                out.write(head + b"<w:body><w:p><w:r><w:t>")
                for _ in range(inflated // len(chunk)):
                    out.write(chunk)
                out.write(b"</w:t></w:r></w:p>" + tail)


def run_case(path: Path, out: Path, hashing: bool, timeout: float) -> dict:
    command = [
        sys.executable,
        "-c",
        CHILD,
        "hashing" if hashing else "minilm",
        "brief",
        str(path),
        "--summarizer",
        "extractive",
        "-o",
        str(out),
        "--quiet",
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stderr=err, env=env)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)  # the child's own peak memory
        seconds = time.perf_counter() - start
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    first = next((line for line in stderr.splitlines() if line.strip()), "")
    return {
        "exit": child.returncode,
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "note": first,
    }


def make_inputs(args: argparse.Namespace, folder: Path) -> None:
    pool = paragraphs()
    cases: list[tuple[str, str]] = []
    for size in (float(s) for s in args.sizes.split(",") if s.strip()):
        path = folder / f"text-{size:g}mb.txt"
        path.write_text(text_of(int(size * MB), pool), encoding="utf-8")
        cases.append((f"text {size:g} MB", str(path)))
    if args.line_mb:
        path = folder / "line.txt"
        write_line(path, int(args.line_mb * MB), pool)
        cases.append((f"line {args.line_mb:g} MB, no punctuation", str(path)))
    if args.docx_gb:
        path = folder / "bomb.docx"
        write_docx_bomb(path, int(args.docx_gb * 1024 * MB))
        cases.append((f"docx inflating to {args.docx_gb:g} GB", str(path)))
    (folder / "cases.json").write_text(json.dumps(cases))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50", help="text sizes in MB, comma-separated")
    parser.add_argument("--line-mb", type=float, default=5.0, help="0 to skip the one-line case")
    parser.add_argument("--docx-gb", type=float, default=1.0, help="0 to skip the DOCX case")
    parser.add_argument("--no-docx", action="store_true")
    parser.add_argument("--hashing", action="store_true", help="HashingEmbedder, not MiniLM")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)  # the inputs, in a child
    args = parser.parse_args()
    if args.no_docx:
        args.docx_gb = 0.0
    if args.make:
        return make_inputs(args, args.make)
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefer-bigtext-") as tmp:
        folder = Path(tmp)
        # Written by another process: a child forked from a parent holding 50 MB of text
        # would count those pages in its peak memory.
        subprocess.run([sys.executable, __file__, *sys.argv[1:], "--make", tmp], check=True)
        cases = json.loads((folder / "cases.json").read_text())
        for name, path in ((name, Path(path)) for name, path in cases):
            result = run_case(path, folder / "out.md", args.hashing, args.timeout)
            size = path.stat().st_size / MB
            words = _body_words(folder / "out.md") if result["exit"] == 0 else "-"
            (folder / "out.md").unlink(missing_ok=True)
            rows.append((name, size, result, words))
            print(f"{name}: {result}", file=sys.stderr, flush=True)
    load = os.getloadavg()
    embedder = "HashingEmbedder" if args.hashing else "MiniLM"
    print(
        f"\n`briefer brief FILE --summarizer extractive -o out.md` ({embedder}; "
        f"load average {load[0]:.1f}, {os.cpu_count()} CPUs)\n"
    )
    print("| input | file MB | exit | seconds | peak RSS MB | MB/s | body words | note |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, size, result, words in rows:
        rate = size / result["seconds"] if result["seconds"] else 0.0
        note = result["note"].replace("|", "\\|")[:110]
        print(
            f"| {name} | {size:.1f} | {result['exit']} | {result['seconds']:.1f} | "
            f"{result['peak_mb']:.0f} | {rate:.3f} | {words} | {note} |"
        )


def _body_words(path: Path) -> int | str:
    """Words of the brief above its sources list (what --max-words bounds), references out."""
    if not path.is_file():
        return "-"
    body = path.read_text(encoding="utf-8").split("\n## Sources", 1)[0]
    return len(re.sub(r"\[\d+(?:, \d+)*\]", "", body).split())


if __name__ == "__main__":
    main()
