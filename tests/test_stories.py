"""Stories: documents grouped by event, briefed as one brief or as a digest of several."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import jsonschema
import pytest
from conftest import FakeSummarizer
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
