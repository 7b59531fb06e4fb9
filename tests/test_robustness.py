"""Hostile and broken inputs through the CLI: one line naming the file, exit 2, nothing written.

Every case runs `briefer brief INPUT -o OUT/brief.md` and checks the output folder is left
exactly as it was (no brief, no stray temporary file).
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.embed import HashingEmbedder

runner = CliRunner()

ARTICLE = (
    "KABUL — The death toll from Pakistani airstrikes in Paktika province remained disputed "
    "on Thursday, two days after the strikes.\n\n"
    "Afghan officials said 46 people were killed, most of them women and children. Pakistani "
    "security officials said the strikes killed militants of the Pakistani Taliban. Residents "
    "of Barmal district said at least eight people were buried on Wednesday.\n\n"
    "The United Nations mission said it had received credible reports of civilian casualties "
    "and called for an investigation.\n"
)


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    """These tests check input handling, not embeddings: use the hashing embedder."""
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("already here\n")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones included, with its content."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def brief(*args: object):
    return runner.invoke(app, ["brief", *(str(a) for a in args), "--quiet"])


def assert_refused(result, out_dir: Path, before: dict[str, bytes], *names: str) -> str:
    """Exit code 2, one `error:` line naming each of `names`, the output folder unchanged."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for name in names:
        assert name in lines[0], (name, lines[0])
    assert "Traceback" not in result.output
    assert snapshot(out_dir) == before
    return lines[0]


def refuse_file(tmp_path: Path, out_dir: Path, name: str, data: bytes) -> str:
    source = tmp_path / "in"
    source.mkdir(exist_ok=True)
    path = source / name
    path.write_bytes(data)
    before = snapshot(out_dir)
    result = brief(path, "-o", out_dir / "brief.md")
    line = assert_refused(result, out_dir, before, name)
    assert path.read_bytes() == data
    return line


# ---------------------------------------------------------------------------------------------
# broken files


def test_empty_file_is_refused_by_name(tmp_path, out_dir):
    assert "is empty" in refuse_file(tmp_path, out_dir, "empty.txt", b"")


def test_whitespace_only_file_is_refused_by_name(tmp_path, out_dir):
    assert "is empty" in refuse_file(tmp_path, out_dir, "blank.txt", b"  \n\t\r\n   \n")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl"])
def test_binary_file_is_refused_as_binary(tmp_path, out_dir, suffix):
    data = bytes(range(256)) * 64 + b"\x89PNG\r\n\x1a\n\x00\x00"
    assert "binary" in refuse_file(tmp_path, out_dir, f"photo{suffix}", data)


def test_invalid_utf8_is_read_with_the_declared_fallback_and_a_warning(tmp_path, out_dir):
    path = tmp_path / "legacy.txt"
    # cp1252 curly quotes and an e-acute: not UTF-8
    text = ARTICLE.replace("Afghan officials", "“Afghan” officials café")
    path.write_bytes(text.encode("cp1252"))
    out = out_dir / "brief.md"
    result = brief(path, "-o", out, "--date", "2024-12-26")
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1
    assert "legacy.txt" in warning[0] and "not valid UTF-8" in warning[0] and "cp1252" in warning[0]
    assert "“Afghan” officials café" in out.read_text(encoding="utf-8")


def test_a_50_mb_file_is_refused_by_size_without_being_read(tmp_path, out_dir, monkeypatch):
    big = tmp_path / "in" / "huge.txt"
    big.parent.mkdir()
    with big.open("wb") as handle:  # sparse: instant to make, no disk used
        handle.truncate(50 * 1024 * 1024 + 1)
    opened: list[str] = []
    real_open = pathlib.Path.open

    def spy_open(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", spy_open)
    for limit in ([], ["--max-input-mb", "10"]):
        before = snapshot(out_dir)
        result = brief(big, "-o", out_dir / "brief.md", *limit)
        line = assert_refused(result, out_dir, before, "huge.txt", "--max-input-mb")
        assert "MB limit" in line and "binary" not in line
    assert "huge.txt" not in opened


def test_a_large_file_is_read_when_the_limit_is_raised(tmp_path, out_dir):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 40)  # ~25 kB
    result = brief(path, "-o", out_dir / "brief.md", "--max-input-mb", "0.01")
    assert result.exit_code == 2 and "--max-input-mb" in result.stderr
    result = brief(path, "-o", out_dir / "brief.md", "--max-input-mb", "1", "--date", "2024-12-26")
    assert result.exit_code == 0, result.output


def test_deeply_nested_html_is_refused_by_name(tmp_path, out_dir):
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + "<p>" + ARTICLE + "</p>" + "</div>" * depth
    line = refuse_file(tmp_path, out_dir, "deep.html", page.encode())
    assert "deep.html" in line


