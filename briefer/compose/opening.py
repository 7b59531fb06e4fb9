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
    what happened (lede.what_happened, up to MAX_SENTENCES less one per party, as many as the
    page holds beside the claims), then each party's core claim naming the party, or the
    note that the sources carry none of it; when no fact opens it, each party's account of
    what happened as well."""
    parties = list(profile.parties)
    used: set = set()
    cores, claims = {}, []
    for party in parties:
        others = [p for p in parties if p is not party]
        claim = core_claim(by_party[party.id], disputed, scores, layout.lede_words, others)
        if claim is None:
            note = f"The sources carry no statement from {party.name}."
            claims.append(Statement("", note, (), party.id, origin="note", place=LEDE))
            continue
        cores[party.id] = claim
        claims.append(_lede_claim(claim, party, writer, layout, used))
    room = page.left() - sum(statement_words(s) for s in claims)
    lede: list[Statement] = []
    count = max(1, MAX_SENTENCES - len(parties))
    opening = what_happened(facts, scores, layout.lede_words, parties, layout.lede_facts, shares)
    for fact in opening[:count]:
        statement = writer.fact(fact, LEDE, layout.lede_words)
        if statement is None or page.repeats(statement) or statement_words(statement) > room:
            continue
        page.place(statement, statement_words(statement))
        room -= statement_words(statement)
        lede.append(statement)
        used.add(fact.claim.sentence.ref)
    opened = bool(lede)
    for statement in claims:
        page.place(statement, statement_words(statement))
        lede.append(statement)
    if not opened and len(lede) + len(parties) <= MAX_SENTENCES:
        # No fact opens the lede: each party's account of what happened, when every party
        # has one (one side's account alone would tip the lede) and the page holds them.
        seconds = [
            account(by_party[p.id], cores[p.id], scores, layout.lede_words)
            if p.id in cores
            else None
            for p in parties
        ]
        if all(seconds):
            accounts = [
                _lede_claim(claim, party, writer, layout, set())
                for party, claim in zip(parties, seconds, strict=True)
            ]
            if sum(statement_words(s) for s in accounts) <= page.left():
                for statement, claim in zip(accounts, seconds, strict=True):
                    page.place(statement, statement_words(statement))
                    lede.append(statement)
                    used.add(claim.sentence.ref)
    return lede, used


def _lede_claim(claim, party, writer, layout, used) -> Statement:
    statement = writer.claim(claim, LEDE, layout.lede_words)
    used.add(claim.sentence.ref)
    return replace(statement, text=naming_party(statement.text, party, claim.speaker, writer.names))
