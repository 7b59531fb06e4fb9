"""What every renderer shows the same way: section titles, the header line, row labels,
the sources list's groups, the method note.

The renderers differ in markup only; the words a reader sees come from the Briefing (every
statement's text is decided before rendering), from the data model's section titles (which
the composition counts against the word budget) or from here, so the Markdown, the DOCX and
the email body never disagree. This module, like every renderer, imports only the data model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date as _date
from urllib.parse import quote, urlsplit

from briefer.data import Briefing, HomeCount, Row, Source, Statement

UNKNOWN_HOME = "Outlets whose home is not known"

NEUTRALITY_NOTE = (
    "This briefing reports what each side says, attributed to its speaker, and does not "
    "judge between them; every statement appears once, with the numbers of all the sources "
    "that report it."
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


def period(first: str, last: str) -> str:
    """'24–28 December 2024', '30 November – 2 December 2024', or one day; '' if undated."""
    try:
        a, b = _date.fromisoformat(first), _date.fromisoformat(last)
    except ValueError:
        return human_date(first or last)
    if a == b:
        return human_date(first)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{human_date(first)} – {human_date(last)}"


def header_line(briefing: Briefing) -> str:
    """The brief's date, the period its sources cover, how many, the profile."""
    parts = [human_date(briefing.date)] if briefing.date else []
    span = period(briefing.coverage.first, briefing.coverage.last)
    if span:
        parts.append(f"sources dated {span}")
    count = len(briefing.sources)
    parts.append(f"{count} source{'s' if count != 1 else ''}")
    if briefing.run.profile:
        parts.append(f"profile {briefing.run.profile}")
    return " · ".join(parts)


def since_line(briefing: Briefing) -> str:
    """What is new since the previous brief, in one sentence ("" when not compared)."""
    since = briefing.since
    if since is None:
        return ""
    previous = human_date(since.previous)
    where = " (under Earlier)" if since.earlier else ""
    carried = f"{since.carried} claim{'s' if since.carried != 1 else ''} carried over{where}"
    if not since.new:
        return f"Nothing new since the brief of {previous}: {carried}."
    new = f"{since.new} new claim{'s' if since.new != 1 else ''}"
    return f"Since the brief of {previous}: {new}, {carried}."


def statement_text(statement: Statement) -> str:
    """The words of a statement, on one line: the same in every format."""
    return clean(statement.text)


def column_names(briefing: Briefing) -> tuple[str, ...]:
    return tuple(clean(briefing.party_name(p)) for p in briefing.columns)


def row_label(row: Row) -> str:
    label = clean(row.label) or "General"
    return f"{label} (disputed)" if row.disputed else label


def source_groups(briefing: Briefing) -> tuple[tuple[str, tuple[Source, ...]], ...]:
    """The sources list by where outlets are based ("Based in Pakistan"), in number order;
    one group without a heading when no outlet's home is known."""
    ordered = sorted(briefing.sources, key=lambda s: s.number)
    if not any(s.home for s in ordered):
        return (("", tuple(ordered)),)
    groups: dict[str, list[Source]] = {}
    for source in ordered:
        heading = f"Based in {clean(source.home)}" if source.home else UNKNOWN_HOME
        groups.setdefault(heading, []).append(source)
    return tuple((heading, tuple(items)) for heading, items in groups.items())


def source_parts(source: Source) -> tuple[str, str, str, str]:
    """(outlet, title, date, location) of a sources-list entry; location is a URL or file.
    A part the source does not give is "" (no "Untitled document" in a brief)."""
    title = clean(source.title)
    location = clean(source.url or source.path)
    if location == "-":
        location = "standard input"
    return clean(source.outlet), title, human_date(source.date), location


def source_head(outlet: str, title: str, day: str) -> tuple[str, str, str]:
    """The pieces of a sources-list entry before its location, as (before the title, the
    title, after it): "Dawn: " + title + ", 22 November 2026."; without a title "Dawn, 22
    November 2026."; without anything, ""."""
    if title:
        return (f"{outlet}: " if outlet else ""), title, (f", {day}." if day else ".")
    text = ", ".join(p for p in (outlet, day) if p)
    return (f"{text}." if text else ""), "", ""


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
    if run.length:
        budget = f", at most {run.max_words} words above the sources" if run.max_words else ""
        facts.append(f"length: {run.length}{budget}")
    if run.date:
        facts.append(f"generated {run.date}")
    if facts:
        line = "; ".join(facts) + "."
        lines.append(line[:1].upper() + line[1:])
    homes = _homes_line(briefing.coverage.homes)
    if homes:
        lines.append(homes)
    lines.extend(clean(note) for note in briefing.coverage.notes)
    lines.extend(_neutrality_lines(briefing))
    lines.append(_guard_line(briefing))
    lines.extend(f"Warning: {clean(w)}" for w in briefing.neutrality.warnings)
    return tuple(lines)


def _homes_line(homes: Iterable[HomeCount]) -> str:
    parts = [f"{clean(h.home) or 'not known'} {h.outlets}" for h in homes if h.outlets]
    if not parts or parts == [parts[0]] and parts[0].startswith("not known"):
        return ""
    return "Outlets by where they are based: " + ", ".join(parts) + "."


def _neutrality_lines(briefing: Briefing) -> list[str]:
    neutrality = briefing.neutrality
    lines = []
    if neutrality.parties:
        shares = "; ".join(
            f"{briefing.party_name(s.party)} {s.claims} statement{'s' if s.claims != 1 else ''}"
            f", {s.words} words, {s.sources} source{'s' if s.sources != 1 else ''}"
            for s in neutrality.parties
        )
        lines.append(f"Shown by party: {shares}.")
        lines.append(
            f"Balance ratio {neutrality.balance_ratio:.2f} "
            "(words shown for the quieter party over the louder; 1.00 is even)."
        )
    lines.append(f"Statements with a source reference: {neutrality.referenced_share:.0%}.")
    loaded = ", ".join(f"“{t}”" for t in neutrality.loaded_terms) or "none"
    lines.append(f"Loaded terms left in the narrator's voice: {loaded}.")
    return lines


def _guard_line(briefing: Briefing) -> str:
    guard = briefing.guard
    if not guard.generated:
        return "Faithfulness guard: no generated sentences (all sentences are from the sources)."
    return (
        f"Faithfulness guard: {_count(guard.generated, 'generated sentence')} checked, "
        f"{guard.kept} kept, {guard.replaced} replaced by "
        f"{'its source sentence' if guard.generated == 1 else 'source sentences'}."
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
