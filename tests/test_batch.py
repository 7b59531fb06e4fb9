"""`briefer batch`: several desks in worker processes; a failing desk does not stop the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefer.batch import load_manifest, run_batch
from briefer.cli import app
from briefer.embed import HashingEmbedder
from briefer.errors import InputError

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module", autouse=True)
def _parser_loaded_before_the_workers_fork() -> None:
    """The workers load spaCy in their initializer; loaded here first, forked workers share
    it and the tests stay quick (what is measured is the wiring, not the loading)."""
    from briefer import nlp

    nlp.load()


@pytest.fixture
def manifest(tmp_path) -> Path:
    (tmp_path / "north").mkdir()
    for path in sorted((DATA / "northland").glob("*.md"))[:3]:  # three articles: a quick desk
        shutil.copy(path, tmp_path / "north")
    shutil.copy(DATA / "northland" / "profile.yaml", tmp_path / "northland.yaml")
    shutil.copytree(DATA / "since" / "day1", tmp_path / "talks")
    for name in ("north-out", "talks-out", "lost-out"):
        (tmp_path / name).mkdir()
    desks = [
        {"name": "north", "inbox": "north", "out_dir": "north-out", "profile": "northland.yaml"},
        {"name": "talks", "inbox": "talks", "out_dir": "talks-out", "profile": "thai-cam"},
        {"name": "lost", "inbox": "no-such-inbox", "out_dir": "lost-out"},
    ]
    path = tmp_path / "desks.yaml"
    path.write_text(yaml.safe_dump({"date": "2031-03-04", "desks": desks}))
    return path


def test_two_workers_brief_every_desk_and_report_the_failing_one(manifest) -> None:
    results = run_batch(load_manifest(manifest), workers=2, embedder_factory=HashingEmbedder)
    by_name = {r.name: r for r in results}
    assert [r.name for r in results] == ["north", "talks", "lost"]
    assert by_name["north"].ok and by_name["talks"].ok
    assert "no-such-inbox" in by_name["lost"].error and "is not a folder" in by_name["lost"].error
    base = manifest.parent
    for desk in ("north", "talks"):
        names = sorted(p.name for p in (base / f"{desk}-out").iterdir())
        assert names == [f"briefing-2031-03-04.{s}" for s in ("docx", "json", "md")]
    talks = json.loads((base / "talks-out" / "briefing-2031-03-04.json").read_text())
    assert talks["run"]["profile"] == "thai-cam"
    assert list((base / "lost-out").iterdir()) == []


def test_batch_command_exits_1_naming_the_failing_desk(manifest, monkeypatch) -> None:
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    result = CliRunner().invoke(app, ["batch", str(manifest), "--workers", "2"])
    assert result.exit_code == 1
    assert "desk lost: error: " in result.output and "desk north: wrote " in result.output
    assert "2 of 3 desks briefed" in result.output


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("desks: []", "lists no desks"),
        ("desks: [{name: a, inbox: x}]", "desk 1 needs name, inbox and out_dir"),
        ("desks: [{name: a, inbox: x, out_dir: y}, {name: a, inbox: z, out_dir: w}]", "twice"),
        ("desks: [{name: a, inbox: x, out_dir: y}]\nsmtp: {port: 25}", "needs a host"),
        (": : :", "not a YAML manifest"),
    ],
)
def test_a_bad_manifest_is_one_input_error(tmp_path, content, problem) -> None:
    path = tmp_path / "desks.yaml"
    path.write_text(content)
    with pytest.raises(InputError, match=problem):
        load_manifest(path)


def test_a_desk_with_recipients_is_mailed_through_the_manifest_smtp(manifest) -> None:
    import socket

    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self) -> None:
            self.rcpt: list[list[str]] = []

        async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
            self.rcpt.append(list(envelope.rcpt_tos))
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        data = yaml.safe_load(manifest.read_text())
        data["desks"] = [dict(data["desks"][1], to=["talks@example.org"])]
        data["smtp"] = {"host": "127.0.0.1", "port": port}
        manifest.write_text(yaml.safe_dump(data))
        results = run_batch(load_manifest(manifest), workers=1, embedder_factory=HashingEmbedder)
    finally:
        controller.stop()
    assert results[0].ok, results[0].error
    assert handler.rcpt == [["talks@example.org"]]
    assert any(f.endswith(".eml") for f in results[0].files)
