"""Facts not in dispute: what several outlets, or a neutral one, report in their own voice.

A narrator sentence (no speaker of its own) is a fact when

- at least two independent outlets report it (`Independence.voices`: not the same wire
  copy, not a reprint), or a wire service does (a neutral source), and
- no party contradicts it: it gives neither side's version of a disputed point
  (`contradicts`: "civilians" where one side says "militants", a figure only one side gives).

Two outlets' sentences report one fact when they are paraphrases (sentences.Paraphrases):
the fact is shown once, crediting both. A sentence from one outlet alone is shown as that
outlet's report ("Dawn reports that ..."), and never when it speaks to a disputed point (one
outlet's account of it is one side's version) or comes from an outlet based in a party's
country and uses a loaded term (a partisan outlet's framing is not a fact). A fact is the
outlet's own words: a whole sentence quoting no one. Sentences about the history ("since
2021", "last year") are background, not facts.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace

from briefer.compose.outlets import Independence, Outlet
from briefer.compose.sentences import Paraphrases, complete, own_words
from briefer.data import Claim
from briefer.perspectives import Lexicon, contradicts, neutral_text, reported_by, speaks_to

__all__ = ["Fact", "fact_text", "find_facts", "proper_names", "usable"]

MIN_WORDS = 6
# A personal pronoun early on: the sentence leans on one before it ("During this visit, he
# met ..."), which the brief does not show.
_LEANS_BACK = re.compile(r"^(?:\S+\s+){0,7}?(?:he|she|they|him|her|his|them|it)\b", re.IGNORECASE)
# A sentence about the article or a statement rather than the event: "TASS has compiled key
# facts", "The list was published by ...", "The statement comes after ...".
_META = re.compile(
    r"^(?:the|this|these|that|its|his|her)\s+(?:list|statement|remarks?|report|article|story"
    r"|comments?|announcement|briefing|tweet|post|video|interview|message|letter)s?\b"
    r"|\b(?:compiled|key facts|what we know|here is|here's|read more|live updates)\b",
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


def usable(claim: Claim) -> bool:
    """Whether a narrator sentence can be a fact at all: long enough, whole, in the outlet's
    own words, not a question, not leaning on a sentence before it, not about the article or
    a statement rather than the event."""
    text = claim.sentence.text.strip()
    return (
        len(text.split()) >= MIN_WORDS
        and complete(text)
        and own_words(text)
        and not text.endswith("?")
        and not _LEANS_BACK.match(text)
        and not _META.search(text)
    )


def find_facts(
    narration: Sequence[Claim],
    independence: Independence,
    contested: Mapping[str, frozenset[str]],
    lexicon: Lexicon,
    *,
    disputed: Sequence[str] = (),
    paraphrases: Paraphrases | None = None,
) -> tuple[list[Fact], list[Fact]]:
    """(facts, background), corroborated facts first; each list most salient first.

    `narration` is the distinct narrator claims, most salient first; `paraphrases`, when
    given, finds the other outlets' sentences that report the same fact (credited, and not
    shown again)."""
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
            if any(o.wire for o in outlets)
            else "single"
        )
        if support == "single" and (
            speaks_to(text, disputed) or (outlets[0].party and lexicon.find(text))
        ):
            continue  # one outlet's account of a disputed point; a partisan outlet's framing
        fact = Fact(claim, support, outlets[0].name if support == "single" else "", voices, rank)
        if neutral_text(text, lexicon) is None and support != "single":
            continue
        (background if _BACKGROUND.search(text) else facts).append(fact)
    facts.sort(key=lambda f: (f.support == "single", f.rank))
    return facts, background


def fact_text(
    fact: Fact, text: str, lexicon: Lexicon, names: Container[str] | None = None
) -> str | None:
    """The words to show for `fact` (its sentence or a compression of it): an outlet's own
    report attributed to it, a corroborated one without loaded terms; None if impossible.
    `names` are the words the sources capitalise mid-sentence (kept so after "reports that")."""
    if fact.support == "single":
        return reported_by(fact.outlet, text, names)
    return neutral_text(text, lexicon)


def proper_names(claims: Sequence[Claim]) -> frozenset[str]:
    """Words the sources capitalise in mid-sentence ("Velmar", "Southland"): names."""
    names = set()
    for claim in claims:
        words = claim.sentence.text.split()
        for prev, word in zip(words, words[1:], strict=False):
            if word[:1].isupper() and not prev.endswith((".", ":", "“", '"')):
                names.add(word.strip(",.;:!?\"'“”’()"))
    return frozenset(names)
