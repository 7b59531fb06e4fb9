"""Article text cleaning: which lines of a saved page are the article, and which are not.

    clean(text, known) -> Cleaned(meta, place, marks)

Real files carry more than the article: a header block (`Title:`, `Source:`, `URL:`, `Date:`,
as clipping tools and mail exports write them), the headline again, a standfirst, bylines
and "Published ... Updated ..." lines, a dateline glued to the first sentence, sub-headings,
photo captions and credits, share and "Read more" clutter, a truncated last sentence.
Cleaning does not cut them out: it returns their spans as `Mark`s of `Document.text`, so
spans stay exact in the file's text and a user can see what was left out and why. The
header block, the dateline and "Published in Dawn, ..." lines are read as metadata.

This module decides by position and shape (the top of the file, the lines before the first
paragraph, short lines without final punctuation, repeats, the readers' comments after the
article); furniture.py knows furniture by its words; header.py reads the block above the
page. Rules are conservative: a line that continues a hard-wrapped sentence, or ends like a
sentence, is marked only by words no article sentence carries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefer.data import Mark
from briefer.readers.credits import (
    caption_credit_start,
    is_bare_credit,
    is_photo_credit,
    reporting_credit_start,
    story_credit_start,
)
from briefer.readers.furniture import (
    BYLINE,
    CAPTION,
    CLUTTER,
    COMMENTS_HEADER,
    CREDIT,
    HEADLINE,
    STORIES_HEADER,
    TIMESTAMP,
    furniture_kind,
    name_shape,
)
from briefer.readers.header import HEADER, header_block, split_date_prefix
from briefer.readers.headline import is_headline, link_debris, similar
from briefer.readers.lines import (
    CLOSING_QUOTE,
    SENTENCE_END,
    Line,
    continues_sentence,
    deck_shape,
    ends_inside,
    heading_shape,
    norm,
    norm_words,
    read_lines,
    repeated_before_body,
)
from briefer.readers.metadata import Dateline, Metadata, dateline_at

__all__ = ["Cleaned", "clean", "has_body"]

# The kinds only position and shape tell; furniture.py names the kinds its words tell.
STANDFIRST, HEADING = "standfirst", "heading"
DATELINE, FRAGMENT = "dateline", "fragment"
_SHAPE_KINDS = frozenset({HEADLINE, STANDFIRST, HEADING, FRAGMENT})

_TITLE_MIN_WORDS = 3
_NONE = Metadata()

_CUT_OFF = re.compile(r"\w\s*(?:\.\.\.|…)$")  # a text cut off by the page: "a week ..."
# A wire's version mark before its headline: "(5th LD) N. Korea fires ...", "UPDATE 2-Pakistan
# says ...", "(LEAD) ...", "REFILE-..."
_WIRE_SLUG = re.compile(
    r"^(?:\((?:\d+(?:st|nd|rd|th)\s+)?(?:LD|LEAD|URGENT|UPDATE|CORRECTED|WRAPUP)\)\s*"
    r"|(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT)(?:\s*\d+)?\s*-\s*)"
)
_MENU_ITEM = re.compile(r"^\s*[•·▪►»]\s")
# A byline in capitals, never the start of a sentence: "By JERUSALEM POST STAFF"
_CAPS_BYLINE = re.compile(r"^By\s+[A-Z][A-Z.'’-]*(?:[ ,]+[A-Z][A-Z.'’-]*)*$")


@dataclass(frozen=True)
class Cleaned:
    meta: Metadata = Metadata()
    place: str = ""
    marks: tuple[Mark, ...] = ()


def clean(text: str, known: Metadata = _NONE) -> Cleaned:
    """The metadata the text carries, its dateline's place, and the spans that are not body.

    `known` is what the file format already said (HTML metadata, JSON fields): it wins over
    what the text says, and its title finds the headline repeated in the text.
    """
    lines = read_lines(text)
    header_meta, first = header_block(lines)
    content = split_date_prefix(lines[first:])
    title = known.title or header_meta.title
    head = _first_untyped(content)
    if head is not None and is_headline(head, title, more=head is not content[-1]):
        head.kind = HEADLINE
        title = title or _WIRE_SLUG.sub("", head.text.lstrip("#").strip())
    found, place, extra = _classify(text, content, title)
    marks = _merge(
        [*(Mark(x.start, x.end, x.kind) for x in (*lines[:first], *content) if x.kind), *extra]
    )
    if not has_body(text, marks):  # a one-line note is its own body, whatever its shape
        marks = [m for m in marks if m.kind not in _SHAPE_KINDS]
    meta = header_meta.fill(Metadata(title=title)).fill(found)
    return Cleaned(meta, place, tuple(marks))


def has_body(text: str, marks: Sequence[Mark]) -> bool:
    """Whether any non-space character of `text` lies outside `marks` (sorted by start)."""
    position = 0
    for mark in marks:
        if text[position : mark.start].strip():
            return True
        position = max(position, mark.end)
    return bool(text[position:].strip())


def _classify(text: str, content: list[Line], title: str) -> tuple[Metadata, str, list[Mark]]:
    """Give each content line its kind ("" for body); the metadata and place found on the
    way, and the marks of pieces of lines (a dateline, a caption's credit, a fragment)."""
    found, place, extra = Metadata(), "", []
    repeated = repeated_before_body(content)
    seen_body = False
    body_lines = 0  # body lines after the first
    headed = any(line.kind == HEADLINE for line in content)
    for i, line in enumerate(content):
        if line.kind:
            continue
        is_last = i == len(content) - 1
        continues = continues_sentence(content, i)
        line.kind, meta = _furniture(line, title, last=is_last, continues=continues)
        found = found.fill(meta)
        if (seen_body and COMMENTS_HEADER.match(line.text)) or (
            body_lines >= 2 and STORIES_HEADER.match(line.text)
        ):
            for rest in content[i:]:  # the readers' comments, other stories: to the page's end
                rest.kind = rest.kind or CLUTTER
            line.kind = CLUTTER
            break
        if line.kind == CAPTION and seen_body:
            glued = _glued_caption(line, last=is_last)
            if glued:  # "... Iran stated. UN chief Guterres speaks in New York. (credit: X)"
                line.kind = ""
                extra.extend(glued)
        if not line.kind and _before_credit(content, i):
            line.kind = CAPTION  # the line above a credit of its own: "(credit: X/Reuters)"
        if line.kind:
            continue
        debris = link_debris(line.text, title)
        if debris:
            extra.append(Mark(line.start, line.start + debris, CLUTTER))
        if not seen_body:
            after_headline = i > 0 and content[i - 1].kind == HEADLINE
            kind, dateline = _opening(text, line, headed, is_last, repeated, continues)
            if not kind and after_headline and _teaser(line, content, i):
                kind = STANDFIRST
            if dateline is not None:
                place, found = dateline.place, found.fill(dateline.meta)
            if kind:
                line.kind = kind
                continue
            if dateline is not None:
                extra.append(Mark(line.start, dateline.end, DATELINE))
            seen_body = True
            continue
        body_lines += 1
        if body_lines <= _LATE_DATELINE_LINES and not place:
            # a dateline after a line taken for body (a timestamp, a caption): "JALALABAD,
            # Afghanistan: ..." opening the second or third paragraph, or the line under a
            # deck that it repeats ("Medvedev said ..." / "MOSCOW, August 9 (RIA Novosti) -
            # Medvedev said ...")
            dateline = dateline_at(text, line.start)
            if dateline is not None and dateline.end < line.end:
                deck = _deck_above(content, i, text[dateline.end : line.end])
                if line.new_paragraph or deck is not None or content[i - 1].kind == BYLINE:
                    place, found = dateline.place, found.fill(dateline.meta)
                    extra.append(Mark(line.start, dateline.end, DATELINE))
                if deck is not None:
                    deck.kind = STANDFIRST
        if _related_teaser(line, content, i):
            line.kind = CLUTTER
            continue
        if not is_last and not continues and heading_shape(line, content, i):
            line.kind = HEADING
    body = [line for line in content if not line.kind]
    for line in body[:-1]:  # "... on Tuesday. (Reporting by X; Editing by Y)" mid-page
        credit = reporting_credit_start(line.text)
        if credit is not None:
            extra.append(Mark(line.start + credit, line.end, CREDIT))
    if body:
        last = body[-1]
        credit = story_credit_start(last.text)
        end = last.end if credit is None else last.start + credit
        if credit is not None:
            extra.append(Mark(end, last.end, CREDIT))
        if last is content[-1]:
            extra.extend(_trailing_fragment(text, last.start, end))
    return found, place, extra


def _opening(
    text: str, line: Line, headed: bool, is_last: bool, repeated: set[str], continues: bool
) -> tuple[str, Dateline | None]:
    """The kind of a line before the article's first paragraph ("" if it is that paragraph),
    and the dateline that opens it, if any."""
    dateline = dateline_at(text, line.start)
    if dateline is not None and dateline.end >= line.end:
        return DATELINE, dateline  # "PESHAWAR:" on a line of its own
    if continues:
        return "", dateline
    if norm(line.text) in repeated:
        return STANDFIRST, None  # the summary under the headline, repeated as the first line
    if headed and name_shape(line.text) and not SENTENCE_END.search(line.text):
        return BYLINE, None  # the author's name under the headline
    if line.text.isupper() and 2 <= line.words <= 4 and name_shape(line.text):
        return BYLINE, None  # "PETER ROE" above the first paragraph, headline or not
    if heading_shape(line) and not is_last:
        return (STANDFIRST if headed else HEADING), None
    if headed and not is_last and deck_shape(line):
        return STANDFIRST, None
    return "", dateline


def _glued_caption(line: Line, *, last: bool) -> list[Mark]:
    """A caption and its credit at the end of a paragraph of body sentences: marks for the
    caption sentence and the credit, or [] when the whole line is the caption."""
    from briefer.split import split_text

    credit = caption_credit_start(line.text, last=last)
    if credit is None:
        return []
    sentences = split_text(line.text[:credit])
    if len(sentences) < 2:
        return []
    a, b = sentences[-1]
    return [
        Mark(line.start + a, line.start + b, CAPTION),
        Mark(line.start + credit, line.end, CREDIT),
    ]


def _teaser(line: Line, content: list[Line], i: int) -> bool:
    """One sentence right under the headline with page furniture after it, not the article:
    the standfirst ("Kabul denies Islamabad's claim ... as tensions deepen.")."""
    if line.words > 40 or i + 1 >= len(content) or ends_inside(line.text):
        return False
    if dateline_at(line.text, 0) is not None:
        return False  # a dateline opens the article's first paragraph
    later = content[i + 2 :]
    if not any(
        not x.kind and SENTENCE_END.search(x.text) and not furniture_kind(x.text)[0] for x in later
    ):
        return False  # the article must go on after a standfirst
    following = content[i + 1]
    if following.kind in {HEADLINE, HEADER}:
        return False
    kind = following.kind or furniture_kind(following.text)[0]
    return kind in {CLUTTER, CAPTION, CREDIT, BYLINE, TIMESTAMP} or (
        heading_shape(following) and not following.text[:1].islower()
    )


def _related_teaser(line: Line, content: list[Line], i: int) -> bool:
    """Another story's teaser inside the page: one cut-off sentence under that story's headline
    or time ("Pakistan reopens Chaman border 11:25 AM | 21 Nov, 2022" / "QUETTA – Pakistan has
    conditionally reopened its border ... more than a week ...")."""
    if i == 0 or line.words > 40 or not _CUT_OFF.search(line.text.strip()):
        return False
    return not ends_inside(line.text) and content[i - 1].kind in {HEADING, CLUTTER, TIMESTAMP}


def _furniture(line: Line, title: str, *, last: bool, continues: bool) -> tuple[str, Metadata]:
    if title and similar(line.text, title) and not SENTENCE_END.search(line.text):
        return HEADLINE, Metadata()
    if continues:  # inside a hard-wrapped sentence: only what no sentence carries
        kind, meta = furniture_kind(line.text, last=last)
        strong = line.text[:1].isupper() or line.words <= 3
        if kind == BYLINE and (
            _CAPS_BYLINE.match(line.text)
            or (line.text.startswith("By ") and name_shape(line.text[3:]))
        ):
            return kind, meta  # "By MAARIV ONLINE", "By Adrian Croft" under story highlights
        return (kind, meta) if kind in {CLUTTER, CREDIT} and strong else ("", meta)
    return furniture_kind(line.text, last=last)


def _first_untyped(content: list[Line]) -> Line | None:
    """The first line that is not already known furniture (a date prefix, a menu)."""
    for line in content:
        if line.kind:
            continue
        if furniture_kind(line.text)[0] in {CLUTTER, TIMESTAMP}:
            continue
        if line.words < _TITLE_MIN_WORDS and not SENTENCE_END.search(line.text):
            continue  # "logo", "Home": page furniture above the headline (marked as headings)
        if _MENU_ITEM.match(line.text):
            continue  # "• Directory of Taiwan": a link of the site's menu, not the headline
        return line
    return None


def _deck_above(content: list[Line], i: int, rest: str) -> Line | None:
    """The body line just above line `i` when `rest` (line `i` after its dateline) repeats it:
    a deck printed again as the first paragraph."""
    above = content[i - 1] if i > 0 else None
    if above is None or above.kind or len(above.text.split()) < _DECK_MIN_WORDS:
        return None
    return (
        above if norm_words(rest)[: len(norm_words(above.text))] == norm_words(above.text) else None
    )


_DECK_MIN_WORDS = 8


_LATE_DATELINE_LINES = 3  # body lines after the first that may still open on a dateline


def _before_credit(content: list[Line], i: int) -> bool:
    """A caption: a line of at most 40 words just above a line that is only a credit."""
    if i + 1 >= len(content) or content[i].words > 40:
        return False
    following = content[i + 1].text
    return (is_bare_credit(following) and following.startswith(("(", "["))) or is_photo_credit(
        following
    )


def _trailing_fragment(text: str, start: int, end: int) -> list[Mark]:
    """The article's last sentence when it was cut off (no final punctuation, or "...")."""
    from briefer.split import split_text

    spans = split_text(text[start:end])
    if not spans:
        return []
    a, b = spans[-1]
    last = text[start + a : start + b]
    cut = _CUT_OFF.search(last) is not None
    if (SENTENCE_END.search(last) or CLOSING_QUOTE.search(last)) and not cut:
        return []
    return [Mark(start + a, start + b, FRAGMENT)]


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
