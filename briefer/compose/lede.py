"""The lede: what happened, from facts several outlets report, then each party's core claim.

facts ─▶ the one that best says what happened (an event, where, when), most corroborated
      ─▶ a second one that adds what the first lacks: the when, the where, the place's name
party claims ─▶ each party's core claim, in profile order: its most salient own claim,
      weighted towards the disputed points (a casualty figure first), so that the
      parties' figures and accounts stand side by side
      ─▶ when no fact opens the lede (the sources tell the event only through the parties),
      each party's account of what happened: its claim that names the event, where and when
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Mapping, Sequence

from briefer.compose.facts import Fact, elsewhere, no_news
from briefer.compose.sentences import EVENT, WHERE
from briefer.data import Claim, SentenceRef
from briefer.perspectives import PartyDef, content_words
from briefer.perspectives.aliases import mentions
from briefer.perspectives.neutral import run_on
from briefer.perspectives.quotes import scan_quotes
from briefer.perspectives.topics import cues

__all__ = [
    "MAX_SENTENCES",
    "account",
    "casualty_figures",
    "cites",
    "core_claim",
    "gives_deaths",
    "has_casualty_figure",
    "is_person",
    "name_shares",
    "naming_party",
    "tells_event",
    "what_happened",
]

MAX_SENTENCES = 4
EVENT_WEIGHT = 1.3  # a core claim that names the event (a strike, a clash), not only its aftermath
BACKED_WEIGHT = 1.5  # a corroborated fact as the lede's second, against one outlet's
# "Earlier, the ministry said two servicemen were wounded": an account a later one in the
# same article updates (seven killed), the weaker core claim of the two.
EARLIER_WEIGHT = 0.85
HOME_WEIGHT = 0.5  # one outlet's report from a party's country, as the lede's what-happened
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight"
    r"|overnight|(?:last|this) (?:week|night|month)|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct"
    r"|nov|dec)\.? \d{1,2}|\d{1,2}(?:[:.]\d\d)? ?(?:am|pm))\b"
    r"|\b\d{1,2}(?:[:.]\d\d)? ?[ap]\.m\.",  # "9:40 a.m.", "5.30am", "10pm"
    re.IGNORECASE,
)
_EARLIER = re.compile(r"earlier\b", re.IGNORECASE)
# A place by its name, not "along their border": "in Tovuz district", "near Chong Bok".
_NAMED_PLACE = re.compile(
    r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\s+(?:district|province|region|village|town|city|sector)\b"
    r"|\b(?:in|near|at)\s+(?:the\s+)?(?:town\s+of\s+|village\s+of\s+|city\s+of\s+)?"
    r"[A-Z][a-z]{2,}\b(?!\s+(?:and|or)\b)"
)
_FIGURE = re.compile(  # a number, not a time of day ("At 13:45, ...")
    r"(?<![:.])\b\d[\d,]*\b(?![:.]\d)|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?"
    r"|scores|hundreds?)\b",
    re.IGNORECASE,
)
# Core-claim weights: which of a party's claims says most of its account.
_TOPIC_WEIGHT = {"casualties": 1.3, "targets": 1.25, "responsibility": 1.1, "legality": 1.05}


def what_happened(
    facts: Sequence[Fact],
    scores: Mapping[SentenceRef, float],
    max_words: int,
    parties: Sequence[PartyDef] = (),
    count: int = 2,
    shares: Mapping[str, float] | None = None,
) -> list[Fact]:
    """Up to `count` (one or two) facts for the lede's opening, each naming an event (a
    strike, a clash, ...), not what nobody has said or what is unclear about it: from those
    several outlets (or a wire) report when there are any, else one outlet's (shown
    attributed to it; one based in a party's country counts for HOME_WEIGHT of another's);
    who, where and when, said briefly, in the names and figures most of the sources give
    (`shares`, from `name_shares`: what several outlets report). The second
    only when it adds what the first does not say (the when, the where, the place's name:
    "in Tovuz district" after "along their border"), a corroborated one before one outlet's;
    it need not name an event when several outlets or a wire report it ("the two main
    crossings remained closed"), it gives the where or when the first lacks, or both (a
    more precise "near Chong Bok ... about 5.30am" after "in a disputed border area early
    Wednesday"); and one outlet's of the same party's country as the first's only when it
    names no party (where and when, not who did what)."""
    events = [
        f
        for f in facts
        if tells_event(f.claim.sentence.text) and not no_news(f.claim.sentence.text)
    ]
    if not events:
        return []  # none names an event: the parties' claims open the brief
    backed = [f for f in events if f.support != "single"]
    top = max((scores.get(f.claim.sentence.ref, 0.0) for f in events), default=0.0) or 1.0
    aliases = sorted({a for p in parties for a in (p.name, *p.aliases)}, key=len, reverse=True)
    who = (
        re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, aliases)) + r")(?![\w-])", re.IGNORECASE
        )
        if aliases
        else None
    )

    def value(fact: Fact) -> float:
        text = fact.claim.sentence.text
        cues = tells_event(text) + sum(bool(p and p.search(text)) for p in (_WHEN, WHERE, who))
        salience = scores.get(fact.claim.sentence.ref, 0.0) / top
        length = max(1.0, len(text.split()) / max_words)
        return (
            salience
            * (1 + _spread(text, shares or {}))
            * (1 + cues)
            * (1 + 0.25 * min(fact.voices - 1, 3))
            * (1.5 if tells_event(text) else 1.0)
            * (HOME_WEIGHT if fact.home else 1.0)
            / length
        )

    # A corroborated fact opens when it says more than that something happened (who, where
    # or when): "Both nations have accused each other of initiating the clash" does not.
    told = [f for f in backed if _told(f.claim.sentence.text, who)]
    first = max(told or events, key=value)
    if count < 2:
        return [first]
    said = content_words(first.claim.sentence.text)
    text = first.claim.sentence.text
    missing = [p for p in (_WHEN, WHERE, _NAMED_PLACE) if not p.search(text)]

    def adds(fact: Fact) -> float:
        """A second sentence is worth its words when it says something the first does not:
        the when, where or named place it lacks (each counts), or mostly other words."""
        words = content_words(fact.claim.sentence.text)
        new = len(words - said) / max(1, len(words))
        fills = sum(bool(p.search(fact.claim.sentence.text)) for p in missing)
        return value(fact) * new * (1.0 + fills) if new >= 0.5 else 0.0

    def worth(fact: Fact) -> float:  # a corroborated fact before one outlet's of as much
        if (
            first.home
            and fact.home == first.home
            and (who is None or who.search(fact.claim.sentence.text))
        ):
            return 0.0  # two sentences of one side's press would tell it the way that side does
        return adds(fact) * (BACKED_WEIGHT if fact.support != "single" else 1.0)

    def may_follow(fact: Fact) -> bool:
        text = fact.claim.sentence.text
        if fact is first or no_news(text):
            return False
        return bool(
            tells_event(text)
            or fact.support != "single"
            or any(p.search(text) for p in missing)
            or (_WHEN.search(text) and WHERE.search(text))
        )

    second = max((f for f in facts if may_follow(f)), key=worth, default=None)
    return [first, second] if second is not None and worth(second) > 0 else [first]


def tells_event(text: str) -> bool:
    """Names the event as what happened, not as what a meeting discussed or someone condemned
    ("Ambassadors ... held an emergency meeting ... to discuss the strike")."""
    return any(not _TALKED_ABOUT.search(text, 0, m.start()) for m in EVENT.finditer(text))


# A talk verb right before the event's name: the sentence tells the talk, not the event.
_TALKED_ABOUT = re.compile(
    r"\b(?:discuss(?:es|ed|ing)?|debat(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|address(?:es|ed|ing)?"
    r"|(?:respond(?:s|ed|ing)?|react(?:s|ed|ing)?)\s+to|comment(?:s|ed|ing)?\s+on)"
    r"\s+(?:the\s+|a\s+|this\s+|that\s+|its\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


def name_shares(texts: Sequence[str]) -> dict[str, float]:
    """Each word's share of `texts` (the documents) that use it, lower-cased."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({_bare(w) for w in text.split()})
    return {word: n / max(1, len(texts)) for word, n in counts.items()}


def _spread(text: str, shares: Mapping[str, float]) -> float:
    """How widely the sources give the names and figures of `text` (its capitalised words
    after the first, and its numbers): their shares summed, over the root of their count, so
    a sentence of several widely reported names ("Tovuz", "Tavush", "12 July") outweighs one
    of one outlet's details."""
    names = {_bare(w) for w in text.split()[1:] if w[:1].isupper() or w[:1].isdigit()} - {""}
    if not names:
        return 0.0
    return sum(shares.get(name, 0.0) for name in names) / len(names) ** 0.5


def _bare(word: str) -> str:
    return word.strip(",.;:!?\"'“”’‘()[]").lower()


def _told(text: str, who: re.Pattern | None) -> bool:
    return any(p and p.search(text) for p in (_WHEN, WHERE, who))


def core_claim(
    claims: Sequence[Claim],
    disputed: Sequence[str],
    scores: Mapping[SentenceRef, float],
    max_words: int = 0,
    others: Sequence[PartyDef] = (),
) -> Claim | None:
    """The party's claim that says most of its account: salience, weighted to the disputed
    points and to casualty figures, and to sentences that fit the lede (`max_words`) whole;
    not one that gives part of it "according to" one of the `others` (the other parties):
    "..., with at least four Azeri soldiers killed according to the Azerbaijani Ministry of
    Defense" is no core claim of Armenia's, when it has another."""
    if not claims:
        return None
    own = [c for c in claims if not cites(c.sentence.text, others)]
    claims = own or claims

    def value(claim: Claim) -> float:
        weight = _TOPIC_WEIGHT.get(claim.topic, 1.0)
        if claim.topic in disputed:
            weight *= 1.3
        if has_casualty_figure(claim.owned_text):
            weight *= 1.3
        if EVENT.search(claim.sentence.text):
            weight *= EVENT_WEIGHT
        if _EARLIER.match(claim.sentence.text):
            weight *= EARLIER_WEIGHT
        if max_words:
            weight /= max(1.0, len(claim.sentence.text.split()) / max_words) ** 1.5
        return scores.get(claim.sentence.ref, 0.0) * weight

    return max(claims, key=value)


def account(
    claims: Sequence[Claim],
    core: Claim,
    scores: Mapping[SentenceRef, float],
    max_words: int = 0,
) -> Claim | None:
    """The party's account of what happened, beside its `core` claim: a claim that names an
    event (a strike, a clash, ...) and where or when it was, in mostly other words than the
    core claim's and not its casualty figure again, not about a statement ("The statement
    comes after ..."); the most salient,
    weighted to those that say more of the where and when and fit the lede (`max_words`)
    whole. None when the party makes no such claim."""
    said = content_words(core.sentence.text)
    figures = casualty_figures(core.owned_text)

    def value(claim: Claim) -> float:
        text = claim.sentence.text
        words = content_words(text)
        if claim is core or not EVENT.search(text) or no_news(text) or elsewhere(text):
            return 0.0
        if len(words - said) < 0.5 * max(1, len(words)) or figures & casualty_figures(
            claim.owned_text
        ):
            return 0.0  # the core claim's point again, or its toll ("two ... were injured")
        cues = sum(bool(p.search(text)) for p in (_WHEN, WHERE))
        if not cues:
            return 0.0
        length = max(1.0, len(text.split()) / max_words) ** 1.5 if max_words else 1.0
        return scores.get(claim.sentence.ref, 0.0) * (1 + cues) / length

    best = max(claims, key=value, default=None)
    return best if best is not None and value(best) > 0 else None


def cites(text: str, parties: Sequence[PartyDef]) -> bool:
    """Whether `text` gives something "according to" one of `parties` (a name or alias in
    the phrase after it)."""
    for m in _ACCORDING.finditer(text):
        phrase = m.group(1)
        if any(mentions(phrase, a) for p in parties for a in (p.name, *p.aliases)):
            return True
    return False


_ACCORDING = re.compile(r"\baccording to ([^,.;:“”\"]{1,80})", re.IGNORECASE)


def has_casualty_figure(text: str) -> bool:
    """Whether `text` gives a number of dead or wounded ("killed at least 20 militants")."""
    return bool(casualty_figures(text))


def gives_deaths(text: str) -> bool:
    """Whether `text` gives a number of dead, not only of wounded ("12 Thais died")."""
    return has_casualty_figure(text) and bool(_DEATHS.search(text))


def casualty_figures(text: str) -> set[str]:
    """The figures of dead or wounded that `text` gives ({"46", "six"}), lower-cased: numbers
    of people or of the dead ("46 people", "killing five children"), not of anything else
    the sentence counts ("two rockets", "on 13 September")."""
    if not cues(text, "casualties"):
        return set()
    found = set()
    for m in _FIGURE.finditer(text):
        after = []
        for word in text[m.end() :].split()[:4]:
            if _FIGURE.search(word):
                break  # the next number counts something of its own
            after.append(word)
        before = text[: m.start()].split()[-3:]
        if any(_PEOPLE.fullmatch(w.strip(",.;:()\"'“”’").lower()) for w in after) or any(
            _KILLING.fullmatch(w.strip(",.;:").lower()) for w in before
        ):
            found.add(m.group().lower())
    if _NONE.search(text):
        found.add("no")  # "There were no casualties among our servicemen": a toll of none
    return found


# Who a casualty figure counts, or what it says of them ("46 people", "12 killed").
_PEOPLE = re.compile(
    r"people|persons?|civilians?|soldiers?|troops|servicem[ae]n|members|militants?|fighters"
    r"|terrorists?|insurgents?|children|women|men|girls?|boys?|citizens|nationals|individuals"
    r"|residents|villagers|locals|tourists|worshippers|policem[ae]n|police|personnel|officers"
    r"|guards|workers|dead|killed|wounded|injured|hurt|deaths?|casualties|fatalities|martyred"
    r"|bodies|lives|others|more|kia|wia"
)
_DEATHS = re.compile(
    r"\b(?:killed|killing|kills?|dead|deaths?|died|fatalit\w+|martyred|lost their lives"
    r"|toll|KIA)\b",  # "death toll" by "death" and "toll"
    re.IGNORECASE,
)
# A party's toll of none: "no casualties", "no losses on the Armenian side", "no civilians
# were harmed"; not "no civilian settlements".
_NONE = re.compile(
    r"\b(?:no|zero)\s+(?:(?:\w+\s+){0,2}(?:casualties|losses|fatalities|deaths|injuries)"
    r"|(?:civilians?|soldiers|servicem[ae]n|troops|one|personnel)\s+(?:\w+\s+)?(?:were|was|have"
    r"|has|had)\s+(?:been\s+)?(?:killed|hurt|harmed|injured|wounded))\b",
    re.IGNORECASE,
)
_KILLING = re.compile(r"killing|killed|kill|injuring|wounding|leaving|left|claimed|toll|of")


# Words that make a multi-word alias an organisation or a place, not a person.
_ORG_WORDS = frozenset(
    "taliban emirate ministry office corps government intelligence relations directorate"
    " services public administration authorities army forces military security national"
    " islamic frontier state states council house department party front league".split()
)


def naming_party(
    text: str, party: PartyDef, speaker: str = "", names: Container[str] | None = None
) -> str:
    """`text`, opening with "For <party>, " when it names its party only by a person's name
    ("Zabihullah Mujahid said ...") or not at all: the lede names every party. With the
    claim's `speaker`, the speaker must name it: "According to the agency, “... Azerbaijani
    forces fired at the Armenian positions”" names Armenia only as the one fired at. The
    first word keeps its capital when it is a name (`names`, the words the sources capitalise
    mid-sentence: "For Israel, Israel hit ...", not "israel hit"). The text must name it too,
    outside quotation marks: "“... attack Pakistan's border posts,” the FO said" does not."""
    names_of = {
        party.name.split("(")[0].strip(),
        *(a for a in party.aliases if not is_person(a, party.aliases)),
    }
    told = scan_quotes(text).masked  # named in a quotation is not named as the speaker
    if any(name and mentions(speaker or text, name) for name in names_of) and any(
        name and mentions(told, name) for name in names_of
    ):
        return text
    second = text.split()[1:2]
    if second and second[0][:1].isupper():
        return f"For {party.name}, {text}".rstrip()  # "Defence Minister Ilse Marten said"
    return f"For {party.name}, {run_on(text, names)}".rstrip()


def is_person(alias: str, aliases: Sequence[str]) -> bool:
    """Whether a party's alias names a person: "Benjamin Netanyahu", or "Netanyahu" as
    the last word of such an alias among `aliases` (not "Israel Defense Forces")."""
    words = alias.split()
    if len(words) >= 2:
        return all(w[:1].isupper() for w in words) and not any(
            w.lower().strip(".,") in _ORG_WORDS for w in words
        )
    return any(len(a.split()) >= 2 and a.split()[-1] == alias and is_person(a, ()) for a in aliases)
