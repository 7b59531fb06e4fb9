"""Checks of a rendered brief, shared with scripts/eval_coverage.py (which defines them)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from eval_coverage import BODY_END, repeated_sentences, sentences  # noqa: E402

__all__ = ["BODY_END", "body", "body_words", "repeated_sentences", "sentences"]


def body(markdown: str) -> str:
    """Everything above the Sources heading."""
    return markdown.split(BODY_END)[0]


def body_words(markdown: str) -> int:
    return len(body(markdown).split())
