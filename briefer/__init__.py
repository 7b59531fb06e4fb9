"""briefer: neutral, source-traceable briefings from news articles about one event.

    from briefer import build_briefing, load_documents, save
    briefing = build_briefing(load_documents(["seeds/", "samples/inputs/"]), length="short")
    save(briefing, "brief.md")   # .md, .docx or .json

Heavy libraries (torch, transformers) load only when a model is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "BrieferError",
    "Briefing",
    "Document",
    "build_briefing",
    "load_documents",
    "load_profile",
    "save",
]

if TYPE_CHECKING:
    from briefer.data import Briefing, Document
    from briefer.errors import BrieferError
    from briefer.perspectives import load_profile
    from briefer.pipeline import build_briefing
    from briefer.readers import load_documents
    from briefer.render import save

_LAZY = {
    "BrieferError": "briefer.errors",
    "Briefing": "briefer.data",
    "Document": "briefer.data",
    "build_briefing": "briefer.pipeline",
    "load_documents": "briefer.readers",
    "load_profile": "briefer.perspectives",
    "save": "briefer.render",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefer' has no attribute {name!r}")
