"""`evaluate(data)`: briefer against baselines on the same examples, with ROUGE and faithfulness.

Systems, all held to the same word budget (Multi-News 230 words, NeuS 66, unless given):
each takes sentences until the budget is passed and the last one is cut, so that all have
the same length (briefer's summarizers are asked for `OVERSHOOT_WORDS` more words than the
budget, except one that fills the budget itself: the trained one where its settings say so):

    briefer trained       the pipeline's ranking -> the trained summarizer (the default)
    briefer abstractive   the pipeline's ranking -> the seq2seq model -> the faithfulness guard
    briefer extractive    the pipeline's ranking -> the extractive summarizer
    Lead                  first sentences of the documents, round-robin, up to the budget
    LexRank               sumy's LexRankSummarizer, best-rated sentences up to the budget
    greedy oracle         the sentences that score best against the reference (the ceiling)

Scores: ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming), average words, the share of
output numbers found in the source documents, the share of output sentences found word for
word, in order, in one source sentence, and seconds per example (the shared split/embed/rank
time is counted for every briefer system). The abstractive model is slow on a CPU:
`abstractive_limit` scores it on the first rows only (its row count is in the table).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefer.baselines import lead, lexrank, oracle
from briefer.data import SummarySentence
from briefer.eval_rows import is_neus, read_rows
from briefer.summarize.base import SummaryContext
from briefer.summarize.length import MULTINEWS_WORDS, NEUS_WORDS, OVERSHOOT_WORDS, cut_words

__all__ = ["SYSTEMS", "EvalReport", "SystemScore", "cut_words", "evaluate", "lead", "lexrank"]

TRAINED, ABSTRACTIVE, EXTRACTIVE = "briefer trained", "briefer abstractive", "briefer extractive"
LEAD, LEXRANK, ORACLE = "Lead", "LexRank", "greedy oracle"
MODEL = ABSTRACTIVE  # the name the seq2seq system had before the trained one
SYSTEMS = (TRAINED, ABSTRACTIVE, EXTRACTIVE, LEAD, LEXRANK, ORACLE)
_BRIEFER = (TRAINED, ABSTRACTIVE, EXTRACTIVE)


@dataclass(frozen=True)
class SystemScore:
    system: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    words: float
    numbers_in_sources: float | None  # None when the outputs hold no number
    in_order: float | None  # output sentences found word for word in order in a source one
    guard_kept: float | None  # kept / generated, for systems that generate
    seconds: float
    examples: int = 0


@dataclass(frozen=True)
class EvalReport:
    data: str
    examples: int
    max_words: int
    scores: tuple[SystemScore, ...]
    notes: tuple[str, ...] = field(default=())

    def to_markdown(self) -> str:
        head = (
            f"**{Path(self.data).name}**: {self.examples} examples, outputs cut to "
            f"{self.max_words} words\n\n"
            "| system | R-1 | R-2 | R-Lsum | words | numbers in sources | in order "
            "| guard kept | s/example | examples |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        )
        rows = [
            f"| {s.system} | {s.rouge1:.2f} | {s.rouge2:.2f} | {s.rougeLsum:.2f} | {s.words:.1f} "
            f"| {_pct(s.numbers_in_sources)} | {_pct(s.in_order)} | {_pct(s.guard_kept)} "
            f"| {s.seconds:.3f} | {s.examples} |"
            for s in self.scores
        ]
        notes = "".join(f"\n- {n}" for n in self.notes)
        return head + "\n".join(rows) + ("\n" + notes if notes else "") + "\n"

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


# ---------------------------------------------------------------- scoring


def numbers_found(outputs: Sequence[str], sources: Sequence[str]) -> tuple[int, int]:
    """(numbers in `outputs` that occur in `sources`, numbers in `outputs`)."""
    from briefer.guard import numbers_in

    have = numbers_in(" ".join(sources))
    found = total = 0
    for text in outputs:
        for number in numbers_in(text):
            total += 1
            found += number in have
    return found, total


_WORDS = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def in_order(sentence: str, sources: Sequence[list[str]]) -> bool:
    """Whether `sentence`'s words (lower-cased, punctuation aside) are, in order, words of
    one of the `sources` (each a sentence's words): it is that sentence, or it with words
    left out."""
    words = _words(sentence)
    for source in sources:
        if len(source) < len(words):
            continue
        it = iter(source)
        if all(w in it for w in words):
            return True
    return not words


@dataclass
class _Tally:
    rouge: list[tuple[float, float, float]] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    numbers_found: int = 0
    numbers: int = 0
    sentences: int = 0
    ordered: int = 0
    supports: list[float] = field(default_factory=list)  # of generated sentences, for the guard
    generated: int = 0
    kept: int = 0
    seconds: float = 0.0

    def add(
        self,
        scorer: Any,
        output: Sequence[str],
        reference: str,
        sources: Sequence[str],
        source_sentences: Sequence[list[str]],
        seconds: float,
    ) -> None:
        scores = scorer.score("\n".join(_sentences(reference)), "\n".join(output))
        self.rouge.append(tuple(scores[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")))
        self.words.append(sum(len(s.split()) for s in output))
        found, total = numbers_found(output, sources)
        self.numbers_found += found
        self.numbers += total
        self.sentences += len(output)
        self.ordered += sum(in_order(s, source_sentences) for s in output)
        self.seconds += seconds

    def score(self, system: str, generates: bool) -> SystemScore:
        n = max(1, len(self.rouge))
        r1, r2, rl = (100 * sum(r[i] for r in self.rouge) / n for i in range(3))
        return SystemScore(
            system=system,
            rouge1=round(r1, 2),
            rouge2=round(r2, 2),
            rougeLsum=round(rl, 2),
            words=round(sum(self.words) / n, 1),
            numbers_in_sources=round(self.numbers_found / self.numbers, 4)
            if self.numbers
            else None,
            in_order=round(self.ordered / self.sentences, 4) if self.sentences else None,
            guard_kept=round(self.kept / self.generated, 4)
            if generates and self.generated
            else None,
            seconds=round(self.seconds / n, 3),
            examples=len(self.rouge),
        )


def _sentences(text: str) -> list[str]:
    from briefer.split import split_text

    return [text[a:b] for a, b in split_text(text)] or [text]


# ---------------------------------------------------------------- the run


def _no_model(option: str, what: str) -> Exception:
    from briefer.errors import UsageError

    return UsageError(f"{option}: no shipped model in this installation ({what})")


def _abstractive(model_dir: str | Path | None, shortlist: bool = True) -> Any:
    """One Seq2SeqSummarizer for the whole run, over `model_dir`, else the shipped model."""
    from briefer.models import shipped_model
    from briefer.summarize.seq2seq import Seq2SeqSummarizer

    model_dir = model_dir or shipped_model()
    if model_dir is None:
        raise _no_model(
            "--model", "pass --model DIR, a local seq2seq checkpoint, or leave out abstractive"
        )
    summarizer = Seq2SeqSummarizer(model_dir, shortlist=shortlist)
    summarizer.load()
    return summarizer


def _trained(model_dir: str | Path | None) -> Any:
    from briefer.models import TRAINED_MODEL, trained_model
    from briefer.summarize.trained import TrainedSummarizer

    model_dir = model_dir or trained_model()
    if model_dir is None:
        raise _no_model(
            "--model",
            f"models/{TRAINED_MODEL} is missing: train it with `briefer train --summarizer "
            "trained`, or pass --systems without trained",
        )
    return TrainedSummarizer(model_dir)


def asked_words(summarizer: Any, budget: int) -> int:
    """What a briefer summarizer is asked for under `budget` (see the module docstring)."""
    settings = getattr(summarizer, "settings", None)
    return budget if getattr(settings, "fill_budget", False) else budget + OVERSHOOT_WORDS


def run_model(
    summarizer: Any,
    context: SummaryContext,
    max_words: int,
    supports: list[float] | None = None,
) -> tuple[tuple[SummarySentence, ...], Any]:
    """Summarize (the summarizer restores capitalization), then guard, as the pipeline does.

    The support of each generated sentence (see `briefer.guard.check`) is appended to
    `supports` when given: its distribution is what the guard's threshold is set from.
    """
    from briefer.guard import check, guard

    by_ref = context.sentences
    out = summarizer.summarize(context.ranked, context=context, max_words=max_words)
    if supports is not None:
        for s in out:
            if s.origin == "generated":
                sources = [by_ref[r].text for r in s.sources if r in by_ref]
                supports.append(check(s.text, sources).support)
    return guard(out, by_ref)


def evaluate(
    data_path: str | Path,
    *,
    limit: int | None = None,
    model_dir: str | Path | None = None,
    trained_dir: str | Path | None = None,
    max_words: int | None = None,
    systems: Sequence[str] = SYSTEMS,
    summarizer: Any = None,
    trained: Any = None,
    embedder: Any = None,
    on_example: Callable[[int, Callable[[], EvalReport]], None] | None = None,
    shortlist: bool = True,
    abstractive_limit: int | None = None,
    cache_dir: Path | None = None,
) -> EvalReport:
    """Score the `systems` on the first `limit` rows of `data_path` (Multi-News or NeuS JSONL).

    `on_example(n, partial)` is called after each example; `partial()` is the report so far.
    `summarizer` is the abstractive system's Summarizer (default: the Seq2SeqSummarizer over
    `model_dir`, else the shipped model), `trained` the trained system's (default: the one in
    `trained_dir`, else the shipped one); `embedder` defaults to MiniLM. They are there so
    tests can run without a real model. `shortlist=False` makes the seq2seq model decode
    over the whole vocabulary (see `Seq2SeqSummarizer`). `abstractive_limit`: the abstractive
    system scores the first that many rows only. `cache_dir` keeps each row's preparation
    (see `briefer.eval_cache`; its seconds are those measured when it was computed).
    """
    from rouge_score import rouge_scorer

    from briefer.eval_cache import cached_prepare
    from briefer.summarize.extractive import ExtractiveSummarizer

    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        raise ValueError(f"unknown systems {sorted(unknown)}")
    if max_words is not None:
        from briefer.summarize.length import check_max_words

        check_max_words(max_words, low=1)
    budget = max_words or (NEUS_WORDS if is_neus(data_path) else MULTINEWS_WORDS)
    summarizers: dict[str, Any] = {EXTRACTIVE: ExtractiveSummarizer()}
    if TRAINED in systems:
        summarizers[TRAINED] = trained or _trained(trained_dir)
    if ABSTRACTIVE in systems:
        summarizers[ABSTRACTIVE] = summarizer or _abstractive(model_dir, shortlist)
    if embedder is None:
        from briefer.embed import MiniLMEmbedder

        embedder = MiniLMEmbedder()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    tallies = {name: _Tally() for name in systems}
    n = 0
    for row, (documents, reference) in enumerate(read_rows(data_path, limit)):
        context, prepared = cached_prepare(
            documents, embedder=embedder, cache_dir=cache_dir, data_path=data_path, row=row
        )
        if not context.sentences:
            continue
        start = time.perf_counter()
        n += 1
        sentences = list(context.sentences.values())
        by_doc = list(context.sentences_by_doc().values())
        sources = [d.text for d in documents]
        source_words = [_words(s.text) for s in sentences]
        shared = prepared + time.perf_counter() - start
        for name in systems:
            if name == ABSTRACTIVE and abstractive_limit is not None and n > abstractive_limit:
                continue
            start = time.perf_counter()
            if name in summarizers:
                tally = tallies[name]
                summary, report = run_model(
                    summarizers[name],
                    context,
                    asked_words(summarizers[name], budget),
                    tally.supports if name == ABSTRACTIVE else None,
                )
                output = cut_words([s.text for s in summary], budget)
                tally.generated += report.generated
                tally.kept += report.kept
            elif name == LEAD:
                output = lead(by_doc, budget)
            elif name == LEXRANK:
                output = lexrank(sentences, budget)
            else:
                output = oracle(sentences, reference, budget)
            elapsed = time.perf_counter() - start
            if name in _BRIEFER:
                elapsed += shared
            tallies[name].add(scorer, output, reference, sources, source_words, elapsed)
        if on_example is not None:
            on_example(n, lambda n=n: _report(data_path, n, budget, systems, tallies))
    return _report(data_path, n, budget, systems, tallies)


def _report(
    data_path: str | Path, n: int, budget: int, systems: Sequence[str], tallies: dict
) -> EvalReport:
    notes = [
        "Lead: first sentences of the documents in turn (1st of each, then 2nd...).",
        "briefer systems' seconds include splitting, embedding and ranking.",
        "in order: output sentences whose words are, in order, words of one source sentence.",
    ]
    supports = sorted(tallies[ABSTRACTIVE].supports) if ABSTRACTIVE in tallies else []
    if supports:
        q = [
            supports[min(len(supports) - 1, int(p * len(supports)))]
            for p in (0.1, 0.25, 0.5, 0.75, 0.9)
        ]
        notes.append(
            f"support of the {len(supports)} generated sentences (share of content words in "
            "their sources), 10/25/50/75/90th percentiles: " + " / ".join(f"{x:.2f}" for x in q)
        )
    return EvalReport(
        data=str(data_path),
        examples=n,
        max_words=budget,
        scores=tuple(tallies[name].score(name, name == ABSTRACTIVE) for name in systems),
        notes=tuple(notes),
    )
