"""Whether a sentence without a speaker of its own carries on the previous speaker's account.

    "At 9.55am, Cambodian forces reportedly fired into a residential area."   the army's still
    "Relations have been strained since the Taliban returned to power in 2021."   the narrator

News copy often gives a statement's details in the lines after the one that names its source
(the times and targets of a military's account, the items of a ministry's list, the figures of
a briefing). A sentence right after an attributed one carries that speaker on when it reads as
such a detail: hearsay ("reportedly"), a time of day, "then", a list item, an attack or a toll;
never when it reads as the journalist's own background: history and earlier dates, the setting
of a place, what is (un)known, who did not comment, what an event "came after".
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefer.data import NARRATOR, OTHER, Claim, Sentence
from briefer.perspectives.context import DocState
from briefer.perspectives.quotes import scan_quotes
from briefer.perspectives.roles import is_body
from briefer.perspectives.topics import topic_of

__all__ = [
    "body_speaks",
    "carries_on",
    "frames_an_event",
    "own_voice",
    "own_voice_again",
    "quote_ended",
    "recaps",
    "quotes_named_after",
    "reads_as_narration",
]

_MIN_WORDS = 5
_OWN_VOICE_GAP = 15  # sentences back to a party's statement that 'our', 'the enemy' go on
_OPENING_MARKS = frozenset("\"“”‘'«")
_HEADING_WORDS = 8
_FINAL = re.compile(r"[.!?…:;,\"”’)\]]$")
_BACKGROUND = re.compile(
    r"\b(?:since|in|by|until|of|from)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b"
    r"|\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b|\bsince\s+(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|then|the)\b"
    r"|\b(?:last|previous|earlier)\s+(?:year|month|week|decade|had)\b|\bhistor(?:y|ic|ical|ically)\b"
    r"|\bfor\s+(?:years|decades|months)\b|\bhas\s+long\b|\bhave\s+long\b|\blong[- ]standing\b"
    r"|\bhas\s+(?:not|yet\s+to)\s+(?:commented|responded|confirmed)|\bdid\s+not\s+(?:immediately\s+)?"
    r"(?:respond|comment|return|reply|elaborate|say)|\bno\s+immediate\b|\bcould\s+not\s+(?:be\s+)?"
    r"(?:independently\s+)?(?:verif|confirm)|\bremain(?:s|ed)?\s+(?:unclear|tense)\b"
    r"|\bit\s+(?:is|was)\s+(?:not\s+)?(?:clear|unclear)\b|\bstill\s+being\s+assessed\b"
    r"|\blies\s+(?:about|some|roughly)?\s*\d|\bis\s+located\b|^[^,]*,\s+located\s+(?:about|some|near|\d)"
    r"|\b(?:relations|ties|tensions)\s+(?:between|have|had|with|culminated)\b"
    r"|\bboth\s+(?:countries|sides|nations|armies)\b|\beach\s+other\b"
    r"|\bthe\s+two\s+(?:countries|sides|nations|neighbours|neighbors|armies)\b|\bis\s+home\s+to\b"
    r"|\bflashpoint\b|\bclaimed\s+by\s+both\b|\bwas\s+not\s+immediately\b"
    r"|\bthere\s+(?:has|have)\s+been\s+no\b|\b(?:means|refers\s+to)\b|\bthe\s+following\s+is\b"
    r"|\braising\s+(?:global\s+)?concerns\b|\braised\s+concerns\b|\bin\s+recent\s+(?:years|months|weeks)\b|\bon\s+condition\s+of\s+anonymity\b|\bspeaking\s+to\b"
    r"|\b(?:reports|media)\s+(?:said|say|suggest|indicate)\b|\baccording\s+to\s+(?:media\s+)?reports\b"
    r"|\bwas\s+declared\b|\bwere\s+deployed\b|\bhas\s+been\s+closed\b"
    # who kept silent, what nobody mentioned: the journalist's note, not a speaker's words
    r"|\b(?:remain(?:s|ed)?|kept|stayed)\s+silent\b|\bmade\s+no\s+mention\b"
    r"|\b(?:is|are|was|were)\s+(?:reported|said|believed|thought|understood)\s+to\b",
    re.IGNORECASE,
)
# Framing by the journalist: what an event came after, where it took place.
_FRAMING = re.compile(
    r"\b(?:came|comes|come)\s+(?:after|as|in\s+response|amid|days|hours|a\s+day|weeks|following)\b"
    r"|\b(?:follows?|followed)\s+(?:a|an|the)\b|\btook\s+place\b|\bprompted\b",
    re.IGNORECASE,
)
_NARRATION_START = re.compile(
    r"^(?:notably|separately|elsewhere|additionally|in\s+(?:a\s+)?(?:separate|related)|"
    r"there\s+(?:is|are|was|were)|this\s+(?:is|was|comes|came|marks|marked|latest)|"
    r"it\s+(?:is|was)\s+the\s+(?:first|second|third|latest)|the\s+(?:latest|recent)\s+\w+|"
    r"the\s+(?:attack|incident|strike|strikes|blast|explosion)\s+(?:happened|occurred)|"
    r"(?:in|during|after|following)\s+(?:the\s+)?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A statement's own voice left unquoted: "our units", "we", "the enemy".
# "us", not "US": "condemnation from the UN, US and Britain" is no one's own voice
_OWN_VOICE = re.compile(r"\b(?:[Oo]ur|[Ww]e|us)\b(?![.-])|\b[Tt]he\s+enemy\b")
_DETAIL = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|then)\b|\bintercept(?:ed|ing)?\b|\bshot\s+down\b"
    # "It is reiterated that ...": the statement goes on, its speaker unnamed
    r"|^it\s+(?:is|was|has\s+been)\s+(?:reiterated|stated|added|emphasi[sz]ed|stressed|noted"
    r"|clarified|reaffirmed|underlined)\s+that\b"
    r"|\bcaused\s+(?:\w+\s+){0,2}(?:damage|casualties)\b"
    r"|\b(?:at\s+)?(?:about\s+|around\s+|approximately\s+)?\d{1,2}[.:]\d{2}\s*(?:a\.?m|p\.?m|hrs|hours)?\b"
    r"|\b\d{1,2}\s*(?:a\.?m|p\.?m)\b|^\s*(?:[-•*]|\d{1,2}[.)])\s",
    re.IGNORECASE,
)


_EVENT_FRAME = re.compile(
    r"^(?:the|this|that|it|these|those)\b[^,;]{0,40}?\b(?:(?:came|comes|come|follows|followed)\s+"
    r"(?:\w+\s+){0,3}?(?:after|as|amid|following|in\s+response)"
    r"|(?:follows|followed)\s+(?:a|an|the)\s+(?:series|spate|string|wave|week|day|flurry)\s+of)\b",
    re.IGNORECASE,
)


def frames_an_event(text: str) -> bool:
    """ "The move came days after X accused ...": the journalist places an event; what X said
    is told as the occasion, not asserted by the sentence."""
    return _EVENT_FRAME.search(text.lstrip("-•*0123456789.) ")) is not None


def reads_as_narration(text: str) -> bool:
    """The journalist's own background or framing: history, setting, what is not known."""
    stripped = text.lstrip("-•*0123456789.) ")
    return bool(_BACKGROUND.search(text) or _NARRATION_START.search(stripped))


