"""`evaluate(data)`: briefer against baselines on the same examples, with ROUGE and faithfulness.

Systems, all cut to the same word budget (Multi-News 230 words, NeuS 66, unless given): each
takes sentences until the budget is passed and the last one is cut, so that all have the
same length (briefer's summarizers are asked for `OVERSHOOT_WORDS` more words than the budget):

    briefer (model)       the pipeline's ranking -> the fusion model -> the faithfulness guard
    briefer extractive    the pipeline's ranking -> the extractive summarizer
    Lead                  first sentences of the documents, round-robin, up to the budget
    LexRank               sumy's LexRankSummarizer, best-rated sentences up to the budget

Scores: ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming), average words, the share of
output numbers found in the source documents, the share of generated sentences kept by the
guard, and seconds per example (the shared split/embed/rank time is counted for both
briefer systems).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefer.data import Document, Sentence, SummarySentence
from briefer.summarize.base import SummaryContext
from briefer.summarize.length import MULTINEWS_WORDS, NEUS_WORDS, OVERSHOOT_WORDS, cut_words

__all__ = ["EvalReport", "SystemScore", "cut_words", "evaluate"]

MODEL, EXTRACTIVE, LEAD, LEXRANK = "briefer (model)", "briefer extractive", "Lead", "LexRank"


@dataclass(frozen=True)
class SystemScore:
    system: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    words: float
    numbers_in_sources: float | None  # None when the outputs hold no number
    guard_kept: float | None  # kept / generated, for systems that generate
    seconds: float


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
            "| system | R-1 | R-2 | R-Lsum | words | numbers in sources | guard kept "
            "| s/example |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        )
        rows = [
            f"| {s.system} | {s.rouge1:.2f} | {s.rouge2:.2f} | {s.rougeLsum:.2f} | {s.words:.1f} "
            f"| {_pct(s.numbers_in_sources)} | {_pct(s.guard_kept)} | {s.seconds:.2f} |"
            for s in self.scores
        ]
        notes = "".join(f"\n- {n}" for n in self.notes)
        return head + "\n".join(rows) + ("\n" + notes if notes else "") + "\n"

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


# ---------------------------------------------------------------- data


def read_rows(path: str | Path, limit: int | None = None) -> Iterator[tuple[list[Document], str]]:
    """(documents, reference) per row of a Multi-News or NeuS JSON Lines file.

    A missing file or a row that is not such a record raises InputError naming the line.
    """
    from briefer.errors import InputError

    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror})", "pass a JSON Lines file") from None
    with f:
        n = 0
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            try:
                yield _row(json.loads(line), n)
            except (json.JSONDecodeError, KeyError, TypeError, IndexError, AttributeError) as exc:
                raise InputError(
                    f"{path}:{number}",
                    f"not a Multi-News or NeuS record ({type(exc).__name__}: {exc})",
                    "each line needs documents and summary or target_summary",
                ) from None


def _row(row: dict, n: int) -> tuple[list[Document], str]:
    if "target_summary" in row:  # NeuS: three articles {title, text}
        docs = [
            Document(id=f"r{n}d{i}", text=d["text"], title=d.get("title", ""))
            for i, d in enumerate(row["documents"])
        ]
        return docs, row["target_summary"]
    texts = row["documents"]
    kept = row.get("kept_doc_indices") or []
    if kept:
        texts = [texts[i] for i in kept if i < len(texts)]
    return [Document(id=f"r{n}d{i}", text=t) for i, t in enumerate(texts)], row["summary"]


def _is_neus(path: str | Path) -> bool:
    from briefer.errors import InputError

    try:
        with open(path, encoding="utf-8") as f:
            first = next((line for line in f if line.strip()), "{}")
        return "target_summary" in json.loads(first)
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror})", "pass a JSON Lines file") from None
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError, AttributeError) as exc:
        raise InputError(path, f"not JSON Lines ({exc})", "one JSON record per line") from None


# ---------------------------------------------------------------- baselines


def lead(sentences_by_doc: Sequence[Sequence[Sentence]], max_words: int) -> list[str]:
    """First sentences of every document in turn (1st of each, then 2nd...), up to the budget."""
    picked: list[str] = []
    depth = max((len(s) for s in sentences_by_doc), default=0)
    for i in range(depth):
        picked.extend(doc[i].text for doc in sentences_by_doc if i < len(doc))
    return cut_words(picked, max_words)


class _RegexTokenizer:
    language = "english"
    _word = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._word.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # unused: sentences come split
        return (text,)


def lexrank(sentences: Sequence[Sentence], max_words: int) -> list[str]:
    """sumy's LexRank over briefer's sentences; best-rated first up to the budget, text order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _RegexTokenizer()
    sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel([Paragraph(sumy_sentences)])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def within_budget(infos: list) -> list:
        taken, words = [], 0
        for info in infos:
            if words >= max_words:
                break
            taken.append(info)
            words += len(str(info.sentence).split())
        return taken

    chosen = summarizer(document, within_budget)
    return cut_words([str(s) for s in chosen], max_words)


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


