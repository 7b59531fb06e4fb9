"""JSON renderer: versioned structure, shipped JSON Schema, stable text."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import jsonschema
import pytest
from briefings import check_golden, minimal_briefing, sample_briefing

from briefer.render import render
from briefer.render.json import SCHEMA_VERSION, load_schema, render_json, to_dict


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_is_shipped_inside_the_package() -> None:
    path = resources.files("briefer").joinpath("resources/briefing.schema.json")
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION == "2.1"


@pytest.mark.parametrize("make", [sample_briefing, minimal_briefing])
def test_produced_briefings_validate_against_the_schema(make, validator) -> None:
    data = json.loads(render_json(make()))
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    assert data["schema_version"] == "2.1"


def test_schema_rejects_unknown_fields(validator) -> None:
    data = to_dict(minimal_briefing())
    data["surprise"] = 1
    assert not validator.is_valid(data)


def test_every_schema_property_is_documented() -> None:
    missing = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub and "$ref" not in sub.get("items", {}):
                    missing.append(f"{where}.{name}")
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")
        elif isinstance(node, list):
            for sub in node:
                walk(sub, where)

    walk(load_schema(), "$")
    assert missing == []


def test_statements_carry_text_speaker_party_place_and_source_numbers() -> None:
    data = to_dict(sample_briefing())
    by_id = {s["id"]: s for s in data["statements"]}
    assert by_id["s2"] == {
        "id": "s2",
        "text": "Pakistan's military said the strikes hit hideouts of the Pakistani Taliban.",
        "party": "pakistan",
        "speaker": "Pakistan's military",
        "topic": "targets",
        "origin": "extracted",
        "place": "lede",
        "support": "",
        "novelty": "",
        "sources": [1, 3],
        "refs": [{"doc_id": "ap", "sentence_index": 3}, {"doc_id": "dawn", "sentence_index": 2}],
    }
    assert by_id["s14"]["place"] == ""  # kept for scripts, not shown at this length
    assert [p["note"] for p in data["parties"]][2].startswith("The sources carry no statement")


def test_sections_list_statement_ids_each_once() -> None:
    data = to_dict(sample_briefing())
    placed = [
        *data["lede"],
        *data["facts"],
        *data["other_voices"],
        *data["background"],
        *(i for row in data["table"]["rows"] for cell in row["cells"] for i in cell),
    ]
    assert len(placed) == len(set(placed)) == 13
    assert set(placed) <= {s["id"] for s in data["statements"]}
    assert data["table"]["columns"] == ["pakistan", "afghanistan"]
    assert [(r["label"], r["disputed"]) for r in data["table"]["rows"]] == [
        ("Casualty figures", True),
        ("Legality and sovereignty", True),
        ("General", False),
    ]


def test_coverage_guard_metrics_and_run_are_included() -> None:
    data = to_dict(sample_briefing())
    assert data["coverage"]["first"] == "2026-11-21" and data["coverage"]["last"] == "2026-11-22"
    assert data["coverage"]["homes"][0] == {"home": "Pakistan", "party": "pakistan", "outlets": 1}
    assert data["coverage"]["notes"] == ["Pakistan's statements rest on one outlet, Dawn."]
    assert data["guard"] == {"generated": 2, "kept": 1, "replaced": 1}
    assert data["neutrality"]["balance_ratio"] == 0.89
    assert data["run"]["summarizer"] == "abstractive"
    assert data["run"]["length"] == "standard" and data["run"]["max_words"] == 520
    assert [s["number"] for s in data["sources"]] == [1, 2, 3]
    assert data["sources"][0]["home"] == "Pakistan"


def test_json_text_is_indented_utf8_with_a_trailing_newline() -> None:
    text = render_json(sample_briefing())
    assert text.startswith('{\n  "schema_version": "2.1",\n')
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "“We act" in text  # not \u201c
    assert render(sample_briefing(), "json") == text.encode("utf-8")
    assert to_dict(sample_briefing()) == json.loads(text)


def test_sample_briefing_matches_golden_file() -> None:
    check_golden("sample_briefing.json", render_json(sample_briefing()))


def test_key_order_does_not_depend_on_field_values() -> None:
    base = sample_briefing()
    other = dataclasses.replace(base, title="Another title", lede=base.lede[:1])
    assert list(to_dict(base)) == list(to_dict(other))


def test_a_composed_briefing_validates_against_the_schema(validator) -> None:
    from pathlib import Path

    from briefer.embed import HashingEmbedder
    from briefer.pipeline import build_briefing
    from briefer.readers import load_documents

    event = Path(__file__).parent / "data" / "northland"
    for length in ("short", "full"):
        briefing = build_briefing(
            load_documents([event]),
            embedder=HashingEmbedder(),
            summarizer="extractive",
            date="2031-03-06",
            profile=event / "profile.yaml",
            length=length,
        )
        data = json.loads(render_json(briefing))
        assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)] == []
        places = {s["place"] for s in data["statements"]}
        assert places >= ({"lede", "table", ""} if length == "short" else {"lede", "background"})
