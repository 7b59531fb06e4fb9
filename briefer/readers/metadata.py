"""Title, outlet and date from the text itself: front matter, datelines, a title line.

PESHAWAR, Pakistan — Pakistan carried out ...        a dateline (dropped from the text)
KABUL, March 18, 2024 (Reuters) - The Taliban ...    dateline with a date and an outlet
Pakistan strikes Taliban hideouts in Afghanistan     a short first line: the title
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Metadata", "guess_metadata", "normalize_date", "parse_front_matter", "strip_dateline"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = [
    re.compile(r"(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})(?:\b|T)"),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b"),
]
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z'.\- ]{1,40}[A-Z.])     # PESHAWAR, NEW DELHI
        (?:,\s*(?P<extra>[^—–(\n]{1,40}?))?         # , Pakistan / , March 18, 2024
        \s*(?:\((?P<outlet>[^)\n]{1,40})\))?        # (Reuters)
        \s*(?:—|–|--|-)\s+""",
    re.VERBOSE,
)
_TITLE_MAX_CHARS = 150
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FIELD_ALIASES = {
    "title": "title",
    "headline": "title",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
}


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""

    def fill(self, other: Metadata) -> Metadata:
        """These fields, with the empty ones taken from `other`."""
        return Metadata(
            self.title or other.title,
            self.outlet or other.outlet,
            self.date or other.date,
            self.url or other.url,
        )


def normalize_date(value: object) -> str:
    """An ISO day (YYYY-MM-DD) from a date, datetime or common date string; "" if none."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return ""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(value)
        if match is None:
            continue
        fields = match.groupdict()
        month = _MONTHS.get(fields["month"].lower()) if "month" in fields else None
        month = month or (int(fields["mon"]) if fields.get("mon") else None)
        try:
            return dt.date(int(fields["year"]), month or 0, int(fields["day"])).isoformat()
        except (TypeError, ValueError):
            continue
    return ""


def parse_front_matter(text: str) -> tuple[Metadata, str]:
    """YAML-ish `key: value` front matter between `---` lines, and the text after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return Metadata(), text
    found: dict[str, str] = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        field = _FIELD_ALIASES.get(key.strip().lower())
        if sep and field and field not in found:
            found[field] = value.strip().strip("\"'").strip()
    if "date" in found:
        found["date"] = normalize_date(found["date"])
    return Metadata(**found), text[match.end() :]


def guess_metadata(text: str) -> tuple[Metadata, str]:
    """Metadata from a title line or a dateline, and the text without the title line."""
    text = text.strip()
    first, newline, rest = text.partition("\n")
    title = ""
    if newline and rest.strip() and _looks_like_title(first.strip()):
        title, text = first.strip().lstrip("#").strip(), rest.strip()
    return _dateline(text.partition("\n")[0]).fill(Metadata(title=title)), text


def strip_dateline(text: str) -> str:
    """The text without a leading dateline ("KABUL (Reuters) - "): it is metadata, not news.

    Left in, it would open the first sentence of every briefing that quotes it.
    """
    match = _DATELINE.match(text)
    if match is None or not text[match.end() :].strip():
        return text
    return text[match.end() :]


def _looks_like_title(line: str) -> bool:
    if not line or len(line) > _TITLE_MAX_CHARS or _DATELINE.match(line):
        return False
    return line.startswith("#") or not line.rstrip("\"'”’").endswith((".", ":", ";", ","))


def _dateline(line: str) -> Metadata:
    match = _DATELINE.match(line)
    if match is None:
        return Metadata()
    outlet = (match.group("outlet") or "").strip()
    return Metadata(outlet=outlet, date=normalize_date(match.group("extra") or ""))
