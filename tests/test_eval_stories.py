"""scripts/eval_stories.py: the dev set's story-grouping score (texts outside the repository)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _module():
    spec = importlib.util.spec_from_file_location(
        "eval_stories", ROOT / "scripts" / "eval_stories.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_stories"] = module
    spec.loader.exec_module(module)
    return module


EVAL = _module()


def test_score_counts_purity_splits_merges_and_documents_alone() -> None:
    truth = ["a", "a", "a", "b", "b", "c"]
    assert EVAL.score([0, 0, 1, 2, 2, 2], truth) == {
        "purity": round(5 / 6, 3),
        "splits": 1,  # a is in clusters 0 and 1
        "merged": 1,  # cluster 2 holds b and c
        "alone": 1,
        "clusters": 3,
    }
    assert EVAL.score([0, 0, 0, 1, 1, 2], truth)["purity"] == 1.0


def test_without_four_events_it_skips_and_says_why(monkeypatch, capsys) -> None:
    monkeypatch.setattr(EVAL, "dev_files", lambda splits=(): {"thai-cam-2025-07": [Path("x")]})
    monkeypatch.setattr(sys, "argv", ["eval_stories.py"])
    assert EVAL.main() == 0
    out = capsys.readouterr().out
    assert out.startswith("skipped: the texts of 1 dev event(s)") and "at least 4" in out


def test_held_out_events_are_never_read() -> None:
    assert not {"pak-afg-2016-06", "ind-pak-2019-02"} & set(EVAL.dev_files())
