"""Renderers: one module per output format, all reading the same Briefing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from briefer.data import Briefing, Digest
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


def render(briefing: Briefing | Digest, format: str, **options: object) -> bytes:
    """The briefing (or a digest of several stories) as bytes in `format` ("md", "docx" or
    "json")."""
    if isinstance(briefing, Digest):
        return _render_digest(briefing, format, **options)
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


def _render_digest(digest: Digest, format: str, **options: object) -> bytes:
    from briefer.render import digest as module

    if format == "md":
        return module.render_digest_markdown(digest).encode("utf-8")
    if format == "json":
        return module.render_digest_json(digest).encode("utf-8")
    if format == "docx":
        return module.render_digest_docx(digest, **options)  # type: ignore[arg-type]
    raise UsageError(f"--format {format}: unknown format (use md, docx or json)")


def save(
    briefing: Briefing | Digest,
    path: str | Path,
    *,
    format: str | None = None,
    inputs: Iterable[str | Path] = (),
    **options: object,
) -> Path:
    """Render and write atomically; never over an input file."""
    fmt = format_for(path, format)
    return write_atomic(path, render(briefing, fmt, **options), inputs=inputs)
