"""Each party's position, side by side: attributed paragraphs of comparable length.

    claims + ranked sentences ─▶ de-duplicated across documents (the ranker's `also` refs)
        ─▶ per party, most salient first ─▶ summarizer ─▶ every sentence names its speaker
        ─▶ the longer sections trimmed until the shorter is at least 0.8 of the longest
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefer.data import (
    NARRATOR,
    OTHER,
    Claim,
    Dispute,
    Position,
    RankedSentence,
    SentenceRef,
    SummarySentence,
)
from briefer.perspectives.disputes import find_disputes
from briefer.perspectives.frames import find_frame, is_pronoun, scan_quotes
from briefer.perspectives.neutral import according_to
from briefer.perspectives.profiles import Profile
from briefer.summarize.base import Summarizer

__all__ = ["BALANCE", "Perspectives", "analyze", "attributed_summary", "no_statement_note"]

BALANCE = 0.8  # the shorter party section / the longest, when the sources allow
MAX_OTHER_VOICES = 8
MAX_KEY_FACTS = 5
MAX_BACKGROUND = 3
_BACKGROUND_CUES = re.compile(
    r"\b(?:since|in (?:19|20)\d\d|for (?:years|decades)|long|history|historically|routinely"
    r"|previously|earlier this year|last year|in recent (?:months|years))\b",
    re.IGNORECASE,
)
_ROLE_ONLY = frozenset(
    "the its this that a an ministry spokesman spokeswoman spokesperson official officials"
    " government military army statement group movement authorities office general minister"
    " embassy agency".split()
)


@dataclass(frozen=True)
class Perspectives:
    """What `analyze` finds: positions in profile order, disputes, and the rest."""

    positions: tuple[Position, ...]
    disputes: tuple[Dispute, ...] = ()
    other_voices: tuple[Claim, ...] = ()
    key_facts: tuple[SummarySentence, ...] = ()  # narrator sentences on no disputed point
    background: tuple[SummarySentence, ...] = ()  # narrator context: history, earlier events


def no_statement_note(name: str) -> str:
    return f"The sources carry no statement from {name}."


def analyze(
    claims: Sequence[Claim],
    ranked: Sequence[RankedSentence],
    profile: Profile,
    summarizer: Summarizer,
    *,
    max_words: int,
) -> Perspectives:
    """Positions, disputes, other voices, key facts and background from attributed claims.

    `max_words` is the budget of all party sections together, shared equally.
    """
    ordered = _deduplicated(claims, ranked)
    scores = {r.sentence.ref: r.score for r in ranked}
    by_ref = {c.sentence.ref: c for c in claims}
    budget = max(15, max_words // max(1, len(profile.parties)))
    party_claims = {
        p.id: tuple(c for c in ordered if c.party == p.id or p.id in c.also_parties)
        for p in profile.parties
    }
    summaries = {
        pid: _summarize(pc, pid, scores, by_ref, summarizer, budget)
        for pid, pc in party_claims.items()
        if pc
    }
    summaries = _balanced(summaries, party_claims, scores, by_ref, summarizer)
    positions = tuple(
        Position(p.id, p.name, summaries.get(p.id, ()), party_claims[p.id],
                 "" if party_claims[p.id] else no_statement_note(p.name))
        for p in profile.parties
    )
    disputes = find_disputes(positions)
    disputed = {c.sentence.ref for d in disputes for side in d.sides for c in side.claims}
    disputed_topics = {c.topic for d in disputes for side in d.sides for c in side.claims}
    narration = [c for c in ordered if c.party == NARRATOR]
    facts = [c for c in narration if c.topic not in disputed_topics
             and c.sentence.ref not in disputed and len(c.sentence.text.split()) >= 6]
    key_facts = facts[:MAX_KEY_FACTS]
    chosen = {c.sentence.ref for c in key_facts}
    background = [c for c in narration if c.sentence.ref not in chosen
                  and _BACKGROUND_CUES.search(c.sentence.text)][:MAX_BACKGROUND]
    background.sort(key=lambda c: (c.sentence.doc_id, c.sentence.index))
    return Perspectives(
        positions=positions,
        disputes=disputes,
        other_voices=tuple(c for c in ordered if c.party == OTHER)[:MAX_OTHER_VOICES],
        key_facts=tuple(_as_summary(c) for c in key_facts),
        background=tuple(_as_summary(c) for c in background),
    )


def _as_summary(claim: Claim) -> SummarySentence:
    return SummarySentence(claim.sentence.text, (claim.sentence.ref, *claim.also))


def _deduplicated(claims: Sequence[Claim], ranked: Sequence[RankedSentence]) -> list[Claim]:
    """Claims most salient first; a sentence the ranker found repeated elsewhere is kept once,
    with the other documents' refs in `Claim.also`, unless the repeat has another party."""
    by_ref = {c.sentence.ref: c for c in claims}
    order = {r.sentence.ref: i for i, r in enumerate(ranked)}
    duplicate_of: dict[SentenceRef, SentenceRef] = {}
    also: dict[SentenceRef, tuple[SentenceRef, ...]] = {}
    for r in ranked:
        for ref in r.also:
            duplicate_of.setdefault(ref, r.sentence.ref)
        also[r.sentence.ref] = r.also
    out = []
    for claim in claims:
        ref = claim.sentence.ref
        canonical = by_ref.get(duplicate_of.get(ref, ref))
        if canonical is not None and canonical is not claim and canonical.party == claim.party:
            continue
        same_party = tuple(a for a in also.get(ref, ()) if a not in by_ref
                           or by_ref[a].party == claim.party)
        out.append(replace(claim, also=same_party) if same_party else claim)
    out.sort(key=lambda c: order.get(c.sentence.ref, len(order)))
    return out


