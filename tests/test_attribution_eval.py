"""Attribution accuracy on the hand-labelled set; the articles come from ../shared/data."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parents[2] / "shared" / "data"


def _eval_module():
    spec = importlib.util.spec_from_file_location(
        "eval_attribution", ROOT / "scripts" / "eval_attribution.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not (DATA / "pak_afg" / "multinews_pak_afg.jsonl").is_file(),
    reason="../shared/data/pak_afg is absent: the labelled articles live there",
)
def test_party_accuracy_on_labelled_set_is_at_least_0_9() -> None:
    evaluation = _eval_module()
    labels = evaluation.load_labels()
    assert len(labels) >= 150
    assert len({(r["file"], r["row_id"], r["doc_index"]) for r in labels}) >= 8
    result = evaluation.scores(evaluation.predict(labels, DATA))
    assert result["accuracy"] >= 0.9, result