@dataclass
class _Tally:
    rouge: list[tuple[float, float, float]] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    numbers_found: int = 0
    numbers: int = 0
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
        seconds: float,
    ) -> None:
        scores = scorer.score("\n".join(_sentences(reference)), "\n".join(output))
        self.rouge.append(tuple(scores[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")))
        self.words.append(sum(len(s.split()) for s in output))
        found, total = numbers_found(output, sources)
        self.numbers_found += found
        self.numbers += total
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
            guard_kept=round(self.kept / self.generated, 4)
            if generates and self.generated
            else None,
            seconds=round(self.seconds / n, 3),
        )


def _sentences(text: str) -> list[str]:
    from briefer.split import split_text

    return [text[a:b] for a, b in split_text(text)] or [text]


# ---------------------------------------------------------------- the run


def _default_summarizer(model_dir: str | Path | None, shortlist: bool = True) -> Any:
    """One Seq2SeqSummarizer for the whole run, over `model_dir`, else the shipped model."""
    from briefer.models import shipped_model
    from briefer.summarize.seq2seq import Seq2SeqSummarizer

    model_dir = model_dir or shipped_model()
    if model_dir is None:
        from briefer.errors import UsageError

        raise UsageError(
            "--model: no shipped model in this installation (pass --model DIR, a local seq2seq"
            " checkpoint)"
        )
    summarizer = Seq2SeqSummarizer(model_dir, shortlist=shortlist)
    summarizer.load()
    return summarizer


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
    max_words: int | None = None,
    systems: Sequence[str] = (MODEL, EXTRACTIVE, LEAD, LEXRANK),
    summarizer: Any = None,
    embedder: Any = None,
    on_example: Callable[[int, Callable[[], EvalReport]], None] | None = None,
    shortlist: bool = True,
) -> EvalReport:
    """Score the `systems` on the first `limit` rows of `data_path` (Multi-News or NeuS JSONL).

    `on_example(n, partial)` is called after each example; `partial()` is the report so far.
    `summarizer` is the model system's Summarizer (default: the Seq2SeqSummarizer over
    `model_dir`, else the shipped model); `embedder` defaults to MiniLM. Both are there so
    tests can run without a real model. `shortlist=False` makes the default summarizer decode
    over the whole vocabulary (see `Seq2SeqSummarizer`).
    """
    from rouge_score import rouge_scorer

    from briefer.prepare import prepare
    from briefer.summarize.extractive import ExtractiveSummarizer

    unknown = set(systems) - {MODEL, EXTRACTIVE, LEAD, LEXRANK}
    if unknown:
        raise ValueError(f"unknown systems {sorted(unknown)}")
    if max_words is not None:
        from briefer.summarize.length import check_max_words

        check_max_words(max_words, low=1)
    budget = max_words or (NEUS_WORDS if _is_neus(data_path) else MULTINEWS_WORDS)
    asked = budget + OVERSHOOT_WORDS
    if embedder is None:
        from briefer.embed import MiniLMEmbedder

        embedder = MiniLMEmbedder()
    model = None
    if MODEL in systems:
        model = summarizer or _default_summarizer(model_dir, shortlist)
    extractive = ExtractiveSummarizer()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    tallies = {name: _Tally() for name in systems}
    n = 0
    for documents, reference in read_rows(data_path, limit):
        start = time.perf_counter()
        context = prepare(documents, embedder=embedder)
        if not context.sentences:
            continue
        n += 1
        sentences = list(context.sentences.values())
        by_doc = list(context.sentences_by_doc().values())
        sources = [d.text for d in documents]
        shared = time.perf_counter() - start
        for name in systems:
            start = time.perf_counter()
            if name == MODEL:
                summary, report = run_model(model, context, asked, tallies[name].supports)
                output = cut_words([s.text for s in summary], budget)
                tallies[name].generated += report.generated
                tallies[name].kept += report.kept
            elif name == EXTRACTIVE:
                summary = extractive.summarize(context.ranked, context=context, max_words=asked)
                output = cut_words([s.text for s in summary], budget)
            elif name == LEAD:
                output = lead(by_doc, budget)
            else:
                output = lexrank(sentences, budget)
            elapsed = time.perf_counter() - start
            if name in (MODEL, EXTRACTIVE):
                elapsed += shared
            tallies[name].add(scorer, output, reference, sources, elapsed)
        if on_example is not None:
            on_example(n, lambda n=n: _report(data_path, n, budget, systems, tallies))
    return _report(data_path, n, budget, systems, tallies)


def _report(
    data_path: str | Path, n: int, budget: int, systems: Sequence[str], tallies: dict
) -> EvalReport:
    notes = [
        "Lead: first sentences of the documents in turn (1st of each, then 2nd...).",
        "briefer systems' seconds include splitting, embedding and ranking.",
    ]
    supports = sorted(tallies[MODEL].supports) if MODEL in tallies else []
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
        scores=tuple(tallies[name].score(name, name == MODEL) for name in systems),
        notes=tuple(notes),
    )
