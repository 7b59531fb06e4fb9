"""The neutrality report and who-said-what rows for scripts."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.data import (
    NARRATOR,
    Claim,
    Neutrality,
    PartyStats,
    Position,
    Sentence,
    SummarySentence,
)
from briefer.perspectives.neutral import Lexicon, loaded_terms_in_narration
from briefer.perspectives.positions import BALANCE

__all__ = ["claims_rows", "neutrality_report"]


def neutrality_report(
    summary: Sequence[SummarySentence],
    positions: Sequence[Position],
    claims: Sequence[Claim],
    *,
    narration: Sequence[SummarySentence] = (),
    lexicon: Lexicon | None = None,
) -> Neutrality:
    """Claims, words and sources per party; balance; loaded terms; referenced share; warnings.

    The balance ratio compares the parties that have statements (a party without any gets a
    warning instead); `narration` adds other narrator sections (key facts, background) to the
    loaded-term check.
    """
    stats = []
    warnings = []
    for position in positions:
        docs = {ref[0] for c in position.claims for ref in (c.sentence.ref, *c.also)}
        words = sum(len(s.text.split()) for s in position.summary)
        stats.append(PartyStats(position.party, len(position.claims), words, len(docs)))
        if not position.claims:
            warnings.append(f"The sources carry no statement from {position.name}.")
        elif len(docs) == 1:
            warnings.append(f"{position.name}'s position rests on a single source.")
    spoken = [s.words for s in stats if s.claims]
    ratio = min(spoken) / max(spoken) if len(spoken) >= 2 and max(spoken) else 1.0
    if ratio < BALANCE:
        warnings.append(
            f"The party sections are unbalanced (ratio {ratio:.2f}): the sources hold more "
            "from one side."
        )
    all_sentences = [*summary, *(s for p in positions for s in p.summary)]
    referenced = sum(1 for s in all_sentences if s.sources)
    loaded = loaded_terms_in_narration([*summary, *narration], claims, lexicon)
    if loaded:
        warnings.append("Loaded terms remain in the narrator's voice: " + ", ".join(loaded) + ".")
    return Neutrality(
        parties=tuple(stats),
        balance_ratio=round(ratio, 3),
        loaded_terms=loaded,
        referenced_share=referenced / len(all_sentences) if all_sentences else 1.0,
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
