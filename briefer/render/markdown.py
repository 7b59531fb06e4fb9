"""The briefing as CommonMark with GitHub tables: readable as plain text, stable byte for byte.

Blocks are separated by exactly one blank line, no line ends in a space, and text from the
articles is escaped so that it can never turn into markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefer.data import Briefing, Claim, SentenceRef, SummarySentence
from briefer.render.common import (
    NEUTRALITY_NOTE,
    SECTION_TITLES,
    claim_refs,
    claim_text,
    clean,
    human_date,
    method_lines,
    ordered_positions,
    party_names,
    position_note,
    safe_link,
    source_parts,
    topic_rows,
)


def render_markdown(briefing: Briefing) -> str:
    """The whole briefing as Markdown text, ending with one newline."""
    blocks: list[str] = [f"# {escape(clean(briefing.title)) or 'Briefing'}"]
    blocks.append(_date_line(briefing))
    for section in (
        _summary,
        _key_facts,
        _positions,
        _disputes,
        _other_voices,
        _background,
        _sources,
        _method,
    ):
        blocks.extend(section(briefing))
    return "\n\n".join(block.rstrip() for block in blocks if block) + "\n"


def refs(briefing: Briefing, sources: Iterable[SentenceRef]) -> str:
    """' [1, 3]' for the sources behind `sources`, '' when there are none."""
    numbers = briefing.source_numbers(sources)
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


def _date_line(briefing: Briefing) -> str:
    parts = []
    if briefing.date:
        parts.append(human_date(briefing.date))
    count = len(briefing.sources)
    parts.append(f"{count} source{'s' if count != 1 else ''}")
    if briefing.run.profile:
        parts.append(f"profile {briefing.run.profile}")
    return escape(" · ".join(parts))


def _heading(key: str, level: int = 2) -> str:
    return f"{'#' * level} {SECTION_TITLES[key]}"


def _sentences(briefing: Briefing, sentences: Sequence[SummarySentence]) -> str:
    return " ".join(escape(clean(s.text)) + refs(briefing, s.sources) for s in sentences)


def _claim(briefing: Briefing, claim: Claim) -> str:
    return escape(claim_text(claim)) + refs(briefing, claim_refs(claim))


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _summary(briefing: Briefing) -> list[str]:
    if not briefing.summary:
        return []
    return [_heading("summary"), escape_block(_sentences(briefing, briefing.summary))]


def _key_facts(briefing: Briefing) -> list[str]:
    if not briefing.key_facts:
        return []
    items = (_sentences(briefing, [s]) for s in briefing.key_facts)
    return [_heading("key_facts"), _bullets(items)]


def _positions(briefing: Briefing) -> list[str]:
    positions = ordered_positions(briefing)
    if not positions:
        return []
    blocks = [_heading("positions")]
    rows = topic_rows(positions)
    if rows:
        blocks.append(_table(briefing, positions, rows))
    for position in positions:
        blocks.append(f"### {escape(clean(position.name))}")
        if position.summary:
            blocks.append(escape_block(_sentences(briefing, position.summary)))
        if position.claims:
            blocks.append(_bullets(_claim(briefing, c) for c in position.claims))
        note = position_note(position)
        if note:
            blocks.append(f"*{escape(note)}*")
    return blocks


def _table(briefing: Briefing, positions, rows) -> str:
    header = ["Topic", *(clean(p.name) for p in positions)]
    lines = [_row(escape(h) for h in header), _row(["---"] * len(header))]
    for row in rows:
        cells = [escape(row.topic)]
        for position, claims in zip(positions, row.cells, strict=True):
            if claims:
                cells.append(" ".join(_claim(briefing, c) for c in claims))
            elif not position.claims and row is rows[0]:
                cells.append(f"*{escape(position_note(position))}*")
            else:
                cells.append("—")
        lines.append(_row(cells))
    return "\n".join(lines)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _disputes(briefing: Briefing) -> list[str]:
    if not briefing.disputes:
        return []
    names = party_names(briefing)
    blocks = [_heading("disputes")]
    for dispute in briefing.disputes:
        point = clean(dispute.point)
        blocks.append(f"### {escape(point[:1].upper() + point[1:])}")
        items = []
        for side in dispute.sides:
            name = escape(names.get(side.party, side.party))
            said = " ".join(_claim(briefing, c) for c in side.claims) or "No statement."
            items.append(f"**{name}:** {said}")
        blocks.append(_bullets(items))
    return blocks


def _other_voices(briefing: Briefing) -> list[str]:
    if not briefing.other_voices:
        return []
    return [_heading("other_voices"), _bullets(_claim(briefing, c) for c in briefing.other_voices)]


def _background(briefing: Briefing) -> list[str]:
    if not briefing.background:
        return []
    return [_heading("background"), escape_block(_sentences(briefing, briefing.background))]


def _sources(briefing: Briefing) -> list[str]:
    if not briefing.sources:
        return []
    items = []
    for source in sorted(briefing.sources, key=lambda s: s.number):
        title, details, location = source_parts(source)
        entry = f"{source.number}. *{escape(title)}*."
        if details:
            entry += f" {escape(details)}."
        link = safe_link(source.url) if source.url else ""
        if link:
            entry += f" <{link}>"
        elif location:
            entry += f" {_code(location)}"  # not a link: a file name, or a URL that is not http(s)
        items.append(entry)
    return [_heading("sources"), "\n".join(items)]


def _method(briefing: Briefing) -> list[str]:
    lines = _bullets(map(escape, method_lines(briefing)))
    return [_heading("method"), escape(NEUTRALITY_NOTE), lines]


def _code(text: str) -> str:
    """A code span that survives backticks inside `text` (one line: see `clean`)."""
    text = clean(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_INLINE = re.compile(r"([\\`*_\[\]<>~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(#{1,6}(?:\s|$)|[-+*=>]|\d{1,9}[.)](?:\s|$))")


def escape(text: str) -> str:
    """Backslash-escape the characters that would turn article text into inline markup.

    The one door for text from the briefing into the Markdown: it is made one printable
    line first (`clean`), so no newline can start a raw HTML block and no control character
    reaches a terminal. Links are only made from `safe_link` URLs, in `_sources`.
    """
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", clean(text)))


def escape_block(text: str) -> str:
    """Also escape a paragraph start that would read as a heading, list or quote."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    cut = len(match.group(1).rstrip()) - 1  # escape the last marker character
    return text[:cut] + "\\" + text[cut:]
