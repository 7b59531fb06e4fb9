"""Photo credits, captions and wire credits: the words that tell a picture's caption or a
story's credit from the article's own sentences.

    caption_credit_start("... in Spin Boldak. AFP") -> where "AFP" starts
    is_photo_credit("REUTERS/Thomas Mukoya") -> True
    reporting_credit_start("... on Tuesday. (Reporting by X; Editing by Y)") -> where "(" starts
"""

from __future__ import annotations

import re

from briefer.readers.lines import SENTENCE_END
from briefer.readers.notices import glued_notice

__all__ = [
    "CREDIT_LINE",
    "caption_credit_start",
    "caption_start",
    "is_bare_credit",
    "is_photo_credit",
    "reporting_credit_start",
    "story_credit_start",
]

_WIRES = (
    r"AP|AFP|Reuters|EPA(?:-EFE)?|Getty(?:\s+Images)?|Anadolu(?:\s+Agency)?|AA|APP|PPI|INP|"
    r"Online|Xinhua|PTI|ANI|IANS|Dawn|Express|Geo|TOLOnews|Pajhwok|Bernama|WAM|SPA|IRNA|Tasnim|"
    r"Fars|Shutterstock|Alamy|Bloomberg|File|X|Twitter|Facebook|Screengrab|Screenshot|Handout|"
    r"Supplied|Courtesy|Twitter/X|X/Twitter|ISPR|Social\s+media|The\s+National|DawnNewsTV"
)
# A photo credit inside a caption: "(AP Photo/Rahmat Gul, File)", "(Photo: Reuters)",
# "(photo credit: REUTERS)", "— AFP/File", "| Photo: ISPR", "(Photo by X/AFP via Getty Images)".
_PHOTO_CREDIT = re.compile(
    r"(?:[(\[]\s*(?:(?:AP|AFP|Reuters|EPA|AA|Xinhua|PTI|ANI)\s+)?(?:Photos?|Images?|Pictures?|"
    r"File\s+photo|Photograph|credits?)\b[^)\]]{0,80}[)\]]"
    r"|[(\[][^()\[\]]{0,60}(?:/|\bvia\s)[^()\[\]]{0,60}[)\]]\s*$"
    r"|[(\[]\s*(?:" + _WIRES + r")\s*(?:/\s*[^)\]]{1,60})?\s*[)\]]\s*$"
    r"|(?:^|\s|(?<=[.!?]))(?:—|–|-{1,2}|\||/)\s*(?:(?:Photos?|Images?|Pictures?)\s*(?:credits?)?\s*:?\s*)?"
    r"(?:" + _WIRES + r")(?:\s*(?:Photos?|Images?))?(?:\s*/\s*(?:File|[A-Z][\w .'-]{1,40}))?\s*$"
    r"|\b(?:Photo(?:graph)?s?|Images?|Pictures?)\s*(?:credits?|courtesy)?\s*(?::|by)\s*\S[^.]{0,60}$)",
    re.IGNORECASE,
)
# A photographer's name (Reuters puts the agency first: "REUTERS/ Stringer")
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# A caption's credit after its last full stop, without a dash: "... in Spin Boldak. AFP",
# "Turkish fighter jets. File Photo."
_CREDIT_AFTER = r"(?:\s*/\s*(?:File|" + _NAME + r"))?"  # "AFP/File", "REUTERS/ Stringer"
_TRAILING_WIRE = re.compile(
    r"(?<=[.!?”\"])\s+(?:(?i:" + _WIRES + r")" + _CREDIT_AFTER + r"|File\s+Photo\.?)\s*$"
)
# ... and a paper's own photographer: "... killed five in the former. DAILY NEWS photo, Emrah
# GÜREL"
_TRAILING_PAPER = re.compile(
    r"(?<=[.!?”\"])\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?i:photos?|photograph)\s*,\s*" + _NAME + r"\s*$"
)
_CAPTION_START = re.compile(
    r"^\W{0,2}(?:FILE\s*(?:PHOTO)?\s*(?:-|—|–|:)|file\s+photo\b|(?:photo|image|picture|caption|"
    r"photograph)s?\s*(?:\d+\s*)?(?::|-|—)|in\s+this\s+(?:file\s+)?(?:photo|image|picture)\b|"
    r"this\s+(?:handout\s+)?(?:photo|image|picture)\b|a\s+(?:file\s+)?(?:photo|image)\s+of\b|"
    r"in\s+this\s+[\w,. ]{0,40}?\b(?:file\s+)?(?:photo|image|picture)\b)",
    re.IGNORECASE,
)
_CAPTION_WORDS = re.compile(
    r"\b(?:seen|heard|shown)?\s*in\s+this\s+(?:file\s+)?(?:footage|video|photo|picture|image|"
    r"handout|screengrab|grab|clip)\b",
    re.IGNORECASE,
)
_REPORTING_CREDIT = re.compile(
    r"(?<=[.!?”\"’])\s*\(\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^()]{0,200}\)\s*$",
    re.IGNORECASE,
)
# A broadcaster's sign-off after the story's lead: "VOA's Brian Wagner reports from Miami."
_SIGN_OFF = (
    r"[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,2}['’]s\s+" + _NAME + r"\s+reports\s+from\s+" + _NAME + r"\.?"
)
_GLUED_SIGN_OFF = re.compile(r"(?<=[.!?”\"’])\s+" + _SIGN_OFF + r"\s*$")
CREDIT_LINE = re.compile(
    r"^\W{0,3}(?:(?:additional\s+)?reporting\s+by\b|writing\s+by\b|editing\s+by\b|"
    r"compiled\s+by\b|edited\s+by\b|produced\s+by\b|translated\s+by\b|"
    r"(?:—\s*)?with\s+(?:additional\s+)?inputs?\s+from\b|"
    r"[A-Z][\w .'’-]{0,60}\s+contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)|"
    r"(?:the\s+)?(?:associated\s+press|AP|AFP|reuters)\s+(?:writers?|reporters?|correspondents?)\b"
    r".{0,80}\s+contributed\b)"
    r"|^(?-i:" + _SIGN_OFF + r")\s*$",
    re.IGNORECASE,
)
# A photographer and the agency: "Rahmat Gul/AP"
_NAME_WIRE = _NAME + r"\s*/\s*(?:" + _WIRES + r")"
_BARE_CREDIT = re.compile(
    r"^\W{0,2}(?:\(?\s*(?:" + _WIRES + r")(?:\s*/\s*\w+)?\s*\)?|" + _NAME_WIRE + r"\s*$|"
    r"\(?\s*(?:photo\s+|image\s+)?credits?\s*:\s*[^()]{1,60}\)?|"
    r"(?:agencies|news\s+agencies|wire\s+services|with\s+agencies)\.?)\W{0,2}$",
    re.IGNORECASE,
)
_PARENTHESIZED_CREDIT = re.compile(
    r"^[(\[][^()\[\]]{1,80}(?:/|\bvia\b|\bphoto\b|\bcredit\b)[^()\[\]]{0,60}[)\]]$", re.IGNORECASE
)


