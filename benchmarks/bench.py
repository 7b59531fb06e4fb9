"""Speed and memory of the real pipeline at 10, 100 and 1,000 articles, against two peers.

    python benchmarks/bench.py                        # sizes 10, 100, 1000; the shipped model
    python benchmarks/bench.py --sizes 10 --model DIR

For each size it writes N news articles as .txt files to a temporary folder, then runs, in a
new process, what `briefer brief DIR -o brief.docx` does, twice: cold is the wall time from
spawning the process to the first DOCX written (interpreter, imports and model loads
included); warm is the second run in the same process, with the models loaded. Stages are
timed from outside: this script wraps the stage functions (module attributes) with a timer
before the pipeline runs, so the library carries no instrumentation. A stage's time excludes
the stages it calls (model loading is its own row). Peers, on the same input:

  naive     the same model and decoding settings, `model.generate` called chunk by chunk
            with batch size 1 (no batching, no length sorting, the whole vocabulary at each
            step) on exactly the inputs briefer's summarizer generated from (transformers 5
            has no summarization pipeline); briefer batches and decodes over each batch's
            shortlist, which should change no output (identical outputs are counted; the
            ROUGE against references on the same chunks is benchmarks/generation.py's)
  LexRank   sumy's LexRank over the same text, as many sentences as briefer's summary

Corpora come from ../shared/data/multinews (one article per row: its kept documents, about
430 words), read in place and never copied into the repository; without them, sentences of the
project's samples are recombined into distinct articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews"
SHIPPED_MODEL = ROOT / "models" / "briefer-fusion-minilm"
DATE = "2024-12-26"
STAGES = (
    "read",
    "split",
    "embed",
    "rank",
    "parse",
    "attribute",
    "generate",
    "guard",
    "compose",
    "render",
)


# ---------------------------------------------------------------------------------------------
# corpora


def build_corpus(n: int, seed: int = 0) -> tuple[list[str], str]:
    """N article texts, and where they came from."""
    articles: list[str] = []
    for name in ("validation_2k.jsonl", "train_20k.jsonl"):
        path = MULTINEWS / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                docs = row["documents"]
                kept = [docs[i] for i in row.get("kept_doc_indices") or [] if i < len(docs)]
                text = "\n\n".join(d.strip() for d in (kept or docs) if d.strip())
                if len(text.split()) >= 100:
                    articles.append(text)
                if len(articles) == n:
                    return articles, "multinews"
    return _sample_corpus(n, seed), "project samples, recombined"


def _sample_corpus(n: int, seed: int) -> list[str]:
    """Distinct articles (no near-duplicates) made of the samples' sentences, shuffled."""
    from briefer.readers import load_documents
    from briefer.split import split_sentences

    docs = load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])
    pool = [s.text for doc in docs for s in split_sentences(doc) if len(s.text.split()) > 5]
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        picked = rng.sample(pool, min(len(pool), 14))
        paragraphs = [" ".join(picked[j : j + 3]) for j in range(0, len(picked), 3)]
        articles.append(f"Report {i + 1} on the border strikes\n\n" + "\n\n".join(paragraphs))
    return articles


