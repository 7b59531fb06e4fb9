"""The bulleted sections, facts not in dispute and other voices: what each may take of the
page, and its statements placed within that.

The table comes first and gets the words these sections do not need, at most SHARES of what
is left after the lede; each section then shows its items in order while the page has room,
its heading counted as the Markdown shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.compose.facts import Fact
from briefer.compose.length import Layout
from briefer.compose.page import heading_words
from briefer.compose.sentences import paraphrased
from briefer.compose.table import least_words, statement_words
from briefer.data import FACTS, VOICES, Claim, SentenceRef, Statement
from briefer.perspectives import speaker_key

__all__ = [
    "SHARES",
    "bulleted",
    "each_voice_first",
    "section_shares",
    "tells_a_claim",
]

SHARES = (0.15, 0.10)  # of the words after the lede, at most these kept for facts, voices


def each_voice_first(voices: Sequence[Claim]) -> list[Claim]:
    """The voices in salience order, a speaker's second claim after every speaker's first:
    the UN's word before an analyst's second quote."""
    seen: set[str] = set()
    firsts, again = [], []
    for claim in voices:
        key = speaker_key(claim.speaker)
        (again if key and key in seen else firsts).append(claim)
        seen.add(key)
    return firsts + again


def bulleted(place, items, count, layout, page, limit, write) -> list[Statement]:
    """Up to `count` statements for a bulleted section, within `limit` words and the page."""
    if place not in layout.sections or not items or count <= 0:
        return []
    out: list[Statement] = []
    spent = 0
    for item in items:
        if len(out) >= count:
            break
        overhead = 1 + (0 if out else heading_words(place))  # "- " and the heading
        room = min(page.left(), limit - spent)
        claim = item.claim if isinstance(item, Fact) else item
        if least_words(claim, layout.claim_words) + overhead > room:
            continue  # cannot fit even condensed: no summarizer call for it
        statement = write(item)
        if statement is None or page.repeats(statement):
            continue
        cost = statement_words(statement) + overhead
        if cost > room:
            continue
        page.place(statement, cost)
        spent += cost
        out.append(statement)
    return out


def section_shares(
    facts: Sequence[Fact], voices: Sequence[Claim], layout: Layout, left: float
) -> tuple[float, float]:
    """The words kept for the facts and the voices: what they would take at this length,
    at most SHARES of what is left after the lede (the table comes first)."""

    def words(claim: Claim) -> int:
        return min(len(claim.sentence.text.split()), layout.claim_words) + 3

    def demand(place: str, claims: Sequence[Claim], count: int) -> float:
        if place not in layout.sections or not claims or count <= 0:
            return 0.0
        return heading_words(place) + sum(words(c) for c in claims[:count])

    if left == float("inf"):
        return 0.0, 0.0
    fact_words = demand(FACTS, [f.claim for f in facts], layout.facts)
    voice_words = demand(VOICES, voices, layout.voices)
    return min(SHARES[0] * left, fact_words), min(SHARES[1] * left, voice_words)


def tells_a_claim(fact: Fact, claimed: Sequence[SentenceRef], vectors) -> bool:
    """One outlet's report that tells, in other words, a party's claim the brief shows
    ("Dawn reports that ... a senior Afghan official summoned the Pakistani ambassador", when
    Afghanistan's column says it summoned him): every claim once."""
    return fact.support == "single" and paraphrased(fact.claim.sentence.ref, claimed, vectors)
