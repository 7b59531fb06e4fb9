"""Markdown renderer: golden files, CommonMark + GitHub tables, escaping, section order."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from briefings import check_golden, minimal_briefing, sample_briefing
from markdown_it import MarkdownIt

from briefer.data import Statement
from briefer.render import render, save
from briefer.render.markdown import escape, render_markdown


def to_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def test_sample_briefing_matches_golden_file() -> None:
    check_golden("sample_briefing.md", render_markdown(sample_briefing()))


def test_minimal_briefing_matches_golden_file() -> None:
    check_golden("minimal_briefing.md", render_markdown(minimal_briefing()))


def test_sections_come_in_the_documented_order() -> None:
    headings = re.findall(r"^## (.+)$", render_markdown(sample_briefing()), flags=re.M)
    assert headings == [
        "Positions side by side",
        "Key facts not in dispute",
        "Other voices",
        "Background",
        "Sources",
        "Method and neutrality note",
    ]


def test_lede_opens_the_brief_without_a_heading() -> None:
    blocks = render_markdown(sample_briefing()).split("\n\n")
    assert (
        blocks[1] == "23 November 2026 · sources dated 21–22 November 2026 · 3 sources · "
        "profile pak-afg"
    )
    assert blocks[2].startswith("Pakistani aircraft struck the Barmal district")
    assert blocks[2].endswith(
        " [1, 2, 3] Pakistan's military said the strikes hit hideouts "
        "of the Pakistani Taliban. [1, 3] The Afghan Defense Ministry said "
        "the bombing mostly hit civilians, including women and children. "
        "[3] The sources carry no statement from the Pakistani Taliban "
        "(TTP)."
    )


def test_empty_sections_are_omitted() -> None:
    headings = re.findall(r"^## (.+)$", render_markdown(minimal_briefing()), flags=re.M)
    assert headings == ["Sources", "Method and neutrality note"]


def test_blocks_are_separated_by_one_blank_line_without_trailing_spaces() -> None:
    for briefing in (sample_briefing(), minimal_briefing()):
        text = render_markdown(briefing)
        assert text.endswith("\n") and not text.endswith("\n\n")
        assert "\n\n\n" not in text
        assert all(line == line.rstrip() for line in text.splitlines())
        assert "\t" not in text and "\r" not in text


def test_positions_table_has_one_column_per_party_with_statements() -> None:
    html = to_html(render_markdown(sample_briefing()))
    assert html.count("<table>") == 1
    header = re.search(r"<thead>(.*?)</thead>", html, flags=re.S).group(1)
    assert re.findall(r"<th>(.*?)</th>", header) == [
        "Topic",
        "Pakistan",
        "Afghanistan (Taliban government)",
    ]
    rows = re.findall(
        r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*)</tbody>", html, re.S).group(1), flags=re.S
    )
    assert [re.search(r"<td>(.*?)</td>", row).group(1) for row in rows] == [
        "Casualty figures (disputed)",
        "Legality and sovereignty (disputed)",
        "General",
    ]
    assert all(row.count("<td>") == 3 for row in rows)  # the escaped pipe split nothing


def test_pipe_in_a_statement_is_escaped_inside_the_table() -> None:
    text = render_markdown(sample_briefing())
    row = next(line for line in text.splitlines() if line.startswith("| General"))
    assert "Afghan soil \\| nothing else" in row
    assert "soil | nothing else" in to_html(text)


def test_party_without_statement_is_named_once_in_the_lede() -> None:
    text = render_markdown(sample_briefing())
    note = "The sources carry no statement from the Pakistani Taliban (TTP)."
    assert text.count(note) == 1
    assert text.index(note) < text.index("## Positions side by side")


def test_no_table_when_no_party_has_a_statement() -> None:
    base = sample_briefing()
    text = render_markdown(dataclasses.replace(base, rows=(), columns=()))
    assert "## Positions side by side" not in text and "| Topic" not in text


def test_every_shown_statement_carries_its_source_numbers() -> None:
    briefing = sample_briefing()
    text = render_markdown(briefing)
    in_table = {s.id for row in briefing.rows for cell in row.cells for s in cell}
    for statement in briefing.shown():
        if statement.origin == "note":
            continue
        numbers = ", ".join(map(str, briefing.source_numbers(statement.sources)))
        shown = escape(statement.text)
        if statement.id in in_table:
            shown = shown.replace("|", "\\|")
        assert f"{shown} [{numbers}]" in text


def test_every_statement_is_printed_once() -> None:
    briefing = sample_briefing()
    text = render_markdown(briefing)
    for statement in briefing.shown():
        assert text.count(escape(statement.text).split(" | ")[0]) == 1, statement.text
    assert "operation was based on intelligence" not in text  # not shown at this length


def test_sources_are_grouped_by_home_with_outlet_title_date_and_location() -> None:
    text = render_markdown(sample_briefing())
    sources = text.split("## Sources")[1].split("## Method")[0]
    assert re.findall(r"^### (.+)$", sources, flags=re.M) == [
        "Based in Pakistan",
        "Based in Afghanistan (Taliban government)",
        "Based in United States",
    ]
    assert (
        "3. AP: *Pakistan strikes suspected militant hideouts in Afghanistan*, 21 November 2026."
        " <https://apnews.com/article/pakistan-afghanistan-airstrikes>"
    ) in sources
    assert (
        "1. Dawn: *Airstrikes target TTP in Paktika*, 22 November 2026. "
        "`samples/inputs/dawn.html`" in sources
    )
    html = to_html(text)
    assert '<a href="https://apnews.com/article/pakistan-afghanistan-airstrikes">' in html
    assert '<ol start="3">' in html  # each group's numbers run on from the one before


def test_article_text_cannot_become_markup() -> None:
    base = sample_briefing()
    tricky = (
        Statement("s1", "1. <b>Bold</b> claims *here* and [a](http://x) link.", (("ap", 1),)),
        Statement("s2", "# not a heading & &amp; entity.", (("ap", 2),)),
    )
    html = to_html(render_markdown(dataclasses.replace(base, lede=tricky)))
    lede = html.split("</p>", 2)[1]
    assert "<b>" not in lede and "<em>" not in lede and "<a " not in lede
    assert "<ol" not in lede and "<h1>" not in lede
    assert "*here*" in lede and "&amp;amp;" in lede


def test_method_note_names_summarizer_length_outlets_metrics_and_guard() -> None:
    text = render_markdown(sample_briefing()).split("## Method and neutrality note")[1]
    for expected in (
        "abstractive (briefer-bart-small); briefer 0.1.0",
        "Party profile: pak-afg",
        "length: standard, at most 520 words above the sources",
        "Outlets by where they are based: Pakistan 1, Afghanistan (Taliban government) 1, "
        "United States 1.",
        "Pakistan's statements rest on one outlet, Dawn.",
        "Balance ratio 0.89",
        "with a source reference: 100%",
        "2 generated sentences checked, 1 kept, 1 replaced",
        "Warning: Parties without a statement in the sources: Pakistani Taliban (TTP).",
    ):
        assert expected in text


def test_a_story_renders_one_heading_level_down_for_a_digest() -> None:
    text = render_markdown(sample_briefing(), level=2)
    assert text.startswith("## Pakistani airstrikes in Paktika province\n")
    assert "\n### Positions side by side\n" in text and "\n#### Based in Pakistan\n" in text
    assert not re.search(r"^# ", text, flags=re.M)


def test_render_dispatch_and_save_write_the_same_markdown(tmp_path: Path) -> None:
    briefing = sample_briefing()
    expected = render_markdown(briefing).encode("utf-8")
    assert render(briefing, "md") == expected
    path = save(briefing, tmp_path / "brief.md")
    assert path.read_bytes() == expected


@pytest.mark.parametrize("briefing", [sample_briefing(), minimal_briefing()])
def test_output_is_stable_across_calls(briefing) -> None:
    assert render_markdown(briefing) == render_markdown(briefing)


def test_source_without_title_is_listed_by_outlet_date_and_file():
    from dataclasses import replace

    briefing = sample_briefing()
    untitled = replace(briefing.sources[0], title="", path="seeds/article.txt", url="")
    briefing = replace(briefing, sources=(untitled, *briefing.sources[1:]))
    line = next(x for x in render_markdown(briefing).splitlines() if x.startswith("1. "))
    assert line == "1. Dawn, 22 November 2026. `seeds/article.txt`"  # no "Untitled document"
    bare = replace(untitled, outlet="", date="")
    briefing = replace(briefing, sources=(bare, *briefing.sources[1:]))
    line = next(x for x in render_markdown(briefing).splitlines() if x.startswith("1."))
    assert line == "1. `seeds/article.txt`"
