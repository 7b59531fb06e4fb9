"""Page furniture known by its words: clutter, captions, credits, bylines, timestamps.

    furniture_kind("Read more: Envoy summoned") -> ("clutter", Metadata())
    furniture_kind("Published in Dawn, December 25th, 2024") -> ("clutter", <outlet Dawn, date>)

One line at a time, knowing nothing of its place in the article (clean.py decides by position
and shape). A line that ends like a sentence is marked only by words no article sentence
carries: "Read more:", "(AP Photo/...)", "Reporting by ...; Editing by ...". The words of
credits and captions are in credits.py.
"""

from __future__ import annotations

import re
import unicodedata

from briefer.readers.credits import (
    CREDIT_LINE,
    caption_credit_start,
    caption_start,
    is_bare_credit,
)
from briefer.readers.lines import SENTENCE_END
from briefer.readers.metadata import Metadata, normalize_date
from briefer.readers.notices import site_notice

__all__ = [
    "BYLINE",
    "CAPTION",
    "CLUTTER",
    "COMMENTS_HEADER",
    "CREDIT",
    "HEADLINE",
    "SEPARATOR",
    "STORIES_HEADER",
    "TIMESTAMP",
    "date_shape",
    "furniture_kind",
    "name_shape",
]

HEADLINE, CAPTION, CREDIT, CLUTTER = "headline", "caption", "credit", "clutter"
BYLINE, TIMESTAMP = "byline", "timestamp"
SHORT = 8  # words: cues such as "Share" or "Comments" mark only lines this short

SEPARATOR = re.compile(r"^\s*(?:[-=_*~•·—–]\s*){3,}$")
_WORD = re.compile(r"[\w'’]+")

# Page furniture named by its first words, at any length.
_CLUTTER_START = re.compile(
    # a news ticker above the page's headline: "BREAKING: Oil pipeline in ... hit by explosion"
    r"^\W{0,3}(?:(?:breaking|just\s+in|developing)\s*:\s|read\s+(?:more|also|next|the\s+full)"
    r"|also\s+read|see\s+also|related\s+(?:stories|"
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
    r"image\s+(?:source|caption)|media\s+caption|watch\s*(?::|video\b)|video\s*:|#watch\b|"
    r"breaking\s+news\s*:?$|\W*editor'?s\s+note|\W*(?:forwarded|original)\s+message|"
    r"your\s+email\s+address\s+will\s+not|required\s+fields\s+are|news\s+id\s*:|"
    r"this\s+is\s+a\s+developing\s+(?:story|news)|this\s+story\s+is\s+(?:developing|being\s+updated)|"
    r"(?:more|details)\s+to\s+follow\b|pic\.twitter\.com|https?://|you\s+are\s+here\b"
    # "(Read the foreign secretary’s full statement here.)": a link's words
    r"|(?:read|see|watch|view|listen\s+to)\s[^.!?]{0,80}\bhere\W*$"
    # the comment box and the site's own notices under an article
    r"|(?:sorry,?\s+)?we\s+are\s+not\s+(?:currently\s+)?accepting\s+comments"
    r"|comments\s+(?:are|have\s+been)\s+closed|you\s+must\s+be\s+logged\s+in\s+to"
    r"|please\s+enter\s+your\s+(?:comment|name|email)|(?:post|add|write)\s+a\s+comment\W*$"
    r"|no\s+comments\W*$|contact\s+us\W*$|by\s+allowing\s+ads\b"
    r"|(?:we\s+noticed|it\s+looks\s+like)\s+you(?:'re|\s+are)\s+using\s+an\s+ad"
    # a section's blurb, a feed's credit, a page break's marker, the chat box
    r"|the\s+latest\s+news\s+and\s+(?:stories|updates|analysis)\s+(?:from|on|about)\b"
    r"|powered\s+by\b|continued\W*$|continued\s+on\s+(?:page|next)\b"
    r"|to\s+participate\s+in\s+the\s+discussion|log\s*in\s+or\s+register\b"
    r"|go\s+to\s+(?:contents|navigation|main\s+content)\b|connect\s+with\s+us\W*$"
    # the day's print edition, dated the day the page was read, not the article's day
    r"|today['’]?s\s+paper\b"
    r"|(?:alert\s+sign\s+)?dear\s+reader,|please\s+support\s+us\s+by\b"
    r"|download\s+the\s+(?:new\s+)?\w+\s+(?:mobile\s+)?app\b)",
    re.IGNORECASE,
)
# Words that make up a line of share buttons or a menu.
_MENU_WORDS = frozenset(
    "share facebook twitter x whatsapp telegram linkedin email e-mail print copy link reddit"
    " messenger pinterest tweet comments comment save bookmark follow subscribe home news"
    " world pakistan afghanistan opinion sports business video videos photos latest more"
    " menu search login log in sign up listen gift this article font size a a+ a- next"
    " previous prev top stories the english arabic urdu hindi it".split()
)
_SHORT_CLUTTER = re.compile(
    r"^\W{0,3}(?:share|related|recommended|trending|advertisement|comments?|print|email|"
    r"whatsapp|telegram|facebook|twitter|follow|subscribe|newsletter|more|latest|live|"
    r"updates?|highlights|key\s+points|top\s+stories|you\s+may\s+(?:also\s+)?like|"
    r"most\s+read|popular)\b(?!\s*\d+\s*-)",  # not a wire's "UPDATE 2-Troops clash ..."
    re.IGNORECASE,
)
_PUBLISHED_IN = re.compile(
    r"^\W{0,3}published\s+in\s+(?:the\s+)?(?P<outlet>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})"
    r"\s*,\s*(?P<date>.+)$",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"(?<![\w&])#[A-Za-z]\w+")
