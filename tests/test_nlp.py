"""The spaCy adapter and the check of the repackaged en_core_web_sm pipeline."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from briefer import nlp

ROOT = Path(__file__).resolve().parents[1]


def _checker():
    spec = importlib.util.spec_from_file_location(
        "check_spacy_model", ROOT / "scripts" / "check_spacy_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_spacy_model"] = module
    spec.loader.exec_module(module)
    return module


def test_installed_spacy_model_is_the_official_pipeline():
    check = _checker()
    assert check.problems(check.installed()) == []


def test_model_check_finds_a_changed_loader_and_changed_figures(tmp_path):
    check = _checker()
    copy = tmp_path / check.PACKAGE
    shutil.copytree(check.installed(), copy)
    (copy / "__init__.py").write_text("import os\n" + (copy / "__init__.py").read_text())
    meta = copy / "meta.json"
    meta.write_text(meta.read_text().replace("0.9176955214", "0.95"))
    found = check.problems(copy)
    assert any("stock package loader" in p for p in found)
    assert any("dep_uas" in p for p in found)


def test_parse_gives_the_reporting_verb_and_its_subject():
    doc = nlp.parse(["Pakistani officials said the strikes hit TTP camps."])[0]
    said = next(t for t in doc if t.lemma_ == "say")
    assert said.dep_ == "ROOT"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["officials"]


def test_parses_parse_each_text_once(monkeypatch):
    calls = []
    real = nlp.parse

    def counting(texts, **kw):
        calls.append(list(texts))
        return real(texts, **kw)

    monkeypatch.setattr(nlp, "parse", counting)
    parses = nlp.Parses()
    first = parses(["Kabul denied it.", "Islamabad said so."])
    again = parses(["Islamabad said so.", "Kabul denied it.", "A third one came."])
    assert calls == [["Kabul denied it.", "Islamabad said so."], ["A third one came."]]
    assert again[1] is first[0]
    assert len(parses) == 3


def test_parse_of_nothing_loads_nothing():
    assert nlp.parse([]) == []


@pytest.mark.parametrize("flag", ["parser", "ner"])
def test_components_can_be_left_out(flag):
    doc = nlp.parse(["Afghan officials in Kabul said 46 people died."], **{flag: False})[0]
    if flag == "ner":
        assert doc.ents == ()
    else:
        assert not doc.has_annotation("DEP")


def test_stream_parses_in_order_reuses_the_cache_and_keeps_nothing_new():
    parses = nlp.Parses()
    (cached,) = parses(["Kabul denied it."], ner=False)
    texts = ["Islamabad said so.", "Kabul denied it.", "A third one came."]
    docs = list(parses.stream(texts, ner=False))
    assert [d.text for d in docs] == texts
    assert docs[1] is cached
    assert len(parses) == 1


def test_a_hard_wrapped_sentence_parses_as_on_one_line_with_its_offsets():
    wrapped = (
        "Turkey asked for the meeting after a mortar bomb fired from\nSyria landed in a"
        " residential district of the town, killing a woman\nand four children."
    )
    (doc,) = nlp.parse([wrapped])
    (flat,) = nlp.parse([wrapped.replace("\n", " ")])
    assert [(t.idx, t.dep_, t.head.i) for t in doc] == [(t.idx, t.dep_, t.head.i) for t in flat]
    assert all(wrapped[t.idx : t.idx + len(t)] == t.text for t in doc)
