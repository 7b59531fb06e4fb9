"""build_briefing(): documents in, Briefing out. Each stage is a module; this file wires them.

split ─▶ embed (once) ─▶ rank + de-duplicate ─▶ attribute ─▶ compose (lede, table, facts,
      voices; the guarded summarizer condenses what is too long) ─▶ neutrality ─▶ Briefing
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import __version__
from briefer.data import Briefing, Document, RankedSentence, RunInfo
from briefer.errors import UsageError
from briefer.guard import GuardedSummarizer
from briefer.prepare import prepare
from briefer.progress import Progress
from briefer.summarize import resolve_summarizer
from briefer.summarize.base import Summarizer

if TYPE_CHECKING:
    from briefer.perspectives import Profile

__all__ = ["DEFAULT_LENGTH", "DEFAULT_PROFILE", "build_briefing", "parse_day"]

DEFAULT_LENGTH = "standard"
DEFAULT_PROFILE = "auto"  # the built-in profile that fits the documents (perspectives.choose)


def build_briefing(
    documents: Iterable[Document],
    *,
    title: str | None = None,
    date: str | None = None,
    profile: object = DEFAULT_PROFILE,
    summarizer: Summarizer | str | None = None,
    model: str | Path | None = None,
    length: str = DEFAULT_LENGTH,
    max_words: int | None = None,
    embedder: object = None,
    progress: bool = False,
) -> Briefing:
    """Brief `documents`: the one entry point for scripts and the CLI.

    `profile` is "auto" (the built-in profile whose parties the documents name), a built-in
    profile name, a YAML path or a loaded Profile; `summarizer` is
    "extractive", "abstractive" (needs `model` or the shipped model) or a Summarizer;
    `length` is "short", "standard" or "full", `max_words` the body's word budget.
    """
    from briefer.compose import compose, layout_for
    from briefer.perspectives import attribute, neutrality_report, resolve_profile

    docs = tuple(documents)
    if not docs:
        raise UsageError("no documents to brief (give at least one file, folder or '-')")
    layout = layout_for(length, max_words)
    day = parse_day(date) if date else dt.date.today().isoformat()
    if title:  # from the command line: as odd as any input (argv that is not UTF-8, controls)
        from briefer.readers.text import normalize_characters

        title = normalize_characters(title)
    party_profile = resolve_profile(profile, docs)

    with Progress(enabled=progress) as report:
        context = prepare(docs, embedder=embedder, report=report)
        if not context.sentences:
            raise UsageError("the documents contain no sentences to brief")
        sentences = tuple(context.sentences.values())
        ranked = context.ranked
        with report.stage("Attributing claims"):
            claims = attribute(sentences, party_profile, documents=docs, parses=context.parses)
        with report.stage("Loading the summarizer"):
            summ = GuardedSummarizer(resolve_summarizer(summarizer, model=model))
            getattr(summ.inner, "load", lambda: None)()
        brief_title = title or _default_title(docs, ranked, party_profile)
        with report.stage("Composing"):
            composed = compose(
                docs,
                claims,
                ranked,
                party_profile,
                summ,
                layout=layout,
                title=brief_title,
                context=context,
            )

    briefing = Briefing(
        title=brief_title,
        date=day,
        lede=composed.lede,
        parties=composed.parties,
        columns=composed.columns,
        rows=composed.rows,
        facts=composed.facts,
        other_voices=composed.other_voices,
        background=composed.background,
        statements=composed.statements,
        sources=composed.sources,
        coverage=composed.coverage,
        documents=docs,
        guard=summ.report,
        run=RunInfo(
            briefer_version=__version__,
            summarizer=summ.name,
            model_id=summ.model_id,
            profile=party_profile.name,
            date=day,
            input_count=len(docs),
            length=layout.name,
            max_words=layout.budget or 0,
        ),
    )
    return replace(briefing, neutrality=neutrality_report(briefing.shown(), briefing.parties))


def _default_title(
    docs: Sequence[Document], ranked: Sequence[RankedSentence], profile: Profile | None = None
) -> str:
    """The headline of the document holding the most salient sentence, among those that name
    something (a party, an event, a name: not "Off the wire", a page's section), state
    no one's claim ("..., officials say", "...: Aisha Farooqui", "Taliban condemn ..."), use
    no loaded term, and come from an outlet not based in a party's country; when none does, a
    neutral title naming the parties; "Briefing" when no document has a title."""
    from briefer.perspectives import load_lexicon
    from briefer.perspectives.context import outlet_def

    by_id = {d.id: d for d in docs}
    order = list(dict.fromkeys(r.sentence.doc_id for r in ranked if r.sentence.doc_id in by_id))
    titled = [by_id[i] for i in order if by_id[i].title]
    if not titled:
        return "Briefing"
    if profile is None or len(profile.parties) < 2:
        return titled[0].title
    from briefer.compose.sentences import EVENT
    from briefer.perspectives.aliases import matcher_for
    from briefer.readers.metadata import dateline_at

    lexicon = load_lexicon()
    parties = {p.id for p in profile.parties}
    matcher = matcher_for(profile)
    for doc in titled:
        outlet = outlet_def(doc, profile)
        home = outlet.home if outlet is not None else ""
        title = _MEDIA_TAG.sub("", doc.title)
        if not (
            EVENT.search(title)
            or any(h.is_party for h in matcher.find(title))
            or any(w[:1].isupper() or w[:1].isdigit() for w in title.split()[1:])
        ):
            continue  # "Off the wire": a page's section, names nothing; not the headline
        dateline = dateline_at(title, 0)
        if dateline is not None and (dateline.meta.date or dateline.meta.outlet):
            continue  # a first paragraph taken for the title: "DUSHANBE, September 16. /TASS/. ..."
        if _SENTENCE_TITLE.search(title):
            continue  # so is a sentence: "Syria bombarded Wednesday the ... town, killing five."
        if not (_CLAIM_HEADLINE.search(title) or lexicon.find(title) or home in parties):
            return title
    return " and ".join(p.name for p in profile.parties) + ": what each side says"


# "... + video", "... (PHOTOS)", "... | Live updates": what the page carries, not the news.
_MEDIA_TAG = re.compile(
    r"\s*(?:[+|–—-]\s*(?:video|photos?|pictures|watch|live(?: updates)?)"
    r"|\((?:video|photos?)\))\s*$",
    re.IGNORECASE,
)
# A whole sentence, not a headline: eight words or more and a full stop (not "U.S." or "...").
_SENTENCE_TITLE = re.compile(r"^(?:\S+\s+){7,}\S*[a-z0-9”\"’)]\.$")
# A headline that is someone's claim: a speech verb, or its speaker after a colon or a dash.
_CLAIM_HEADLINE = re.compile(
    r"(?i:\b(?:say|says|said|claim|claims|claimed|accuse[sd]?|den(?:y|ies|ied)|blame[sd]?"
    r"|condemns?|condemned|allege[sd]?|warns?|warned|vows?|vowed|insists?|rejects?|reports)\b)"
    r"|:\s*(?:[A-Z][\w.'’-]*\s*){1,4}$|\s[-–—]\s*(?:[A-Z][\w.'’-]*\s*){1,4}$"
    # "Taliban: Afghanistan regrets ...": the speaker first
    r"|^(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*:\s"
    # "... area – spokesperson", "...: army official"
    r"|(?i:(?:\s[-–—]|:)\s*(?:[\w.'’-]+\s+){0,2}(?:spokes(?:man|woman|person)|minister|ministry"
    r"|officials?|army|military|police|sources?|editor|envoy|chief|commander|president)\s*$)"
)


def parse_day(value: str) -> str:
    """A YYYY-MM-DD string, checked, or UsageError naming --date."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--date {value}: not a date (use YYYY-MM-DD)") from None
