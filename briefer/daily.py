"""`briefer daily`: brief the documents of one day from an inbox folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from briefer.data import Document
from briefer.errors import InputError, UsageError


def run_daily(
    inbox: Path,
    *,
    date: str,
    out_dir: Path,
    formats: Sequence[str] = ("md", "docx"),
    progress: bool = False,
    **options: object,
) -> list[Path]:
    """Brief the documents of `date` in `inbox`; return the files written.

    A document's own date decides; one without a date counts on its file's modification day.
    """
    from briefer.output import check_output_paths, write_all
    from briefer.pipeline import build_briefing, parse_day
    from briefer.readers import load_documents
    from briefer.render import render

    day = parse_day(date)
    if not inbox.is_dir():
        raise InputError(inbox, "is not a folder", "give the inbox folder of incoming documents")
    if not out_dir.is_dir():
        raise UsageError(f"--out-dir {out_dir}: the folder does not exist (create it first)")
    formats = list(dict.fromkeys(formats))
    unknown = set(formats) - {"md", "docx", "json"}
    if unknown or not formats:
        raise UsageError(f"--formats {','.join(formats)}: use md, docx and/or json")
    targets = [out_dir / f"briefing-{day}.{fmt}" for fmt in formats]
    check_output_paths(targets, inputs=[inbox])
    max_input_mb = float(options.pop("max_input_mb", 50.0))  # type: ignore[arg-type]
    documents = [d for d in load_documents([inbox], max_input_mb=max_input_mb) if _day_of(d) == day]
    if not documents:
        raise InputError(inbox, f"has no documents dated {day}", "check --date or the inbox")
    briefing = build_briefing(documents, date=day, progress=progress, **options)  # type: ignore[arg-type]
    # Every format rendered before any is written: a day's briefs are all there or none.
    pairs = zip(targets, formats, strict=True)
    rendered = [(target, render(briefing, fmt)) for target, fmt in pairs]
    return write_all(rendered, inputs=[inbox])


def _day_of(document: Document) -> str:
    if document.date:
        return document.date[:10]
    if document.path and document.path != "-":
        stamp = Path(document.path).stat().st_mtime
        return dt.datetime.fromtimestamp(stamp, tz=dt.UTC).date().isoformat()
    return ""
