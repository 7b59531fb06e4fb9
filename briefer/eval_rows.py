"""The evaluation's examples: (documents, reference) rows of Multi-News or NeuS JSON Lines.

read_rows(path)   one row per non-blank line: Multi-News {documents, summary} (kept_doc_
                  indices when the preparation kept some), NeuS {documents: [{title,
                  text}], target_summary}
is_neus(path)     whether the file is NeuS (its budget is shorter)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from briefer.data import Document

__all__ = ["is_neus", "read_rows"]


def read_rows(path: str | Path, limit: int | None = None) -> Iterator[tuple[list[Document], str]]:
    """(documents, reference) per row of a Multi-News or NeuS JSON Lines file.

    A missing file or a row that is not such a record raises InputError naming the line.
    """
    from briefer.errors import InputError

    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror})", "pass a JSON Lines file") from None
    with f:
        n = 0
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            try:
                yield _row(json.loads(line), n)
            except (json.JSONDecodeError, KeyError, TypeError, IndexError, AttributeError) as exc:
                raise InputError(
                    f"{path}:{number}",
                    f"not a Multi-News or NeuS record ({type(exc).__name__}: {exc})",
                    "each line needs documents and summary or target_summary",
                ) from None


def _row(row: dict, n: int) -> tuple[list[Document], str]:
    if "target_summary" in row:  # NeuS: three articles {title, text}
        docs = [
            Document(id=f"r{n}d{i}", text=d["text"], title=d.get("title", ""))
            for i, d in enumerate(row["documents"])
        ]
        return docs, row["target_summary"]
    texts = row["documents"]
    kept = row.get("kept_doc_indices") or []
    if kept:
        texts = [texts[i] for i in kept if i < len(texts)]
    return [Document(id=f"r{n}d{i}", text=t) for i, t in enumerate(texts)], row["summary"]


def is_neus(path: str | Path) -> bool:
    from briefer.errors import InputError

    try:
        with open(path, encoding="utf-8") as f:
            first = next((line for line in f if line.strip()), "{}")
        return "target_summary" in json.loads(first)
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror})", "pass a JSON Lines file") from None
    except (json.JSONDecodeError, UnicodeDecodeError, TypeError, AttributeError) as exc:
        raise InputError(path, f"not JSON Lines ({exc})", "one JSON record per line") from None
