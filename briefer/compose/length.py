"""How long a brief is: the --length presets and --max-words.

    short      the lede and the table, one claim per party and topic: about 250 words
    standard   lede, table (two claims per party and topic, three on a disputed point),
               facts not in dispute, other voices: about 450-600 words of body for ten
               articles (the default)
    full       everything the composition keeps (background too), still every claim once

`--max-words N` sets the body's budget (the words above the sources list) for any preset.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefer.data import BACKGROUND, FACTS, LEDE, TABLE, VOICES
from briefer.errors import UsageError
from briefer.summarize.length import check_max_words

__all__ = ["LENGTHS", "MIN_WORDS", "Layout", "layout_for"]

MIN_WORDS = 60  # a title, a date line and a lede


@dataclass(frozen=True)
class Layout:
    name: str
    budget: int | None  # words of body; None: no limit
    sections: tuple[str, ...]  # the places shown, in reading order
    per_cell: int  # claims per party and topic in the table
    per_general: int  # claims per party in the "General" row (those of no topic)
    lede_words: int  # a lede sentence longer than this is condensed
    claim_words: int  # a table, fact or voice sentence longer than this is condensed
    max_lead: int | None = 2  # the louder party's claims beyond the quieter one's
    per_disputed: int | None = None  # claims per party on a disputed point (None: per_cell)
    lede_facts: int = 2  # sentences of what happened before the parties' claims
    facts: int = 6
    voices: int = 4
    background: int = 0


LENGTHS = {
    "short": Layout(
        "short",
        250,
        (LEDE, TABLE),
        per_cell=1,
        per_general=1,
        lede_words=30,
        claim_words=30,
        max_lead=1,
        facts=0,
        voices=0,
        lede_facts=1,
    ),
    "standard": Layout(
        "standard",
        600,
        (LEDE, TABLE, FACTS, VOICES),
        per_cell=2,
        per_general=4,
        lede_words=32,
        claim_words=36,
        max_lead=3,
        per_disputed=3,
    ),
    "full": Layout(
        "full",
        None,
        (LEDE, TABLE, FACTS, VOICES, BACKGROUND),
        per_cell=4,
        per_general=8,
        lede_words=40,
        claim_words=60,
        max_lead=None,
        per_disputed=5,
        facts=12,
        voices=10,
        background=5,
    ),
}


def layout_for(length: str = "standard", max_words: int | None = None) -> Layout:
    """The preset named `length`, with `max_words` as its budget when given."""
    layout = LENGTHS.get(length)
    if layout is None:
        raise UsageError(f"--length {length}: unknown (use short, standard or full)")
    if max_words is None:
        return layout
    check_max_words(max_words, low=MIN_WORDS)
    return replace(layout, budget=max_words)
