"""scripts/eval_coverage.py: the checklist scorer, and a dev-set run when the texts are here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from briefings import sample_briefing

from briefer.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import eval_coverage  # noqa: E402

CHECKLIST = {
    "event": "sample",
    "claims": [
        {"id": "pak-hideouts", "party": "pakistan", "keywords": [["hideout"], ["taliban"]]},
        {"id": "pak-insurgents", "party": "pakistan", "keywords": [["insurgents"]]},
        {"id": "afg-civilians", "party": "afghanistan", "keywords": [["civilians"], ["women"]]},
        {"id": "afg-refugees", "party": "afghanistan", "keywords": [["refugees"]]},
        {"id": "afg-as-pak", "party": "afghanistan", "keywords": [["afghan soil"]]},
    ],
    "facts": [
        {"id": "fact-barmal", "keywords": [["barmal"], ["tuesday", "24 december"]]},
        {"id": "fact-march", "keywords": [["second such strike"]]},
    ],
}


def test_claims_are_scored_by_where_the_brief_shows_them() -> None:
    briefing = sample_briefing()
    score = eval_coverage.score_brief(briefing, CHECKLIST, render_markdown(briefing), "dev")
    # refugees: said by a resident (an other voice), so not under Afghanistan
    assert score.right == 3 and score.missed == ["afg-refugees", "afg-as-pak"]
    assert score.misplaced == ["afg-as-pak"]  # the words are in Pakistan's column
    assert (score.in_lede, score.facts) == (1, 2)  # the March fact is a fact, not in the lede
    assert score.repeats == 0 and score.lede_names_parties


def test_keyword_groups_all_match_and_alternatives_are_substrings() -> None:
    assert eval_coverage.matches("The BM-21 rockets injured three", [["bm-21", "bm21"], ["injur"]])
    assert not eval_coverage.matches("The rockets injured three", [["bm-21"], ["injur"]])
    assert eval_coverage.matches("Numbers 46 and more", [[46]])


def test_the_table_pools_events_by_split() -> None:
    scores = [
        eval_coverage.EventScore("a", "dev", claims=4, right=4, facts=2, in_lede=2),
        eval_coverage.EventScore("b", "dev", claims=6, right=3, wrong=1, facts=3, in_lede=1),
        eval_coverage.EventScore("c", "heldout", claims=5, right=5, facts=2, in_lede=2),
    ]
    text = eval_coverage.table(scores)
    assert "| **pooled dev** (2 events) | dev | 7/10 (0.70) | 1 | 3/5 (0.60) |" in text
    assert "| **pooled heldout** (1 events) | heldout | 5/5 (1.00) | 0 | 2/2 (1.00) |" in text


ARTICLES = ROOT / "devset" / "articles"
EVENT = "pak-afg-2022-04"


@pytest.mark.skipif(
    not (ARTICLES / EVENT).is_dir(), reason=f"the dev set's texts are absent ({ARTICLES})"
)
def test_the_script_scores_a_dev_event_when_its_texts_are_present(capsys) -> None:
    code = eval_coverage.main(
        ["--events", EVENT, "--embedder", "hashing", "--summarizer", "extractive"]
    )
    out = capsys.readouterr().out
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith(f"| {EVENT} | dev |"))
    assert row.count("|") == 9 and "/" in row


def test_without_the_texts_the_script_says_so(tmp_path, capsys) -> None:
    assert eval_coverage.main(["--articles", str(tmp_path / "none")]) == 0
    assert "skipped: no article texts" in capsys.readouterr().out
