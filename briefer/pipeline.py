"""build_briefing(): documents in, Briefing out. Each stage is a module; this file wires them.

    split ─▶ embed (once) ─▶ rank + de-duplicate ─▶ attribute ─▶ summarize + guard
          ─▶ perspectives (positions, disputes, voices) ─▶ neutral voice ─▶ Briefing
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefer import __version__
from briefer.data import (
    NARRATOR,
    Briefing,
    Claim,
    Document,
    Party,
    RankedSentence,
    RunInfo,
    SentenceRef,
    Source,
    SummarySentence,
)
from briefer.errors import UsageError
from briefer.guard import GuardedSummarizer
from briefer.progress import Progress
from briefer.summarize.base import Summarizer

DEFAULT_MAX_WORDS = 120
MAX_SUMMARY_SENTENCES = 6  # a summary an analyst reads in one go: 3 to 6 sentences
DEFAULT_PROFILE = "pak-afg"


def build_briefing(
    documents: Iterable[Document],
    *,
    title: str | None = None,
    date: str | None = None,
    profile: object = DEFAULT_PROFILE,
    summarizer: Summarizer | str | None = None,
    model: str | Path | None = None,
    max_words: int = DEFAULT_MAX_WORDS,
    embedder: object = None,
    progress: bool = False,
) -> Briefing:
    """Brief `documents`: the one entry point for scripts and the CLI.

    `profile` is a built-in profile name, a YAML path or a loaded Profile; `summarizer` is
    "extractive", "abstractive" (needs `model` or the shipped model) or a Summarizer.
    """
    from briefer.embed import MiniLMEmbedder
    from briefer.perspectives import (
        analyze,
        attribute,
        load_profile,
        neutral_voice,
        neutrality_report,
    )
    from briefer.rank import rank_sentences
    from briefer.split import split_sentences

    docs = tuple(documents)
    if not docs:
        raise UsageError("no documents to brief (give at least one file, folder or '-')")
    if max_words < 20:
        raise UsageError(f"--max-words {max_words}: too short for a briefing (use 20 or more)")
    day = parse_day(date) if date else dt.date.today().isoformat()
    party_profile = profile if hasattr(profile, "parties") else load_profile(profile)

    with Progress(enabled=progress) as report:
        sentences = tuple(s for doc in docs for s in split_sentences(doc))
        if not sentences:
            raise UsageError("the documents contain no sentences to brief")
        with report.stage("Loading the embedding model"):
            embedder = embedder or MiniLMEmbedder()
        with report.stage(f"Embedding {len(sentences)} sentences"):
            vectors = embedder.embed([s.text for s in sentences])
        with report.stage("Ranking and de-duplicating"):
            ranked = rank_sentences(sentences, vectors)
        vectors_by_ref = {s.ref: v for s, v in zip(sentences, vectors, strict=True)}
        with report.stage("Attributing claims"):
            claims = attribute(sentences, party_profile)
        with report.stage("Loading the summarizer"):
            summ = GuardedSummarizer(
                resolve_summarizer(summarizer, model=model, vectors=vectors_by_ref),
                {s.ref: s for s in sentences},
            )
            getattr(summ.inner, "load", lambda: None)()
        with report.stage("Summarizing"):
            summary = _summarize(summ, ranked, claims, max_words)
            perspectives = analyze(
                claims, ranked, party_profile, summ, max_words=max(40, max_words // 2)
            )
        summary = neutral_voice(summary, claims)
        key_facts = neutral_voice(_key_facts(perspectives, summary), claims)
        background = neutral_voice(getattr(perspectives, "background", ()), claims)
        neutrality = neutrality_report(summary, perspectives.positions, claims)

    return Briefing(
        title=title or _default_title(docs, ranked),
        date=day,
        summary=summary,
        key_facts=key_facts,
        parties=tuple(Party(p.id, p.name) for p in party_profile.parties),
        positions=perspectives.positions,
        disputes=perspectives.disputes,
        other_voices=perspectives.other_voices,
        background=background,
        sources=_sources(docs),
        documents=docs,
        neutrality=neutrality,
        guard=summ.report,
        run=RunInfo(
            briefer_version=__version__,
            summarizer=summ.name,
            model_id=summ.model_id,
            profile=party_profile.name,
            date=day,
            input_count=len(docs),
        ),
    )


def resolve_summarizer(
    summarizer: Summarizer | str | None, *, model: str | Path | None, vectors: dict
) -> Summarizer:
    """The Summarizer asked for by name (or passed in), built with its collaborators.

    By default: the abstractive summarizer with `model`, else with the shipped model, else
    (an installation without one) the extractive summarizer.
    """
    from briefer.models import shipped_model

    if summarizer is not None and not isinstance(summarizer, str):
        return summarizer
    model = model or (shipped_model() if summarizer != "extractive" else None)
    name = summarizer or ("abstractive" if model else "extractive")
    if name == "extractive":
        from briefer.summarize.extractive import ExtractiveSummarizer

        return ExtractiveSummarizer(vectors=vectors)
    if name == "abstractive":
        from briefer.summarize.seq2seq import Seq2SeqSummarizer

        if model is None:
            raise UsageError(
                "--summarizer abstractive: no shipped model in this installation"
                " (pass --model DIR, a local seq2seq checkpoint)"
            )
        return Seq2SeqSummarizer(model, vectors=vectors)
    raise UsageError(f"--summarizer {name}: unknown (use extractive or abstractive)")


def _summarize(
    summ: Summarizer,
    ranked: Sequence[RankedSentence],
    claims: Sequence[Claim],
    max_words: int,
) -> tuple[SummarySentence, ...]:
    """What happened: the (guarded) summarizer over the salient sentences, attributed."""
    by_ref = {c.sentence.ref: c for c in claims}
    summary = summ.summarize(ranked, max_words=max_words)[:MAX_SUMMARY_SENTENCES]
    return tuple(_attributed(s, by_ref) for s in summary)


def _attributed(sentence: SummarySentence, by_ref: dict[SentenceRef, Claim]) -> SummarySentence:
    """Carry the speaker of the first source onto a summary sentence, rewritten to name that
    speaker ("They said ..." / "He added ..." read wrongly out of context)."""
    claim = by_ref.get(sentence.sources[0]) if sentence.sources else None
    if claim is None or sentence.speaker:
        return sentence
    text = sentence.text
    if claim.party != NARRATOR:
        from briefer.perspectives import attributed_text, name_speaker

        extracted = sentence.origin == "extracted"
        text = attributed_text(claim) if extracted else name_speaker(text, claim)
    return SummarySentence(text, sentence.sources, sentence.origin, claim.speaker, claim.party)


def _key_facts(perspectives: object, summary: Sequence[SummarySentence]) -> tuple:
    """Facts not in dispute that the summary does not already state."""
    in_summary = {ref for s in summary for ref in s.sources}
    facts = getattr(perspectives, "key_facts", ())
    return tuple(f for f in facts if not in_summary.intersection(f.sources))


def _sources(docs: Sequence[Document]) -> tuple[Source, ...]:
    return tuple(
        Source(i, d.id, d.title, d.outlet, d.date, d.url, d.path) for i, d in enumerate(docs, 1)
    )


def _default_title(docs: Sequence[Document], ranked: Sequence[RankedSentence]) -> str:
    """The title of the document holding the most salient sentence, else a generic one."""
    by_id = {d.id: d for d in docs}
    for item in ranked:
        doc = by_id.get(item.sentence.doc_id)
        if doc and doc.title:
            return doc.title
    return "Briefing"


def parse_day(value: str) -> str:
    """A YYYY-MM-DD string, checked, or UsageError naming --date."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--date {value}: not a date (use YYYY-MM-DD)") from None
