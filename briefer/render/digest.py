"""A day of several stories (a Digest) in the three formats.

    Title, the day, how many stories
    Today's stories        one line per story: its title, outlets, articles (what is new)
    1. Story ...           the story's brief one level down: lede, table, disputes, sources
    Other documents        those that fit no story, listed with outlet, title, date, URL

Each story's brief is rendered by the single-brief renderers (`level` one down), so a story
reads the same in a digest as on its own. Like every renderer, this imports only the data
model and the other renderers.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace

from briefer.data import Briefing, Digest, Document
from briefer.render.common import clean, human_date, safe_link

DIGEST_SCHEMA_VERSION = "1.0"
STORIES_TITLE = "Today's stories"
OTHERS_TITLE = "Other documents"


def story_lines(digest: Digest) -> list[str]:
    """One line per story: "Title: 5 outlets, 6 articles" (and what is new)."""
    lines = []
    for briefing in digest.stories:
        outlets = len({(s.outlet or s.doc_id).casefold() for s in briefing.sources})
        articles = len(briefing.sources)
        line = f"{clean(briefing.title) or 'Story'}: {_count(outlets, 'outlet')}"
        line += f", {_count(articles, 'article')}"
        if briefing.since is not None:
            new = briefing.since.new
            line += f"; {_count(new, 'new claim')}" if new else "; nothing new"
        lines.append(line)
    return lines


def header(digest: Digest) -> str:
    parts = [human_date(digest.date)] if digest.date else []
    parts.append(_count(len(digest.stories), "story", "stories"))
    parts.append(_count(sum(len(b.sources) for b in digest.stories), "source"))
    if digest.others:
        parts.append(_count(len(digest.others), "other document"))
    return " · ".join(parts)


def other_parts(document: Document) -> tuple[str, str, str, str]:
    """(outlet, title, date, link or file) of a document that fits no story."""
    title = clean(document.title) or clean(document.text[:80]) or document.id
    link = safe_link(document.url) if document.url else ""
    where = link or clean(document.path)
    return clean(document.outlet), title, human_date(document.date), where


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _story(briefing: Briefing, number: int) -> Briefing:
    return replace(briefing, title=f"{number}. {clean(briefing.title) or 'Story'}")


# Markdown


def render_digest_markdown(digest: Digest) -> str:
    from briefer.render.markdown import escape, markdown_blocks

    blocks = [f"# {escape(clean(digest.title)) or 'Daily brief'}", escape(header(digest))]
    blocks.append(f"## {STORIES_TITLE}")
    blocks.append(
        "\n".join(f"{i}. {escape(line)}" for i, line in enumerate(story_lines(digest), 1))
    )
    for number, briefing in enumerate(digest.stories, 1):
        blocks.extend(markdown_blocks(_story(briefing, number), level=2))
    if digest.others:
        blocks.append(f"## {OTHERS_TITLE}")
        blocks.append("\n".join(_other_markdown(doc, escape) for doc in digest.others))
    return "\n\n".join(block.rstrip() for block in blocks if block) + "\n"


def _other_markdown(document: Document, escape) -> str:
    outlet, title, day, where = other_parts(document)
    entry = "- " + (f"{escape(outlet)}: " if outlet else "") + f"*{escape(title)}*"
    entry += f", {escape(day)}." if day else "."
    if where.startswith(("http://", "https://")):
        entry += f" <{where}>"
    elif where:
        entry += f" `{where.replace('`', '')}`"
    return entry


# JSON


def digest_to_dict(digest: Digest) -> dict:
    from briefer.render.json import to_dict

    return {
        "schema_version": DIGEST_SCHEMA_VERSION,
        "kind": "digest",
        "title": digest.title,
        "date": digest.date,
        "stories": [to_dict(b) for b in digest.stories],
        "others": [
            {
                "doc_id": d.id,
                "title": d.title,
                "outlet": d.outlet,
                "date": d.date,
                "url": d.url,
                "path": d.path,
            }
            for d in digest.others
        ],
    }


def render_digest_json(digest: Digest) -> str:
    return json.dumps(digest_to_dict(digest), indent=2, ensure_ascii=False) + "\n"


def load_digest_schema() -> dict:
    """The digest's JSON Schema: its stories are briefings of the shipped briefing schema."""
    from briefer.render.json import load_schema

    briefing = load_schema()
    defs = briefing.pop("$defs")
    for key in ("$schema", "$id"):
        briefing.pop(key, None)
    document = {"type": "object", "additionalProperties": False}
    document["required"] = ["doc_id", "title", "outlet", "date", "url", "path"]
    document["properties"] = {key: {"type": "string"} for key in document["required"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://briefer.invalid/schemas/digest-{DIGEST_SCHEMA_VERSION}.json",
        "title": "briefer digest",
        "description": "Several stories of one day: one briefing per story, most outlets "
        "first, and the documents that fit no story.",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "kind", "title", "date", "stories", "others"],
        "properties": {
            "schema_version": {"const": DIGEST_SCHEMA_VERSION},
            "kind": {"const": "digest"},
            "title": {"type": "string"},
            "date": {"type": "string"},
            "stories": {"type": "array", "items": briefing},
            "others": {"type": "array", "items": document},
        },
        "$defs": defs,
    }


# DOCX


def render_digest_docx(digest: Digest, *, page_size: str = "A4") -> bytes:
    import docx

    from briefer.render import docx as single

    size = single.PAGE_SIZES.get(page_size.strip().upper())
    if size is None:
        from briefer.errors import UsageError

        raise UsageError(f"--page-size {page_size}: unknown page size (use A4 or Letter)")
    cover = _cover(digest)
    document = docx.Document()
    single._page(document, size)
    single.add_styles(document)
    single._properties(document, cover)
    single._header_footer(document, cover)
    document.add_paragraph(clean(digest.title) or "Daily brief", style="Title")
    document.add_paragraph(header(digest), style="Subtitle")
    document.add_heading(STORIES_TITLE, level=1)
    for line in story_lines(digest):
        document.add_paragraph(line, style="List Number")
    for number, briefing in enumerate(digest.stories, 1):
        single.write_briefing(document, _story(briefing, number), level=1, anchor=number)
    if digest.others:
        document.add_heading(OTHERS_TITLE, level=1)
        for doc in digest.others:
            outlet, title, day, where = other_parts(doc)
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{outlet}: " if outlet else "")
            paragraph.add_run(title, style="Emphasis")
            paragraph.add_run((f", {day}." if day else ".") + (f" {where}" if where else ""))
    buffer = io.BytesIO()
    document.save(buffer)
    return single.fixed_zip(buffer.getvalue(), single._created(cover))


def _cover(digest: Digest) -> Briefing:
    """The digest as a Briefing for the document's properties and header: its title and day,
    the parties of its stories."""
    first = digest.stories[0]
    parties = tuple({p.id: p for b in digest.stories for p in b.parties}.values())
    return replace(first, title=digest.title, date=digest.date, parties=parties)


__all__ = [
    "digest_to_dict",
    "load_digest_schema",
    "render_digest_docx",
    "render_digest_json",
    "render_digest_markdown",
    "story_lines",
]
