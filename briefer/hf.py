"""The one door to Hugging Face transformers: offline, quiet, never remote code."""

from __future__ import annotations

import os

# Every from_pretrained call passes these (and use_safetensors=True for weights).
LOAD_OPTIONS = {"local_files_only": True, "trust_remote_code": False}


def quiet_transformers() -> None:
    """Offline mode, and no download bars or load reports on the user's terminal."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()
