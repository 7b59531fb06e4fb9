"""Markdown, DOCX and JSON show the same words for every claim: decided once, in the model."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
from briefings import sample_briefing

from briefer.embed import HashingEmbedder
from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.render.docx import render_docx
from briefer.render.json import render_json
from briefer.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]
_REFS = re.compile(r"\s*\[\d+(?:, \d+)*\]")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]<>~|&#])")


def demo():
    documents = load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])
    return build_briefing(
        documents, embedder=HashingEmbedder(), summarizer="extractive", date="2024-12-26"
    )


def event():
    return build_briefing(
        load_documents([ROOT / "tests" / "data" / "northland"]),
        embedder=HashingEmbedder(),
        summarizer="extractive",
        date="2031-03-06",
        profile=ROOT / "tests/data/northland/profile.yaml",
    )


def markdown_texts(text: str) -> list[str]:
    """Every statement as the Markdown prints it: cells, bullets, the lede's sentences."""
    out = []
    for line in text.split("\n## Sources")[0].splitlines()[1:]:
        if line.startswith(("| Topic", "| ---")):
            continue
        if line.startswith("| "):
            cells = re.split(r"(?<!\\) \| ", line.strip("| "))[1:]
        elif line.startswith("- "):
            cells = [line[2:]]
        elif line and not line.startswith("#"):
            cells = [line]
        else:
            continue
        for cell in cells:
            out.extend(_UNESCAPE.sub(r"\1", p).strip() for p in _REFS.split(cell) if p.strip())
    return [t for t in out if t != "—"][1:]  # the header line first


def docx_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    paragraphs = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            paragraphs.append(docx.text.paragraph.Paragraph(block, document))
        elif block.tag.endswith("}tbl"):
            table = docx.table.Table(block, document)
            for row in table.rows[1:]:
                for cell in row.cells[1:]:
                    paragraphs.extend(cell.paragraphs)
        if paragraphs and paragraphs[-1].text == "Sources":
            break
    out = []
    for paragraph in paragraphs[2:-1]:  # title, header line ... the Sources heading
        if paragraph.style.name.startswith("Heading"):
            continue
        text = paragraph.text.replace("\u00a0", " ")
        out.extend(p.strip() for p in _REFS.split(text) if p.strip() and p.strip() != "—")
    return out


@pytest.mark.parametrize("make", [sample_briefing, demo, event], ids=["fixture", "demo", "event"])
def test_markdown_docx_and_json_print_the_same_text_for_every_statement(make) -> None:
    briefing = make()
    expected = [s.text for s in briefing.shown()]
    data = json.loads(render_json(briefing))
    by_id = {s["id"]: s["text"] for s in data["statements"]}
    in_json = [
        by_id[i]
        for i in (
            *data["lede"],
            *(i for row in data["table"]["rows"] for cell in row["cells"] for i in cell),
            *data["facts"],
            *data["other_voices"],
            *data["background"],
        )
    ]
    assert in_json == expected
    assert docx_texts(render_docx(briefing)) == expected
    assert markdown_texts(render_markdown(briefing)) == expected
