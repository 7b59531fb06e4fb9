"""`briefer daily`: brief the documents of one day from an inbox folder.

inbox ─▶ the day's documents ─▶ stories (briefer.stories) ─▶ one brief or a digest
      ─▶ new since the previous brief (briefer.since; the latest earlier JSON in out-dir)
      ─▶ briefing-DAY.{md,docx,json} written all or none ─▶ mailed (optional)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.data import Briefing, Digest, Document
from briefer.errors import InputError, OutputError, UsageError

__all__ = ["Mail", "run_daily"]


@dataclass(frozen=True)
class Mail:
    """Where and how the day's DOCX is mailed (`--send`)."""

    to: tuple[str, ...]
    host: str
    port: int = 25
    sender: str = "briefer@localhost"
    starttls: bool = False
    user: str | None = None
    allow_plaintext_auth: bool = False


def run_daily(
    inbox: Path,
    *,
    date: str,
    out_dir: Path,
    formats: Sequence[str] = ("md", "docx"),
    progress: bool = False,
    since: Path | None = None,
    new_only: bool = False,
    one_story: bool = False,
    story_threshold: float | None = None,
    story_days: int | None = 7,
    mail: Mail | None = None,
    embedder: object = None,
    **options: object,
) -> list[Path]:
    """Brief the documents of `date` in `inbox`; return the files written.

    A document's own date decides; one without a date counts on its file's modification day.
    `since` is the previous brief's JSON (default: the latest earlier one in `out_dir`);
    with `mail`, the day's DOCX is also written as an .eml and sent.
    """
    from briefer.output import check_output_paths, write_all
    from briefer.pipeline import parse_day
    from briefer.readers import load_documents
    from briefer.render import render
    from briefer.stories import brief_stories

    day = parse_day(date)
    if not inbox.is_dir():
        raise InputError(inbox, "is not a folder", "give the inbox folder of incoming documents")
    if not out_dir.is_dir():
        raise UsageError(f"--out-dir {out_dir}: the folder does not exist (create it first)")
    formats = list(dict.fromkeys(formats))
    unknown = set(formats) - {"md", "docx", "json"}
    if unknown or not formats:
        raise UsageError(f"--formats {','.join(formats)}: use md, docx and/or json")
    if mail is not None:
        from briefer.render.email import check_addresses

        if not mail.to:
            raise UsageError("--send needs at least one --to address")
        check_addresses(mail.to, mail.sender)  # before the work
    if mail is not None and "docx" not in formats:
        formats.append("docx")  # the mail carries the day's DOCX
    targets = [out_dir / f"briefing-{day}.{fmt}" for fmt in formats]
    eml_path = out_dir / f"briefing-{day}.eml" if mail is not None else None
    check_output_paths([*targets, *([eml_path] if eml_path else [])], inputs=[inbox])
    previous = _previous(since, out_dir, day)
    max_input_mb = float(options.pop("max_input_mb", 50.0))  # type: ignore[arg-type]
    documents = [d for d in load_documents([inbox], max_input_mb=max_input_mb) if _day_of(d) == day]
    if not documents:
        raise InputError(inbox, f"has no documents dated {day}", "check --date or the inbox")
    if embedder is None:
        from briefer.embed import MiniLMEmbedder

        embedder = MiniLMEmbedder()
    result = brief_stories(
        documents,
        date=day,
        one_story=one_story,
        story_threshold=story_threshold,
        story_days=story_days,
        embedder=embedder,
        progress=progress,
        **options,
    )
    if previous is not None:
        from briefer.since import mark_since

        result = mark_since(result, previous, embedder=embedder, new_only=new_only)
    # Every format rendered before any is written: a day's briefs are all there or none.
    rendered = [(t, render(result, fmt)) for t, fmt in zip(targets, formats, strict=True)]
    if mail is not None and eml_path is not None:
        docx = rendered[formats.index("docx")][1]
        rendered.append((eml_path, _eml(result, mail, docx)))
    written = write_all(rendered, inputs=[inbox])
    if mail is not None and eml_path is not None:
        try:
            _send(eml_path, mail)
        except OutputError as error:
            raise OutputError(f"{error} (the briefs are written in {out_dir}; not sent)") from None
    return written


def _previous(since: Path | None, out_dir: Path, day: str):
    from briefer.since import load_previous, previous_brief

    path = since if since is not None else previous_brief(out_dir, day)
    return load_previous(path) if path is not None else None


def _eml(result: Briefing | Digest, mail: Mail, docx: bytes) -> bytes:
    from briefer.render.email import build_eml

    return build_eml(result, to=list(mail.to), sender=mail.sender, docx_bytes=docx)


def _send(path: Path, mail: Mail) -> None:
    from briefer.render.email import send_eml

    send_eml(
        path,
        host=mail.host,
        port=mail.port,
        starttls=mail.starttls,
        user=mail.user,
        allow_plaintext_auth=mail.allow_plaintext_auth,
    )


def _day_of(document: Document) -> str:
    if document.date:
        return document.date[:10]
    if document.path and document.path != "-":
        stamp = Path(document.path).stat().st_mtime
        return dt.datetime.fromtimestamp(stamp, tz=dt.UTC).date().isoformat()
    return ""
