"""Who speaks when a sentence has several reports: the main one, or the speaker an outlet
relays ("TOLOnews reported that Karzai said ...", "Quoting IAF sources, an ANI report said
..."), and how a report's speaker phrase resolves (a pronoun, a role set in a place)."""

from __future__ import annotations

import re

from briefer.data import NARRATOR, OTHER
from briefer.perspectives.context import DocState
from briefer.perspectives.parties import Resolver
from briefer.perspectives.speakers import Reading, Report

__all__ = ["cited_source", "main_report", "resolve_report"]

# An outlet's report opened by whom it quotes: "Quoting IAF sources, an ANI report said ..."
_CITING = re.compile(r"\s*(?:quoting|citing)\s+([^,]{2,60}),", re.IGNORECASE)


def resolve_report(
    report: Report,
    parse: Reading,
    index: int,
    state: DocState,
    resolver: Resolver,
    *,
    remember: bool,
) -> tuple[str, str]:
    """(speaker, party) of a report; a role set in a place ("In Afghanistan, police said")
    takes the place's party."""
    phrase = _pronoun_referent(report, parse) if report.pronoun else report.speaker
    speaker, party = resolver.resolve(phrase, index, state, remember=remember)
    if report.where and not report.pronoun and resolver.unnamed(phrase):
        placed = resolver.resolve(f"{phrase} in {report.where}", index, state, remember=False)
        if placed[1] not in (OTHER, NARRATOR):
            party = placed[1]
    return speaker, party


def main_report(
    outside: list[tuple[Report, str, str]],
    resolved: list[tuple[Report, str, str]],
    resolver: Resolver,
) -> tuple[Report, str, str]:
    """The sentence's speaker: the shallowest report outside quotation marks; an outlet
    relaying another speaker's words ("TOLOnews reported that Karzai said ...", "'Karzai
    condemned ...,' TOLOnews reported") gives way to that speaker."""
    main = outside[0]
    if resolver.is_media(main[0].speaker):
        inside = [
            x
            for x in resolved
            if x[0] is not main[0]
            and not resolver.is_media(x[0].speaker)
            and any(a <= x[0].verb_start < b for a, b in main[0].owned)
        ]
        if inside:
            return inside[0]
    return main


def _pronoun_referent(report: Report, parse: Reading) -> str:
    """A pronoun speaker inside a subordinate clause names the main clause's subject
    ("India launched strikes on what it said were camps"); in the main clause, it is left to
    the previous speaker."""
    if report.depth == 0 or not parse.subject:
        return report.speaker
    return parse.subject


def cited_source(
    text: str, report: Report, index: int, state: DocState, resolver: Resolver
) -> tuple[str, str] | None:
    """(speaker, party) of whom an outlet's report says it quotes, when the sentence opens
    with it ("Quoting IAF sources, an ANI report said ...") and it names a party; else None."""
    cited = _CITING.match(text)
    if cited is None or not resolver.is_media(report.speaker):
        return None
    source = resolver.resolve(cited.group(1), index, state, remember=False)
    return source if source[1] not in (OTHER, NARRATOR) else None
