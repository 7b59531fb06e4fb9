"""JSON records (.json: one object or a list of objects; .jsonl: one object per line).

Each record needs `text` (a string) and may carry `title`, `source` (or `outlet`), `date`
and `url`; other fields are ignored. A bad record is reported with its number.
"""

from __future__ import annotations

import json

from briefer.data import Document
from briefer.errors import InputError
from briefer.readers.metadata import Metadata, normalize_date
from briefer.readers.text import decode_text, text_document

__all__ = ["read_json", "read_jsonl"]

_OPTIONAL = {"title": "title", "source": "outlet", "outlet": "outlet", "date": "date", "url": "url"}
_SHAPE = 'each record is an object like {"text": "...", "title": "...", "source": "..."}'


def read_json(data: bytes, path: str) -> list[Document]:
    text = decode_text(data, path)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(path, f"is not valid JSON ({_reason(exc)})", _SHAPE) from exc
    records = value if isinstance(value, list) else [value]
    if not records:
        raise InputError(path, "holds an empty list of records", _SHAPE)
    return [_document(record, path, f"record {n}") for n, record in enumerate(records, 1)]


def read_jsonl(data: bytes, path: str) -> list[Document]:
    documents = []
    for n, line in enumerate(decode_text(data, path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise InputError(path, f"line {n} is not valid JSON ({_reason(exc)})", _SHAPE) from exc
        documents.append(_document(record, path, f"line {n}"))
    return documents


def _document(record: object, path: str, where: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(path, f"{where} is a {_kind(record)}, not an object", _SHAPE)
    text = record.get("text")
    if not isinstance(text, str):
        problem = "has no 'text'" if text is None else f"has a {_kind(text)} 'text'"
        raise InputError(path, f"{where} {problem}", "give each record a 'text' string")
    fields: dict[str, str] = {}
    for key, field in _OPTIONAL.items():
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(
                path, f"{where}: '{key}' is a {_kind(value)}", f"make '{key}' a string or drop it"
            )
        if value and field not in fields:
            fields[field] = value.strip()
    if "date" in fields:
        fields["date"] = normalize_date(fields["date"])
    if not text.strip():
        raise InputError(path, f"{where} has an empty 'text'", "give each record its article text")
    try:
        return text_document(text, path, Metadata(**fields))
    except InputError as exc:
        raise InputError(path, f"{where} {exc.problem}", exc.fix) from exc


def _kind(value: object) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
