"""Metadata found in an article's text: a header block, front matter, datelines, dates.

Title: Pakistan strikes TTP camps        a header block (clipping tools, mail exports):
Source: Dawn                             read as metadata, marked as non-body
PESHAWAR, Pakistan — Pakistan ...        a dateline: the place, maybe a date and an outlet
KABUL, March 18, 2024 (Reuters) - ...
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Dateline", "Metadata", "dateline_at", "header_fields", "normalize_date"]

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
# A dateline opens the first paragraph: "PESHAWAR:", "NEW DELHI, Dec 25 (PTI):",
# "KABUL, Afghanistan (AP) —", "New Delhi:", "Islamabad, Dec 25 (APP) -".
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z][a-zA-Z.'’\-]*(?:[ \t]+[A-Z][a-zA-Z.'’\-]+){0,2}"
_EXTRA_WORD = r"(?:[A-Z][\w.'’\-]*|\d{1,4}(?:st|nd|rd|th)?)"
_DATELINE = re.compile(
    rf"""(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})
        (?:[ \t]*\[[^\[\]\n]{{1,30}}\])?                                    # [Pakistan]
        (?:[ \t]*,[ \t]*(?P<extra>{_EXTRA_WORD}(?:,?[ \t]+{_EXTRA_WORD}){{0,4}}))?  # , Dec 25
        [ \t]*(?:\((?P<outlet>[^()\n]{{1,40}})\))?                            # (Reuters)
        [ \t]*(?P<sep>—|–|--|-|:)[ \t]*""",
    re.VERBOSE,
)
_MAX_DATELINE = 80
_NOT_PLACES = {
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "WATCH",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "LIVE",
    "VIDEO",
    "READ",
    "ALSO READ",
    "EDITORIAL",
    "FILE",
    "NOTE",
}
# Header keys (as clipping tools, feed readers and mail exports write them) -> field.
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "subject": "title",
    "source": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "outlet": "outlet",
    "site": "outlet",
    "site name": "outlet",
    "from": "outlet",
    "newspaper": "outlet",
    "url": "url",
    "link": "url",
    "source url": "url",
    "original url": "url",
    "canonical": "url",
    "date": "date",
    "published": "date",
    "publish date": "date",
    "published date": "date",
    "date published": "date",
    "published at": "date",
    "sent": "date",
    "updated": "",
    "author": "",
    "authors": "",
    "by": "",
    "byline": "",
    "to": "",
    "cc": "",
    "section": "",
    "category": "",
    "tags": "",
    "keywords": "",
    "language": "",
    "lang": "",
    "description": "",
    "summary": "",
    "words": "",
    "word count": "",
    "id": "",
    "event": "",
}
_URL = re.compile(r"https?://\S+|www\.\S+")
_MAIL_NAME = re.compile(r"^\s*\"?([^\"<]+?)\"?\s*<[^>]*>\s*$")  # Dawn Today <news@dawn.com>


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


@dataclass(frozen=True)
class Dateline:
    end: int  # where the article's first sentence starts
    place: str  # "Peshawar", "Kabul, Afghanistan"
    meta: Metadata  # the date and outlet a dateline may carry


def normalize_date(value: object) -> str:
    """An ISO day (YYYY-MM-DD) from a date, datetime or common date string; "" if none."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return ""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(value):
            fields = match.groupdict()
            month = _MONTHS.get(fields["month"].lower()) if "month" in fields else None
            month = month or (int(fields["mon"]) if fields.get("mon") else None)
            try:
                return dt.date(int(fields["year"]), month or 0, int(fields["day"])).isoformat()
            except (TypeError, ValueError):
                continue
    return ""


def header_fields(key: str, value: str) -> Metadata | None:
    """The metadata of one `Key: value` header line; None if `key` is no header key."""
    field = HEADER_KEYS.get(re.sub(r"\s+", " ", key.strip().lower()))
    if field is None:
        return None
    value = value.strip().strip("\"'").strip()
    if field == "date":
        return Metadata(date=normalize_date(value))
    if field == "url":
        found = _URL.search(value)
        return Metadata(url=found.group() if found else value)
    if field == "outlet":
        found = _URL.search(value)
        if found:  # "Source: https://www.dawn.com/news/1" names the page, not the outlet
            return Metadata(url=found.group())
        named = _MAIL_NAME.match(value)
        return Metadata(outlet=named.group(1).strip() if named else value)
    if field == "title":
        return Metadata(title=value)
    return Metadata()


def dateline_at(text: str, start: int) -> Dateline | None:
    """The dateline opening the paragraph at `start`, if there is one."""
    match = _DATELINE.match(text, start)
    if match is None or match.end() - start > _MAX_DATELINE:
        return None
    rest = text[match.end() : match.end() + 1]
    if not rest or not (rest.isupper() or rest.isdigit() or rest in "\"“‘'\n"):
        return None  # a dateline is followed by the first sentence, or stands on its own line
    place, sep = match.group("place"), match.group("sep")
    if not place.isupper() and sep in {"-", "--"} and not match.group("outlet"):
        return None  # "Kabul - the ..." is rare; "Islamabad-based" and lists are common
    if place.isupper() and (len(place) < 3 or place in _NOT_PLACES):
        return None
    extra = (match.group("extra") or "").strip()
    date = normalize_date(extra)
    shown = _place_name(place)
    if extra and not re.search(r"\d", extra) and not _MONTHS.get(extra.split()[0].lower()):
        shown = f"{shown}, {extra}"
    outlet = (match.group("outlet") or "").strip()
    return Dateline(match.end(), shown, Metadata(outlet=outlet, date=date))


def _place_name(place: str) -> str:
    if not place.isupper():
        return place
    return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in place.split())