def _summarize(
    claims: Sequence[Claim],
    party: str,
    scores: dict,
    by_ref: dict,
    summarizer: Summarizer,
    max_words: int,
) -> tuple[SummarySentence, ...]:
    ranked = [RankedSentence(c.sentence, scores.get(c.sentence.ref, 0.0), c.also) for c in claims]
    summary = summarizer.summarize(ranked, max_words=max_words)
    return tuple(attributed_summary(s, by_ref, party) for s in summary)


def attributed_summary(sentence: SummarySentence, by_ref: dict, party: str) -> SummarySentence:
    """The sentence naming its speaker: "They claimed" -> "The Afghan Defense Ministry
    claimed"; a sentence without a speaker gets "According to X, ..."."""
    sources = [by_ref[r] for r in sentence.sources if r in by_ref]
    speakers = [c for c in sources if c.speaker and (c.party == party or party in c.also_parties)]
    if not speakers:
        speakers = [c for c in sources if c.speaker]
    if not speakers:
        return sentence
    claim = speakers[0]
    speaker = claim.speaker
    text = sentence.text
    frame = find_frame(scan_quotes(text).masked)
    if frame is None:
        text = according_to(speaker, text)
    elif _role_only(frame.speaker) and frame.speaker.lower() != speaker.lower():
        text = _replace_first(text, frame.speaker, speaker)
    return replace(sentence, text=text, speaker=speaker, party=claim.party)


def _role_only(phrase: str) -> bool:
    return is_pronoun(phrase) or all(w.lower() in _ROLE_ONLY for w in phrase.split())


def _replace_first(text: str, surface: str, speaker: str) -> str:
    m = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
    if m is None:
        return according_to(speaker, text)
    name = speaker[:1].upper() + speaker[1:] if m.start() == 0 else speaker
    return text[:m.start()] + name + text[m.end():]


def _words(summary: Sequence[SummarySentence]) -> int:
    return sum(len(s.text.split()) for s in summary)


def _balanced(
    summaries: dict[str, tuple[SummarySentence, ...]],
    party_claims: dict[str, tuple[Claim, ...]],
    scores: dict,
    by_ref: dict,
    summarizer: Summarizer,
) -> dict[str, tuple[SummarySentence, ...]]:
    """Trim the longer sections until the shortest is at least BALANCE of each."""
    counts = {pid: _words(s) for pid, s in summaries.items() if s}
    if len(counts) < 2:
        return summaries
    shortest = min(counts.values())
    cap = int(shortest / BALANCE)
    out = dict(summaries)
    for pid, words in counts.items():
        if words <= cap:
            continue
        original = summaries[pid]
        options = [original[:n] for n in range(1, len(original) + 1)]
        options.append(_summarize(party_claims[pid], pid, scores, by_ref, summarizer, cap))
        short = [c for c in party_claims[pid] if len(c.sentence.text.split()) <= cap]
        if short:  # the salient claims that fit, when the first one alone is too long
            options.append(_summarize(short, pid, scores, by_ref, summarizer, cap))
        fitting = [o for o in options if o and _words(o) <= cap]
        out[pid] = max(fitting, key=_words) if fitting else original[:1]
    return out
