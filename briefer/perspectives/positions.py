"""Each party's position, side by side: attributed paragraphs of comparable length.

    claims + ranked sentences ─▶ de-duplicated across documents (the ranker's `also` refs)
        ─▶ per party, most salient first ─▶ summarizer ─▶ every sentence names its speaker
        ─▶ the longer sections trimmed until the shorter is at least 0.8 of the longest
"""

from __future__ import annotations

import itertools
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
from briefer.perspectives.frames import VERB_WORDS, find_frame, is_pronoun, scan_quotes
from briefer.perspectives.neutral import according_to
from briefer.perspectives.profiles import Profile
from briefer.summarize.base import Summarizer, SummaryContext
from briefer.summarize.length import MAX_PARTY_SENTENCES

__all__ = [
    "BALANCE",
    "MAX_CLAIMS",
    "Perspectives",
    "analyze",
    "attributed_summary",
    "attributed_text",
    "no_statement_note",
]

BALANCE = 0.8  # the shorter party section / the longest, when the sources allow
MAX_CLAIMS = 5  # per party: the brief reads in about two minutes
MAX_OTHER_VOICES = 5
_MAX_OPTIONS = 16  # paragraph options per party tried for balance
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

# Claims sharing this share of the shorter one's content words say the same thing.
_REPEAT_OVERLAP = 0.8
_FILLER = frozenset("that this these those with from they their there which said also have been"
                    " were will would about after into over than them".split())


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
    max_claims: int = MAX_CLAIMS,
    context: SummaryContext | None = None,
) -> Perspectives:
    """Positions, disputes, other voices, key facts and background from attributed claims.

    `max_words` is the budget of all party sections together, shared equally; each party
    keeps its `max_claims` most salient claims, near-repeats dropped. `context` is the run's,
    passed to the summarizer (default: one holding `ranked` and the claims' sentences).
    """
    if context is None:
        sentences = [*(r.sentence for r in ranked), *(c.sentence for c in claims)]
        context = SummaryContext({s.ref: s for s in sentences}, ranked=tuple(ranked))
    ordered = _deduplicated(claims, ranked)
    scores = {r.sentence.ref: r.score for r in ranked}
    by_ref = {c.sentence.ref: c for c in claims}
    budget = max(15, max_words // max(1, len(profile.parties)))
    party_claims = {
        p.id: _most_salient(
            [c for c in ordered if c.party == p.id or p.id in c.also_parties], max_claims, p.id
        )
        for p in profile.parties
    }
    summaries = {
        pid: _summarize(pc, pid, scores, by_ref, summarizer, budget, context)
        for pid, pc in party_claims.items()
        if pc
    }
    summaries = _balanced(summaries, party_claims, by_ref)
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
        other_voices=_most_salient([c for c in ordered if c.party == OTHER], MAX_OTHER_VOICES),
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
    context: SummaryContext,
) -> tuple[SummarySentence, ...]:
    ranked = [RankedSentence(c.sentence, scores.get(c.sentence.ref, 0.0), c.also) for c in claims]
    summary = summarizer.summarize(ranked, context=context, max_words=max_words)
    summary = summary[:MAX_PARTY_SENTENCES]
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
    text = _attributed(sentence.text, claim.speaker)
    return replace(sentence, text=text, speaker=claim.speaker, party=claim.party)


def attributed_text(claim: Claim) -> str:
    """The claim's sentence made readable on its own, naming its speaker.

    A pronoun or bare role as the subject is replaced by the resolved speaker ("They claimed
    ..." -> "The Afghan Defense Ministry claimed ..."; "“...,” she said." -> "“...,”
    Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch, said."); a sentence with no
    speaker phrase of its own gets "According to X, ..."; the narrator's is left as it is.
    """
    if claim.party == NARRATOR or not claim.speaker:
        return claim.sentence.text
    return _attributed(claim.sentence.text, claim.speaker)


def name_speaker(text: str, claim: Claim) -> str:
    """`text` (the claim's sentence or a rewrite of it) naming the claim's speaker."""
    if claim.party == NARRATOR or not claim.speaker:
        return text
    return _attributed(text, claim.speaker)


def _attributed(text: str, speaker: str) -> str:
    frame = find_frame(scan_quotes(text).masked)
    if frame is None:
        if speaker.lower() in text.lower():
            return text
        return according_to(speaker, text)
    if _role_only(frame.speaker) and frame.speaker.lower() != speaker.lower():
        return _replace_first(text, frame.speaker, speaker)
    return text


def _role_only(phrase: str) -> bool:
    return is_pronoun(phrase) or all(w.lower() in _ROLE_ONLY for w in phrase.split())


