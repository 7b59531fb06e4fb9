"""Article text cleaning: which lines of a saved page are the article, and which are not.

    clean(text, known) -> Cleaned(meta, place, marks)

Real files carry more than the article: a header block (`Title:`, `Source:`, `URL:`, `Date:`,
as clipping tools and mail exports write them), the headline again, a standfirst, bylines
and "Published ... Updated ..." lines, a dateline glued to the first sentence, sub-headings,
photo captions and credits, share and "Read more" clutter, a truncated last sentence.
Cleaning does not cut them out: it returns their spans as `Mark`s of `Document.text`, so
spans stay exact in the file's text and a user can see what was left out and why. The
header block, the dateline and "Published in Dawn, ..." lines are read as metadata.

Rules are conservative, by line: a line is marked only when its shape or its words say what
it is, and a line that ends like a sentence is marked only by words that no article sentence
carries ("Read more:", "(AP Photo/...)", "Reporting by ...; Editing by ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from briefer.data import Mark
from briefer.readers.metadata import Metadata, dateline_at, header_fields, normalize_date

__all__ = ["Cleaned", "clean", "has_body"]

HEADER, HEADLINE, STANDFIRST, HEADING = "header", "headline", "standfirst", "heading"
DATELINE, BYLINE, TIMESTAMP, CAPTION = "dateline", "byline", "timestamp", "caption"
CREDIT, CLUTTER, FRAGMENT = "credit", "clutter", "fragment"
_SHAPE_KINDS = frozenset({HEADLINE, STANDFIRST, HEADING, FRAGMENT})

_TITLE_MAX_CHARS = 150
_HEADING_MAX_WORDS = 14
_HEADING_MAX_CHARS = 100
_NONE = Metadata()
_SHORT = 8  # words: cues such as "Share" or "Comments" mark only lines this short

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_CLOSING_QUOTE = re.compile(r"[\"”’»]$")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,18}?)\s*:[ \t]*(.*?)\s*$")
_FRONT_MATTER_FENCE = re.compile(r"^\s*(?:---|\.\.\.)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:[-=_*~•·—–]\s*){3,}$")
_WORD = re.compile(r"[\w'’]+")

# Page furniture named by its first words, at any length.
_CLUTTER_START = re.compile(
    r"^\W{0,3}(?:read\s+(?:more|also|next|the\s+full)|also\s+read|see\s+also|related\s+(?:stories|"
    r"articles|news|coverage|content|topics|reading)|recommended\s+(?:stories|for\s+you)|"
    r"advertisement|advertisment|sponsored\s+content|story\s+continues|article\s+continues|"
    r"continue\s+reading|skip\s+(?:to|ad)|copyright\b|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|"
    r"our\s+standards:|sign\s+up\s+(?:here|for|to)|subscribe\s+(?:to|now|for|here)|"
    r"click\s+here|download\s+the\s+\w+\s+app|join\s+our\s+\w+|follow\s+(?:us|@)|"
    r"get\s+the\s+latest|never\s+miss|listen\s+to\s+this\s+(?:article|story)|"
    r"published\s+in\s+(?:the\s+)?[A-Z]\w+.*\d{4}|this\s+(?:article|story)\s+(?:was|has\s+been)\s+"
    r"(?:originally|first|updated|corrected)|originally\s+published|first\s+published\s+(?:in|on|by)|"
    r"the\s+views\s+expressed|disclaimer:|tags?:|topics?:|filed\s+under|keywords?:|"
    r"report\s+an\s+error|comments?\s*\(\d+\)|leave\s+a\s+(?:comment|reply)|"
    r"catch\s+all\s+the|stay\s+(?:updated|informed|tuned)|for\s+the\s+latest|"
    r"e-?paper\b|share\s+(?:this|on|via|the\s+story)|trending\s+(?:now|stories|news)|"
    r"most\s+(?:read|popular|viewed)|don'?t\s+miss|more\s+(?:from|on\s+this|stories)|"
    r"image\s+(?:source|caption)|media\s+caption|watch\s*(?::|video\b)|video\s*:|"
    r"breaking\s+news\s*:?$|\W*editor'?s\s+note|\W*(?:forwarded|original)\s+message)",
    re.IGNORECASE,
)
# Words that make up a line of share buttons or a menu.
_MENU_WORDS = frozenset(
    "share facebook twitter x whatsapp telegram linkedin email e-mail print copy link reddit"
    " messenger pinterest tweet comments comment save bookmark follow subscribe home news"
    " world pakistan afghanistan opinion sports business video videos photos latest more"
    " menu search login log in sign up listen gift this article font size a a+ a- next"
    " previous prev top stories the".split()
)
_SHORT_CLUTTER = re.compile(
    r"^\W{0,3}(?:share|related|recommended|trending|advertisement|comments?|print|email|"
    r"whatsapp|telegram|facebook|twitter|follow|subscribe|newsletter|more|latest|live|"
    r"updates?|highlights|key\s+points|top\s+stories|you\s+may\s+(?:also\s+)?like|"
    r"most\s+read|popular)\b",
    re.IGNORECASE,
)
_PUBLISHED_IN = re.compile(
    r"^\W{0,3}published\s+in\s+(?:the\s+)?(?P<outlet>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})"
    r"\s*,\s*(?P<date>.+)$",
    re.IGNORECASE,
)

_WIRES = (
    r"AP|AFP|Reuters|EPA(?:-EFE)?|Getty\s+Images|Anadolu(?:\s+Agency)?|AA|APP|PPI|INP|Online|"
    r"Xinhua|PTI|ANI|IANS|Dawn|Express|Geo|TOLOnews|Pajhwok|Bernama|WAM|SPA|IRNA|Tasnim|Fars|"
    r"Shutterstock|Alamy|File|X|Twitter|Facebook|Screengrab|Screenshot|Handout|Supplied|"
    r"Courtesy|Twitter/X|X/Twitter|ISPR|Social\s+media"
)
# A photo credit inside a caption: "(AP Photo/Rahmat Gul, File)", "(Photo: Reuters)",
# "— AFP/File", "| Photo: ISPR", "Photo credit: ...", "(Photo by X/AFP via Getty Images)".
_PHOTO_CREDIT = re.compile(
    r"(?:[(\[]\s*(?:(?:AP|AFP|Reuters|EPA|AA|Xinhua|PTI|ANI)\s+)?(?:Photos?|Images?|Pictures?|"
    r"File\s+photo|Photograph)\b[^)\]]{0,80}[)\]]"
    r"|[(\[]\s*(?:" + _WIRES + r")\s*(?:/\s*[^)\]]{1,60})?\s*[)\]]\s*$"
    r"|(?:^|\s)(?:—|–|-{1,2}|\||/)\s*(?:(?:Photos?|Images?|Pictures?)\s*(?:credits?)?\s*:?\s*)?"
    r"(?:" + _WIRES + r")(?:\s*(?:Photos?|Images?))?(?:\s*/\s*(?:File|[A-Z][\w .'-]{1,40}))?\s*$"
    r"|\b(?:Photos?|Images?|Pictures?)\s*(?:credits?|courtesy)?\s*(?::|by)\s*\S[^.]{0,60}$)",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^\W{0,2}(?:FILE\s*(?:PHOTO)?\s*(?:-|—|–|:)|file\s+photo\b|(?:photo|image|picture|caption|"
    r"photograph)s?\s*(?:\d+\s*)?(?::|-|—)|in\s+this\s+(?:file\s+)?(?:photo|image|picture)\b|"
    r"this\s+(?:handout\s+)?(?:photo|image|picture)\b|a\s+(?:file\s+)?(?:photo|image)\s+of\b)",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^\W{0,3}(?:(?:additional\s+)?reporting\s+by\b|writing\s+by\b|editing\s+by\b|"
    r"compiled\s+by\b|edited\s+by\b|produced\s+by\b|translated\s+by\b|"
    r"(?:—\s*)?with\s+(?:additional\s+)?inputs?\s+from\b|"
    r"[A-Z][\w .'’-]{0,60}\s+contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)|"
    r"(?:the\s+)?(?:associated\s+press|AP|AFP|reuters)\s+(?:writers?|reporters?|correspondents?)\b"
    r".{0,80}\s+contributed\b)",
    re.IGNORECASE,
)
_BARE_CREDIT = re.compile(
    r"^\W{0,2}(?:\(?\s*(?:" + _WIRES + r")(?:\s*/\s*\w+)?\s*\)?|"
    r"(?:agencies|news\s+agencies|wire\s+services|with\s+agencies)\.?)\W{0,2}$",
    re.IGNORECASE,
)
_DESK = (
    r"bureau\s+report|our\s+(?:staff\s+)?(?:correspondent|reporter)|staff\s+(?:reporter|"
    r"correspondent|writer)|(?:news|web|monitoring|online|digital|foreign|city|national)\s+desk|"
    r"monitoring\s+report|desk\s+report|newsroom|(?:news\s+)?agencies|reuters\s+staff|"
    r"the\s+associated\s+press|associated\s+press|agence\s+france-presse|tribune\s+report"
)
_BYLINE_START = re.compile(
    r"^\W{0,2}(?:(?:by|(?:written|reported|published|posted|edited|story|words|text)\s+by:?|"
    r"(?:writers?|reporters?|authors?|correspondents?|by):)\s*[A-Z]|(?:" + _DESK + r")\b)",
    re.IGNORECASE,
)
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday"
    " friday saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a.m p.m"
    " published updated posted last modified first on at pkt ist gmt utc ict est edt pst bst"
    " cet aft irst ast hours hour minutes minute mins min ago read time reading today"
    " yesterday st nd rd th t z of".split()
)
_TIMESTAMP_HINT = re.compile(
    r"\b(?:published|updated|posted|modified|\d{1,2}:\d{2}|\d+\s+(?:min|mins|minutes|hours?)\b"
    r"|\d{4})",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’.-]+|[A-Z]\.|bin|ul|ur|al|de|van|von|ibn)$")


@dataclass(frozen=True)
class Cleaned:
    meta: Metadata = Metadata()
    place: str = ""
    marks: tuple[Mark, ...] = ()


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = ""  # "" for body
    words: int = field(init=False)

    def __post_init__(self) -> None:
        self.words = len(self.text.split())


def clean(text: str, known: Metadata = _NONE) -> Cleaned:
    """The metadata the text carries, its dateline's place, and the spans that are not body.

    `known` is what the file format already said (HTML metadata, JSON fields): it wins over
    what the text says, and its title finds the headline repeated in the text.
    """
    lines = list(_lines(text))
    header_meta, first = _header(text, lines)
    title = known.title or header_meta.title
    found = Metadata()
    content = lines[first:]
    if content and _is_headline(content[0].text, title, more=len(content) > 1):
        content[0].kind = HEADLINE
        title = title or content[0].text.lstrip("#").strip()
    extra_marks: list[Mark] = []
    place = ""
    seen_body = False
    for line in content:
        if line.kind:
            continue
        line.kind, meta = _furniture(line, title, last=line is content[-1])
        found = found.fill(meta)
        if line.kind:
            continue
        if not seen_body:
            dateline = dateline_at(text, line.start)
            if dateline is not None and dateline.end >= line.end:
                line.kind = DATELINE  # "PESHAWAR:" on a line of its own
                place, found = dateline.place, found.fill(dateline.meta)
                continue
            headed = any(c.kind == HEADLINE for c in content)
            if headed and _name_shape(line.text) and not _SENTENCE_END.search(line.text):
                line.kind = BYLINE  # the author's name under the headline
                continue
            if _heading_shape(line):
                line.kind = STANDFIRST if headed else HEADING
                continue
            if headed and line is not content[-1] and _deck_shape(line):
                line.kind = STANDFIRST
                continue
            if dateline is not None:
                extra_marks.append(Mark(line.start, dateline.end, DATELINE))
                place, found = dateline.place, found.fill(dateline.meta)
            seen_body = True
            continue
        if _heading_shape(line) and line is not content[-1]:
            line.kind = HEADING
    body = [line for line in content if not line.kind]
    if body:
        last = body[-1]
        credit = _inline_credit(text, last)
        end = credit[0].start if credit else last.end
        extra_marks.extend(credit)
        if last is content[-1]:
            extra_marks.extend(_trailing_fragment(text, last.start, end))
    marks = [Mark(line.start, line.end, line.kind) for line in lines if line.kind]
    marks = _merge([*marks, *extra_marks])
    if not has_body(text, marks):  # a one-line note is its own body, whatever its shape
        marks = [m for m in marks if m.kind not in _SHAPE_KINDS]
    meta = header_meta.fill(Metadata(title=title)).fill(found)
    return Cleaned(meta, place, tuple(marks))


def _lines(text: str) -> Iterator[_Line]:
    """Non-blank lines with their spans, surrounding whitespace excluded."""
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield _Line(start, start + len(stripped), stripped)


def _header(text: str, lines: list[_Line]) -> tuple[Metadata, int]:
    """A header block at the top (front matter or `Key: value` lines): its metadata, and the
    index of the first line after it. Its lines get the kind "header"."""
    if not lines:
        return Metadata(), 0
    meta = Metadata()
    if _FRONT_MATTER_FENCE.match(lines[0].text) and lines[0].text.strip() == "---":
        for i in range(1, len(lines)):
            if _FRONT_MATTER_FENCE.match(lines[i].text):
                for line in lines[: i + 1]:
                    line.kind = HEADER
                    kv = _KEY_VALUE.match(line.text)
                    fields = header_fields(*kv.groups()) if kv else None
                    meta = meta.fill(fields or Metadata())
                return meta, i + 1
        return meta, 0
    count = 0
    strong = False
    for line in lines:
        kv = _KEY_VALUE.match(line.text)
        fields = header_fields(*kv.groups()) if kv else None
        if fields is None:
            break
        strong = strong or fields != Metadata()
        meta = meta.fill(fields)
        count += 1
    if count == 0 or not strong:
        return Metadata(), 0
    if count < len(lines) and _SEPARATOR.match(lines[count].text):
        count += 1
    for line in lines[:count]:
        line.kind = HEADER
    return meta, count


def _is_headline(line: str, title: str, *, more: bool) -> bool:
    if title:
        return _similar(line, title)
    return more and _looks_like_title(line)


def _looks_like_title(line: str) -> bool:
    if len(line) > _TITLE_MAX_CHARS or dateline_at(line, 0) is not None:
        return False
    if _BYLINE_START.match(line) or _furniture(_Line(0, len(line), line), "", last=False)[0]:
        return False
    return line.startswith("#") or not line.rstrip("\"'”’").endswith((".", ":", ";", ","))


def _similar(line: str, title: str) -> bool:
    """The same headline, give or take case, punctuation and a " | Outlet" suffix."""
    a, b = _norm_words(line.lstrip("#")), _norm_words(title)
    if not a or not b:
        return False
    if a == b or (len(a) >= 4 and (a == b[: len(a)] or b == a[: len(b)])):
        return True
    shared = len(set(a) & set(b))
    return shared / max(len(set(a)), len(set(b))) >= 0.8 and not _SENTENCE_END.search(line)


def _norm_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _furniture(line: _Line, title: str, *, last: bool) -> tuple[str, Metadata]:
    """(kind, metadata) of a line that is page furniture by its words; ("", ...) if none."""
    text = line.text
    if title and _similar(text, title) and not _SENTENCE_END.search(text):
        return HEADLINE, Metadata()
    published = _PUBLISHED_IN.match(text)
    if published:
        return CLUTTER, Metadata(
            outlet=published.group("outlet"), date=normalize_date(published.group("date"))
        )
    if _SEPARATOR.match(text) or _CLUTTER_START.match(text) or _menu(text):
        return CLUTTER, Metadata()
    if line.words <= _SHORT and _SHORT_CLUTTER.match(text) and not _SENTENCE_END.search(text):
        return CLUTTER, Metadata()
    if _CREDIT_LINE.match(text) or _BARE_CREDIT.match(text):
        return CREDIT, Metadata()
    if _CAPTION_START.match(text) or _caption_credit(text, last=last):
        return CAPTION, Metadata()
    kind = _byline_or_timestamp(line)
    if kind:
        return kind, Metadata(date=normalize_date(text))
    return "", Metadata()


def _menu(text: str) -> bool:
    """Share buttons or a menu: "Facebook Twitter WhatsApp", "Home | World | Pakistan"."""
    if text.count("|") >= 2 and all(len(p.split()) <= 4 for p in text.split("|")):
        return not _SENTENCE_END.search(text)
    words = [w.lower() for w in _WORD.findall(text)]
    return 2 <= len(words) <= 12 and all(w in _MENU_WORDS for w in words)


def _caption_credit(text: str, *, last: bool) -> bool:
    """A line ending in a photo credit. On the article's last line a bare wire credit after a
    full sentence ("... the official said. — AFP") is the story's credit, marked on its own."""
    match = _PHOTO_CREDIT.search(text)
    if match is None:
        return False
    before = text[: match.start()].rstrip()
    if not before:
        return False
    photo = re.search(r"photo|image|picture|file|getty|/", match.group(), re.IGNORECASE)
    if _SENTENCE_END.search(before) and not photo:
        return False  # "... said. — AFP": a story credit, see _inline_credit
    return not last or bool(photo)


