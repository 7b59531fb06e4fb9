"""What is new since the previous brief: each claim marked new or carried over.

    previous brief (JSON) ─▶ its statements' words ─▶ embedded (the run's embedder)
    today's statements ─▶ embedded ─▶ best cosine against the previous ones
        ≥ threshold, and no figure the previous claim lacked ─▶ "earlier" (carried over)
        otherwise                                           ─▶ "new"

Carried-over claims leave their place in the brief and are listed, one line each, under
"Earlier" (or left out with `--new-only`); a brief with nothing new says so in one line. A
figure decides against the embedding: "killed 46" after "killed 12" is news, however close
the sentences read. The threshold was measured on two invented consecutive days
(tests/data/since, scripts/eval_since.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from briefer.data import Briefing, Digest, Row, Since, Statement
from briefer.errors import InputError

__all__ = [
    "DEFAULT_THRESHOLD",
    "Previous",
    "load_previous",
    "mark_since",
    "one_line",
    "previous_brief",
]

DEFAULT_THRESHOLD = 0.74  # MiniLM cosine, measured: scripts/eval_since.py
ONE_LINE_WORDS = 16
_BRIEF_NAME = re.compile(r"briefing-(\d{4}-\d{2}-\d{2})\.json")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Previous:
    """The previous brief: how to name it, and the words of every claim it held."""

    label: str  # its date (ISO), or its file name when it has none
    texts: tuple[str, ...]


def previous_brief(out_dir: Path, day: str) -> Path | None:
    """The latest `briefing-YYYY-MM-DD.json` in `out_dir` dated before `day`, if any."""
    found = []
    for path in out_dir.glob("briefing-*.json"):
        match = _BRIEF_NAME.fullmatch(path.name)
        if match and match.group(1) < day:
            found.append((match.group(1), path))
    return max(found)[1] if found else None


def load_previous(path: Path) -> Previous:
    """The claims of a brief JSON (one story or a digest) written by briefer."""
    fix = "give a brief JSON written by briefer (--formats json)"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such file", fix) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"not a brief JSON ({type(error).__name__})", fix) from None
    briefs = data.get("stories") if isinstance(data, dict) else None
    if briefs is None:
        briefs = [data]
    texts: list[str] = []
    for brief in briefs:
        statements = brief.get("statements") if isinstance(brief, dict) else None
        if not isinstance(statements, list):
            raise InputError(path, "has no statements list", fix)
        texts.extend(str(s.get("text", "")) for s in statements if isinstance(s, dict))
    label = str(data.get("date") or "") or Path(path).name
    return Previous(label=label, texts=tuple(t for t in texts if t.strip()))


def mark_since(
    result: Briefing | Digest,
    previous: Previous,
    *,
    embedder: object,
    threshold: float | None = None,
    new_only: bool = False,
) -> Briefing | Digest:
    """Mark every claim of `result` new or carried over against `previous`."""
    if threshold is None:
        threshold = float(getattr(embedder, "since_threshold", DEFAULT_THRESHOLD))
    before = embedder.embed(list(previous.texts))  # type: ignore[attr-defined]

    def mark(briefing: Briefing) -> Briefing:
        return mark_briefing(
            briefing, previous, before, embedder=embedder, threshold=threshold, new_only=new_only
        )

    if isinstance(result, Digest):
        return replace(result, stories=tuple(mark(b) for b in result.stories))
    return mark(result)


def mark_briefing(
    briefing: Briefing,
    previous: Previous,
    before: np.ndarray,
    *,
    embedder: object,
    threshold: float,
    new_only: bool = False,
) -> Briefing:
    """`briefing` with each statement's novelty set, carried-over ones moved to Earlier."""
    compared = [s for s in briefing.statements if s.origin != "note"]
    novelty = dict(
        zip(
            [s.id for s in compared],
            _novelty(compared, previous, before, embedder, threshold),
            strict=True,
        )
    )
    marked = {s.id: replace(s, novelty=novelty.get(s.id, "")) for s in briefing.statements}

    def keep(items: Sequence[Statement]) -> tuple[Statement, ...]:
        return tuple(marked.get(s.id, s) for s in items if novelty.get(s.id) != "earlier")

    rows = tuple(
        replace(row, cells=tuple(keep(cell) for cell in row.cells)) for row in briefing.rows
    )
    shown = briefing.shown()
    carried = [marked[s.id] for s in shown if novelty.get(s.id) == "earlier"]
    new = sum(1 for s in shown if novelty.get(s.id) == "new")
    earlier = () if new_only else tuple(replace(s, text=one_line(s.text)) for s in carried)
    return replace(
        briefing,
        lede=keep(briefing.lede),
        rows=tuple(row for row in rows if _has_claims(row)),
        facts=keep(briefing.facts),
        other_voices=keep(briefing.other_voices),
        background=keep(briefing.background),
        statements=tuple(marked[s.id] for s in briefing.statements),
        since=Since(previous=previous.label, new=new, carried=len(carried), earlier=earlier),
    )


def _novelty(
    statements: Sequence[Statement],
    previous: Previous,
    before: np.ndarray,
    embedder: object,
    threshold: float,
) -> list[str]:
    if not statements:
        return []
    if not previous.texts:
        return ["new"] * len(statements)
    now = embedder.embed([s.text for s in statements])  # type: ignore[attr-defined]
    similarity = now @ before.T
    out = []
    for statement, row in zip(statements, similarity, strict=True):
        best = int(np.argmax(row))
        same = row[best] >= threshold and _figures(statement.text) <= _figures(previous.texts[best])
        out.append("earlier" if same else "new")
    return out


def best_similarities(
    texts: Sequence[str], previous: Sequence[str], embedder: object
) -> list[float]:
    """Each text's best cosine against `previous` (for measuring the threshold)."""
    if not texts or not previous:
        return [0.0] * len(texts)
    now = embedder.embed(list(texts))  # type: ignore[attr-defined]
    before = embedder.embed(list(previous))  # type: ignore[attr-defined]
    return [float(v) for v in (now @ before.T).max(axis=1)]


def _figures(text: str) -> set[str]:
    return {m.replace(",", "") for m in _FIGURE.findall(text)}


def _has_claims(row: Row) -> bool:
    return any(cell for cell in row.cells)


def one_line(text: str, words: int = ONE_LINE_WORDS) -> str:
    """`text` cut to its first `words` words (at a clause's end when one comes late enough),
    with an ellipsis where it was cut."""
    parts = text.split()
    if len(parts) <= words:
        return text.strip()
    head = parts[:words]
    for i in range(len(head) - 1, words // 2, -1):
        if head[i].endswith((",", ";", ":")):
            head = head[: i + 1]
            break
    return " ".join(head).rstrip(",;:") + " …"
