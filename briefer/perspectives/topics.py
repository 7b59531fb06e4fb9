"""What a claim is about: the points on which parties' accounts are compared."""

from __future__ import annotations

import re

# Point id -> (how a dispute names it, cue words). Order breaks ties.
TOPICS: dict[str, tuple[str, str]] = {
    "casualties": (
        "casualty figures",
        # not "factories of death": a figure of speech
        r"killed|kill|killing|dead|deaths|(?<!of )death|died|die|wounded|injured|injuries"
        r"|casualt\w+|victims?"
        r"|death toll|lost their lives|bodies|martyred|fatalities|toll|KIA|WIA|losses",
    ),
    "targets": (
        "who or what was hit",
        r"civilians?|women and children|children|refugees|hideouts?|camps?|bases|training"
        r" facilit\w+|compounds?|homes?|houses?|villages?|mosques?|schools?|targets?|targeted"
        r"|targeting|militants?|insurgents?|terrorists?|fighters|positions|affected|hit|struck",
    ),
    "responsibility": (
        "responsibility",
        r"responsib\w+|blame\w*|guilty|culprits?|behind the|sponsor\w*|harbou?r\w*|shelter\w*"
        r"|safe havens?"
        r"|sanctuar\w+|support(?:s|ed|ing)? (?:for )?(?:the )?(?:militants|terror\w*|taliban)"
        r"|use[sd]? (?:afghan|pakistani|its) (?:soil|territory)|utili[sz]e|launch attacks"
        r"|involvement|complicit\w*|perpetrat\w+|attackers|masterminds?|carried out by"
        # who started it: "opened fire first", "an unprovoked incursion", "provocations"
        r"|open(?:ed|ing)? fire|fired first|first shot|initiat\w+|provok\w+|unprovoked"
        r"|provocations?|incursions?|instigat\w+",
    ),
    "legality": (
        "legality and sovereignty",
        r"sovereign\w*|violat\w+|international (?:law|principles)|principles|aggression"
        r"|unilateral|illegal|legitimate|self-defen[cs]e|right to defend|inherent right"
        r"|territorial integrity|airspace|cross(?:ed|es|ing)? (?:the |its |our )?border"
        # the court that rules on it: "bring these issues to the International Court of Justice"
        r"|International Court of Justice|ICJ",
    ),
    "response": (
        "response and retaliation",
        r"retaliat\w+|revenge|respond|response|unanswered|consequences|avenge|warn\w*"
        r"|protest\w*|summon\w*",
    ),
    "talks": (
        "talks and relations",
        r"talks|negotiat\w+|dialogue|meeting|met|visit\w*|cooperation|bilateral|trade|relations"
        r"|ceasefire|cease-fire|peace",
    ),
}
_PATTERNS = {key: re.compile(rf"\b(?:{cue})\b", re.IGNORECASE) for key, (_, cue) in TOPICS.items()}
_NUMBER = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?"
    r"|scores|hundreds?)\b",
    re.IGNORECASE,
)


def topic_of(text: str) -> str:
    """The point a sentence speaks to ("casualties", "targets", ...) or ""."""
    scores = {key: len(pattern.findall(text)) for key, pattern in _PATTERNS.items()}
    if scores["casualties"] and _NUMBER.search(text):
        scores["casualties"] += 1
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else ""


def point_name(topic: str) -> str:
    return TOPICS[topic][0] if topic in TOPICS else topic


def cues(text: str, topic: str) -> set[str]:
    """The words of `text` that speak to `topic` (its cue words, lower-cased), and on
    casualties also its figures ("46", "eight"): what an account of the point consists of."""
    pattern = _PATTERNS.get(topic)
    if pattern is None:
        return set()
    found = {re.sub(r"\s+", " ", m.group().lower()) for m in pattern.finditer(text)}
    if topic == "casualties" and found:
        found |= {m.group().lower() for m in _NUMBER.finditer(text)}
    return found