def test_corrupt_docx_is_refused_by_name(tmp_path, out_dir):
    line = refuse_file(tmp_path, out_dir, "report.docx", b"PK\x03\x04" + os.urandom(2048))
    assert "not a readable .docx" in line


def test_a_zip_that_is_not_a_docx_is_refused_by_name(tmp_path, out_dir):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
        archive.writestr("[Content_Types].xml", "garbage")
    assert "not a readable .docx" in refuse_file(tmp_path, out_dir, "fake.docx", buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "record", "expected"),
    [
        ("no_text.json", {"title": "Strikes"}, "record 1 has no 'text'"),
        ("number_text.json", {"text": 46}, "record 1 has a number 'text'"),
        ("list_title.json", {"text": ARTICLE, "title": ["a", "b"]}, "'title' is a list"),
        ("null_date.json", [{"text": ARTICLE}, {"text": ARTICLE, "date": 2024}], "record 2"),
        ("not_object.json", ["just a string"], "record 1 is a string, not an object"),
        ("empty_list.json", [], "empty list of records"),
        ("empty_text.json", {"text": "   "}, "empty 'text'"),
    ],
)
def test_json_with_missing_or_wrong_typed_fields_is_refused(
    tmp_path, out_dir, name, record, expected
):
    assert expected in refuse_file(tmp_path, out_dir, name, json.dumps(record).encode())


def test_malformed_json_and_jsonl_are_refused_with_the_place(tmp_path, out_dir):
    assert "not valid JSON" in refuse_file(tmp_path, out_dir, "cut.json", b'{"text": "Offic')
    lines = json.dumps({"text": ARTICLE}) + "\n" + '{"text": 5}\n'
    assert "line 2 has a number 'text'" in refuse_file(tmp_path, out_dir, "r.jsonl", lines.encode())


def test_unreadable_file_is_refused_by_name(tmp_path, out_dir, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate the permission check failing
        real_open = pathlib.Path.open

        def denied(self, *args, **kwargs):
            if self.name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "open", denied)
    before = snapshot(out_dir)
    result = brief(path, "-o", out_dir / "brief.md")
    line = assert_refused(result, out_dir, before, "secret.txt")
    assert "permission denied" in line
    path.chmod(0o644)


def test_missing_path_is_refused_by_name(tmp_path, out_dir):
    before = snapshot(out_dir)
    result = brief(tmp_path / "nowhere" / "article.txt", "-o", out_dir / "brief.md")
    assert "does not exist" in assert_refused(result, out_dir, before, "article.txt")


def test_folder_without_supported_files_is_refused_by_name(tmp_path, out_dir):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "page.pdf").write_bytes(b"%PDF-1.7")
    (folder / ".hidden.txt").write_text(ARTICLE)  # hidden files are skipped
    (folder / "sub").mkdir()
    before = snapshot(out_dir)
    result = brief(folder, "-o", out_dir / "brief.md")
    assert "holds no supported files" in assert_refused(result, out_dir, before, "scans")


def test_unsupported_suffix_is_refused_by_name(tmp_path, out_dir):
    assert "not supported" in refuse_file(tmp_path, out_dir, "scan.pdf", b"%PDF-1.7 ...")


# ---------------------------------------------------------------------------------------------
# bad output paths


@pytest.mark.parametrize("fmt", ["md", "json", "docx"])
def test_output_equal_to_an_input_is_refused_and_the_input_untouched(tmp_path, fmt):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    before = snapshot(tmp_path)
    result = brief(article, "-o", article, "--format", fmt)
    line = assert_refused(result, tmp_path, before, "article.txt")
    assert "overwrite an input" in line


def test_output_inside_an_input_folder_is_refused(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE)
    before = snapshot(tmp_path)
    result = brief(tmp_path, "-o", tmp_path / "brief.md")
    assert "inside an input folder" in assert_refused(result, tmp_path, before, "brief.md")


def test_missing_output_folder_is_refused_and_nothing_is_created(tmp_path, out_dir):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    before = snapshot(out_dir)
    target = out_dir / "missing" / "brief.md"
    result = brief(article, "-o", target)
    line = assert_refused(result, out_dir, before, "missing")
    assert "does not exist" in line
    assert not (out_dir / "missing").exists()


def test_output_that_is_a_folder_is_refused(tmp_path, out_dir):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    before = snapshot(out_dir)
    result = brief(article, "-o", out_dir, "--format", "md")
    assert "is a folder" in assert_refused(result, out_dir, before, "out")


