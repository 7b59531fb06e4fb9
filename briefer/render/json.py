"""The briefing as versioned JSON, described by resources/briefing.schema.json.

Scripts rely on these field names: renaming or removing one needs a new SCHEMA_VERSION
(and a matching schema). Keys come out in a fixed order, so equal briefings give equal text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources

from briefer.data import Briefing, Claim, SentenceRef, SummarySentence

SCHEMA_VERSION = "1.0"


def render_json(briefing: Briefing) -> str:
    """The briefing as JSON text: indent 2, UTF-8 characters kept, one trailing newline."""
    return json.dumps(to_dict(briefing), indent=2, ensure_ascii=False) + "\n"


def to_dict(briefing: Briefing) -> dict:
    """The briefing as plain dicts and lists, in the shape of the shipped JSON Schema."""

    def numbers(refs: Iterable[SentenceRef]) -> list[int]:
        return list(briefing.source_numbers(refs))

    def sentence(s: SummarySentence) -> dict:
        return {
            "text": s.text,
            "sources": numbers(s.sources),
            "refs": _refs(s.sources),
            "origin": s.origin,
            "speaker": s.speaker,
            "party": s.party,
        }

    def claim(c: Claim) -> dict:
        return {
            "doc_id": c.sentence.doc_id,
            "sentence_index": c.sentence.index,
            "text": c.sentence.text,
            "speaker": c.speaker,
            "party": c.party,
            "quote": c.quote,
            "topic": c.topic,
            "also_parties": list(c.also_parties),
            "also": _refs(c.also),
            "sources": numbers((c.sentence.ref, *c.also)),
        }

    neutrality = briefing.neutrality
    run = briefing.run
    return {
        "schema_version": SCHEMA_VERSION,
        "title": briefing.title,
        "date": briefing.date,
        "summary": [sentence(s) for s in briefing.summary],
        "key_facts": [sentence(s) for s in briefing.key_facts],
        "parties": [{"id": p.id, "name": p.name} for p in briefing.parties],
        "positions": [
            {
                "party": p.party,
                "name": p.name,
                "summary": [sentence(s) for s in p.summary],
                "claims": [claim(c) for c in p.claims],
                "note": p.note,
            }
            for p in briefing.positions
        ],
        "disputes": [
            {
                "point": d.point,
                "sides": [
                    {"party": side.party, "claims": [claim(c) for c in side.claims]}
                    for side in d.sides
                ],
            }
            for d in briefing.disputes
        ],
        "other_voices": [claim(c) for c in briefing.other_voices],
        "background": [sentence(s) for s in briefing.background],
        "sources": [
            {
                "number": s.number,
                "doc_id": s.doc_id,
                "title": s.title,
                "outlet": s.outlet,
                "date": s.date,
                "url": s.url,
                "path": s.path,
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
        },
    }


def load_schema() -> dict:
    """The JSON Schema (draft 2020-12) that every `to_dict` result validates against."""
    text = resources.files("briefer").joinpath("resources/briefing.schema.json").read_text("utf-8")
    return json.loads(text)


def _refs(refs: Iterable[SentenceRef]) -> list[dict]:
    return [{"doc_id": doc_id, "sentence_index": index} for doc_id, index in refs]
