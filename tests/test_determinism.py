"""The same inputs and --date give byte-identical briefs, run after run, process after process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.embed import HashingEmbedder

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "seeds"), str(ROOT / "samples" / "inputs")]
FORMATS = ("md", "json", "docx")
runner = CliRunner()


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


def brief_all_formats(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    for fmt in FORMATS:
        out = folder / f"brief.{fmt}"
        result = runner.invoke(
            app, ["brief", *INPUTS, "-o", str(out), "--date", "2024-12-26", "--quiet"]
        )
        assert result.exit_code == 0, result.output
    return {fmt: (folder / f"brief.{fmt}").read_bytes() for fmt in FORMATS}


def test_two_runs_give_byte_identical_markdown_json_and_docx(tmp_path):
    first = brief_all_formats(tmp_path / "first")
    time.sleep(1.1)  # a zip entry's timestamp has a resolution of two seconds at best
    second = brief_all_formats(tmp_path / "second")
    for fmt in FORMATS:
        assert first[fmt] == second[fmt], f"{fmt} differs between runs"


def test_stdout_and_file_output_are_the_same_bytes(tmp_path):
    out = tmp_path / "brief.md"
    args = ["brief", *INPUTS, "--date", "2024-12-26", "--quiet"]
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout_bytes == out.read_bytes()


_CHILD = textwrap.dedent(
    """
    import sys
    import briefer.embed
    from briefer.embed import HashingEmbedder
    briefer.embed.MiniLMEmbedder = lambda *a, **k: HashingEmbedder()
    from briefer.cli import app
    out, inputs = sys.argv[1], sys.argv[2:]
    for fmt in ("md", "json", "docx"):
        app(["brief", *inputs, "-o", f"{out}/brief.{fmt}", "--date", "2024-12-26", "--quiet"],
            standalone_mode=False)
    """
)


def test_processes_with_different_hash_seeds_give_byte_identical_briefs(tmp_path):
    """Set and dict orders vary with PYTHONHASHSEED; the briefs must not."""
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / f"seed{seed}"
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1"}
        subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder), *INPUTS],
            check=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
        outputs.append({fmt: (folder / f"brief.{fmt}").read_bytes() for fmt in FORMATS})
    for fmt in FORMATS:
        assert outputs[0][fmt] == outputs[1][fmt], f"{fmt} depends on the hash seed"
