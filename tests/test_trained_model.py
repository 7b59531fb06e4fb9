"""The shipped trained summarizer (models/briefer-extcomp-minilm): the default, small,
documented, and every sentence of its brief a source sentence or one with units removed.

These tests run the real model (marked `model`); the rest of the suite sees none.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefer.models import trained_model
from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.summarize import resolve_summarizer

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "briefer-extcomp-minilm"

pytestmark = pytest.mark.skipif(
    not (MODEL / "model.safetensors").is_file(), reason="no trained model in models/"
)


def test_trained_folder_is_safetensors_only_small_and_documented() -> None:
    names = {p.name for p in MODEL.iterdir()}
    assert names == {"config.json", "model.safetensors", "README.md"}
    assert sum(p.stat().st_size for p in MODEL.iterdir()) < 60 * 2**20
    card = (MODEL / "README.md").read_text(encoding="utf-8")
    for section in ("## Data and terms", "## Recipe", "## Validation", "## Known limits"):
        assert section in card
    assert "Training time:" in card and "CPU" in card
    assert json.loads((MODEL / "config.json").read_text())["model_type"] == "briefer-extcomp"


@pytest.mark.model
def test_trained_model_is_the_default() -> None:
    assert trained_model() == MODEL
    summarizer = resolve_summarizer(None)
    assert summarizer.name == "trained"
    assert summarizer.model_id.startswith("briefer-extcomp-minilm")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.model
def test_default_brief_shows_only_source_words_in_source_order() -> None:
    from briefer.evaluate import in_order
    from briefer.split import split_sentences

    documents = load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("BRIEFER_MODELS", raising=False)
        brief = build_briefing(documents, date="2024-12-26")
    assert brief.run.summarizer == "trained"
    sources = [_words(s.text) for d in documents for s in split_sentences(d)]
    shown = [s for s in brief.shown() if s.origin in ("extracted", "compressed")]
    assert shown
    for statement in shown:
        if statement.origin == "compressed":
            # the speaker's name may be put in front ("Dawn reports that ..."): the rest is
            # the source sentence with units removed
            tail = statement.text.split(" that ", 1)[-1] if " that " in statement.text else ""
            assert in_order(statement.text, sources) or in_order(tail, sources), statement.text
