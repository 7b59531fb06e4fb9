"""New since the previous brief: two invented consecutive days (tests/data/since)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FakeSummarizer
from typer.testing import CliRunner

from briefer.cli import app
from briefer.data import Statement
from briefer.embed import HashingEmbedder
from briefer.errors import InputError
from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.render import render
from briefer.render.json import to_dict
from briefer.since import (
    Previous,
    load_previous,
    mark_briefing,
    mark_since,
    one_line,
    previous_brief,
)
from briefer.split import split_sentences

DAYS = Path(__file__).parent / "data" / "since"
NEW = set(yaml.safe_load((DAYS / "new.yaml").read_text(encoding="utf-8"))["new"])


def day_brief(day: str, embedder):
    return build_briefing(
        load_documents([DAYS / day]),
        profile="thai-cam",
        length="full",
        embedder=embedder,
        summarizer=FakeSummarizer(),
        date="2031-03-04" if day == "day1" else "2031-03-05",
    )


def previous_of(briefing) -> Previous:
    return Previous(label=briefing.date, texts=tuple(s.text for s in briefing.statements))


def source_text(briefing, statement: Statement) -> str:
    sentences = {(d.id, s.index): s.text for d in briefing.documents for s in split_sentences(d)}
    return sentences[statement.sources[0]]


def check_exactly_the_new_claims(embedder) -> None:
    first, second = day_brief("day1", embedder), day_brief("day2", embedder)
    marked = mark_since(second, previous_of(first), embedder=embedder)
    claims = [s for s in marked.statements if s.origin != "note"]
    assert len(claims) >= 9
    for statement in claims:
        expected = "new" if source_text(marked, statement) in NEW else "earlier"
        assert statement.novelty == expected, statement.text
    shown_new = {source_text(marked, s) for s in marked.shown() if s.origin != "note"}
    assert shown_new <= NEW


def test_second_day_marks_exactly_the_new_claims_as_new() -> None:
    check_exactly_the_new_claims(HashingEmbedder())


@pytest.mark.slow
def test_second_day_marks_exactly_the_new_claims_as_new_with_minilm() -> None:
    from briefer.embed import MiniLMEmbedder

    check_exactly_the_new_claims(MiniLMEmbedder())


@pytest.fixture(scope="module")
def days():
    embedder = HashingEmbedder()
    return embedder, day_brief("day1", embedder), day_brief("day2", embedder)


def test_carried_claims_are_one_line_each_under_earlier(days) -> None:
    embedder, first, second = days
    marked = mark_since(second, previous_of(first), embedder=embedder)
    earlier = marked.since.earlier
    assert earlier and all(len(s.text.split()) <= 17 for s in earlier)
    assert {s.id for s in earlier} == {
        s.id for s in marked.statements if s.novelty == "earlier" and s.place
    }
    assert not {s.id for s in earlier} & {s.id for s in marked.shown()}
    text = render(marked, "md").decode()
    assert "## Earlier" in text
    assert "Since the brief of 4 March 2031: " in text


def test_new_only_leaves_carried_claims_out(days) -> None:
    embedder, first, second = days
    marked = mark_since(second, previous_of(first), embedder=embedder, new_only=True)
    assert marked.since.earlier == () and marked.since.carried > 0
    assert "## Earlier" not in render(marked, "md").decode()


def test_a_story_with_nothing_new_says_so_in_one_line(days) -> None:
    embedder, first, _ = days
    marked = mark_since(first, previous_of(first), embedder=embedder)
    assert marked.since.new == 0 and not marked.lede and not marked.rows
    text = render(marked, "md").decode()
    assert "Nothing new since the brief of 4 March 2031: " in text


def test_a_new_figure_is_news_however_close_the_words() -> None:
    embedder = HashingEmbedder()
    briefing = day_brief("day1", embedder)
    previous = Previous(
        "2031-03-03", tuple(s.text.replace("4,000", "3,000") for s in briefing.statements)
    )
    marked = mark_briefing(
        briefing, previous, embedder.embed(list(previous.texts)), embedder=embedder, threshold=0.43
    )
    by_text = {s.text: s.novelty for s in marked.statements}
    assert [v for t, v in by_text.items() if "4,000" in t] == ["new"]
    assert {v for t, v in by_text.items() if "4,000" not in t} <= {"earlier", ""}


def test_json_marks_every_statement_and_lists_the_earlier_ones(days) -> None:
    embedder, first, second = days
    data = to_dict(mark_since(second, previous_of(first), embedder=embedder))
    assert {s["novelty"] for s in data["statements"]} <= {"new", "earlier", ""}
    assert data["since"]["previous"] == "2031-03-04"
    assert [e["id"] for e in data["since"]["earlier"]]


def test_previous_brief_is_the_latest_earlier_json(tmp_path) -> None:
    for day in ("2031-03-01", "2031-03-03", "2031-03-05"):
        (tmp_path / f"briefing-{day}.json").write_text("{}")
    (tmp_path / "briefing-2031-03-04.md").write_text("")
    assert previous_brief(tmp_path, "2031-03-05").name == "briefing-2031-03-03.json"
    assert previous_brief(tmp_path, "2031-03-01") is None


def test_previous_digest_gives_the_claims_of_every_story(tmp_path) -> None:
    path = tmp_path / "digest.json"
    story = {"statements": [{"text": "A said x."}, {"text": "B said y."}]}
    path.write_text(json.dumps({"kind": "digest", "date": "2031-03-04", "stories": [story] * 2}))
    assert load_previous(path) == Previous("2031-03-04", ("A said x.", "B said y.") * 2)


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"title": "no statements"}'])
def test_a_previous_file_that_is_no_brief_is_an_input_error(tmp_path, content) -> None:
    path = tmp_path / "old.json"
    path.write_text(content)
    with pytest.raises(InputError, match="old.json"):
        load_previous(path)


def test_one_line_cuts_at_a_late_clause_end() -> None:
    text = (
        "Thailand's foreign ministry said on Tuesday, after a long meeting with the"
        " delegation, that it would wait for an answer."
    )
    assert (
        one_line(text)
        == "Thailand's foreign ministry said on Tuesday, after a long meeting with the delegation …"
    )
    assert one_line("Short claim.") == "Short claim."


runner = CliRunner()


def test_daily_on_the_second_day_compares_with_the_first_by_default(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    inbox, out = tmp_path / "inbox", tmp_path / "briefs"
    out.mkdir()
    shutil.copytree(DAYS / "day1", inbox / "day1")
    shutil.copytree(DAYS / "day2", inbox / "day2")
    base = ["daily", str(inbox), "--out-dir", str(out), "--profile", "thai-cam", "--quiet"]
    first = runner.invoke(app, [*base, "--date", "2031-03-04", "--formats", "md,json"])
    assert first.exit_code == 0, first.output
    assert "Since the brief" not in (out / "briefing-2031-03-04.md").read_text()
    second = runner.invoke(app, [*base, "--date", "2031-03-05", "--formats", "md,json"])
    assert second.exit_code == 0, second.output
    text = (out / "briefing-2031-03-05.md").read_text()
    assert "Since the brief of 4 March 2031:" in text and "## Earlier" in text
    data = json.loads((out / "briefing-2031-03-05.json").read_text())
    assert data["since"]["new"] > 0


def test_daily_with_a_missing_since_file_names_it(tmp_path) -> None:
    result = runner.invoke(
        app,
        ["daily", str(DAYS / "day2"), "--date", "2031-03-05", "--out-dir", str(tmp_path)]
        + ["--since", str(tmp_path / "nope.json")],
    )
    assert result.exit_code == 2 and "nope.json: no such file" in result.output
    assert list(tmp_path.iterdir()) == []
