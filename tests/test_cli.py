import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer import __version__
from briefer.cli import app
from briefer.embed import HashingEmbedder

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "seeds"), str(ROOT / "samples" / "inputs")]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    """CLI tests check wiring, not embeddings: use the hashing embedder."""
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"briefer {__version__}"


@pytest.mark.parametrize("suffix", ["md", "json", "docx"])
def test_brief_writes_the_format_of_the_suffix(tmp_path, suffix):
    out = tmp_path / f"brief.{suffix}"
    result = invoke("brief", *INPUTS, "-o", out, "--date", "2024-12-26", "--quiet")
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if suffix == "md":
        assert data.startswith(b"# ")
    elif suffix == "json":
        assert json.loads(data)["schema_version"]
    else:
        assert data[:2] == b"PK"


def test_repeated_output_writes_every_format_from_one_run(tmp_path):
    outs = [tmp_path / f"brief.{suffix}" for suffix in ("md", "json", "docx")]
    args = [arg for out in outs for arg in ("-o", out)]
    result = invoke("brief", *INPUTS, *args, "--date", "2024-12-26", "--quiet")
    assert result.exit_code == 0, result.output
    assert json.loads(outs[1].read_text())["title"] in outs[0].read_text()
    assert outs[2].read_bytes()[:2] == b"PK"


def test_one_bad_output_among_several_writes_none(tmp_path):
    good = tmp_path / "brief.md"
    result = invoke("brief", *INPUTS, "-o", good, "-o", tmp_path / "brief.pdf", "--quiet")
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_brief_without_output_writes_markdown_to_stdout():
    result = invoke("brief", *INPUTS, "--date", "2024-12-26", "--quiet")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")


def test_format_option_overrides_stdout_format():
    result = invoke("brief", *INPUTS, "--format", "json", "--date", "2024-12-26", "--quiet")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["run"]["input_count"] == 4


def test_missing_input_is_one_line_with_exit_code_2(tmp_path):
    out = tmp_path / "brief.md"
    result = invoke("brief", tmp_path / "nope.txt", "-o", out)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope.txt" in lines[0]
    assert not out.exists()


def test_unknown_suffix_names_the_fix(tmp_path):
    result = invoke("brief", *INPUTS, "-o", tmp_path / "brief.pdf")
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_output_equal_to_an_input_is_refused_and_input_untouched(tmp_path):
    article = tmp_path / "article.md"
    article.write_text("Officials said the strikes hit a camp. Residents said eight died.\n")
    result = invoke("brief", article, "-o", article, "--format", "md")
    assert result.exit_code == 2
    assert "overwrite an input" in result.stderr
    assert article.read_text().startswith("Officials said")


def test_missing_output_folder_leaves_no_file(tmp_path):
    result = invoke("brief", *INPUTS, "-o", tmp_path / "missing" / "brief.md")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_claims_csv_has_one_row_per_sentence():
    result = invoke("claims", INPUTS[0], "--format", "csv")
    assert result.exit_code == 0
    header, *rows = csv.reader(io.StringIO(result.stdout))
    assert header[:3] == ["doc_id", "sentence_index", "kind"]
    assert len(rows) > 10


def test_profiles_lists_the_default():
    result = invoke("profiles")
    assert result.exit_code == 0
    assert "pak-afg" in result.stdout


def test_daily_briefs_only_the_documents_of_that_date(tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = invoke(
        "daily",
        INPUTS[1],
        "--date",
        "2024-12-25",
        "--out-dir",
        out_dir,
        "--formats",
        "md,json",
        "--quiet",
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out_dir / "briefing-2024-12-25.json").read_text())
    assert data["run"]["input_count"] == 2  # the ministry statement and the Pakistani report
    assert (out_dir / "briefing-2024-12-25.md").exists()


def test_daily_with_no_documents_that_day_fails_cleanly(tmp_path):
    result = invoke("daily", INPUTS[1], "--date", "2001-01-01", "--out-dir", tmp_path)
    assert result.exit_code == 2
    assert "no documents dated 2001-01-01" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_eml_needs_a_recipient(tmp_path):
    result = invoke("brief", *INPUTS, "-o", tmp_path / "b.md", "--eml", tmp_path / "b.eml")
    assert result.exit_code == 2
    assert "--to" in result.stderr


# options out of range: one line naming the option and the fix (issue 16)


def one_error_line(result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("value", ["99999999999999999999", "-5", "0"])
def test_max_words_out_of_range_is_one_line_naming_the_option(tmp_path, value):
    out = tmp_path / "brief.md"
    line = one_error_line(invoke("brief", *INPUTS, "--max-words", value, "-o", out, "--quiet"))
    assert f"--max-words {value}" in line and "60 to 10000" in line
    assert not out.exists()


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
@pytest.mark.parametrize("command", ["brief", "claims"])
def test_max_input_mb_that_is_not_a_positive_size_is_one_line(tmp_path, value, command):
    line = one_error_line(invoke(command, INPUTS[0], "--max-input-mb", value))
    assert f"--max-input-mb {value}" in line and "positive number" in line


def test_a_title_from_an_argv_that_is_not_utf8_is_normalized_in_every_format(tmp_path):
    title = "Strikes \udcff\x1b[31m"  # how Python decodes the bytes b"\xff\x1b[31m" of argv
    for suffix in ("json", "md", "docx"):
        out = tmp_path / f"brief.{suffix}"
        result = invoke("brief", INPUTS[0], "--title", title, "-o", out, "--quiet")
        assert result.exit_code == 0, (result.output, result.exception)
    assert json.loads((tmp_path / "brief.json").read_text())["title"] == "Strikes \ufffd[31m"


def test_claims_all_lists_the_dropped_lines_with_their_kind(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Title: Strikes hit camps\nSource: Dawn\n\nStrikes hit camps\n\n"
        "PESHAWAR: Security officials said the strikes hit camps.\n\n"
        "Read more: Envoy summoned\n",
        encoding="utf-8",
    )
    body_only = json.loads(invoke("claims", article).output)
    everything = json.loads(invoke("claims", article, "--all").output)
    assert [r["kind"] for r in body_only] == ["body"]
    assert [r["kind"] for r in everything] == [
        "header",
        "header",
        "headline",
        "dateline",
        "body",
        "clutter",
    ]
    body = next(r for r in everything if r["kind"] == "body")
    assert (body["party"], body["outlet"]) == ("pakistan", "Dawn")
