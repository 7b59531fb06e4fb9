"""Stories: documents grouped by event, briefed as one brief or as a digest of several."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import jsonschema
import pytest
from conftest import FakeSummarizer, make_document
from typer.testing import CliRunner

from briefer.cli import app
from briefer.data import Briefing, Digest
from briefer.embed import HashingEmbedder
from briefer.errors import UsageError
from briefer.readers import load_documents
from briefer.render import render
from briefer.render.digest import load_digest_schema
from briefer.stories import brief_stories, group_stories, outlet_count

DATA = Path(__file__).parent / "data"
NORTHLAND = DATA / "northland"
STORIES = DATA / "stories"
TALKS = DATA / "since" / "day1"
DAM = sorted(STORIES.glob("dam-*.txt"))
CHESS = STORIES / "chess-lakeside-news.txt"


def names(documents) -> set[str]:
    return {Path(d.path).name for d in documents}


@pytest.fixture(scope="module")
def documents():
    return load_documents([NORTHLAND, TALKS, *DAM, CHESS])


def test_three_events_are_three_stories_and_the_odd_one_is_listed(documents) -> None:
    grouping = group_stories(documents, embedder=HashingEmbedder())
    assert [names(story) for story in grouping.stories] == [
        {p.name for p in NORTHLAND.glob("*.md")},
        {p.name for p in DAM},
        {p.name for p in TALKS.glob("*.txt")},
    ]
    assert names(grouping.singletons) == {CHESS.name}


def test_stories_are_ordered_by_how_many_outlets_cover_them(documents) -> None:
    grouping = group_stories(documents, embedder=HashingEmbedder())
    counts = [outlet_count(story) for story in grouping.stories]
    assert counts == sorted(counts, reverse=True) and counts[0] == 10


def test_a_low_threshold_splits_and_a_high_one_merges(documents) -> None:
    embedder = HashingEmbedder()
    split = group_stories(documents, embedder=embedder, threshold=0.05)
    merged = group_stories(documents, embedder=embedder, threshold=1.9)
    assert len(split.stories) == len(documents)  # no cluster of two: every document alone
    assert len(merged.stories) == 1 and not merged.singletons


def test_documents_that_share_no_story_each_get_their_own(documents) -> None:
    lone = [d for d in documents if Path(d.path).name in {CHESS.name, DAM[0].name}]
    grouping = group_stories(lone, embedder=HashingEmbedder())
    assert len(grouping.stories) == 2 and not grouping.singletons


def test_rare_shared_entities_bind_more_than_common_ones() -> None:
    from briefer.stories import entity_overlap

    sets = [frozenset({"pakistan", "paktika"}), frozenset({"pakistan", "paktika"})]
    sets += [frozenset({"pakistan", "kurram"}), frozenset({"pakistan", "bajaur"})]
    overlap = entity_overlap(sets)
    assert overlap[0, 1] == pytest.approx(1.0)
    assert overlap[0, 2] < 0.3  # only the entity every document names


@pytest.mark.parametrize("threshold", [0, -1, 2.5])
def test_threshold_out_of_range_is_a_usage_error(documents, threshold) -> None:
    with pytest.raises(UsageError, match="--story-threshold"):
        group_stories(documents, embedder=HashingEmbedder(), threshold=threshold)


def brief(documents, **options):
    return brief_stories(
        documents,
        embedder=HashingEmbedder(),
        summarizer=FakeSummarizer(),
        date="2031-03-04",
        **options,
    )


def test_one_story_gives_the_brief_as_before() -> None:
    result = brief(load_documents([NORTHLAND]), profile=str(NORTHLAND / "profile.yaml"))
    assert isinstance(result, Briefing)


def test_one_story_option_briefs_everything_together(documents) -> None:
    assert isinstance(brief(documents, one_story=True), Briefing)


@pytest.fixture(scope="module")
def digest(documents) -> Digest:
    result = brief(documents, profile=str(NORTHLAND / "profile.yaml"))
    assert isinstance(result, Digest)
    return result


def test_digest_has_one_brief_per_story_and_lists_the_rest(digest) -> None:
    assert [len(b.sources) for b in digest.stories] == [10, 3, 2]
    assert names(digest.others) == {CHESS.name}


def test_digest_markdown_lists_todays_stories_first_then_a_section_each(digest) -> None:
    text = render(digest, "md").decode()
    headings = re.findall(r"^(#+) (.*)$", text, flags=re.M)
    assert headings[0][0] == "#" and headings[1] == ("##", "Today's stories")
    story_headings = [h for level, h in headings if level == "##"][1:]
    assert [h.split(" ", 1)[0] for h in story_headings[:3]] == ["1.", "2.", "3."]
    assert story_headings[-1] == "Other documents"
    assert text.index("Today's stories") < text.index("### Positions side by side")
    listed = text.split("## Today's stories", 1)[1].split("\n## ", 1)[0]
    assert "10 outlets, 10 articles" in listed and "3 outlets, 3 articles" in listed
    assert "Teenager wins Lakeside open chess tournament" in text.split("## Other documents")[1]


def test_each_story_numbers_its_own_sources(digest) -> None:
    text = render(digest, "md").decode()
    sections = re.split(r"^## \d\. ", text, flags=re.M)[1:]
    assert len(sections) == 3
    for section, briefing in zip(sections, digest.stories, strict=True):
        numbers = {int(n) for n in re.findall(r"^(\d+)\. ", section, flags=re.M)}
        assert numbers == set(range(1, len(briefing.sources) + 1))


def test_digest_json_validates_and_holds_every_story(digest) -> None:
    data = json.loads(render(digest, "json"))
    jsonschema.Draft202012Validator(load_digest_schema()).validate(data)
    assert data["kind"] == "digest" and len(data["stories"]) == 3
    assert [o["outlet"] for o in data["others"]] == ["Lakeside News"]


def test_digest_docx_has_a_section_per_story_and_unique_bookmarks(digest) -> None:
    data = render(digest, "docx")
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Today's stories" and headings[-1] == "Other documents"
    assert sum(h[:2] in {"1.", "2.", "3."} for h in headings) == 3
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    ids = re.findall(r'<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"', xml)
    assert len(ids) == 15 and len({i for i, _ in ids}) == 15 and len({n for _, n in ids}) == 15


def test_digest_docx_keeps_each_story_heading_and_its_line_with_the_text(digest) -> None:
    document = docx.Document(io.BytesIO(render(digest, "docx")))
    paragraphs = document.paragraphs
    story_lines = [
        paragraphs[i + 1]
        for i, p in enumerate(paragraphs)
        if p.style.name == "Heading 1" and p.text[:2] in {"1.", "2.", "3."}
    ]
    assert len(story_lines) == 3
    for line in story_lines:
        assert line.style.name == "Subtitle" and line.style.paragraph_format.keep_with_next


runner = CliRunner()


def test_brief_command_writes_a_digest_of_several_stories(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    out = tmp_path / "brief.md"
    args = ["brief", str(TALKS), *map(str, DAM), str(CHESS), "-o", str(out), "--quiet"]
    result = runner.invoke(app, [*args, "--profile", "thai-cam"])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "## Today's stories" in text and "## Other documents" in text
    result = runner.invoke(app, [*args, "--one-story"])
    assert result.exit_code == 0, result.output
    assert "Today's stories" not in out.read_text()


# A story is one event: dates far apart keep alike words apart (invented clashes at Fernpass).
CLASH = (
    "Border guards of Northland and Southland exchanged fire at the Fernpass crossing on"
    " Friday. Northland's interior ministry said Southland's troops fired first at a survey"
    " team. Southland's army said its posts were attacked and that it returned fire."
)


def clash(doc_id: str, date: str = "", outlet: str = "") -> object:
    title = "Guards exchange fire at the Fernpass crossing"
    return make_document(CLASH, doc_id, title=title, date=date, outlet=outlet or doc_id)


def story_ids(grouping) -> list[set[str]]:
    return [{d.id for d in story} for story in grouping.stories]


def test_same_words_years_apart_are_two_stories() -> None:
    docs = [clash("a1", "2026-05-05"), clash("a2", "2026-05-06")]
    docs += [clash("b1", "2031-05-05"), clash("b2", "2031-05-06")]
    grouping = group_stories(docs, embedder=HashingEmbedder())
    assert story_ids(grouping) == [{"a1", "a2"}, {"b1", "b2"}] and not grouping.singletons
    by_words = group_stories(docs, embedder=HashingEmbedder(), max_days=None)
    assert story_ids(by_words) == [{"a1", "a2", "b1", "b2"}]


def test_a_story_over_three_consecutive_days_stays_one() -> None:
    docs = [clash(f"d{i}", f"2031-03-0{day}") for i, day in enumerate([4, 5, 6, 4, 6])]
    grouping = group_stories(docs, embedder=HashingEmbedder())
    assert story_ids(grouping) == [{"d0", "d1", "d2", "d3", "d4"}]


def test_undated_documents_are_grouped_as_before(documents) -> None:
    undated = [clash("u1"), clash("u2"), *documents]
    undated = [replace(d, date="") for d in undated]
    embedder = HashingEmbedder()
    assert group_stories(undated, embedder=embedder) == group_stories(
        undated, embedder=embedder, max_days=None
    )
    assert {"u1", "u2"} in story_ids(group_stories(undated, embedder=embedder))


def test_undated_documents_cannot_bridge_two_dated_far_apart() -> None:
    # Average linkage: a distance of 2 between the dated pair would be outweighed by the
    # ten identical undated documents (2 / 36 per pair); the cannot-link distance is not.
    docs = [clash("early", "2026-05-05"), clash("late", "2031-05-05")]
    docs += [clash(f"u{i}") for i in range(10)]
    grouping = group_stories(docs, embedder=HashingEmbedder(), threshold=2)
    home = {d.id: i for i, story in enumerate(grouping.stories) for d in story}
    assert home["early"] != home["late"]


def test_dates_come_from_what_the_readers_find(tmp_path) -> None:
    files = [("a", "5 May 2026", "Lakeside News"), ("b", "6 May 2026", "River Gazette")]
    files += [("c", "5 May 2031", "Plains Post")]
    for name, date, outlet in files:
        header = f"Title: Guards exchange fire at the Fernpass crossing\nSource: {outlet}\n"
        text = f"{header}Date: {date}\n\n{CLASH} {outlet} counted the shots from its office.\n"
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    docs = load_documents([tmp_path])
    assert [d.date for d in docs] == ["2026-05-05", "2026-05-06", "2031-05-05"]
    grouping = group_stories(docs, embedder=HashingEmbedder())
    assert [names(story) for story in grouping.stories] == [{"a.txt", "b.txt"}]
    assert names(grouping.singletons) == {"c.txt"}


def test_negative_day_limit_is_a_usage_error(documents) -> None:
    with pytest.raises(UsageError, match="max_days"):
        group_stories(documents, embedder=HashingEmbedder(), max_days=-1)


def test_story_days_sets_how_far_apart_one_story_may_run() -> None:
    docs = [clash("a1", "2026-05-05", "Lakeside News"), clash("a2", "2026-05-06", "River Gazette")]
    docs += [clash("b1", "2026-05-15", "Plains Post"), clash("b2", "2026-05-16", "Hill Herald")]
    apart = brief(docs)  # the default: 7 days
    assert isinstance(apart, Digest) and len(apart.stories) == 2
    together = brief(docs, story_days=30)
    assert isinstance(together, Briefing) and len(together.documents) == 4


def test_story_days_on_the_command_line(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    files = [("a", "5 May 2026", "Lakeside News"), ("b", "6 May 2026", "River Gazette")]
    files += [("c", "15 May 2026", "Plains Post"), ("d", "16 May 2026", "Hill Herald")]
    for name, date, outlet in files:
        header = f"Title: Guards exchange fire at the Fernpass crossing\nSource: {outlet}\n"
        text = f"{header}Date: {date}\n\n{CLASH} {outlet} counted the shots from its office.\n"
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    args = ["brief", *(str(tmp_path / f"{n}.txt") for n, *_ in files), "--quiet"]
    args += ["--summarizer", "extractive", "--date", "2026-05-16"]
    result = runner.invoke(app, [*args, "-o", str(out / "apart.md")])
    assert result.exit_code == 0, result.output
    assert "## Today's stories" in (out / "apart.md").read_text()
    result = runner.invoke(app, [*args, "--story-days", "30", "-o", str(out / "one.md")])
    assert result.exit_code == 0, result.output
    assert "Today's stories" not in (out / "one.md").read_text()
    result = runner.invoke(app, [*args, "--story-days", "-1", "-o", str(out / "bad.md")])
    assert result.exit_code == 2 and not (out / "bad.md").exists()


def test_documents_dated_within_the_week_are_nearer_and_further_apart_cannot_link() -> None:
    import numpy as np

    from briefer.stories import by_dates, cluster_labels

    days = ["2031-03-04", "2031-03-05", "2031-03-20", ""]
    docs = [make_document("Text.", f"d{i}", date=day) for i, day in enumerate(days)]
    matrix = np.full((4, 4), 0.5)
    np.fill_diagonal(matrix, 0.0)
    dated = by_dates(matrix, docs, 7, closer=0.1)
    assert dated[0, 1] == pytest.approx(0.4)  # two days of one week: their dates agree
    assert dated[0, 3] == pytest.approx(0.5)  # an undated document: words alone
    assert dated[0, 2] > 2 and dated[1, 2] > 2  # weeks apart: never one story
    labels = cluster_labels(dated, 0.475)
    assert labels[0] == labels[1] and len(set(labels)) == 3
    assert len(set(cluster_labels(by_dates(matrix, docs, 7), 0.475))) == 4
