"""Where briefer finds its shipped models.

TRAINED_MODEL   briefer-extcomp-minilm: the trained summarizer (the default)
SHIPPED_MODEL   briefer-fusion-minilm: the abstractive seq2seq model (--summarizer abstractive)
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["SHIPPED_MODEL", "TRAINED_MODEL", "shipped_model", "trained_model"]

SHIPPED_MODEL = "briefer-fusion-minilm"
TRAINED_MODEL = "briefer-extcomp-minilm"


def _models_root() -> Path:
    """`$BRIEFER_MODELS` (a folder of model folders) where set, else `models/` beside the
    package, as in a checkout or an editable install."""
    root = os.environ.get("BRIEFER_MODELS") or Path(__file__).resolve().parent.parent / "models"
    return Path(root)


def shipped_model(name: str = SHIPPED_MODEL) -> Path | None:
    """The shipped model folder `name` (by default the abstractive one), or None where this
    installation has none."""
    folder = _models_root() / name
    return folder if (folder / "config.json").is_file() else None


def trained_model() -> Path | None:
    """The shipped trained summarizer's folder, or None."""
    folder = _models_root() / TRAINED_MODEL
    return folder if (folder / "model.safetensors").is_file() else None