def _replace_first(text: str, surface: str, speaker: str) -> str:
    """Put `speaker` in place of the first `surface` outside quotation marks."""
    for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
        if scan_quotes(text[:m.start()]).open_after:
            continue
        name = speaker[:1].upper() + speaker[1:] if m.start() == 0 else speaker
        rest = text[m.end():]
        if "," in speaker and rest[:1].isspace():  # an appositive closes before the verb
            name += ","
        return text[:m.start()] + name + rest
    return according_to(speaker, text)


def _most_salient(
    claims: Sequence[Claim], limit: int, party: str = ""
) -> tuple[Claim, ...]:
    """At most `limit` claims, most salient first, near-repeats of a kept claim skipped.

    The most salient claim on each topic comes first, so that a cap never drops a party's
    only word on a disputed point (its casualty figure, say) for a second word on another;
    the party's own words lead a topic before a sentence that only reports its denial.
    """
    distinct: list[Claim] = []
    kept_sizes: list[int] = []
    holders: dict[str, list[int]] = {}  # word -> kept claims that have it
    for claim in claims:
        words = _content_words(claim.sentence.text)
        shared: dict[int, int] = {}  # only kept claims sharing a word can repeat this one
        for word in words:
            for i in holders.get(word, ()):
                shared[i] = shared.get(i, 0) + 1
        if not any(
            n / min(len(words), kept_sizes[i]) >= _REPEAT_OVERLAP for i, n in shared.items()
        ):
            for word in words:
                holders.setdefault(word, []).append(len(distinct))
            distinct.append(claim)
            kept_sizes.append(len(words))
    leads: dict[str, Claim] = {}
    for claim in sorted(distinct, key=lambda c: party != "" and c.party != party):
        leads.setdefault(claim.topic, claim)
    chosen = {id(c) for c in list(leads.values())[:limit]}
    for claim in distinct:
        if len(chosen) >= limit:
            break
        chosen.add(id(claim))
    return tuple(c for c in distinct if id(c) in chosen)


def _content_words(text: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[\w'’-]+", text)}
    return {w for w in words if (len(w) > 3 or w.isdigit()) and w not in VERB_WORDS
            and w not in _FILLER}


def _words(summary: Sequence[SummarySentence]) -> int:
    return sum(len(s.text.split()) for s in summary)


def _balanced(
    summaries: dict[str, tuple[SummarySentence, ...]],
    party_claims: dict[str, tuple[Claim, ...]],
    by_ref: dict,
) -> dict[str, tuple[SummarySentence, ...]]:
    """Paragraphs whose shortest is at least BALANCE of the longest, as salient as can be.

    Each party's options, most preferred first: its summary and shorter prefixes of it, then
    its claims one or two at a time, least salient last. The cheapest balanced combination
    wins; when none is balanced, the most nearly balanced one.
    """
    spoken = [pid for pid, s in summaries.items() if s]
    if len(spoken) < 2 or _ratio([_words(summaries[p]) for p in spoken]) >= BALANCE:
        return summaries
    options = {pid: _options(summaries[pid], party_claims[pid], by_ref, pid) for pid in spoken}
    best: tuple[tuple[float, int, int], tuple[tuple[SummarySentence, ...], ...]] | None = None
    for combo in itertools.product(*(enumerate(options[pid]) for pid in spoken)):
        words = [_words(o) for _, o in combo]
        ratio = _ratio(words)
        cost = sum(i for i, _ in combo)
        key = (0.0, cost, -sum(words)) if ratio >= BALANCE else (1.0 - ratio, cost, 0)
        if best is None or key < best[0]:
            best = (key, tuple(o for _, o in combo))
    assert best is not None
    return {**summaries, **dict(zip(spoken, best[1], strict=True))}


def _options(
    summary: tuple[SummarySentence, ...], claims: Sequence[Claim], by_ref: dict, party: str
) -> list[tuple[SummarySentence, ...]]:
    options = [summary[:n] for n in range(len(summary), 0, -1)]
    own = [c for c in claims if c.party == party] or list(claims)  # not "..., a claim X denies"
    sentences = [attributed_summary(_as_summary(c), by_ref, party) for c in own]
    lead = summary[0]
    options.extend((lead, s) for s in sentences if s.sources != lead.sources)
    for k, sentence in enumerate(sentences):
        options.append((sentence,))
        options.extend((sentences[j], sentence) for j in range(k))
    seen: set[tuple[str, ...]] = set()
    unique = []
    for option in options:
        key = tuple(s.text for s in option)
        if key not in seen:
            seen.add(key)
            unique.append(option)
    return unique[:_MAX_OPTIONS]


def _ratio(words: Sequence[int]) -> float:
    return min(words) / max(words) if max(words) else 1.0
