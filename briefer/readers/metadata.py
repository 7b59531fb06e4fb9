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
    # "17.09.2022": dots separate a day-first date (European, Russian, Central Asian usage)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b"),
]
# A dateline opens the first paragraph: "PESHAWAR:", "NEW DELHI, Dec 25 (PTI):",
# "KABUL, Afghanistan (AP) —", "New Delhi:", "Islamabad, Dec 25 (APP) -", "New York, IRNA-",
# "MOSCOW, May 7. /TASS/.", "BAKU, Azerbaijan, September 13.", "MOSCOW (Sputnik - 17th April)",
# "DUSHANBE, 17.09.2022 (NIAT Khovar) –".
_CAPS_PLACE = r"[A-Z][A-Z.'’]+(?:-[A-Z.'’]+)*(?:[ \t]+[A-Z][A-Z.'’]+(?:-[A-Z.'’]+)*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z][a-zA-Z.'’]*(?:-[a-zA-Z.'’]+)*(?:[ \t]+[A-Z][a-zA-Z.'’]+){0,2}"
_EXTRA_WORD = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*\.?|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,4}(?:st|nd|rd|th)?)"
_DATELINE = re.compile(  # "ISLAMABAD/LANDIKOTAL:" names two places
    rf"""(?P<place>{_CAPS_PLACE}(?:/{_CAPS_PLACE})?|{_TITLE_PLACE}(?:/{_TITLE_PLACE})?)
        (?:[ \t]*\[[^\[\]\n]{{1,30}}\])?                                    # [Pakistan]
        (?:[ \t]*,[ \t]*(?P<extra>{_EXTRA_WORD}(?:,?[ \t]+{_EXTRA_WORD}){{0,4}}))?  # , Dec 25
        [ \t]*(?:\((?P<outlet>[^()\n]{{1,60}})\))?                            # (Reuters)
        [ \t]*(?P<sep>—|–|--|-|:|(?<=\d)\.(?:[ \t]*/(?P<agency>[A-Z]{{2,10}})/\.?)?)?[ \t]*""",
    re.VERBOSE,
)
_MONTH_NAMES = (  # "October", "Oct", "Oct.": capitalised, the longest first
    "(?:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
)
# "BRUSSELS, Oct 3 NATO demanded ...": a capitals place and a day, no separator, the first
# sentence right after.
_BARE_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}),(?:[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,)?"
    rf"[ \t]+(?P<day>{_MONTH_NAMES}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?)[ \t]+(?=[A-Z])"
)
# "July 24 (UPI) --": the date and the agency, no place.
_DATE_FIRST = re.compile(
    r"(?P<extra>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})(?:,?[ \t]+\d{4})?)"
    r"[ \t]*\((?P<outlet>[^()\n]{1,40})\)[ \t]*(?P<sep>—|–|--|-|:)[ \t]*"
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
_DOMAIN_NOTE = re.compile(r"\s*\((?:www\.)?[\w-]+(?:\.[\w-]+)+\)\s*$")  # "The Nation (nation.com)"
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


_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})([/-])(?P<mon>[01]?\d)\2(?P<day>[0-3]?\d)(?=[/.-]|$)"
)


def date_in_url(url: str) -> str:
    """The ISO day a news URL's path gives ("/2022/09/12/", "/2017-05-05-..."); "" if none.

    Only year, month and day in that order, separated alike, count: an article number is no
    date, and neither is a month without its day ("/2022/09/").
    """
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for match in _URL_DATE.finditer(path):
        try:
            return dt.date(int(match["year"]), int(match["mon"]), int(match["day"])).isoformat()
        except ValueError:
            continue
    return ""


def _unquoted(value: str) -> str:
    """`value` without the quotes around it ("'Kabul'" -> "Kabul"); a quotation that ends
    it stays whole ("Georgia 'calls Ossetia ceasefire'")."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def header_fields(key: str, value: str) -> Metadata | None:
    """The metadata of one `Key: value` header line; None if `key` is no header key."""
    field = HEADER_KEYS.get(re.sub(r"\s+", " ", key.strip().lower()))
    if field is None:
        return None
    value = _unquoted(value.strip())
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
        name = named.group(1).strip() if named else value
        return Metadata(outlet=_DOMAIN_NOTE.sub("", name).strip() or name)
    if field == "title":
        return Metadata(title=value)
    return Metadata()


def dateline_at(text: str, start: int) -> Dateline | None:
    """The dateline opening the paragraph at `start`, if there is one."""
    dated = _DATE_FIRST.match(text, start)
    if (
        dated is not None
        and _MONTHS.get(re.split(r"[\s.]", dated.group("extra"))[0].lower())
        or (dated is not None and dated.group("extra")[:1].isdigit())
    ):
        meta = Metadata(outlet=dated.group("outlet").strip(), date=normalize_date(dated.group()))
        return _checked(text, dated.end(), "", meta)
    bare = _BARE_DATELINE.match(text, start)
    if bare is not None and bare.group("place") not in _NOT_PLACES:
        # "PESHAWAR, Pakistan, June 14 A Pakistani military officer ...": a wire's dateline
        # whose "(Reuters) -" the copy lost
        date = normalize_date(bare.group("day"))
        return _checked(text, bare.end(), _place_name(bare.group("place")), Metadata(date=date))
    match = _DATELINE.match(text, start)
    if match is None or match.end() - start > _MAX_DATELINE:
        return None
    place, sep, outlet = match.group("place"), match.group("sep"), match.group("outlet")
    extra = (match.group("extra") or "").strip()
    glued = text[match.end() - 1 : match.end()] == ")" and text[match.end() : match.end() + 1]
    if sep is None and not (
        outlet
        and (
            (place.isupper() and text[match.end() - 1 : match.end()].isspace())
            or (glued and glued.isupper())  # "London (CNN)It was ..."
        )
    ):
        return None  # "MOSCOW (Sputnik - 17th April)" needs no dash; others do
    if not place.isupper() and sep in {"-", "--"} and not (outlet or extra.isupper()):
        return None  # "Kabul - the ..." is rare; "Islamabad-based" and lists are common
    if place.isupper() and (len(place) < 3 or place in _NOT_PLACES):
        return None
    if place.split()[0].lower() in _MONTHS:
        return None
    date = normalize_date(extra) or normalize_date(outlet or "")
    shown = _place_name(place)
    country = [w for w in extra.split(",") if w.strip() and not re.search(r"\d", w)]
    if (
        country
        and not _MONTHS.get(country[0].strip().lower().rstrip("."))
        and not (country[0].strip().isupper() and sep == "-")
    ):
        shown = f"{shown}, {country[0].strip()}"
    outlet_name = match.group("agency") or (outlet or "").split(" - ")[0].split("/")[0].strip()
    if not outlet_name and extra.isupper() and sep == "-":
        outlet_name = extra  # "New York, IRNA-"
    return _checked(text, match.end(), shown, Metadata(outlet=outlet_name, date=date))


def _checked(text: str, end: int, place: str, meta: Metadata) -> Dateline | None:
    rest = text[end : end + 1]
    if not rest or not (rest.isupper() or rest.isdigit() or rest in "\"“‘'\n"):
        return None  # a dateline is followed by the first sentence, or stands on its own line
    return Dateline(end, place, meta)


def _place_name(place: str) -> str:
    if not place.isupper():
        return place
    return "/".join(
        " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in part.split())
        for part in place.split("/")
    )
