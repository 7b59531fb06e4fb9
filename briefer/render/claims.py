"""`briefer claims`: one row per sentence (who said what) as JSON or as CSV.

The CSV is made safe to open in a spreadsheet (OWASP, "CSV Injection"): every cell is quoted,
and a text cell that starts with a character a spreadsheet reads as the start of a formula
(= + - @, tab, carriage return, or their full-width forms) gets a leading apostrophe, so it
is shown as the text it is and never evaluated.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

__all__ = ["FORMULA_STARTS", "csv_cell", "render_claims"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def render_claims(rows: Sequence[Mapping[str, object]], format: str) -> str:
    """The rows as indented JSON ("json") or as CSV with a header line ("csv")."""
    if format == "json":
        return json.dumps(list(rows), indent=2, ensure_ascii=False)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    fields = list(rows[0]) if rows else ["doc_id"]
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(row[field]) for field in fields])
    return buffer.getvalue()


def csv_cell(value: object) -> object:
    """The one place a CSV cell is escaped: text that could start a formula is quoted with '.

    A list (the clauses a speaker does not own, say) is written as its JSON text.
    """
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
