"""Facts not in dispute: what several outlets, or a neutral one, report in their own voice.

A narrator sentence (no speaker of its own) is a fact when

- at least two independent outlets report it (`Independence.voices`: not the same wire
  copy, not a reprint), or a wire service does (a neutral source), and
- no party contradicts it: it gives neither side's version of a disputed point
  (`contradicts`: "civilians" where one side says "militants", a figure only one side gives).

Two outlets' sentences report one fact when they are paraphrases (sentences.Paraphrases):
the fact is shown once, crediting both. A sentence from one outlet alone is shown as that
outlet's report ("Dawn reports that ..."), and never when it speaks to a disputed point, to
blame or to legality (one outlet's account of it is one side's version, unless it gives both
sides at once: "blamed each other"), gives a toll, or comes from an outlet based in a party's
country and uses a loaded term (a partisan outlet's framing is not a fact). A fact is the
outlet's own words: a whole sentence quoting no one. Sentences about the history ("since
2021", "last year") are background, not facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, replace

from briefer.compose.outlets import Independence, Outlet
from briefer.compose.sentences import (
    EVENT,
    MONTHS,
    WHERE,
    Paraphrases,
    about_the_past,
    complete,
    own_words,
)
from briefer.data import Claim
from briefer.perspectives import Lexicon, contradicts, neutral_text, reported_by, speaks_to
from briefer.perspectives.aliases import AliasMatcher
from briefer.perspectives.neutral import drop_connective
from briefer.perspectives.topics import cues, topic_of
from briefer.readers.metadata import dateline_at

__all__ = [
    "Fact",
    "elsewhere",
    "fact_text",
    "find_facts",
    "no_news",
    "proper_names",
    "relayed_reports",
    "usable",
]

MIN_WORDS = 6
# Points on which one outlet's unattributed words are one side's version even where only one
# party speaks to them: who is to blame, what the law or sovereignty says.
ONE_SIDED = ("responsibility", "legality")
# A personal pronoun early on: the sentence leans on one before it ("During this visit, he
# met ..."), which the brief does not show.
_LEANS_BACK = re.compile(r"^(?:\S+\s+){0,7}?(he|she|they|him|her|his|them|it)\b", re.IGNORECASE)
# A sentence about the article or a statement rather than the event: "TASS has compiled key
# facts", "The list was published by ...", "The statement comes after ...".
_META = re.compile(
    r"^(?:the|this|these|that|its|his|her)\s+(?:list|statement|remarks?|report|article|story"
    r"|comments?|announcement|briefing|tweet|post|video|interview|message|letter|development"
    r"|move)s?\b"  # "The development comes following ...", "The move came a day after ..."
    r"|\b(?:compiled|key facts|what we know|here is|here's|read more|live updates)\b"
    r"|\b(?:remarks|statements?|comments|announcement)\s+(?:came|comes|follow(?:s|ed)?)\b"
    # how it was announced: "only a statement was read out and there was no Q&A"
    r"|\b(?:was|were)\s+read\s+out\b|\bQ\s?&\s?A\b|\bno\s+questions\s+(?:were|was)\b",
    re.IGNORECASE,
)
# A demonstrative opening that points at a sentence before it: "These strikes followed ...",
# "This comes in response to ...", "Those tensions culminated ...", "Such attacks ...".
_POINTS_BACK = re.compile(
    r"^(?:this|these|those|that|such)\b(?!\s+(?:morning|week|year|month))|\bthese\b",
    re.IGNORECASE,
)
# Copy garbled in the source: an opening phrase runs straight into a verb ("In Israel has
# foiled ...").
_GARBLED = re.compile(r"^(?:[Ii]n|[Oo]n|[Aa]t)\s+[A-Z][\w-]*\s+(?:has|have|had|is|are|was|were)\b")
# The outlet passes on what it has not confirmed: someone else's account, not its own report.
_HEDGED = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|seem(?:s|ed)? to|appears? to"
    r"|(?:is|are|was|were) said to"  # "the Lal Pur district ... is said to be the target"
    r"|(?:media |some |unconfirmed )?reports (?:said|say|claim\w*|suggest\w*|indicate\w*)"
    r"|according to (?:media )?reports|(?:has|have|had) been reported|(?:was|were) reported)\b",
    re.IGNORECASE,
)
# The outlet's own judgement or guess, not what happened: "perhaps the army is simply
# over-stretched", "territory that is clearly in South Sudan", "the call clearly shows ...".
_JUDGED = re.compile(
    r"\b(?:perhaps|probably|arguably|clearly|evidently|obviously|undoubtedly|no doubt"
    r"|(?:is|are|was|were) likely to)\b",
    re.IGNORECASE,
)
# Who did not speak, and what is not known, are no facts of what happened ("Pakistani
# officials did not immediately comment"; the method note says when a side has no statement).
_SILENT = re.compile(
    r"\b(?:refused|declined|unavailable) (?:to|for) comment|\b(?:did|has|have|had) not"
    r" (?:yet )?(?:immediately )?(?:comment|respond|react)|\bno (?:immediate )?(?:comment"
    r"|response|reaction)\b|\bcould not be reached|\bremain(?:s|ed)? (?:unclear|unknown)\b"
    # "the casualties ... have not been announced yet": what is not known
    r"|\b(?:has|have|had) not (?:yet )?been (?:announced|confirmed|released|disclosed|made public)"
    r"|\b(?:was|were|is|are) not (?:yet )?(?:known|announced|disclosed)\b"
    # "there was no official word from either side", "did not exactly specify at which level"
    r"|\bno (?:official |immediate )?word (?:on|from|about)\b"
    r"|\b(?:did|does|do) not (?:\w+ly )?(?:specify|say|disclose|reveal|confirm|elaborate)\b",
    re.IGNORECASE,
)
_REACTED = re.compile(r"\breact(?:s|ed|ing)? to\b", re.IGNORECASE)
# Both sides at once ("blamed each other"): no one side's version of the point.
_SYMMETRIC = re.compile(
    r"\b(?:each other|one another|both sides|both countries|both nations|both armies)\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds?",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:since|in (?:19|20)\d\d|for (?:years|decades)|long|history|historically|routinely"
    r"|previously|earlier this year|last year|in recent (?:months|years))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Fact:
    claim: Claim
    support: str  # "corroborated", "neutral" or "single"
    outlet: str  # the outlet of a "single" fact ("" when not known)
    voices: int  # independent outlets reporting it
    rank: int  # position in the salience order
    home: str = ""  # a "single" fact's outlet is based in this party's country ("": neutral)
    relayed: bool = False  # an outlet's report another outlet relays, naming it: shown as is


def usable(claim: Claim) -> bool:
    """Whether a narrator sentence can be a fact at all: long enough, whole, in the outlet's
    own words, not a question, not leaning on a sentence before it (a pronoun, "These
    strikes ..."), not about the article or a statement rather than the event, and not
    hedged ("reportedly", "media reports said": an account the outlet has not confirmed) or
    judged ("perhaps", "clearly": the outlet's view), not about who did not comment or what
    remains unclear."""
    text = claim.sentence.text.strip()
    return (
        len(text.split()) >= MIN_WORDS
        and own_words(text)
        and _tells_plainly(text)
        and not _GARBLED.match(text)
    )


def _tells_plainly(text: str) -> bool:
    """A whole sentence that tells something as known: not a question, a cry or a prayer,
    not leaning on a sentence before it or about the article, not hedged or judged, not who
    did not comment (the tests a narrator's fact and a relayed outlet's report share)."""
    return (
        complete(text)
        and not text.rstrip("\"'”’)").endswith(("?", "!"))
        and not leans_back(text)
        and not elsewhere(text)
        and not _HEDGED.search(text)
        and not _JUDGED.search(text)
        and not no_news(text)
    )


def _one_sided(
    text: str,
    home: str,
    lexicon: Lexicon,
    disputed: Sequence[str],
    matcher: AliasMatcher | None,
) -> bool:
    """One outlet's sentence that is one side's version, not a fact: it speaks to a disputed
    point, blame or legality (unless it gives both sides at once), gives a toll, or, from an
    outlet of a party's country (`home`), uses a loaded term or tells a side attacking."""
    return bool(
        (speaks_to(text, (*disputed, *ONE_SIDED)) and not _SYMMETRIC.search(text))
        or _casualty_figure(text)
        or (home and lexicon.find(text))
        or (home and matcher and _accuses(text, home, matcher))
    )


def leans_back(text: str) -> bool:
    """Opens on a pronoun for someone named only before it ("They said ...", "On Friday, he
    ..."), not one for a name earlier in the sentence ("The Islamic Republic has not said how
    it will respond")."""
    if _POSSESSIVE_OPENING.match(text):
        return True  # "Their names are ...": whose?
    found = _LEANS_BACK.match(text)
    if not found:
        return False
    before = text[: found.start(1)].split()[1:]  # the first word is capitalised anyway
    return not any(w[:1].isupper() and w.strip(",.:;").lower() not in _TIME_WORDS for w in before)


_POSSESSIVE_OPENING = re.compile(r"(?:their|its|his|her)\s", re.IGNORECASE)
_TIME_WORDS = frozenset(MONTHS).union(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def no_news(text: str) -> bool:
    """Tells who did not comment, what remains unclear or that people reacted ("Locals in
    Pakistan have reacted to India's 'Operation Sindoor'"): nothing of what happened."""
    return bool(_SILENT.search(text) or _REACTED.search(text))


def elsewhere(text: str) -> bool:
    """Whether `text` is about a sentence before it ("These strikes followed ...") or about
    the article or a statement rather than the event ("The statement comes a day after ...")."""
    return bool(_POINTS_BACK.search(text) or _META.search(text))


def find_facts(
    narration: Sequence[Claim],
    independence: Independence,
    contested: Mapping[str, frozenset[str]],
    lexicon: Lexicon,
    *,
    disputed: Sequence[str] = (),
    when: tuple[int, int] = (0, 0),
    paraphrases: Paraphrases | None = None,
    matcher: AliasMatcher | None = None,
) -> tuple[list[Fact], list[Fact]]:
    """(facts, background), corroborated facts first; each list most salient first.

    `narration` is the distinct narrator claims, most salient first; `paraphrases`, when
    given, finds the other outlets' sentences that report the same fact (credited, and not
    shown again); `when` is the event's year and month, for sentences about an earlier time;
    `matcher` finds the parties a sentence names (what one side's outlet says the other side
    did is that side's account)."""
    facts: list[Fact] = []
    background: list[Fact] = []
    for rank, claim in enumerate(narration):
        text = claim.sentence.text.strip()
        if paraphrases is not None and claim.sentence.ref in paraphrases.taken:
            continue  # another outlet's words for a fact already found
        if not usable(claim) or contradicts(text, contested):
            continue
        if paraphrases is not None:
            same = paraphrases.of(claim)
            extra = tuple(r for c in same for r in (c.sentence.ref, *c.also))
            claim = replace(claim, also=tuple(dict.fromkeys((*claim.also, *extra))))
        refs = (claim.sentence.ref, *claim.also)
        voices = independence.voices(refs)
        outlets = [independence.outlets.get(ref[0], Outlet()) for ref in refs]
        support = (
            "corroborated"
            if voices >= 2
            else "neutral"
            if any(o.wire and not o.party for o in outlets)  # not a party's own wire (Trend)
            else "single"
        )
        if support == "single" and (
            not _about_the_event(text, matcher)
            or _one_sided(text, outlets[0].party, lexicon, disputed, matcher)
        ):
            continue  # one outlet's account of a disputed point or a toll; a partisan framing
        single = support == "single"
        fact = Fact(
            claim,
            support,
            outlets[0].name if single else "",
            voices,
            rank,
            outlets[0].party if single else "",
        )
        if neutral_text(text, lexicon) is None and support != "single":
            continue
        past = _BACKGROUND.search(text) or about_the_past(text, *when)
        (background if past else facts).append(fact)
    facts.sort(key=lambda f: (f.support == "single", f.rank))
    return facts, background


def relayed_reports(
    voices: Sequence[Claim],
    contested: Mapping[str, frozenset[str]],
    lexicon: Lexicon,
    *,
    disputed: Sequence[str] = (),
    matcher: AliasMatcher | None = None,
    home_of: Callable[[str], str] = lambda speaker: "",
) -> list[Fact]:
    """The other voices that are a news outlet's report of what happened, which another
    outlet relays naming it ("Cambodia's Khmer Times newspaper reported the 10-minute
    exchange of fire began at 5:45 AM ..."): one outlet's report, attributed to it in its
    own sentence, held to the rules of one outlet's fact (not on a disputed point, no toll,
    no loaded term or accusation when the outlet is of a party's country (`home_of`: the
    party whose country an outlet named as a speaker is based in), nothing hedged)."""
    found = []
    for rank, claim in enumerate(voices):
        text = claim.sentence.text.strip()
        if not _MEDIA_SPEAKER.search(claim.speaker) or contradicts(text, contested):
            continue
        home = home_of(claim.speaker)
        if not _tells_plainly(text) or _one_sided(text, home, lexicon, disputed, matcher):
            continue
        found.append(Fact(claim, "single", claim.speaker, 1, rank, home, relayed=True))
    return found


# A news outlet as the speaker: "Cambodia's Khmer Times newspaper", "APA news agency".
_MEDIA_SPEAKER = re.compile(
    r"\b(?:newspapers?|news\s+agency|agency|daily|television|TV|channel|radio|broadcaster"
    r"|news\s+(?:site|website|outlet|portal|service))\b",
    re.IGNORECASE,
)


def _about_the_event(text: str, matcher: AliasMatcher | None) -> bool:
    """Names a party, a place or an event, or speaks to a point: not an explainer ("payload
    is the carrying capacity of an aircraft"), which one outlet's aside does not make a fact."""
    if EVENT.search(text) or WHERE.search(text) or topic_of(text):
        return True
    return matcher is None or any(hit.is_party for hit in matcher.find(text))


def _accuses(text: str, home: str, matcher: AliasMatcher) -> bool:
    """A side as the one that fired, attacked, struck or destroyed, told by an outlet of a
    party's country: the other side ("the Pakistani militia also fired at the Afghan
    commissary", in an Afghan outlet) or its own ("the Azerbaijani armed forces destroyed a
    stronghold ... of Armenia's military unit", in an Azerbaijani one): that side's account."""
    return any(
        hit.is_party
        and (_HOSTILE.match(text, hit.end) or _HOSTILE_BEFORE.search(text[: hit.start]))
        for hit in matcher.find(text)
    )  # "Cambodian artillery hitting ...", "F-16 jets struck two Cambodian command posts"


_HOSTILE_VERBS = (
    r"\b(?:fired|opened fire|attacked|shelled|bombed|struck|hit|targeted|killed"
    r"|shot|launched|violated|invaded|destroyed|downed|repelled|firing|attacking|shelling"
    r"|bombing|striking|hitting|targeting|killing|shooting|invading|destroying"
    # what befell a side: "the movement of Armenian troops was restricted, ... damaged"
    r"|restricted|damaged|suppressed|neutrali[sz]ed|forced to retreat)\b"
)
_HOSTILE = re.compile(r"[^.,;:]{0,40}?" + _HOSTILE_VERBS, re.IGNORECASE)
_HOSTILE_BEFORE = re.compile(_HOSTILE_VERBS + r"(?:\s+\w+){0,3}\s+$", re.IGNORECASE)


def _casualty_figure(text: str) -> bool:
    """Gives a number of dead or wounded: a toll, which one outlet alone does not establish
    (the parties' tolls are shown under each party)."""
    return any(_TOLL.fullmatch(word) for word in cues(text, "casualties"))


def fact_text(
    fact: Fact, text: str, lexicon: Lexicon, names: Container[str] | None = None
) -> str | None:
    """The words to show for `fact` (its sentence or a compression of it): an outlet's own
    report attributed to it, a corroborated one without loaded terms; None if impossible.
    `names` are the words the sources capitalise mid-sentence (kept so after "reports that").
    A dateline the sentence opens with ("New Delhi: ", "KABUL, Afghanistan (AP) — ") goes."""
    text = text.strip()
    dateline = dateline_at(text, 0)  # the readers' own test of a dateline
    text = text[dateline.end :].lstrip() if dateline is not None else text
    if fact.relayed:
        return drop_connective(text)  # "Cambodia's Khmer Times newspaper reported ..."
    if fact.support == "single":
        return reported_by(fact.outlet, text, names)
    return neutral_text(drop_connective(text), lexicon)  # not "Meanwhile, ..." on its own


def proper_names(claims: Sequence[Claim]) -> frozenset[str]:
    """Words the sources capitalise in mid-sentence ("Velmar", "Southland"): names."""
    names = set()
    for claim in claims:
        words = claim.sentence.text.split()
        for prev, word in zip(words, words[1:], strict=False):
            if word[:1].isupper() and not prev.endswith((".", ":", "“", '"')):
                names.add(word.strip(",.;:!?\"'“”’()"))
    return frozenset(names)