def caption_start(text: str) -> bool:
    """A line that opens or speaks as a caption: "FILE PHOTO: ...", "... in this photo"."""
    return bool(_CAPTION_START.match(text) or _CAPTION_WORDS.search(text))


def is_bare_credit(text: str) -> bool:
    """A line that is only a credit: "(AFP)", "Photo: Reuters", "(credit: X/Reuters)"."""
    return bool(_BARE_CREDIT.match(text) or _PARENTHESIZED_CREDIT.match(text))


def is_photo_credit(text: str) -> bool:
    """A credit that only a picture has: "(credit: X/Reuters)", "Rahmat Gul/AP"."""
    return bool(_PARENTHESIZED_CREDIT.match(text) or _PHOTOGRAPHER.match(text))


# "Rahmat Gul/AP"; Reuters puts the agency first ("REUTERS/Thomas Mukoya"); Hürriyet names its
# paper ("DAILY NEWS photo, Emrah GÜREL").
_PHOTOGRAPHER = re.compile(
    "^(?:"
    + _NAME_WIRE
    + r"|(?i:REUTERS|AFP|AP|EPA|Xinhua|Anadolu(?:\s+Agency)?)\s*/\s*"
    + _NAME
    + r"|(?:[A-Z][\w'’.-]*\s+){1,3}(?i:photos?|photograph)\s*,\s*"
    + _NAME
    + r")\s*$"
)


def caption_credit_start(text: str, *, last: bool = False) -> int | None:
    """Where the photo credit of a caption line starts, if the line is one.

    A full sentence with only a bare wire name after a dash ("... said. — AFP") is the
    story's credit on the article's last line, and a caption elsewhere.
    """
    match = (
        _PHOTO_CREDIT.search(text) or _TRAILING_WIRE.search(text) or _TRAILING_PAPER.search(text)
    )
    if match is None:
        return None
    before = text[: match.start()].rstrip()
    if not before:
        return None
    photo = re.search(r"photo|image|picture|file|getty|credit|/|via", match.group(), re.I)
    if last and SENTENCE_END.search(before) and not photo:
        return None
    return _start(match)


def reporting_credit_start(text: str) -> int | None:
    """Where a wire's credit glued after a paragraph's last sentence starts: "... on Tuesday.
    (Reporting by X; Editing by Y)", a broadcaster's sign-off ("VOA's Brian Wagner reports
    from Miami."), or the site's note on it: "... (Only the headline ... may
    have been reworked ...; the rest of the content is auto-generated from a syndicated
    feed.)"."""
    match = _REPORTING_CREDIT.search(text) or _GLUED_SIGN_OFF.search(text) or glued_notice(text)
    return None if match is None else _start(match)


def story_credit_start(text: str) -> int | None:
    """Where a wire credit after the article's last sentence starts: "... said. — AFP", or
    "... on Tuesday. (Reporting by X; Editing by Y)"."""
    match = _PHOTO_CREDIT.search(text)
    if match is None or not SENTENCE_END.search(text[: match.start()].rstrip()):
        return reporting_credit_start(text)
    return _start(match)


def _start(match: re.Match[str]) -> int:
    """Where a match's own words start, after the whitespace it took before them."""
    return match.start() + len(match.group()) - len(match.group().lstrip())
