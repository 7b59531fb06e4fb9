"""The briefing as CommonMark with GitHub tables: readable as plain text, stable byte for byte.

Blocks are separated by exactly one blank line, no line ends in a space, and text from the
articles is escaped so that it can never turn into markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefer.data import EMPTY_CELL, SECTION_TITLES, Briefing, SentenceRef, Statement
from briefer.render.common import (
    NEUTRALITY_NOTE,
    clean,
    column_names,
    header_line,
    method_lines,
    row_label,
    safe_link,
    since_line,
    source_groups,
    source_head,
    source_parts,
    statement_text,
)


def render_markdown(briefing: Briefing, *, level: int = 1) -> str:
    """The whole briefing as Markdown text, ending with one newline.

    `level` is the title's heading level (1: "# Title"); the sections go one level below it,
    so a digest can render a story as a section of its own page (level=2).
    """
    return (
        "\n\n".join(block.rstrip() for block in markdown_blocks(briefing, level=level) if block)
        + "\n"
    )


def markdown_blocks(briefing: Briefing, *, level: int = 1) -> list[str]:
    """The briefing's Markdown blocks, in order, headings at `level` and below."""
    blocks: list[str] = [f"{'#' * level} {escape(clean(briefing.title)) or 'Briefing'}"]
    blocks.append(escape(header_line(briefing)))
    if briefing.since is not None:
        blocks.append(escape_block(escape(since_line(briefing))))
    sections = (_lede, _table, _facts, _other_voices, _background, _earlier, _sources, _method)
    for section in sections:
        blocks.extend(section(briefing, level + 1))
    return blocks


def refs(briefing: Briefing, sources: Iterable[SentenceRef]) -> str:
    """' [1, 3]' for the sources behind `sources`, '' when there are none."""
    numbers = briefing.source_numbers(sources)
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


def _heading(key: str, level: int) -> str:
    return f"{'#' * level} {SECTION_TITLES[key]}"


def _statement(briefing: Briefing, statement: Statement) -> str:
    return escape(statement_text(statement)) + refs(briefing, statement.sources)


def _prose(briefing: Briefing, statements: Sequence[Statement]) -> str:
    return escape_block(" ".join(_statement(briefing, s) for s in statements))


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _lede(briefing: Briefing, level: int) -> list[str]:
    return [_prose(briefing, briefing.lede)] if briefing.lede else []


def _table(briefing: Briefing, level: int) -> list[str]:
    if not briefing.rows:
        return []
    header = ["Topic", *column_names(briefing)]
    lines = [_row(escape(h) for h in header), _row(["---"] * len(header))]
    for row in briefing.rows:
        cells = [escape(row_label(row))]
        for statements in row.cells:
            said = " ".join(_statement(briefing, s) for s in statements)
            cells.append(said or EMPTY_CELL)
        lines.append(_row(cells))
    return [_heading("table", level), "\n".join(lines)]


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _facts(briefing: Briefing, level: int) -> list[str]:
    if not briefing.facts:
        return []
    return [_heading("facts", level), _bullets(_statement(briefing, s) for s in briefing.facts)]


def _other_voices(briefing: Briefing, level: int) -> list[str]:
    if not briefing.other_voices:
        return []
    items = (_statement(briefing, s) for s in briefing.other_voices)
    return [_heading("other_voices", level), _bullets(items)]


def _background(briefing: Briefing, level: int) -> list[str]:
    if not briefing.background:
        return []
    return [_heading("background", level), _prose(briefing, briefing.background)]


def _earlier(briefing: Briefing, level: int) -> list[str]:
    if briefing.since is None or not briefing.since.earlier:
        return []
    items = (_statement(briefing, s) for s in briefing.since.earlier)
    return [_heading("earlier", level), _bullets(items)]


def _sources(briefing: Briefing, level: int) -> list[str]:
    if not briefing.sources:
        return []
    blocks = [_heading("sources", level)]
    for heading, sources in source_groups(briefing):
        if heading:
            blocks.append(f"{'#' * (level + 1)} {escape(heading)}")
        blocks.append("\n".join(_source(source) for source in sources))
    return blocks


def _source(source) -> str:
    outlet, title, day, location = source_parts(source)
    before, title, after = source_head(escape(outlet), escape(title), escape(day))
    entry = f"{source.number}. {before}" + (f"*{title}*{after}" if title else "")
    entry = entry.rstrip()
    link = safe_link(source.url) if source.url else ""
    if link:
        entry += f" <{link}>"
    elif location:
        entry += f" {_code(location)}"  # not a link: a file name, or a URL that is not http(s)
    return entry


def _method(briefing: Briefing, level: int) -> list[str]:
    lines = _bullets(map(escape, method_lines(briefing)))
    return [_heading("method", level), escape(NEUTRALITY_NOTE), lines]


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
    reaches a terminal. Links are only made from `safe_link` URLs, in `_source`.
    """
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", clean(text)))


def escape_block(text: str) -> str:
    """Also escape a paragraph start that would read as a heading, list or quote."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    cut = len(match.group(1).rstrip()) - 1  # escape the last marker character
    return text[:cut] + "\\" + text[cut:]