# A page's own controls, on a line of a few words: "Xinhua, February 17, 2017 Adjust font size:"
_PAGE_CONTROL = re.compile(r"\b(?:adjust\s+)?(?:font|text)\s+size\b", re.IGNORECASE)
# An embedded post's signature: "— Rajnath Singh (@rajnathsingh) June 17, 2020"
_POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$")
# A line of icon names a page's sprite left in its text: "icon bookmark-bicon bookmarkicon ..."
_ICONS = re.compile(r"icon", re.IGNORECASE)
# The header of the readers' comments under an article: everything after it is theirs.
COMMENTS_HEADER = re.compile(
    r"^\W{0,3}(?:(?:reader|readers'?|user)\s+)?comments?\s*\(?\d*\)?\W*$"
    r"|^\W{0,3}\d+\s+(?:reader\s+)?comments?\W*$|^\W{0,3}(?:leave|post)\s+a\s+(?:comment|reply)\W*$",
    re.IGNORECASE,
)
# A section of other stories after the article: "Latest News", "More Stories".
STORIES_HEADER = re.compile(
    r"^\W{0,3}(?:latest\s+news|more\s+stories|you\s+might\s+also\s+like(?:\s+more\s+from\s+author)?"
    r"|more\s+from\s+(?:author|this\s+section))\W*$",
    re.IGNORECASE,
)
# An image's file name left where the picture was ("501044894_17499_n.jpg"),
# or the reporter's address under the byline: "peter.roe@paper.example"
_ALONE = re.compile(
    r"^(?:\S+\.(?:jpe?g|png|gif|webp|svg|avif)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.I
)
_BREADCRUMB = re.compile(r"[»›]")

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
    " cst cdt mst mdt pdt"
    " cet aft irst ast hours hour minutes minute mins min ago read time reading today"
    " yesterday st nd rd th t z of date".split()
)
_TIMESTAMP_HINT = re.compile(
    r"\b(?:published|updated|posted|modified|\d{1,2}:\d{2}|\d+\s+(?:min|mins|minutes|hours?)\b"
    r"|\d{4})",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’.-]+|[A-Z]\.|bin|ul|ur|al|de|van|von|ibn)$")
_RELATED_LINK = re.compile(r"\.\.\.\s*\d{1,2}:\d{2}\s*[AP]M\s*\|", re.IGNORECASE)


