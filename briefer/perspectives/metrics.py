"""The neutrality report and who-said-what rows for scripts."""

from __future__ import annotations

from collections.abc import Sequence

from briefer.data import Claim, Neutrality, PartyStats, Position, SummarySentence
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


def claims_rows(claims: Sequence[Claim]) -> list[dict]:
    """One row per sentence for `briefer claims --format json|csv`."""
    return [
        {
            "doc_id": c.sentence.doc_id,
            "sentence_index": c.sentence.index,
            "text": c.sentence.text,
            "speaker": c.speaker,
            "party": c.party,
            "quote": c.quote,
        }
        for c in claims
    ]
