"""Email delivery: the .eml parses back, and a real SMTP server on loopback receives it intact."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from briefings import sample_briefing

from briefer.errors import InputError, OutputError, UsageError
from briefer.render.email import DOCX_TYPE, attachment_name, build_eml, send_eml
from briefer.render.markdown import render_markdown

DOCX = b"PK\x03\x04 not really a docx \x00\xff\r\n.\r\n" * 40  # binary, CRLF and a lone dot
DOCX_MIME = "/".join(DOCX_TYPE)


def eml(**options: object) -> bytes:
    fields = {"to": ["analyst@example.org"], "sender": "Briefer <briefer@example.org>"}
    return build_eml(sample_briefing(), docx_bytes=DOCX, **{**fields, **options})


def parse(data: bytes):
    return message_from_bytes(data, policy=policy.default)


def test_message_has_markdown_body_and_docx_attachment() -> None:
    message = parse(eml())
    assert message.get_content_type() == "multipart/mixed"
    body = message.get_body(preferencelist=("plain",))
    assert body.get_content().replace("\r\n", "\n") == render_markdown(sample_briefing())
    assert body["Content-Type"].params["charset"] == "utf-8"
    (attachment,) = message.iter_attachments()
    assert attachment.get_content_type() == DOCX_MIME
    assert attachment.get_filename() == "Pakistani-airstrikes-in-Paktika-province-2026-11-23.docx"
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_content() == DOCX


def test_message_headers_are_complete() -> None:
    message = parse(eml(to=["a@example.org", "Bee <b@example.org>"], subject="Daily\nbrief"))
    assert message["From"] == "Briefer <briefer@example.org>"
    assert message["To"] == "a@example.org, Bee <b@example.org>"
    assert message["Subject"] == "Daily brief"
    assert message["Date"].datetime is not None
    assert message["Message-ID"].endswith("@example.org>")
    assert message["MIME-Version"] == "1.0"


def test_default_subject_names_title_and_date() -> None:
    assert parse(eml())["Subject"] == (
        "Briefing: Pakistani airstrikes in Paktika province (2026-11-23)"
    )


def test_message_is_seven_bit_with_crlf_and_short_lines() -> None:
    data = eml()
    data.decode("ascii")
    lines = data.split(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 998


def test_attachment_name_is_ascii_for_any_title() -> None:
    briefing = dataclasses.replace(sample_briefing(), title="Frappes à Paktika: «bilan»/rapport")
    assert attachment_name(briefing) == "Frappes-a-Paktika-bilan-rapport-2026-11-23.docx"
    assert attachment_name(dataclasses.replace(briefing, title="…", date="")) == "briefing.docx"


def test_docx_is_rendered_when_not_given() -> None:
    data = build_eml(sample_briefing(), to=["a@example.org"], sender="b@example.org")
    (attachment,) = parse(data).iter_attachments()
    assert attachment.get_content().startswith(b"PK")


@pytest.mark.parametrize(
    ("to", "sender", "match"),
    [
        ([], "b@example.org", "--to: give at least one"),
        (["not an address"], "b@example.org", "--to 'not an address'"),
        (["a@example.org"], "nobody", "--from 'nobody'"),
        (["a@example.org, c@example.org"], "b@example.org", "--to"),
    ],
)
def test_bad_addresses_are_usage_errors(to, sender, match) -> None:
    with pytest.raises(UsageError, match=match):
        build_eml(sample_briefing(), to=to, sender=sender, docx_bytes=DOCX)


# sending, against a real SMTP server on loopback


class Recorder:
    def __init__(self) -> None:
        self.envelopes: list = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


AUTH_ATTEMPTS: list[object] = []  # every login the test server saw, with its credentials


def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    AUTH_ATTEMPTS.append(auth_data)
    ok = isinstance(auth_data, LoginPassword) and auth_data == LoginPassword(b"ana", b"s3cret")
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server() -> Iterator[tuple[Controller, Recorder]]:
    recorder = Recorder()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield controller, recorder
    finally:
        controller.stop()


@pytest.fixture
def eml_file(tmp_path: Path) -> Path:
    path = tmp_path / "brief.eml"
    path.write_bytes(eml(to=["analyst@example.org", "desk@example.org"]))
    return path


def test_sent_message_arrives_with_the_attachment_byte_for_byte(smtp_server, eml_file) -> None:
    controller, recorder = smtp_server
    sent_to = send_eml(eml_file, host="127.0.0.1", port=controller.port, timeout=10)
    assert sent_to == ("analyst@example.org", "desk@example.org")
    (envelope,) = recorder.envelopes
    assert envelope.mail_from == "briefer@example.org"
    assert envelope.rcpt_tos == ["analyst@example.org", "desk@example.org"]
    (attachment,) = parse(envelope.original_content).iter_attachments()
    assert attachment.get_content_type() == DOCX_MIME
    assert attachment.get_content() == DOCX


def test_login_reads_the_password_from_the_environment(
    smtp_server, eml_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, recorder = smtp_server
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", "s3cret")
    send_eml(
        eml_file,
        host="127.0.0.1",
        port=controller.port,
        user="ana",
        timeout=10,
        allow_plaintext_auth=True,
    )
    assert len(recorder.envelopes) == 1


def test_wrong_password_is_an_output_error(smtp_server, eml_file, monkeypatch) -> None:
    controller, recorder = smtp_server
    monkeypatch.setenv("MY_PASS", "wrong")
    with pytest.raises(OutputError, match="login as ana refused"):
        send_eml(
            eml_file,
            host="127.0.0.1",
            port=controller.port,
            user="ana",
            password_env="MY_PASS",
            timeout=10,
            allow_plaintext_auth=True,
        )
    assert recorder.envelopes == []


def test_missing_password_variable_is_a_usage_error(eml_file, monkeypatch) -> None:
    monkeypatch.delenv("BRIEFER_SMTP_PASSWORD", raising=False)
    with pytest.raises(UsageError, match="BRIEFER_SMTP_PASSWORD"):
        send_eml(eml_file, host="127.0.0.1", port=free_port(), user="ana")


def test_starttls_on_a_server_without_it_is_an_output_error(smtp_server, eml_file) -> None:
    controller, _ = smtp_server
    with pytest.raises(OutputError, match="does not support STARTTLS"):
        send_eml(eml_file, host="127.0.0.1", port=controller.port, starttls=True, timeout=10)


def test_connection_refused_names_host_and_port(eml_file) -> None:
    port = free_port()
    with pytest.raises(OutputError, match=f"127.0.0.1:{port}: connection refused") as caught:
        send_eml(eml_file, host="127.0.0.1", port=port, timeout=5)
    assert "\n" not in str(caught.value)


def test_missing_eml_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        send_eml(tmp_path / "nope.eml", host="127.0.0.1")


def test_file_without_headers_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.eml"
    path.write_text("just some text\n")
    with pytest.raises(InputError, match="not an email message"):
        send_eml(path, host="127.0.0.1")


@pytest.mark.parametrize("port", ["-1", "0", "70000"])
def test_smtp_port_out_of_range_is_one_line_naming_the_option(eml_file, port) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    result = CliRunner().invoke(
        app, ["send", str(eml_file), "--smtp-host", "127.0.0.1", "--smtp-port", port]
    )
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"--smtp-port {port}" in lines[0] and "1 to 65535" in lines[0]


# credentials never in clear; addresses checked by the standard's rules (issue 16)


def send_cli(*args: object):
    from typer.testing import CliRunner

    from briefer.cli import app

    return CliRunner().invoke(app, ["send", *(str(a) for a in args)])


def test_login_without_tls_is_refused_unless_plaintext_auth_is_allowed(
    smtp_server, eml_file, monkeypatch
) -> None:
    controller, recorder = smtp_server
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", "s3cret")
    AUTH_ATTEMPTS.clear()
    where = ["--smtp-host", "127.0.0.1", "--smtp-port", controller.port, "--user", "ana"]
    result = send_cli(eml_file, *where)
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--user ana" in lines[0]
    assert "--starttls" in lines[0] and "--allow-plaintext-auth" in lines[0]
    assert AUTH_ATTEMPTS == [] and recorder.envelopes == []  # the password never left
    result = send_cli(eml_file, *where, "--allow-plaintext-auth")
    assert result.exit_code == 0, (result.output, result.exception)
    assert len(AUTH_ATTEMPTS) == 1 and len(recorder.envelopes) == 1


def test_international_domain_and_display_name_are_encoded_for_the_header() -> None:
    message = parse(eml(to=["José <jose@exämple.org>"], sender="Brief <b@münchen.de>"))
    assert message["To"].addresses[0].display_name == "José"
    assert message["To"].addresses[0].addr_spec == "jose@xn--exmple-cua.org"
    assert message["From"].addresses[0].addr_spec == "b@xn--mnchen-3ya.de"
    eml(to=["José <jose@exämple.org>"]).decode("ascii")  # still 7-bit


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("José <josé@exämple.org>", "SMTPUTF8"),
        ("a..b@example.org", "not an email address"),
        ("a@-example.org", "not an email address"),
        ("a@exa_mple.org", "not an email address"),
        ("a@example..org", "not an email address"),
        ("x" * 65 + "@example.org", "not an email address"),
        ("a\x1b[31m@example.org", "not an email address"),
    ],
)
def test_addresses_that_break_the_rules_are_refused_clearly(address, problem) -> None:
    with pytest.raises(UsageError, match=problem) as caught:
        eml(to=[address])
    assert str(caught.value).startswith("--to ") and "\n" not in str(caught.value)


def test_brief_with_a_non_ascii_mailbox_writes_no_email(tmp_path) -> None:
    from typer.testing import CliRunner

    from briefer.cli import app

    article = tmp_path / "article.txt"
    article.write_text("Officials said the strikes hit a camp. Residents said eight died.\n")
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(
        app,
        [
            "brief",
            str(article),
            "-o",
            str(out / "b.md"),
            "--eml",
            str(out / "b.eml"),
            "--to",
            "José <josé@exämple.org>",
            "--quiet",
        ],
    )
    assert result.exit_code == 2, (result.output, result.exception)
    assert "--to" in result.stderr and "SMTPUTF8" in result.stderr
    assert list(out.iterdir()) == []


def test_an_eml_with_a_non_ascii_recipient_is_refused_before_connecting(tmp_path) -> None:
    path = tmp_path / "hand.eml"
    path.write_bytes(
        "From: b@example.org\r\nTo: josé@example.org\r\nSubject: x\r\n\r\nhi\r\n".encode()
    )
    with pytest.raises(InputError, match="josé@example.org.*SMTPUTF8"):
        send_eml(path, host="127.0.0.1", port=free_port(), timeout=5)