def test_a_bad_file_among_good_ones_stops_the_run_before_anything_is_written(tmp_path, out_dir):
    good = tmp_path / "in"
    good.mkdir()
    (good / "a.txt").write_text(ARTICLE)
    (good / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    before = snapshot(out_dir)
    result = brief(good, "-o", out_dir / "brief.docx")
    assert "binary" in assert_refused(result, out_dir, before, "b.txt")


# ---------------------------------------------------------------------------------------------
# paths that cannot be followed or read (issue 16)


def _as_root_deny(monkeypatch, function: str, denied: Path) -> None:
    """Root reads anything, so simulate the permission check failing for `denied`."""
    real = getattr(os, function)

    def refuse(path, *args, **kwargs):
        if os.fspath(path) == str(denied):
            raise PermissionError(13, "Permission denied", str(denied))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, function, refuse)


def test_input_that_is_a_symlink_loop_is_refused_by_name(tmp_path, out_dir):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    before = snapshot(out_dir)
    line = assert_refused(brief(loop, "-o", out_dir / "brief.md"), out_dir, before, "loop.txt")
    assert "is a symlink loop" in line


def test_file_in_a_folder_that_cannot_be_entered_is_refused_by_name(tmp_path, out_dir, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    article = locked / "article.txt"
    article.write_text(ARTICLE)
    locked.chmod(0o600)  # no x: nothing inside can be looked at
    if os.geteuid() == 0:
        _as_root_deny(monkeypatch, "stat", article)
    before = snapshot(out_dir)
    try:
        line = assert_refused(
            brief(article, "-o", out_dir / "brief.md"), out_dir, before, "article.txt"
        )
    finally:
        locked.chmod(0o755)
    assert "permission denied" in line


@pytest.mark.parametrize("where", ["top", "inside"])
def test_unreadable_folder_is_refused_for_its_permissions_not_as_empty(
    tmp_path, out_dir, monkeypatch, where
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE)
    locked = inbox if where == "top" else inbox / "locked"
    locked.mkdir(exist_ok=True)
    (locked / "b.txt").write_text(ARTICLE.replace("46", "47"))
    locked.chmod(0)
    if os.geteuid() == 0:
        _as_root_deny(monkeypatch, "scandir", locked)
    before = snapshot(out_dir)
    try:
        line = assert_refused(
            brief(inbox, "-o", out_dir / "brief.md"), out_dir, before, str(locked)
        )
    finally:
        locked.chmod(0o755)
    assert "permission denied" in line and "holds no supported files" not in line


# ---------------------------------------------------------------------------------------------
# characters later stages cannot take (issue 16): normalized once, in the readers


def test_lone_surrogates_in_json_are_replaced_and_every_command_runs(tmp_path, out_dir):
    path = tmp_path / "surrogates.json"
    path.write_text(
        '{"title": "Strikes \\ud800", "text": "'
        + ARTICLE.replace("\n", "\\n").replace("Afghan officials", "Afghan \\udfff officials")
        + '"}'
    )
    result = brief(path, "-o", out_dir / "brief.md", "--date", "2024-12-26")
    assert result.exit_code == 0, (result.output, result.exception)
    assert "Afghan \ufffd officials" in (out_dir / "brief.md").read_text(encoding="utf-8")
    result = runner.invoke(app, ["claims", str(path), "--format", "csv"])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "\ufffd" in result.stdout


def test_control_characters_do_not_break_the_docx_of_a_daily_run(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    out.mkdir()
    text = ARTICLE.replace("Thursday,", "Thursday,\x01\x02\x0b").replace("\n\n", "\n\x0c\n")
    text = "---\ndate: 2024-12-26\n---\n" + text.replace("KABUL", "KABUL\x1b[1m")
    (inbox / "a.md").write_text(text)
    result = runner.invoke(
        app,
        [
            "daily",
            str(inbox),
            "--date",
            "2024-12-26",
            "--out-dir",
            str(out),
            "--formats",
            "md,docx",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, (result.output, result.exception)
    assert sorted(p.name for p in out.iterdir()) == [
        "briefing-2024-12-26.docx",
        "briefing-2024-12-26.md",
    ]
    markdown = (out / "briefing-2024-12-26.md").read_text(encoding="utf-8")
    assert not [ch for ch in markdown if ord(ch) < 32 and ch != "\n"]


def test_text_is_read_in_nfc_with_one_kind_of_line_end(tmp_path):
    from briefer.readers import load_documents

    path = tmp_path / "nfd.txt"
    path.write_bytes("Cafe\u0301 owners said so.\r\nThe ministry\x85said eight died.\x0c".encode())
    (doc,) = load_documents([path])
    assert doc.text.strip() == "Café owners said so.\nThe ministry\nsaid eight died."
