"""Size limits through the CLI: what is under --max-input-mb finishes, what is over is refused.

A device read as a file, a DOCX that inflates, text that grows when decoded, one enormous
line: each is either refused in one line (nothing written) or briefed within --max-words.
The 1, 10 and 50 MB timings are benchmarks/bigtext.py's.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from test_robustness import assert_refused, brief, snapshot

from briefer.embed import HashingEmbedder


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("already here\n")
    return folder


def test_a_device_given_as_an_input_is_read_only_up_to_the_limit(tmp_path, out_dir):
    endless = tmp_path / "endless.txt"
    endless.symlink_to("/dev/zero")  # stat says 0 bytes; reading it never ends
    before = snapshot(out_dir)
    result = brief(endless, "-o", out_dir / "brief.md", "--max-input-mb", "1")
    line = assert_refused(result, out_dir, before, "endless.txt", "--max-input-mb")
    assert "MB limit" in line


# ---------------------------------------------------------------------------------------------
# a small file that inflates (issue 16)


def docx_inflating_to(megabytes: float) -> bytes:
    """A valid DOCX whose document.xml holds one paragraph that inflates to `megabytes`."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    words = ("Officials said eight people died. " * 32768).encode()  # 1 MiB, compresses 1000:1
    paragraph = b"<w:p><w:r><w:t>" + words * int(megabytes) + b"</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + paragraph, 1)
            target.writestr(item.filename, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_docx_that_inflates_past_the_limit_is_refused_before_it_is_parsed(
    tmp_path, out_dir, monkeypatch
):
    data = docx_inflating_to(3)
    assert len(data) < 0.05 * 1024 * 1024  # 3 MB of XML in a few kB
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    parsed: list[object] = []
    monkeypatch.setattr("docx.Document", lambda *a, **k: parsed.append(a) or 1 / 0)
    before = snapshot(out_dir)
    result = brief(path, "-o", out_dir / "brief.md", "--max-input-mb", "1")
    line = assert_refused(result, out_dir, before, "bomb.docx", "--max-input-mb")
    assert "uncompressed" in line and "MB limit" in line
    assert parsed == []


@pytest.mark.parametrize("suffix", [".json", ".html", ".txt"])
def test_text_over_the_limit_after_decoding_is_refused(tmp_path, out_dir, suffix):
    """UTF-16 takes 2 bytes for what UTF-8 needs 3 for: the limit holds for the text too."""
    article = ("\u20ac\u0915" * 60 + " officials said eight died.\n\n") * 1700
    if suffix == ".json":
        text = json.dumps({"text": article}, ensure_ascii=False)
    elif suffix == ".html":
        text = f"<html><body><article><p>{article}</p></article></body></html>"
    else:
        text = article
    data = text.encode("utf-16")  # with its BOM: read without a warning
    assert len(data) < 0.5 * 1024 * 1024 < len(article.encode())
    path = tmp_path / f"wide{suffix}"
    path.write_bytes(data)
    before = snapshot(out_dir)
    result = brief(path, "-o", out_dir / "brief.md", "--max-input-mb", "0.5")
    line = assert_refused(result, out_dir, before, f"wide{suffix}", "--max-input-mb")
    assert "after decoding" in line and "MB limit" in line


# ---------------------------------------------------------------------------------------------
# big plain text (issue 16)


def test_a_megabyte_line_without_punctuation_gives_a_brief_within_max_words(tmp_path, out_dir):
    from layout_checks import body_words

    path = tmp_path / "line.txt"
    words = ("officials said the strikes hit camps near the border " * 20_000).split()
    path.write_text(" ".join(f"{w}{i % 97}" for i, w in enumerate(words)) + "\n")  # ~1.3 MB
    out, md = out_dir / "brief.json", out_dir / "brief.md"
    result = brief(path, "-o", out, "-o", md, "--max-words", "60", "--date", "2024-12-26")
    assert result.exit_code == 0, (result.output, result.exception)
    briefing = json.loads(out.read_text())
    texts = {s["id"]: s["text"] for s in briefing["statements"]}
    assert briefing["lede"] and all(texts[i].strip() for i in briefing["lede"])
    assert body_words(md.read_text()) <= 60
