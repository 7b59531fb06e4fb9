"""The lede as the page holds it: the chosen facts and core claims, written and placed.

lede.py chooses (what_happened, core_claim, account); this module writes each choice through
the Writer (source sentences or their compressions), names the party, and spends its words on
the Page. arrange.py calls place_lede first, before the table.
"""

from __future__ import annotations

from dataclasses import replace

from briefer.compose.lede import MAX_SENTENCES, account, core_claim, naming_party, what_happened
from briefer.compose.table import statement_words
from briefer.data import LEDE, Statement

__all__ = ["place_lede"]


def place_lede(profile, by_party, disputed, facts, scores, writer, page, layout, shares):
    """The lede's statements, placed on `page`, and the refs of the claims and facts it uses:
    what happened (lede.what_happened, up to MAX_SENTENCES less one per party), then each
    party's core claim naming the party, or the note that the sources carry none of it; when
    no fact opens it, each party's account of what happened as well."""
    parties = list(profile.parties)
    lede: list[Statement] = []
    used: set = set()
    room = max(1, MAX_SENTENCES - len(parties))
    opening = what_happened(facts, scores, layout.lede_words, parties, layout.lede_facts, shares)
    for fact in opening[:room]:
        statement = writer.fact(fact, LEDE, layout.lede_words)
        if statement is not None and not page.repeats(statement):
            page.place(statement, statement_words(statement))
            lede.append(statement)
            used.add(fact.claim.sentence.ref)
    opened = bool(lede)
    cores = {}
    for party in parties:
        others = [p for p in parties if p is not party]
        claim = core_claim(by_party[party.id], disputed, scores, layout.lede_words, others)
        if claim is None:
            note = f"The sources carry no statement from {party.name}."
            lede.append(Statement("", note, (), party.id, origin="note", place=LEDE))
            page.place(lede[-1], len(note.split()))
            continue
        cores[party.id] = claim
        _lede_claim(claim, party, writer, page, layout, lede, used)
    if not opened and len(lede) + len(parties) <= MAX_SENTENCES:
        # No fact opens the lede: each party's account of what happened, when every party
        # has one (one side's account alone would tip the lede).
        seconds = [
            account(by_party[p.id], cores[p.id], scores, layout.lede_words)
            if p.id in cores
            else None
            for p in parties
        ]
        if all(seconds):
            for party, claim in zip(parties, seconds, strict=True):
                _lede_claim(claim, party, writer, page, layout, lede, used)
    return lede, used


def _lede_claim(claim, party, writer, page, layout, lede, used) -> None:
    statement = writer.claim(claim, LEDE, layout.lede_words)
    statement = replace(
        statement, text=naming_party(statement.text, party, claim.speaker, writer.names)
    )
    page.place(statement, statement_words(statement))
    lede.append(statement)
    used.add(claim.sentence.ref)
