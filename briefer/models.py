"""Where briefer finds its shipped summarization model."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["SHIPPED_MODEL", "shipped_model"]

SHIPPED_MODEL = "briefer-fusion-minilm"


def shipped_model() -> Path | None:
    """The shipped model folder, or None where this installation has none.

    Looked for in `$BRIEFER_MODELS` (a folder of model folders) where that is set, else in
    `models/` beside the package, as in a checkout or an editable install.
    """
    root = os.environ.get("BRIEFER_MODELS") or Path(__file__).resolve().parent.parent / "models"
    folder = Path(root) / SHIPPED_MODEL
    return folder if (folder / "config.json").is_file() else None
