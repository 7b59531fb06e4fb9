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
    monkeypatch.setattr(
        EVAL, "dev_files", lambda splits=(), only=(): {"thai-cam-2025-07": [Path("x")]}
    )
    monkeypatch.setattr(sys, "argv", ["eval_stories.py"])
    assert EVAL.main() == 0
    out = capsys.readouterr().out
    assert out.startswith("skipped: the texts of 1 dev event(s)") and "at least 4" in out


def test_held_out_events_are_never_read() -> None:
    assert not {"pak-afg-2016-06", "ind-pak-2019-02"} & set(EVAL.dev_files())


def test_composition_shows_where_each_events_documents_went() -> None:
    truth = ["a", "a", "b", "b", "b"]
    assert EVAL.composition([0, 1, 1, 1, 2], truth) == {
        "a": [{"a": 1}, {"a": 1, "b": 2}],
        "b": [{"a": 1, "b": 2}, {"b": 1}],
    }


def test_supplied_dates_are_the_files_own_else_the_events_first_day() -> None:
    dates = EVAL.feed_dates()
    assert dates[EVAL.DEVSET / "articles" / "pak-afg-2017-05/01-upi.txt"] == "2017-05-08"
    assert dates[EVAL.DEVSET / "articles" / "pak-afg-2017-05/04-dawn.txt"] == "2017-05-05"
    assert all(len(day) == 10 for day in dates.values())


def test_events_named_are_the_only_ones_read() -> None:
    files = EVAL.dev_files(("dev",), ("thai-cam-2025-07", "pak-afg-2016-06"))
    assert set(files) <= {"thai-cam-2025-07"}  # a held-out one is not read by naming it
