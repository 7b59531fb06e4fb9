"""Renderers: one module per output format, all reading the same Briefing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from briefer.data import Briefing
from briefer.errors import UsageError
from briefer.output import write_atomic

FORMATS = {".md": "md", ".markdown": "md", ".docx": "docx", ".json": "json"}


def format_for(path: str | Path, format: str | None = None) -> str:
    """The format asked for, or the one the file suffix implies."""
    if format:
        if format not in {"md", "docx", "json"}:
            raise UsageError(f"--format {format}: unknown format (use md, docx or json)")
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"{path}: cannot tell the format from the suffix '{suffix}' "
            "(use .md, .docx or .json, or pass --format)"
        )
    return FORMATS[suffix]


def render(briefing: Briefing, format: str, **options: object) -> bytes:
    """The briefing as bytes in `format` ("md", "docx" or "json")."""
    if format == "md":
        from briefer.render.markdown import render_markdown

        return render_markdown(briefing).encode("utf-8")
    if format == "json":
        from briefer.render.json import render_json

        return render_json(briefing).encode("utf-8")
    if format == "docx":
        from briefer.render.docx import render_docx

        return render_docx(briefing, **options)
    raise UsageError(f"--format {format}: unknown format (use md, docx or json)")


def save(
    briefing: Briefing,
    path: str | Path,
    *,
    format: str | None = None,
    inputs: Iterable[str | Path] = (),
    **options: object,
) -> Path:
    """Render and write atomically; never over an input file."""
    fmt = format_for(path, format)
    return write_atomic(path, render(briefing, fmt, **options), inputs=inputs)