def recaps(text: str) -> bool:
    """The journalist's recap or framing, not a statement's next line: background, "On July
    30, at least five people were killed ..."."""
    return reads_as_narration(text) or bool(_DATED_RECAP.match(text))


def own_voice(text: str) -> bool:
    """Speaks as one side does, outside quotation marks: "our forces", "the enemy" (not "we"
    or "us", which an eyewitness's or a reporter's own story uses too)."""
    masked = scan_quotes(text).masked
    return len(masked.split()) >= _MIN_WORDS and bool(_SIDE_VOICE.search(masked))


_SIDE_VOICE = re.compile(r"\bour\b(?![.-])|\bthe\s+enemy\b", re.IGNORECASE)


def carries_on(text: str, *, one_voice: bool = False) -> bool:
    """Whether `text`, right after a sentence with a speaker, still reports that speaker.

    `one_voice`: the article renders one side's statement (most of its attributed sentences
    are that side's), where the strikes, targets and tolls that follow are its account too.
    """
    if len(text.split()) < _MIN_WORDS or reads_as_narration(text) or _FRAMING.search(text):
        return False
    if _DETAIL.search(text) or _OWN_VOICE.search(text):
        return True
    if _DATED_RECAP.match(text):
        return False  # "On July 30, at least five people were killed ...": the journalist's
    return one_voice and topic_of(text) in {"casualties", "targets"}


