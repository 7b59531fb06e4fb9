"""DOCX renderer: re-read with python-docx, and converted by LibreOffice where installed."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from briefings import minimal_briefing, sample_briefing
from docx.shared import Mm

from briefer.errors import UsageError
from briefer.render import render
from briefer.render.docx import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample_bytes() -> bytes:
    return render_docx(sample_briefing())


def reread(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_document_uses_real_word_styles(sample_bytes: bytes) -> None:
    document = reread(sample_bytes)
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Normal"} <= used
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Positions side by side",
        "Key facts not in dispute",
        "Other voices",
        "Background",
        "Sources",
        "Method and neutrality note",
    ]
    assert document.paragraphs[0].text == "Pakistani airstrikes in Paktika province"
    assert document.paragraphs[1].text == (
        "23 November 2026 · sources dated 21–22 November 2026 · 3 sources · profile pak-afg"
    )
    assert document.paragraphs[2].style.name == "Lede"
    assert document.paragraphs[2].text.startswith("Pakistani aircraft struck the Barmal")
    groups = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert groups == [
        "Based in Pakistan",
        "Based in Afghanistan (Taliban government)",
        "Based in United States",
    ]


def test_positions_table_has_one_column_per_party_in_profile_order(sample_bytes: bytes) -> None:
    (table,) = reread(sample_bytes).tables
    assert table.style.name == "Light Grid Accent 1"
    assert [c.text for c in table.rows[0].cells] == [
        "Topic",
        "Pakistan",
        "Afghanistan (Taliban government)",
    ]
    assert [r.cells[0].text for r in table.rows[1:]] == [
        "Casualty figures (disputed)",
        "Legality and sovereignty (disputed)",
        "General",
    ]
    casualties = table.rows[1].cells
    assert casualties[1].text.startswith("Security officials said several insurgents")
    assert casualties[1].text.endswith("\u00a0[1]")
    assert table.rows[2].cells[1].text == "—"
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)


def test_core_properties_name_title_author_date_and_parties(sample_bytes: bytes) -> None:
    props = reread(sample_bytes).core_properties
    assert props.title == "Pakistani airstrikes in Paktika province"
    assert props.author == "briefer"
    assert props.created == props.modified == datetime(2026, 11, 23, tzinfo=UTC)
    assert "Pakistan" in props.keywords and "Pakistani Taliban (TTP)" in props.keywords
    assert props.subject.startswith("Neutral briefing")


def test_header_carries_title_and_date_and_footer_page_numbers(sample_bytes: bytes) -> None:
    section = reread(sample_bytes).sections[0]
    assert section.header.paragraphs[0].text == (
        "Pakistani airstrikes in Paktika province\t23 November 2026"
    )
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert footer_xml.count('w:fldCharType="begin"') == 2


@pytest.mark.parametrize(
    ("page_size", "width", "height"), [("A4", 210, 297), ("Letter", 215.9, 279.4)]
)
def test_page_size_and_margins(page_size: str, width: float, height: float) -> None:
    section = reread(render_docx(minimal_briefing(), page_size=page_size)).sections[0]
    assert abs(section.page_width - Mm(width)) < Mm(0.1)
    assert abs(section.page_height - Mm(height)) < Mm(0.1)
    for margin in (section.left_margin, section.right_margin, section.top_margin):
        assert abs(margin - Mm(20)) < Mm(0.1)


def test_unknown_page_size_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--page-size A5"):
        render_docx(minimal_briefing(), page_size="A5")


def test_source_numbers_link_to_bookmarks_on_the_sources_list(sample_bytes: bytes) -> None:
    body = reread(sample_bytes).element.body
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert bookmarks == {"source_1", "source_2", "source_3"}
    anchors = {h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")}
    assert anchors == bookmarks


def test_urls_become_external_hyperlinks(sample_bytes: bytes) -> None:
    part = reread(sample_bytes).part
    urls = [r.target_ref for r in part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert urls == ["https://apnews.com/article/pakistan-afghanistan-airstrikes"]


def test_empty_sections_are_left_out() -> None:
    document = reread(render_docx(minimal_briefing()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Sources", "Method and neutrality note"]
    assert document.tables == []


def test_output_is_small_and_byte_for_byte_deterministic(sample_bytes: bytes) -> None:
    assert len(sample_bytes) < 100_000
    assert render_docx(sample_briefing()) == sample_bytes
    assert render(sample_briefing(), "docx") == sample_bytes
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as package:
        assert package.testzip() is None
        assert {i.date_time for i in package.infolist()} == {(2026, 11, 23, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()


def test_briefing_without_a_date_still_gets_a_created_date() -> None:
    briefing = dataclasses.replace(minimal_briefing(), date="")
    created = reread(render_docx(briefing)).core_properties.created
    assert created.date() == datetime.now(UTC).date()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_docx_to_pdf(sample_bytes: bytes, tmp_path: Path) -> None:
    source = tmp_path / "brief.docx"
    source.write_bytes(sample_bytes)
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "brief.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.exists(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000


def test_a_title_longer_than_a_core_property_holds_is_cut_there() -> None:
    title = "Strikes " + "and more strikes " * 40  # 688 characters: python-docx refuses > 255
    data = render_docx(dataclasses.replace(sample_briefing(), title=title))
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    stored = core.split("<dc:title>")[1].split("</dc:title>")[0]
    assert len(stored) <= 255 and stored.endswith("…") and title.startswith(stored[:-1])


def test_a_source_without_title_reads_outlet_date_and_file() -> None:
    briefing = sample_briefing()
    untitled = dataclasses.replace(briefing.sources[0], title="", path="seeds/article.txt", url="")
    briefing = dataclasses.replace(briefing, sources=(untitled, *briefing.sources[1:]))
    document = docx.Document(io.BytesIO(render_docx(briefing)))
    entries = [p.text for p in document.paragraphs if p.style.name == "Source Entry"]
    assert entries[0] == "[1]\tDawn, 22 November 2026. seeds/article.txt"
