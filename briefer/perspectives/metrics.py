"""The neutrality report of a composed brief, and who-said-what rows for scripts."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.data import NARRATOR, Claim, Neutrality, Party, PartyStats, Sentence, Statement
from briefer.perspectives.neutral import Lexicon, load_lexicon

__all__ = ["BALANCE", "claims_rows", "neutrality_report"]

BALANCE = 0.8  # the quieter party's words / the louder one's, below which a warning is given


def neutrality_report(
    shown: Sequence[Statement],
    parties: Sequence[Party],
    *,
    lexicon: Lexicon | None = None,
) -> Neutrality:
    """Statements, words and sources per party; balance; loaded terms; referenced share.

    `shown` is every statement the brief shows. The balance ratio compares the parties that
    have statements; a party without any is named in a warning instead.
    """
    lexicon = lexicon or load_lexicon()
    stats = []
    for party in parties:
        own = [s for s in shown if s.party == party.id and s.origin != "note"]
        docs = {ref[0] for s in own for ref in s.sources}
        words = sum(len(s.text.split()) for s in own)
        stats.append(PartyStats(party.id, len(own), words, len(docs)))
    warnings = []
    silent = [p.name for p, s in zip(parties, stats, strict=True) if not s.claims]
    if silent:
        warnings.append("Parties without a statement in the sources: " + ", ".join(silent) + ".")
    spoken = [s.words for s in stats if s.claims]
    ratio = min(spoken) / max(spoken) if len(spoken) >= 2 and max(spoken) else 1.0
    if ratio < BALANCE:
        warnings.append(
            f"The parties' statements are unbalanced (ratio {ratio:.2f}): the sources hold "
            "more from one side."
        )
    narration = [s for s in shown if s.party == NARRATOR and s.origin != "note"]
    loaded = tuple(
        term for s in narration for term in lexicon.find(s.text) if s.support != "single"
    )  # an outlet's attributed words are its own
    if loaded:
        warnings.append("Loaded terms remain in the narrator's voice: " + ", ".join(loaded) + ".")
    sourced = [s for s in shown if s.origin != "note"]
    referenced = sum(1 for s in sourced if s.sources)
    return Neutrality(
        parties=tuple(stats),
        balance_ratio=round(ratio, 3),
        loaded_terms=loaded,
        referenced_share=referenced / len(sourced) if sourced else 1.0,
        warnings=tuple(warnings),
    )


def claims_rows(claims: Sequence[Claim], dropped: Sequence[Sentence] = ()) -> list[dict]:
    """One row per sentence for `briefer claims --format json|csv`, in text order.

    A narrator sentence has no speaker (`speaker` null): it is its `outlet`'s voice. `dropped`
    are the segments cleaning marked as not body (`briefer claims --all`): they come with their
    `kind` ("heading", "dateline", "byline", "clutter", ...) and no speaker or party.
    """
    rows = [_row(c) for c in claims]
    outlets = {c.sentence.doc_id: c.outlet for c in claims}
    rows.extend(
        {
            "doc_id": s.doc_id,
            "sentence_index": None,
            "kind": s.kind,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "speaker": None,
            "party": None,
            "quote": False,
            "outlet": outlets.get(s.doc_id, ""),
            "topic": "",
            "clauses": [],
        }
        for s in dropped
    )
    order = {
        doc_id: i
        for i, doc_id in enumerate(
            dict.fromkeys([c.sentence.doc_id for c in claims] + [s.doc_id for s in dropped])
        )
    }
    return sorted(rows, key=lambda r: (order[r["doc_id"]], r["start"]))


def _row(c: Claim) -> dict:
    return {
        "doc_id": c.sentence.doc_id,
        "sentence_index": c.sentence.index,
        "kind": c.sentence.kind,
        "start": c.sentence.start,
        "end": c.sentence.end,
        "text": c.sentence.text,
        "speaker": c.speaker if c.party != NARRATOR and c.speaker else None,
        "party": c.party,
        "quote": c.quote,
        "outlet": c.outlet,
        "topic": c.topic,
        "clauses": [
            {
                "text": c.sentence.text[k.start : k.end],
                "speaker": k.speaker or None,
                "party": k.party,
            }
            for k in c.clauses
        ],
    }
