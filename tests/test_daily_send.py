"""`briefer daily --send`: the day's DOCX mailed through a local SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner

from briefer.cli import app
from briefer.embed import HashingEmbedder

DATA = Path(__file__).parent / "data"
runner = CliRunner()


class Desk:
    """An SMTP handler that accepts every message, or refuses every recipient with 550."""

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.messages: list[bytes] = []

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:  # noqa: N802
        if self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        self.messages.append(envelope.content)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(refuse: bool) -> Iterator[tuple[int, Desk]]:
    handler = Desk(refuse)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()


@pytest.fixture
def accepting() -> Iterator[tuple[int, Desk]]:
    yield from serve(refuse=False)


@pytest.fixture
def refusing() -> Iterator[tuple[int, Desk]]:
    yield from serve(refuse=True)


@pytest.fixture
def inbox(tmp_path, monkeypatch) -> Path:
    """The day's inbox: two stories (the dam and the talks) on 4 March 2031."""
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in [
        *sorted((DATA / "stories").glob("dam-*.txt")),
        *(DATA / "since" / "day1").iterdir(),
    ]:
        (folder / path.name.replace("eastern", "talks-eastern")).write_bytes(path.read_bytes())
    return folder


def daily(inbox: Path, out: Path, port: int, *extra: str):
    args = ["daily", str(inbox), "--date", "2031-03-04", "--out-dir", str(out), "--quiet"]
    args += ["--profile", "thai-cam", "--formats", "md", "--send", "--to", "desk@example.org"]
    return runner.invoke(app, [*args, "--smtp-host", "127.0.0.1", "--smtp-port", str(port), *extra])


def test_daily_send_mails_the_docx_with_the_stories_titles_in_the_body(
    inbox, tmp_path, accepting
) -> None:
    port, desk = accepting
    out = tmp_path / "briefs"
    out.mkdir()
    result = daily(inbox, out, port)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "briefing-2031-03-04.docx",
        "briefing-2031-03-04.eml",
        "briefing-2031-03-04.md",
    ]
    assert len(desk.messages) == 1
    message = email.message_from_bytes(desk.messages[0], policy=policy.default)
    body = message.get_body(("plain",)).get_content()
    titles = [
        line
        for line in body.split("## Today's stories", 1)[1].split("\n## ")[0].splitlines()
        if line[:2] in {"1.", "2."}
    ]
    assert len(titles) == 2 and any("Tarsa" in t for t in titles)
    attachment = next(message.iter_attachments())
    assert attachment.get_content() == (out / "briefing-2031-03-04.docx").read_bytes()


def test_a_refusing_server_is_one_error_and_the_briefs_stay_written(
    inbox, tmp_path, refusing
) -> None:
    port, desk = refusing
    out = tmp_path / "briefs"
    out.mkdir()
    result = daily(inbox, out, port)
    assert result.exit_code == 2
    assert f"127.0.0.1:{port}: the server refused the recipients desk@example.org" in result.output
    assert "not sent" in result.output and desk.messages == []
    assert (out / "briefing-2031-03-04.docx").exists()


def test_send_without_a_host_or_recipient_is_refused_before_the_work(inbox, tmp_path) -> None:
    result = runner.invoke(
        app, ["daily", str(inbox), "--date", "2031-03-04", "--out-dir", str(tmp_path), "--send"]
    )
    assert result.exit_code == 2 and "--smtp-host" in result.output
    result = runner.invoke(
        app,
        ["daily", str(inbox), "--date", "2031-03-04", "--out-dir", str(tmp_path), "--send"]
        + ["--smtp-host", "127.0.0.1", "--to", "not an address"],
    )
    assert result.exit_code == 2 and "--to" in result.output
    assert list(tmp_path.glob("briefing-*")) == []