def write_corpus(articles: list[str], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles, 1):
        (folder / f"article_{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return sum(len(text.split()) for text in articles)


# ---------------------------------------------------------------------------------------------
# timing the stages from outside


class StageTimer:
    """Wraps functions so each stage's exclusive wall time is summed under its name."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # [start, time spent in nested timed stages]

    def wrap(self, stage: str, func: Callable) -> Callable:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._stack.append([time.perf_counter(), 0.0])
            try:
                return func(*args, **kwargs)
            finally:
                start, nested = self._stack.pop()
                spent = time.perf_counter() - start
                self.totals[stage] += spent - nested
                if self._stack:
                    self._stack[-1][1] += spent

        timed.__wrapped__ = func  # type: ignore[attr-defined]
        return timed

    def patch(self, owner: Any, name: str, stage: str) -> None:
        setattr(owner, name, self.wrap(stage, getattr(owner, name)))

    def reset(self) -> None:
        self.totals.clear()


parsed: list[tuple[int, int]] = []  # (texts, words) of each parse call of the current run


def instrument(timer: StageTimer, calls: list[dict]) -> None:
    """Wrap briefer's stage functions (module and class attributes) with the timer."""
    import briefer.compose
    import briefer.embed
    import briefer.guard
    import briefer.output
    import briefer.perspectives
    import briefer.rank
    import briefer.readers
    import briefer.render
    import briefer.split
    import briefer.summarize.extractive
    import briefer.summarize.seq2seq

    timer.patch(briefer.readers, "load_documents", "read")
    timer.patch(briefer.split, "split_sentences", "split")
    for cls in (briefer.embed.MiniLMEmbedder, briefer.embed.HashingEmbedder):
        timer.patch(cls, "embed", "embed")
    timer.patch(briefer.embed.MiniLMEmbedder, "load", "load models")
    timer.patch(briefer.rank, "rank_sentences", "rank")
    timer.patch(briefer.perspectives, "attribute", "attribute")
    import briefer.nlp

    timer.patch(briefer.nlp, "load", "load parser")  # spaCy import and pipeline load
    parse = briefer.nlp.parse

    def counting_parse(texts: Any, **kw: Any) -> list:
        parsed.append((len(texts), sum(len(t.split()) for t in texts)))
        return parse(texts, **kw)

    briefer.nlp.parse = timer.wrap("parse", counting_parse)
    timer.patch(briefer.compose, "compose", "compose")
    timer.patch(briefer.guard, "guard", "guard")
    timer.patch(briefer.render, "render", "render")
    timer.patch(briefer.output, "write_atomic", "render")
    timer.patch(briefer.summarize.extractive.ExtractiveSummarizer, "summarize", "generate")
    seq2seq = briefer.summarize.seq2seq.Seq2SeqSummarizer
    timer.patch(seq2seq, "summarize", "generate")
    timer.patch(seq2seq, "load", "load models")
    generate = seq2seq.generate

    def recording_generate(self: Any, texts: Any, *, max_new_tokens: int, **kw: Any) -> list:
        start = time.perf_counter()
        outputs = generate(self, texts, max_new_tokens=max_new_tokens, **kw)
        calls.append(
            {
                "summarizer": self,
                "texts": list(texts),
                "max_new_tokens": max_new_tokens,
                "outputs": outputs,
                "seconds": time.perf_counter() - start,
            }
        )
        return outputs

    seq2seq.generate = timer.wrap("generate", recording_generate)


# ---------------------------------------------------------------------------------------------
# the child process: one cold and one warm run


def child_pipeline(
    corpus: Path, model: str | None, result_path: Path, spawned: float, profile: Path | None
) -> None:
    timer = StageTimer()
    calls: list[dict] = []
    instrument(timer, calls)
    import briefer.readers
    import briefer.render
    from briefer.embed import MiniLMEmbedder
    from briefer.pipeline import build_briefing

    embedder = MiniLMEmbedder()
    summarizer = "abstractive" if model else None  # None: the default (trained where shipped)
    naive: dict[str, Any] | None = None
    runs = []
    with tempfile.TemporaryDirectory() as out:
        for attempt in ("cold", "warm"):
            embedder.forget()  # warm: the models loaded, but every sentence embedded again
            timer.reset()
            calls.clear()
            parsed.clear()
            profiler = _profiler(profile if attempt == "warm" else None)
            start = time.perf_counter()
            documents = briefer.readers.load_documents([corpus])
            briefing = build_briefing(
                documents, date=DATE, summarizer=summarizer, model=model, embedder=embedder
            )
            briefer.render.save(briefing, Path(out) / "brief.docx", inputs=[corpus])
            total = time.perf_counter() - start
            if profiler is not None and profile is not None:
                profiler.stop()
                profile.write_text(profiler.output_text(unicode=False, color=False))
            if attempt == "cold":  # from the parent's spawn: interpreter start and imports too
                cold_wall = time.time() - spawned
            stages = dict(timer.totals)
            stages["other"] = total - sum(stages.values())
            runs.append(
                {
                    "run": attempt,
                    "total": total,
                    "stages": stages,
                    "documents": len(documents),
                    "summary_sentences": len(briefing.lede),
                    "summarizer": briefing.run.summarizer,
                    "generate_seconds": sum(c["seconds"] for c in calls),
                    "parsed_texts": sum(n for n, _ in parsed),
                    "parsed_words": sum(w for _, w in parsed),
                }
            )
            if model and attempt == "warm" and calls:
                naive = naive_generation(calls[0]["summarizer"], calls)
    result: dict[str, Any] = {"runs": runs, "cold_wall": cold_wall}
    if naive is not None:
        result["naive"] = naive
    result_path.write_text(json.dumps(result), encoding="utf-8")


def _profiler(path: Path | None) -> Any:
    """A started pyinstrument profiler when a profile is asked for (pip install pyinstrument)."""
    if path is None:
        return None
    from pyinstrument import Profiler

    profiler = Profiler()
    profiler.start()
    return profiler


def naive_generation(summarizer: Any, calls: list[dict]) -> dict[str, Any]:
    """The same chunks, the same model and decoding, one `generate` call per chunk."""
    import torch

    model, tokenizer = summarizer._model, summarizer._tokenizer
    prefix = getattr(summarizer, "_prefix", "")
    limit = summarizer.max_input_tokens
    same = chunks = 0
    pairs = []
    start = time.perf_counter()
    with torch.inference_mode():
        for call in calls:
            kwargs = summarizer.settings(call["max_new_tokens"])
            for text, ours in zip(call["texts"], call["outputs"], strict=True):
                encoded = tokenizer(
                    prefix + text, truncation=True, max_length=limit, return_tensors="pt"
                )
                ids = model.generate(  # with the same copy-only constraint briefer uses
                    input_ids=encoded["input_ids"],
                    attention_mask=encoded["attention_mask"],
                    max_new_tokens=call["max_new_tokens"],
                    **summarizer.decoding(encoded["input_ids"], kwargs),
                )
                theirs = summarizer.decode(ids[0].tolist(), text)
                chunks += 1
                same += theirs == ours
                pairs.append((ours, theirs))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chunks": chunks, "same": same, "rouge_l": _rouge_l(pairs)}


def _rouge_l(pairs: list[tuple[str, str]]) -> float | None:
    """Mean ROUGE-L F1 of briefer's outputs against the naive ones (1.0: the same text)."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        return None
    scorer = rouge_scorer.RougeScorer(["rougeL"])
    scores = [scorer.score(a, b)["rougeL"].fmeasure for a, b in pairs if a or b]
    return sum(scores) / len(scores) if scores else None


def child_lexrank(corpus: Path, sentences: int, result_path: Path) -> None:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from briefer.split import split_text

    class Tokenizer:
        """sumy's own tokenizer needs NLTK's punkt download: use briefer's splitter instead."""

        language = "english"

        @staticmethod
        def to_sentences(text: str) -> tuple[str, ...]:
            return tuple(text[a:b] for a, b in split_text(text))

        @staticmethod
        def to_words(sentence: str) -> tuple[str, ...]:
            import re

            return tuple(re.findall(r"\w+", sentence))

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    split_text("Warm up the splitter.")
    start = time.perf_counter()
    document = PlaintextParser.from_string(text, Tokenizer()).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summary = summarizer(document, sentences)
    seconds = time.perf_counter() - start
    result_path.write_text(json.dumps({"seconds": seconds, "sentences": len(summary)}))


# ---------------------------------------------------------------------------------------------
# the parent: corpora, children, the table


def run_child(args: list[str], timeout: float) -> tuple[float, float, dict | None, str]:
    """Wall seconds, peak RSS (MB, from wait4), the child's JSON result, its stderr tail."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_path = Path(handle.name)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    command = [sys.executable, __file__, *args, "--result", str(result_path)]
    command += ["--spawned", repr(time.time())]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stderr=errors, env=env, cwd=ROOT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        errors.seek(0)
        tail = errors.read().decode(errors="replace")[-2000:]
    text = result_path.read_text() if result_path.exists() else ""
    result_path.unlink(missing_ok=True)
    result = json.loads(text) if process.returncode == 0 and text else None
    return wall, usage.ru_maxrss / 1024, result, tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated article counts")
    parser.add_argument(
        "--model",
        help="a seq2seq checkpoint folder: bench the abstractive summarizer with it (e.g. "
        f"{SHIPPED_MODEL.relative_to(ROOT)}) and compare with the naive generate loop; "
        "default: the default summarizer (trained, where shipped)",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="write a pyinstrument profile of each warm run to DIR",
    )
    parser.add_argument("--peer-timeout", type=float, default=900, help="seconds for LexRank")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per pipeline run")
    parser.add_argument("--child", choices=["pipeline", "lexrank"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sentences", type=int, default=5, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "pipeline":
        return child_pipeline(args.corpus, args.model, args.result, args.spawned, args.profile)
    if args.child == "lexrank":
        return child_lexrank(args.corpus, args.sentences, args.result)

    model = args.model
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    columns: dict[int, dict[str, Any]] = {}
    source = ""
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        for n in sizes:
            articles, source = build_corpus(n)
            corpus = Path(tmp) / f"corpus-{n}"
            words = write_corpus(articles, corpus)
            log(f"{n} articles ({words:,} words, {source}): briefer ...")
            child = ["--child", "pipeline", "--corpus", str(corpus)]
            if args.profile:
                args.profile.mkdir(parents=True, exist_ok=True)
                child += ["--profile", str(args.profile.resolve() / f"profile-{n}.txt")]
            wall, rss, result, tail = run_child(
                child + (["--model", model] if model else []), args.timeout
            )
            if result is None:
                sys.exit(f"the pipeline run failed for {n} articles:\n{tail}")
            col = {
                "articles": len(articles),
                "words": words,
                "rss": rss,
                "child_wall": wall,
                "cold": result["cold_wall"],
                **result,
            }
            summary_sentences = max(1, result["runs"][1]["summary_sentences"])
            log(f"{n} articles: LexRank ({summary_sentences} sentences) ...")
            lex_wall, _, lex, _ = run_child(
                [
                    "--child",
                    "lexrank",
                    "--corpus",
                    str(corpus),
                    "--sentences",
                    str(summary_sentences),
                ],
                args.peer_timeout,
            )
            col["lexrank"] = lex["seconds"] if lex else None
            columns[n] = col
    print_report(columns, sizes, model, source, args.peer_timeout)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_report(
    columns: dict[int, dict], sizes: list[int], model: str | None, source: str, peer_timeout: float
) -> None:
    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    def seconds(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    cols = [columns[n] for n in sizes]
    warm = [c["runs"][1] for c in cols]
    cold = [c["runs"][0] for c in cols]
    lines = [
        f"briefer benchmark: {source}; summarizer "
        + (
            f"abstractive ({model})"
            if model
            else f"{cols[0]['runs'][1].get('summarizer', 'default')} (generation peer skipped)"
        ),
        "",
        row("articles", [str(n) for n in sizes]),
        "|---|" + "---:|" * len(sizes),
        row("documents after de-duplication", [str(w["documents"]) for w in warm]),
        row("words", [f"{c['words']:,}" for c in cols]),
    ]
    for stage in (*STAGES, "other"):
        times = [seconds(w["stages"].get(stage, 0.0)) for w in warm]
        lines.append(row(f"{stage} (s, warm)", times))
    lines += [
        row("model load (s, cold)", [seconds(c["stages"].get("load models", 0.0)) for c in cold]),
        row(
            "parser load (s, cold: spaCy import + en_core_web_sm)",
            [seconds(c["stages"].get("load parser", 0.0)) for c in cold],
        ),
        row(
            "sentences / words parsed (cold)",
            [f"{c['parsed_texts']:,} / {c['parsed_words']:,}" for c in cold],
        ),
        row(
            "parse words/s (cold)",
            [
                f"{c['parsed_words'] / c['stages']['parse']:,.0f}"
                if c["stages"].get("parse")
                else "—"
                for c in cold
            ],
        ),
        row("**total warm (s)**", [seconds(w["total"]) for w in warm]),
        row("first run in the new process (s)", [seconds(c["total"]) for c in cold]),
        row("**total cold (s, new process)**", [seconds(c["cold"]) for c in cols]),
        row("peak RSS (MB, the whole child)", [f"{c['rss']:.0f}" for c in cols]),
        row(
            "articles/s (cold / warm)",
            [
                f"{c['articles'] / c['cold']:.1f} / {c['articles'] / w['total']:.1f}"
                for c, w in zip(cols, warm, strict=True)
            ],
        ),
    ]
    if model:
        lines += [
            row("briefer generate calls (s)", [seconds(w["generate_seconds"]) for w in warm]),
            row("naive chunk-by-chunk (s)", [seconds(c["naive"]["seconds"]) for c in cols]),
            row(
                "chunks; identical outputs",
                [f"{c['naive']['chunks']}; {c['naive']['same']}" for c in cols],
            ),
            row(
                "ROUGE-L briefer vs naive",
                [
                    "—" if c["naive"]["rouge_l"] is None else f"{c['naive']['rouge_l']:.3f}"
                    for c in cols
                ],
            ),
        ]
    lines.append(
        row(
            "LexRank, sumy (s)",
            [
                seconds(c["lexrank"]) if c["lexrank"] is not None else f"> {peer_timeout:.0f}"
                for c in cols
            ],
        )
    )
    lines += ["", "Ratios:"]
    for n, c, w in zip(sizes, cols, warm, strict=True):
        parts = []
        if model and w["generate_seconds"] > 0:
            parts.append(
                f"generation {c['naive']['seconds'] / w['generate_seconds']:.2f}× faster "
                "than naive (target ≥ 2×)"
            )
        if c["lexrank"]:
            parts.append(f"briefer warm / LexRank = {w['total'] / c['lexrank']:.2f}")
        lines.append(f"- {n} articles: " + ("; ".join(parts) or "—"))
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        scale = columns[large]["cold"] / columns[small]["cold"]
        lines.append(
            f"- cold time {large} / {small} articles = {scale:.1f} (size ratio {large / small:.0f})"
        )
    if not model:
        lines.append("- generation comparison skipped: no model (give --model DIR)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
