"""The briefing as versioned JSON, described by resources/briefing.schema.json.

Scripts rely on these field names: renaming or removing one needs a new SCHEMA_VERSION
(and a matching schema). Keys come out in a fixed order, so equal briefings give equal text.
Every claim and fact is one entry of "statements", with the very words the Markdown and the
DOCX print; the sections list statement ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources

from briefer.data import Briefing, SentenceRef, Statement
from briefer.render.common import statement_text

SCHEMA_VERSION = "2.1"


def render_json(briefing: Briefing) -> str:
    """The briefing as JSON text: indent 2, UTF-8 characters kept, one trailing newline."""
    return json.dumps(to_dict(briefing), indent=2, ensure_ascii=False) + "\n"


def to_dict(briefing: Briefing) -> dict:
    """The briefing as plain dicts and lists, in the shape of the shipped JSON Schema."""

    def statement(s: Statement) -> dict:
        return {
            "id": s.id,
            "text": statement_text(s),
            "party": s.party,
            "speaker": s.speaker,
            "topic": s.topic,
            "origin": s.origin,
            "place": s.place,
            "support": s.support,
            "novelty": s.novelty,
            "sources": list(briefing.source_numbers(s.sources)),
            "refs": _refs(s.sources),
        }

    def ids(items: Iterable[Statement]) -> list[str]:
        return [s.id for s in items]

    coverage = briefing.coverage
    neutrality = briefing.neutrality
    run = briefing.run
    return {
        "schema_version": SCHEMA_VERSION,
        "title": briefing.title,
        "date": briefing.date,
        "coverage": {
            "first": coverage.first,
            "last": coverage.last,
            "homes": [
                {"home": h.home, "party": h.party, "outlets": h.outlets} for h in coverage.homes
            ],
            "notes": list(coverage.notes),
        },
        "parties": [{"id": p.id, "name": p.name, "note": p.note} for p in briefing.parties],
        "statements": [statement(s) for s in briefing.statements],
        "lede": ids(briefing.lede),
        "table": {
            "columns": list(briefing.columns),
            "rows": [
                {
                    "topic": row.topic,
                    "label": row.label,
                    "disputed": row.disputed,
                    "cells": [ids(cell) for cell in row.cells],
                }
                for row in briefing.rows
            ],
        },
        "facts": ids(briefing.facts),
        "other_voices": ids(briefing.other_voices),
        "background": ids(briefing.background),
        "sources": [
            {
                "number": s.number,
                "doc_id": s.doc_id,
                "title": s.title,
                "outlet": s.outlet,
                "date": s.date,
                "url": s.url,
                "path": s.path,
                "home": s.home,
                "party": s.party,
            }
            for s in briefing.sources
        ],
        "neutrality": {
            "parties": [
                {"party": p.party, "claims": p.claims, "words": p.words, "sources": p.sources}
                for p in neutrality.parties
            ],
            "balance_ratio": neutrality.balance_ratio,
            "loaded_terms": list(neutrality.loaded_terms),
            "referenced_share": neutrality.referenced_share,
            "warnings": list(neutrality.warnings),
        },
        "since": _since(briefing),
        "guard": {
            "generated": briefing.guard.generated,
            "kept": briefing.guard.kept,
            "replaced": briefing.guard.replaced,
        },
        "run": {
            "briefer_version": run.briefer_version,
            "summarizer": run.summarizer,
            "model_id": run.model_id,
            "profile": run.profile,
            "date": run.date,
            "input_count": run.input_count,
            "length": run.length,
            "max_words": run.max_words,
        },
    }


def _since(briefing: Briefing) -> dict | None:
    since = briefing.since
    if since is None:
        return None
    return {
        "previous": since.previous,
        "new": since.new,
        "carried": since.carried,
        "earlier": [
            {
                "id": s.id,
                "text": statement_text(s),
                "sources": list(briefing.source_numbers(s.sources)),
            }
            for s in since.earlier
        ],
    }


def load_schema() -> dict:
    """The JSON Schema (draft 2020-12) that every `to_dict` result validates against."""
    text = resources.files("briefer").joinpath("resources/briefing.schema.json").read_text("utf-8")
    return json.loads(text)


def _refs(refs: Iterable[SentenceRef]) -> list[dict]:
    return [{"doc_id": doc_id, "sentence_index": index} for doc_id, index in refs]
