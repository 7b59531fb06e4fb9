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
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION == "1.0"


@pytest.mark.parametrize("make", [sample_briefing, minimal_briefing])
def test_produced_briefings_validate_against_the_schema(make, validator) -> None:
    data = json.loads(render_json(make()))
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    assert data["schema_version"] == "1.0"


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


def test_claims_carry_document_sentence_speaker_party_and_source_numbers() -> None:
    data = to_dict(sample_briefing())
    pakistan = next(p for p in data["positions"] if p["party"] == "pakistan")
    assert pakistan["claims"][0] == {
        "doc_id": "ap",
        "sentence_index": 3,
        "text": "Pakistan's military said the strikes hit hideouts of the Pakistani Taliban.",
        "speaker": "Pakistan's military",
        "party": "pakistan",
        "quote": False,
        "topic": "targets",
        "also_parties": [],
        "also": [{"doc_id": "dawn", "sentence_index": 2}],
        "sources": [1, 2],
    }
    ttp = next(p for p in data["positions"] if p["party"] == "ttp")
    assert ttp["claims"] == [] and ttp["note"].startswith("The sources carry no statement")


def test_disputes_guard_metrics_and_run_are_included() -> None:
    data = to_dict(sample_briefing())
    assert [d["point"] for d in data["disputes"]] == ["casualties", "who was hit"]
    assert [s["party"] for s in data["disputes"][0]["sides"]] == ["pakistan", "afghanistan"]
    assert data["guard"] == {"generated": 2, "kept": 1, "replaced": 1}
    assert data["neutrality"]["balance_ratio"] == 0.89
    assert data["run"]["summarizer"] == "abstractive"
    assert [s["number"] for s in data["sources"]] == [1, 2, 3]
    assert data["summary"][1]["origin"] == "generated"


def test_json_text_is_indented_utf8_with_a_trailing_newline() -> None:
    text = render_json(sample_briefing())
    assert text.startswith('{\n  "schema_version": "1.0",\n')
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "“We act" in text  # not \u201c
    assert render(sample_briefing(), "json") == text.encode("utf-8")
    assert sample_briefing().to_dict() == json.loads(text)


def test_sample_briefing_matches_golden_file() -> None:
    check_golden("sample_briefing.json", render_json(sample_briefing()))


def test_key_order_does_not_depend_on_field_values() -> None:
    base = sample_briefing()
    other = dataclasses.replace(base, title="Another title", summary=base.summary[:1])
    assert list(to_dict(base)) == list(to_dict(other))