def _byline_or_timestamp(line: _Line) -> str:
    text = line.text
    if line.words > 25:
        return ""
    words = [w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+|\d+", text)]
    dates = [w for w in words if w in _DATE_WORDS or w.isdigit()]
    if words and len(dates) == len(words) and _TIMESTAMP_HINT.search(text):
        return TIMESTAMP
    ends_like_sentence = bool(_SENTENCE_END.search(text)) and not text.endswith(("am", "pm"))
    if _BYLINE_START.match(text) and (not ends_like_sentence or line.words <= 6):
        return BYLINE
    if "|" in text or "·" in text or "•" in text:
        parts = [p.strip() for p in re.split(r"[|·•]", text) if p.strip()]
        if all(_name_shape(p) or _date_shape(p) for p in parts) and any(map(_date_shape, parts)):
            return BYLINE
    return ""


def _name_shape(text: str) -> bool:
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 6 and all(_NAME_WORD.match(w) or w.lower() == "and" for w in words)


def _date_shape(text: str) -> bool:
    words = [w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+|\d+", text)]
    return bool(words) and all(w in _DATE_WORDS or w.isdigit() for w in words)


def _heading_shape(line: _Line) -> bool:
    """A short line without final punctuation: a headline, sub-heading or standfirst."""
    text = line.text
    if _SENTENCE_END.search(text):
        return False
    if _CLOSING_QUOTE.search(text) and line.words >= 8:
        return False  # a quotation that ends the line
    return line.words <= _HEADING_MAX_WORDS and len(text) <= _HEADING_MAX_CHARS


def _deck_shape(line: _Line) -> bool:
    """A longer single sentence without final punctuation under a headline: a standfirst."""
    text = line.text
    if _SENTENCE_END.search(text) or _CLOSING_QUOTE.search(text) or line.words > 40:
        return False
    return re.search(r"[.!?][\"'”’]?\s+[A-Z“\"]", text) is None


def _trailing_fragment(text: str, start: int, end: int) -> list[Mark]:
    """The article's last sentence when it was cut off (no final punctuation, or "...")."""
    from briefer.split import split_text

    spans = split_text(text[start:end])
    if not spans:
        return []
    a, b = spans[-1]
    last = text[start + a : start + b]
    cut = re.search(r"\w\s*(?:\.\.\.|…)$", last) is not None
    if _SENTENCE_END.search(last) and not cut:
        return []
    if _CLOSING_QUOTE.search(last) and not cut:
        return []
    return [Mark(start + a, start + b, FRAGMENT)]


def _inline_credit(text: str, line: _Line) -> list[Mark]:
    """A wire credit after the last sentence: "... the official said. — AFP"."""
    match = _PHOTO_CREDIT.search(line.text)
    if match is None or not _SENTENCE_END.search(line.text[: match.start()].rstrip()):
        return []
    start = line.start + match.start() + (len(match.group()) - len(match.group().lstrip()))
    return [Mark(start, line.end, CREDIT)]


def _merge(marks: list[Mark]) -> list[Mark]:
    """Marks in order, a mark inside another dropped (the outer one's kind stands)."""
    out: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if out and mark.start < out[-1].end:
            if mark.end > out[-1].end:
                out.append(Mark(out[-1].end, mark.end, mark.kind))
            continue
        out.append(mark)
    return out


def has_body(text: str, marks: Sequence[Mark]) -> bool:
    """Whether any non-space character of `text` lies outside `marks` (sorted by start)."""
    position = 0
    for mark in marks:
        if text[position : mark.start].strip():
            return True
        position = max(position, mark.end)
    return bool(text[position:].strip())