_DATED_RECAP = re.compile(
    r"^on\s+(?:(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)(?:\s+\d{1,2})?|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday),",
    re.IGNORECASE,
)


def quote_ended(text: str, prev: Sentence, sentence: Sentence) -> bool:
    """A quotation left open ends at a heading, caption or other page text between two
    paragraphs, unless the next one reopens it (a tweet cut at “they attacked…
    pic.twitter.com/...”, then "International response", then "Pakistan has also claimed
    ..." is no longer the quote). A plain paragraph break does not end it: statements
    printed whole often open the quote once and go on for paragraphs without marks."""
    gap = text[prev.end : sentence.start] if prev.end <= sentence.start <= len(text) else ""
    if "\n" not in gap or sentence.text.lstrip()[:1] in _OPENING_MARKS:
        return False
    return bool(gap.strip()) or _heading(prev.text)


def _heading(text: str) -> bool:
    """A short line without a sentence's final punctuation or a quotation mark."""
    text = text.strip()
    return (
        len(text.split()) <= _HEADING_WORDS
        and not _FINAL.search(text)
        and not any(c in _OPENING_MARKS for c in text)
    )


def quotes_named_after(claims: list[Claim]) -> list[Claim]:
    """A quotation over several sentences names its speaker at its end ("“... border
    region. Terrorists are using Afghan soil ...,” Asim Iftikhar said."): its first sentences
    are that speaker's too. A sentence that opens such a quotation, or goes on with it, is
    the named speaker's even when the speaker before it was carried on to it (the quote's own
    attribution wins: "Officials say ... “Pakistani troops opened fire ... The Afghan military
    responded ... 15 civilians were killed,” said Kandahar governor's spokesman ...")."""
    open_after = []
    opens = []
    within = []  # goes on with a quotation opened before it
    inside = False
    for claim in claims:
        text = claim.sentence.text.lstrip()
        opens.append(not inside and text[:1] in _OPENING_QUOTES)
        within.append(inside)
        inside = scan_quotes(claim.sentence.text, inside).open_after
        open_after.append(inside)
    out = list(claims)
    # the speaker is named in the sentence itself (or, once taken, at the quote's end)
    named = [bool(c.speaker) and c.speaker.split()[-1] in c.sentence.text for c in claims]
    for i in range(len(out) - 2, -1, -1):
        claim, following = out[i], out[i + 1]
        if not (
            open_after[i]
            and following.party != NARRATOR
            and following.speaker
            and following.sentence.index == claim.sentence.index + 1
        ):
            continue
        carried = opens[i] or (within[i] and not named[i])  # not named: carried on to it
        if claim.party == NARRATOR or (
            carried and named[i + 1] and claim.speaker != following.speaker
        ):
            out[i] = replace(claim, speaker=following.speaker, party=following.party, quote=True)
            named[i] = named[i + 1]
    return out


_OPENING_QUOTES = frozenset('“"‘')


def body_speaks(state: DocState) -> bool:
    """The latest speaker is a body (a ministry, a state), not a person ("Sharif", a surname
    the document named before)."""
    speaker = state.last[0] if state.last else ""
    return is_body(speaker) and speaker.lower() not in state.names


def own_voice_again(sentence: Sentence, state: DocState) -> bool:
    """A sentence in a party's own voice ("The enemy also fires on our settlements") a few
    sentences after that party's statement, with nobody else quoted since: the statement,
    printed whole, goes on (the sentences between told its details without a cue)."""
    last = state.last
    return (
        last is not None
        and last[1] not in (OTHER, NARRATOR)
        and 1 < sentence.index - state.last_index <= _OWN_VOICE_GAP
        and own_voice(sentence.text)
    )
