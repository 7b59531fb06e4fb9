"""Markdown renderer: golden files, CommonMark + GitHub tables, escaping, section order."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from briefings import check_golden, minimal_briefing, sample_briefing
from markdown_it import MarkdownIt

from briefer.data import SummarySentence
from briefer.render import render, save
from briefer.render.markdown import render_markdown


def to_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def test_sample_briefing_matches_golden_file() -> None:
    check_golden("sample_briefing.md", render_markdown(sample_briefing()))


def test_minimal_briefing_matches_golden_file() -> None:
    check_golden("minimal_briefing.md", render_markdown(minimal_briefing()))


def test_sections_come_in_the_documented_order() -> None:
    headings = re.findall(r"^## (.+)$", render_markdown(sample_briefing()), flags=re.M)
    assert headings == [
        "Summary",
        "Key facts not in dispute",
        "Positions side by side",
        "Disputed points",
        "Other voices",
        "Background",
        "Sources",
        "Method and neutrality note",
    ]


def test_empty_sections_are_omitted() -> None:
    headings = re.findall(r"^## (.+)$", render_markdown(minimal_briefing()), flags=re.M)
    assert headings == ["Summary", "Sources", "Method and neutrality note"]


def test_blocks_are_separated_by_one_blank_line_without_trailing_spaces() -> None:
    for briefing in (sample_briefing(), minimal_briefing()):
        text = render_markdown(briefing)
        assert text.endswith("\n") and not text.endswith("\n\n")
        assert "\n\n\n" not in text
        assert all(line == line.rstrip() for line in text.splitlines())
        assert "\t" not in text and "\r" not in text


def test_positions_table_renders_as_a_commonmark_table_with_one_column_per_party() -> None:
    html = to_html(render_markdown(sample_briefing()))
    assert html.count("<table>") == 1
    header = re.search(r"<thead>(.*?)</thead>", html, flags=re.S).group(1)
    assert re.findall(r"<th>(.*?)</th>", header) == [
        "Topic",
        "Pakistan",
        "Afghanistan (Taliban government)",
        "Pakistani Taliban (TTP)",
    ]
    rows = re.findall(r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*)</tbody>", html, re.S).group(1),
                      flags=re.S)
    assert [re.search(r"<td>(.*?)</td>", row).group(1) for row in rows] == [
        "Targets", "Casualties", "Legality", "General"
    ]
    assert all(row.count("<td>") == 4 for row in rows)  # the escaped pipe split nothing


def test_pipe_in_a_statement_is_escaped_inside_the_table() -> None:
    text = render_markdown(sample_briefing())
    row = next(line for line in text.splitlines() if line.startswith("| General"))
    assert "Afghan soil \\| nothing else" in row
    assert "soil | nothing else" in to_html(text)


def test_party_without_statement_shows_its_note_in_table_and_list() -> None:
    text = render_markdown(sample_briefing())
    note = "The sources carry no statement from the Pakistani Taliban (TTP)."
    assert text.count(f"*{note}*") == 2
    assert "### Pakistani Taliban (TTP)" in text


def test_positions_section_stays_when_no_party_has_a_statement() -> None:
    base = sample_briefing()
    silent = tuple(dataclasses.replace(p, claims=(), summary=(), note="") for p in base.positions)
    text = render_markdown(dataclasses.replace(base, positions=silent))
    assert "## Positions side by side" in text
    assert "| Topic" not in text
    assert "*The sources carry no statement from Pakistan.*" in text


def test_every_sentence_carries_its_source_numbers() -> None:
    briefing = sample_briefing()
    text = render_markdown(briefing)
    for sentence in (*briefing.summary, *briefing.key_facts, *briefing.background):
        numbers = ", ".join(map(str, briefing.source_numbers(sentence.sources)))
        assert f"{sentence.text} [{numbers}]" in text


def test_sources_are_numbered_with_outlet_date_and_location() -> None:
    text = render_markdown(sample_briefing())
    assert (
        "1. *Pakistan strikes suspected militant hideouts in Afghanistan*. AP, 21 November 2026. "
        "<https://apnews.com/article/pakistan-afghanistan-airstrikes>"
    ) in text
    assert "2. *Airstrikes target TTP in Paktika*. Dawn, 22 November 2026. " \
           "`samples/inputs/dawn.html`" in text
    html = to_html(text)
    assert '<a href="https://apnews.com/article/pakistan-afghanistan-airstrikes">' in html
    assert html.count("<li>", html.index("<ol>")) >= 3


def test_article_text_cannot_become_markup() -> None:
    base = sample_briefing()
    tricky = (
        SummarySentence("1. <b>Bold</b> claims *here* and [a](http://x) link.", (("ap", 1),)),
        SummarySentence("# not a heading & &amp; entity.", (("ap", 2),)),
    )
    html = to_html(render_markdown(dataclasses.replace(base, summary=tricky)))
    summary = html.split("<h2>Summary</h2>")[1].split("<h2>")[0]
    assert "<b>" not in summary and "<em>" not in summary and "<a " not in summary
    assert "<ol" not in summary and "<h1>" not in summary
    assert "*here*" in summary and "&amp;amp;" in summary


def test_method_note_names_summarizer_version_metrics_and_guard() -> None:
    text = render_markdown(sample_briefing()).split("## Method and neutrality note")[1]
    for expected in (
        "abstractive (briefer-bart-small); briefer 0.1.0",
        "Party profile: pak-afg",
        "Balance ratio 0.89",
        "with a source reference: 100%",
        "2 generated sentences checked, 1 kept, 1 replaced",
        "Warning: No statement from Pakistani Taliban (TTP) in the sources.",
    ):
        assert expected in text


def test_render_dispatch_and_save_write_the_same_markdown(tmp_path: Path) -> None:
    briefing = sample_briefing()
    expected = render_markdown(briefing).encode("utf-8")
    assert render(briefing, "md") == expected
    path = save(briefing, tmp_path / "brief.md")
    assert path.read_bytes() == expected


@pytest.mark.parametrize("briefing", [sample_briefing(), minimal_briefing()])
def test_output_is_stable_across_calls(briefing) -> None:
    assert render_markdown(briefing) == render_markdown(briefing)


def test_source_without_title_is_listed_as_untitled_with_its_file():
    from dataclasses import replace

    briefing = sample_briefing()
    untitled = replace(briefing.sources[0], title="", path="seeds/article.txt", url="")
    briefing = replace(briefing, sources=(untitled, *briefing.sources[1:]))
    line = next(x for x in render_markdown(briefing).splitlines() if x.startswith("1. "))
    assert line.startswith("1. *Untitled document*.")
    assert "`seeds/article.txt`" in line
