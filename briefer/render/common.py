"""What every renderer shows the same way: section titles, topic rows, the method note.

The renderers differ in markup only; the words a reader sees come from here, so the
Markdown, the DOCX and the email body never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date as _date
from urllib.parse import quote, urlsplit

from briefer.data import Briefing, Claim, Position, SentenceRef, Source

GENERAL = "General"

SECTION_TITLES = {
    "summary": "Summary",
    "key_facts": "Key facts not in dispute",
    "positions": "Positions side by side",
    "disputes": "Disputed points",
    "other_voices": "Other voices",
    "background": "Background",
    "sources": "Sources",
    "method": "Method and neutrality note",
}

NEUTRALITY_NOTE = (
    "This briefing reports what each side says, attributed to its speaker, and does not "
    "judge between them; every sentence carries the numbers of the sources it rests on."
)

_SPACE = re.compile(r"\s+")
# what no output format can hold: C0/C1 controls, lone surrogates, U+FFFE/U+FFFF
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"  # RFC 3986 reserved and unreserved; the rest is %-encoded


def clean(text: str) -> str:
    """One line of printable text: whitespace runs (newlines included) become single spaces,
    other control characters go, a lone surrogate becomes U+FFFD.

    Every string a renderer takes from the briefing passes through here (the readers already
    normalize what they read; titles, profiles and options come from elsewhere too).
    """
    text = _SPACE.sub(" ", text)
    if _UNPRINTABLE.search(text):
        text = _UNPRINTABLE.sub(_printable, text)
    return text.strip()


def _printable(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def safe_link(url: str) -> str:
    """`url` fit to be a link target, or "": an absolute http(s) URL with a host and no space,
    control or markup character; non-ASCII and unsafe characters percent-encoded."""
    if not url or any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in url):
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a malformed IPv6 host or port
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return ""
    return quote(url, safe=_URL_SAFE)


def human_date(iso: str) -> str:
    """'2026-11-23' -> '23 November 2026'; anything else comes back unchanged."""
    try:
        day = _date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def claim_refs(claim: Claim) -> tuple[SentenceRef, ...]:
    return (claim.sentence.ref, *claim.also)


def claim_text(claim: Claim) -> str:
    """The claim as a self-contained sentence that names its speaker ("They said" resolved)."""
    from briefer.perspectives import attributed_text

    return clean(attributed_text(claim))


def party_names(briefing: Briefing) -> dict[str, str]:
    names = {party.id: party.name for party in briefing.parties}
    for position in briefing.positions:
        names.setdefault(position.party, position.name)
    return names


def ordered_positions(briefing: Briefing) -> tuple[Position, ...]:
    """Positions in the profile's party order; parties the profile does not list go last."""
    order = {party.id: i for i, party in enumerate(briefing.parties)}
    indexed = enumerate(briefing.positions)
    ranked = sorted(indexed, key=lambda item: (order.get(item[1].party, len(order)), item[0]))
    return tuple(position for _, position in ranked)


def position_note(position: Position) -> str:
    """The note to show for a party; a default one when a party has no statement at all."""
    if position.note:
        return clean(position.note)
    if not position.claims and not position.summary:
        return f"The sources carry no statement from {position.name}."
    return ""


@dataclass(frozen=True)
class TopicRow:
    """One row of the side-by-side table: a topic and, per position, its claims."""

    topic: str
    cells: tuple[tuple[Claim, ...], ...]


def topic_rows(positions: tuple[Position, ...]) -> tuple[TopicRow, ...]:
    """Rows by topic in order of first appearance; claims without a topic go to 'General'."""
    topics: dict[str, None] = {}
    for position in positions:
        for claim in position.claims:
            topics.setdefault(topic_label(claim.topic), None)
    if GENERAL in topics:  # the catch-all row reads best last
        del topics[GENERAL]
        topics[GENERAL] = None
    return tuple(
        TopicRow(
            topic,
            tuple(
                tuple(c for c in position.claims if topic_label(c.topic) == topic)
                for position in positions
            ),
        )
        for topic in topics
    )


def topic_label(topic: str) -> str:
    topic = clean(topic)
    return topic[:1].upper() + topic[1:] if topic else GENERAL


def source_parts(source: Source) -> tuple[str, str, str]:
    """(title, 'outlet, date', location) of a sources-list entry; location is a URL or file."""
    title = clean(source.title) or "Untitled document"
    details = ", ".join(part for part in (clean(source.outlet), human_date(source.date)) if part)
    location = clean(source.url or source.path)
    if location == "-":
        location = "standard input"
    return title, details, location


def method_lines(briefing: Briefing) -> tuple[str, ...]:
    """The method and neutrality note, one plain sentence per line."""
    run = briefing.run
    lines: list[str] = []
    summarizer = f"Summarizer: {run.summarizer}"
    if run.model_id and run.model_id != run.summarizer:
        summarizer += f" ({run.model_id})"
    lines.append(summarizer + f"; briefer {run.briefer_version}.")
    facts = []
    if run.profile:
        facts.append(f"Party profile: {run.profile}")
    if run.input_count:
        facts.append(f"{run.input_count} input document{'s' if run.input_count != 1 else ''}")
    if run.date:
        facts.append(f"generated {run.date}")
    if facts:
        lines.append("; ".join(facts) + ".")
    lines.extend(_neutrality_lines(briefing))
    lines.append(_guard_line(briefing))
    lines.extend(f"Warning: {clean(w)}" for w in briefing.neutrality.warnings)
    return tuple(lines)


def _neutrality_lines(briefing: Briefing) -> list[str]:
    neutrality = briefing.neutrality
    names = party_names(briefing)
    lines = []
    if neutrality.parties:
        shares = "; ".join(
            f"{names.get(s.party, s.party)} {s.claims} claim{'s' if s.claims != 1 else ''}, "
            f"{s.words} words, {s.sources} source{'s' if s.sources != 1 else ''}"
            for s in neutrality.parties
        )
        lines.append(f"Coverage by party: {shares}.")
    if neutrality.parties or briefing.positions:
        lines.append(
            f"Balance ratio {neutrality.balance_ratio:.2f} "
            "(words of the shortest party section over the longest; 1.00 is even)."
        )
    lines.append(
        f"Summary sentences with a source reference: {neutrality.referenced_share:.0%}."
    )
    loaded = ", ".join(f"“{t}”" for t in neutrality.loaded_terms) or "none"
    lines.append(f"Loaded terms left in the narrator's voice: {loaded}.")
    return lines


def _guard_line(briefing: Briefing) -> str:
    guard = briefing.guard
    if not guard.generated:
        return "Faithfulness guard: no generated sentences (all sentences are from the sources)."
    return (
        f"Faithfulness guard: {guard.generated} generated sentences checked, {guard.kept} kept, "
        f"{guard.replaced} replaced by source sentences."
    )
