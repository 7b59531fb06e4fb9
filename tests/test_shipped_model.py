"""The shipped fusion model (--summarizer abstractive): guarded, capitalized, within its limits.

These tests run the real model (marked `model`); the rest of the suite sees none.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefer.guard import numbers_in
from briefer.models import shipped_model
from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.render import save
from briefer.summarize import resolve_summarizer

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "briefer-fusion-minilm"

pytestmark = pytest.mark.skipif(
    not (MODEL / "model.safetensors").is_file(), reason="no shipped model in models/"
)


def test_shipped_folder_is_safetensors_only_small_and_documented() -> None:
    names = {p.name for p in MODEL.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "README.md"} <= names
    assert not [n for n in names if n.endswith((".bin", ".pt", ".pth", ".ckpt", ".pkl"))]
    assert sum(p.stat().st_size for p in MODEL.iterdir()) < 120 * 2**20
    card = (MODEL / "README.md").read_text(encoding="utf-8")
    for section in ("## Training data and its terms", "## Recipe", "## Run", "## Evaluation"):
        assert section in card
    assert json.loads((MODEL / "config.json").read_text())["model_type"] == "encoder-decoder"


@pytest.mark.model
def test_shipped_model_is_the_abstractive_summarizer() -> None:
    assert shipped_model() == MODEL
    summarizer = resolve_summarizer("abstractive")
    assert summarizer.name == "abstractive"
    assert summarizer.model_id == "briefer-fusion-minilm"
    assert resolve_summarizer("extractive").name == "extractive"


def test_without_a_shipped_model_the_default_is_extractive() -> None:
    assert shipped_model() is None  # conftest hides it from unmarked tests
    assert resolve_summarizer(None).name == "extractive"


@pytest.fixture(scope="module")
def briefing():
    documents = load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("BRIEFER_MODELS", raising=False)
        return build_briefing(documents, date="2024-12-26", summarizer="abstractive"), documents


@pytest.mark.model
def test_abstractive_brief_is_written_by_the_model_and_guarded(briefing) -> None:
    brief, _ = briefing
    assert brief.run.summarizer == "abstractive"
    assert brief.run.model_id == "briefer-fusion-minilm"
    guard = brief.guard
    assert guard.generated > 0
    assert guard.kept + guard.replaced <= guard.generated
    origins = {s.origin for s in brief.shown()}
    assert origins <= {"generated", "replaced", "extracted", "note"}
    assert ("generated" in origins) == (guard.kept > 0)  # what the guard kept is shown
    assert "replaced" in origins or guard.replaced == 0


@pytest.mark.model
def test_generated_numbers_are_in_the_sources_and_names_are_capitalized(briefing) -> None:
    brief, documents = briefing
    source_text = " ".join(d.text for d in documents)
    generated = [s for s in brief.shown() if s.origin == "generated"]
    for sentence in generated:
        assert numbers_in(sentence.text) <= numbers_in(source_text), sentence.text
        assert sentence.text[0].isupper(), sentence.text
    words = " ".join(s.text for s in generated)
    for name in ("pakistan", "afghanistan", "paktika", "taliban", "kabul"):
        assert not re.search(rf"\b{name}\b", words), f"{name!r} left lower-case in: {words}"


@pytest.mark.model
def test_json_brief_reports_the_guard(briefing, tmp_path: Path) -> None:
    brief, _ = briefing
    out = tmp_path / "brief.json"
    save(brief, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["guard"] == {
        "generated": brief.guard.generated,
        "kept": brief.guard.kept,
        "replaced": brief.guard.replaced,
    }
