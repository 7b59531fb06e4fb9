"""build_briefing(): documents in, Briefing out. Each stage is a module; this file wires them.

    prepare (split ─▶ embed once ─▶ rank + de-duplicate) ─▶ attribute ─▶ summarize + guard
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
from briefer.prepare import prepare
from briefer.progress import Progress
from briefer.summarize import resolve_summarizer
from briefer.summarize.base import Summarizer, SummaryContext
from briefer.summarize.length import (
    DEFAULT_MAX_WORDS,
    MAX_SUMMARY_SENTENCES,
    check_max_words,
    party_words,
    within_words,
)

__all__ = ["DEFAULT_MAX_WORDS", "DEFAULT_PROFILE", "build_briefing", "parse_day"]

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
    from briefer.perspectives import (
        analyze,
        attribute,
        load_profile,
        neutral_voice,
        neutrality_report,
    )
    docs = tuple(documents)
    if not docs:
        raise UsageError("no documents to brief (give at least one file, folder or '-')")
    check_max_words(max_words)
    day = parse_day(date) if date else dt.date.today().isoformat()
    if title:  # from the command line: as odd as any input (argv that is not UTF-8, controls)
        from briefer.readers.text import normalize_characters

        title = normalize_characters(title)
    party_profile = profile if hasattr(profile, "parties") else load_profile(profile)

    with Progress(enabled=progress) as report:
        context = prepare(docs, embedder=embedder, report=report)
        if not context.sentences:
            raise UsageError("the documents contain no sentences to brief")
        sentences = tuple(context.sentences.values())
        ranked = context.ranked
        with report.stage("Attributing claims"):
            claims = attribute(
                sentences, party_profile, documents=docs, parses=context.parses
            )
        with report.stage("Loading the summarizer"):
            summ = GuardedSummarizer(resolve_summarizer(summarizer, model=model))
            getattr(summ.inner, "load", lambda: None)()
        with report.stage("Summarizing"):
            summary = _summarize(summ, context, claims, max_words)
            perspectives = analyze(
                claims,
                ranked,
                party_profile,
                summ,
                max_words=party_words(max_words),
                context=context,
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
        sources=_sources(docs, party_profile),
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


def _summarize(
    summ: Summarizer,
    context: SummaryContext,
    claims: Sequence[Claim],
    max_words: int,
) -> tuple[SummarySentence, ...]:
    """What happened: the (guarded) summarizer over the salient sentences, attributed."""
    by_ref = {c.sentence.ref: c for c in claims}
    summary = summ.summarize(context.ranked, context=context, max_words=max_words)
    summary = summary[:MAX_SUMMARY_SENTENCES]
    # naming the speaker adds words, and gives a cut extract its whole sentence back
    return within_words([_attributed(s, by_ref) for s in summary], max_words)


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


def _sources(docs: Sequence[Document], profile: object) -> tuple[Source, ...]:
    """The sources list: each document's outlet as the profile or the outlet table names it
    (by its URL's domain), else as the document gives it."""
    from briefer.outlets import outlet_of

    outlets = getattr(profile, "outlets", ())
    out = []
    for i, d in enumerate(docs, 1):
        known = outlet_of(d.url, d.outlet, outlets)
        out.append(Source(i, d.id, d.title, known.name if known else d.outlet, d.date, d.url,
                          d.path))
    return tuple(out)


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
