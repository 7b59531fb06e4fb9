"""The briefing as an email: the Markdown brief as the body, the DOCX attached.

`build_eml` writes a message any mail client or `sendmail -t` accepts (RFC 5322, CRLF
line ends, 7-bit transfer encodings); `send_eml` delivers a saved .eml over SMTP. The SMTP
password only ever comes from an environment variable, never from the command line.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path

from briefer.data import Briefing, Digest
from briefer.errors import InputError, OutputError, UsageError
from briefer.render.common import clean

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
PASSWORD_ENV = "BRIEFER_SMTP_PASSWORD"


def build_eml(
    briefing: Briefing | Digest,
    *,
    to: Sequence[str],
    sender: str,
    subject: str | None = None,
    docx_bytes: bytes | None = None,
) -> bytes:
    """The briefing as an RFC 5322 message: Markdown body, DOCX attached (rendered if not given).

    A digest's body opens with its list of today's stories."""
    from briefer.render import render

    recipients, from_address = check_addresses(to, sender)
    if docx_bytes is None:
        docx_bytes = render(briefing, "docx")

    message = EmailMessage(policy=policy.SMTP)
    message["From"] = from_address
    message["To"] = recipients
    message["Subject"] = clean(subject) if subject and clean(subject) else default_subject(briefing)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=from_address.domain or "briefer.invalid")
    body = render(briefing, "md").decode("utf-8")
    message.set_content(body, subtype="plain", cte="quoted-printable")
    message.add_attachment(
        docx_bytes, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=attachment_name(briefing)
    )
    return message.as_bytes(policy=policy.SMTP)


def check_addresses(to: Sequence[str], sender: str) -> tuple[list[Address], Address]:
    """The recipients and the sender, checked (UsageError naming --to or --from)."""
    recipients = [_address(item, "--to") for item in to]
    if not recipients:
        raise UsageError("--to: give at least one recipient (e.g. --to analyst@example.org)")
    return recipients, _address(sender, "--from")


def default_subject(briefing: Briefing | Digest) -> str:
    title = clean(briefing.title) or "Briefing"
    return f"Briefing: {title}" + (f" ({briefing.date})" if briefing.date else "")


def attachment_name(briefing: Briefing | Digest) -> str:
    """A file name any mail client and file system accepts: ASCII letters, digits, dashes."""
    ascii_title = unicodedata.normalize("NFKD", briefing.title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-")[:60].rstrip("-") or "briefing"
    if briefing.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", briefing.date):
        stem += f"-{briefing.date}"
    return f"{stem}.docx"


def send_eml(
    path: str | Path,
    *,
    host: str,
    port: int = 25,
    starttls: bool = False,
    user: str | None = None,
    password_env: str = PASSWORD_ENV,
    timeout: float = 30,
    allow_plaintext_auth: bool = False,
) -> tuple[str, ...]:
    """Send a saved .eml over SMTP to its To/Cc/Bcc addresses; returns the recipients.

    With `user`, logs in with the password in the environment variable `password_env`, and
    only over TLS (`starttls`) unless `allow_plaintext_auth`: refused before connecting.
    """
    if not 1 <= port <= 65535:
        raise UsageError(f"--smtp-port {port}: not a port (use 1 to 65535, such as 25 or 587)")
    data, message = _read_eml(path)
    sender = _envelope(message.get_all("From", []), path, "From")[0]
    recipients = tuple(
        _envelope(
            [*message.get_all("To", []), *message.get_all("Cc", []), *message.get_all("Bcc", [])],
            path,
            "To",
        )
    )
    if message.get_all("Bcc"):  # the envelope carries them; the delivered header must not
        del message["Bcc"]
        data = message.as_bytes(policy=policy.SMTP)
    password = None
    if user:
        password = os.environ.get(password_env)
        if not password:
            raise UsageError(
                f"--user {user}: set the SMTP password in the environment variable "
                f"{password_env} (it is never read from the command line)"
            )
        if not starttls and not allow_plaintext_auth:
            raise UsageError(
                f"--user {user}: the connection to {host}:{port} would not be encrypted, so the"
                " password would travel in clear (add --starttls, or --allow-plaintext-auth to"
                " send it anyway)"
            )
    where = f"{host}:{port}"
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            smtp.ehlo()
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if user and password:
                smtp.login(user, password)
            smtp.sendmail(sender, recipients, data)
    except smtplib.SMTPNotSupportedError as error:
        what = "STARTTLS" if starttls and "STARTTLS" in str(error) else "an extension we need"
        raise OutputError(f"{where}: the server does not support {what} ({_line(error)})") from None
    except smtplib.SMTPAuthenticationError as error:
        raise OutputError(
            f"{where}: login as {user} refused ({_line(error)}); check --user and ${password_env}"
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        refused = ", ".join(sorted(error.recipients))
        raise OutputError(f"{where}: the server refused the recipients {refused}") from None
    except smtplib.SMTPSenderRefused as error:
        raise OutputError(
            f"{where}: the server refused the sender {sender} ({_line(error)})"
        ) from None
    except smtplib.SMTPException as error:
        raise OutputError(f"{where}: SMTP error: {_line(error)}") from None
    except ssl.SSLError as error:
        raise OutputError(f"{where}: TLS failed ({_line(error)}); check --starttls") from None
    except ConnectionRefusedError:
        raise OutputError(
            f"{where}: connection refused (is an SMTP server listening there? "
            "check --smtp-host and --smtp-port)"
        ) from None
    except socket.gaierror:
        raise OutputError(f"{where}: unknown host {host} (check --smtp-host)") from None
    except TimeoutError:
        raise OutputError(
            f"{where}: no answer within {timeout:g} s (check --smtp-host and --smtp-port)"
        ) from None
    except OSError as error:
        raise OutputError(f"{where}: cannot connect ({_line(error)})") from None
    return recipients


def _address(text: str, option: str) -> Address:
    """One mailbox from the command line, as `user@host` or `Name <user@host>`.

    The address must be one by RFC 5321: an ASCII dot-atom before the @ (a non-ASCII one
    needs SMTPUTF8, which briefer does not use, so it is refused), a domain that IDNA 2008
    (UTS 46) accepts, written as its ASCII form (`exämple.org` -> `xn--exmple-cua.org`).
    The display name may be any text; the header encodes it.
    """
    try:
        pairs = getaddresses([text], strict=True)
    except TypeError:  # Python before the `strict` parameter
        pairs = getaddresses([text])
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise UsageError(f"{option} {text!r}: not an email address (it holds control characters)")
    if len(pairs) != 1:
        raise UsageError(f"{option} {text!r}: give one email address such as name@example.org")
    name, addr = pairs[0]
    try:
        local, domain = mailbox(addr)
    except ValueError as error:
        raise UsageError(f"{option} {text!r}: {error}") from None
    try:
        return Address(display_name=clean(name), username=local, domain=domain)
    except (ValueError, IndexError) as error:
        raise UsageError(f"{option} {text!r}: not an email address ({_line(error)})") from None


def mailbox(addr: str) -> tuple[str, str]:
    """(local part, ASCII domain) of an address; ValueError saying what is wrong."""
    import idna

    expected = "not an email address (expected name@example.org)"
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain:
        raise ValueError(expected)
    if not local.isascii():
        raise ValueError(
            "the part before @ is not ASCII, which needs SMTPUTF8 that briefer does not send"
            " (give an ASCII address)"
        )
    if len(local) > 64 or not _DOT_ATOM.fullmatch(local):
        raise ValueError(expected)
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        raise ValueError(expected) from None
    if len(ascii_domain) > 253 or len(local) + 1 + len(ascii_domain) > 254:
        raise ValueError(expected)
    return local, ascii_domain


_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")


def _read_eml(path: str | Path) -> tuple[bytes, EmailMessage]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file", "give the .eml written by --eml") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror or error})") from None
    data = re.sub(rb"\r?\n", b"\r\n", data)  # SMTP wants CRLF; files edited by hand may have LF
    message = BytesParser(policy=policy.SMTP).parsebytes(data)
    if not isinstance(message, EmailMessage) or not message.get("From"):
        raise InputError(path, "not an email message (no From: header)", "give a .eml file")
    return data, message


def _envelope(values: Sequence[str], path: str | Path, header: str) -> list[str]:
    addresses = [addr for _, addr in getaddresses([str(v) for v in values]) if "@" in addr]
    if not addresses:
        raise InputError(path, f"the message has no {header}: address", f"add a {header}: header")
    checked = []
    for addr in addresses:
        try:
            local, domain = mailbox(addr)
        except ValueError as error:
            raise InputError(path, f"the {header}: address {addr}: {error}") from None
        checked.append(f"{local}@{domain}")
    return checked


def _line(error: BaseException) -> str:
    """An exception as one short line (SMTP replies arrive as (code, bytes))."""
    args = getattr(error, "smtp_code", None), getattr(error, "smtp_error", None)
    if args[0] is not None:
        text = args[1].decode("utf-8", "replace") if isinstance(args[1], bytes) else str(args[1])
        return f"{args[0]} {clean(text)}"
    return clean(str(error)) or type(error).__name__