def furniture_kind(text: str, *, last: bool = False) -> tuple[str, Metadata]:
    """(kind, metadata) of a line that is page furniture by its words; ("", ...) if none.

    `last`: the line is the article's last, where a bare wire credit after a full sentence
    ("... the official said. — AFP") is the story's credit (see story_credit_start).
    """
    words = len(text.split())
    published = _PUBLISHED_IN.match(text)
    if published:
        date = normalize_date(published.group("date"))
        return CLUTTER, Metadata(outlet=published.group("outlet"), date=date)
    if SEPARATOR.match(text) or _CLUTTER_START.match(text) or _buttons(text):
        return CLUTTER, Metadata()
    if words <= SHORT and _SHORT_CLUTTER.match(text) and not re.search(r"[.!?]$", text):
        return CLUTTER, Metadata()
    unfinished = not re.search(r"[.!?][\"'”’)]*$", text)  # ":" may end a control's label
    if (words <= 12 and unfinished and _PAGE_CONTROL.search(text)) or _ALONE.match(text):
        return CLUTTER, Metadata()
    if _POST_SIGNATURE.match(text) or len(_ICONS.findall(text)) >= 4 or COMMENTS_HEADER.match(text):
        return CLUTTER, Metadata()
    if site_notice(text, words):
        return CLUTTER, Metadata()  # "... a weekly newsletter ... Sign up here."
    if text.endswith(" -") or not re.search(r"[^\W\d_]", text):
        # another story's headline in a list of links ("Rape Suspect Flees After ... -"); a
        # line without a letter (".", "|")
        return CLUTTER, Metadata()
    if unfinished and foreign_gloss(text):
        return CLUTTER, Metadata()  # a vocabulary box: "- base: a place where an army ... - ฐานทัพ"
    if len(_HASHTAG.findall(text)) >= 2 or _RELATED_LINK.search(text):
        return CLUTTER, Metadata()  # an embedded post, a related story's link
    if CREDIT_LINE.match(text) or is_bare_credit(text):
        return CREDIT, Metadata()
    if caption_start(text):
        return CAPTION, Metadata()
    if caption_credit_start(text, last=last) is not None:
        return CAPTION, Metadata()
    kind = _byline_or_timestamp(text, words)
    if kind:
        return kind, Metadata(date=normalize_date(text))
    if _section_names(text):
        return CLUTTER, Metadata()
    return "", Metadata()


def foreign_gloss(text: str) -> bool:
    """An English line with words of another script in it (a tenth to a half of its letters):
    a language-learning box's gloss, not article text. A line all in another script is not
    one (an article in another language is not briefer's to judge line by line)."""
    letters = [c for c in text if c.isalpha()]
    other = sum(1 for c in letters if not _latin(c))
    return other >= 3 and 0.1 <= other / len(letters) <= 0.5


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _buttons(text: str) -> bool:
    """Share buttons, a menu or breadcrumbs: "Facebook Twitter WhatsApp", "Home | World",
    "Home » World » ..."."""
    if text.count("|") >= 2 and all(len(p.split()) <= 4 for p in text.split("|")):
        return not SENTENCE_END.search(text)
    if len(_BREADCRUMB.findall(text)) >= 2 or re.match(r"home\s+/\s+\S[^/]*/", text, re.I):
        return True  # "Home » World » ...", "Home / Politics / ..."
    words = [w.lower() for w in _WORD.findall(text)]
    return 2 <= len(words) <= 12 and all(w in _MENU_WORDS for w in words)


def _section_names(text: str) -> bool:
    """A run of capitalised section names: "Israel News Health & Wellness WORLD NEWS ..."."""
    words = _WORD.findall(text)
    if len(words) < 8 or SENTENCE_END.search(text):
        return False
    if any(w.lower() in _HEADLINE_WORDS or w[:1].isdigit() for w in words):
        return False  # a headline in title case: "Ministry Says 24 Soldiers Missing After ..."
    return sum(1 for w in words if w[:1].isupper()) >= 0.85 * len(words)


# Words of a sentence that a run of section names does not have.
_HEADLINE_WORDS = frozenset(
    "after with to of on for over as at by from amid against into says say said is are was"
    " were has have will".split()
)


def _byline_or_timestamp(text: str, words: int) -> str:
    if words > 25:
        return ""
    if date_shape(text) and _TIMESTAMP_HINT.search(text):
        return TIMESTAMP
    ends_like_sentence = bool(SENTENCE_END.search(text)) and not text.endswith(("am", "pm"))
    if _BYLINE_START.match(text) and (not ends_like_sentence or words <= 6):
        return BYLINE
    if "|" in text or "·" in text or "•" in text:
        parts = [p.strip() for p in re.split(r"[|·•]", text) if p.strip()]
        if all(name_shape(p) or date_shape(p) for p in parts) and any(map(date_shape, parts)):
            return BYLINE
    return ""


def name_shape(text: str) -> bool:
    """A person's name, or a few: "Ahmad Jawad", "Sara Malik and John Doe"."""
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 6 and all(_NAME_WORD.match(w) or w.lower() == "and" for w in words)


def date_shape(text: str) -> bool:
    """Only dates and times: "Wed, Dec 25 2024, 10:20 PM", "Updated 2 hours ago"."""
    words = [w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+|\d+", text)]
    words = [w for w in words if w]  # "Thursday, April 21, 2022." ends on a full stop
    return bool(words) and all(w in _DATE_WORDS or w.isdigit() for w in words)
