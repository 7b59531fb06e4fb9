"""compose(): the brief laid out, every claim in one place, within the length's budget.

    claims + ranked ─▶ distinct claims (each once, every outlet credited)
        ─▶ per party; disputed points and what tells the accounts apart; each party's
           claims weighted by how many outlets make the point (support.py)
        ─▶ facts: corroborated (two independent outlets, or a wire), not contradicted
    ─▶ lede: what happened (from facts) + each party's core claim, in profile order
    ─▶ table: the parties' other claims by topic, disputed points marked
    ─▶ facts not in dispute, other voices, background, as the length allows (sections.py)
    ─▶ Composition: Statements with their final words; sources numbered by outlet home;
       coverage (dates, outlets per side, one-sided notes)

The lede comes first, then the table, which gets the words the facts and voices do not need
(at most sections.SHARES of them), then the facts and the voices; unplaced party claims and
voices are kept, unshown, for the JSON. Every word is counted as a reader of the Markdown
counts it (str.split()): the header, headings, the table's rules, labels and empty cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefer.compose.coverage import coverage, number_sources
from briefer.compose.facts import find_facts, proper_names, relayed_reports, usable
from briefer.compose.lede import casualty_figures, cites, is_person, name_shares
from briefer.compose.length import Layout
from briefer.compose.opening import place_lede
from briefer.compose.outlets import Independence, outlets_of, speaker_home
from briefer.compose.page import Page
from briefer.compose.sections import bulleted, each_voice_first, section_shares, tells_a_claim
from briefer.compose.sentences import (
    Paraphrases,
    about_the_past,
    complete,
    dangling,
    says_nothing,
)
from briefer.compose.support import weighted_by_support
from briefer.compose.table import build_rows, header_words
from briefer.compose.writer import Writer
from briefer.data import (
    BACKGROUND,
    FACTS,
    NARRATOR,
    OTHER,
    TABLE,
    VOICES,
    Claim,
    Coverage,
    Document,
    Party,
    RankedSentence,
    Row,
    Source,
    Statement,
)
from briefer.perspectives import (
    Lexicon,
    Profile,
    contested_cues,
    disputed_topics,
    distinct_claims,
    load_lexicon,
    party_claims,
    speaker_key,
)
from briefer.perspectives.aliases import matcher_for
from briefer.perspectives.positions import relayed
from briefer.summarize.base import Summarizer, SummaryContext

__all__ = ["Composition", "compose"]

# "#" and the date line at their longest, besides the title's own words: "28 December 2024 ·
# sources dated 24 December 2024 – 3 January 2025 · 10 sources · profile pak-afg"
HEADER_WORDS = 20


@dataclass(frozen=True)
class Composition:
    parties: tuple[Party, ...]
    lede: tuple[Statement, ...]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    facts: tuple[Statement, ...]
    other_voices: tuple[Statement, ...]
    background: tuple[Statement, ...]
    statements: tuple[Statement, ...]
    sources: tuple[Source, ...]
    coverage: Coverage


def compose(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    ranked: Sequence[RankedSentence],
    profile: Profile,
    summarizer: Summarizer,
    *,
    layout: Layout,
    title: str = "",
    lexicon: Lexicon | None = None,
    context: SummaryContext | None = None,
) -> Composition:
    """Lay out the brief of `claims` (one per sentence, from `attribute`) within `layout`.

    `context` is the run's, for the summarizer (default: one holding `ranked` and the claims'
    sentences)."""
    lexicon = lexicon or load_lexicon()
    if context is None:
        sentences = {c.sentence.ref: c.sentence for c in claims}
        context = SummaryContext(sentences, ranked=tuple(ranked))
    scores = {r.sentence.ref: r.score for r in ranked}
    distinct = distinct_claims(claims, ranked)
    spoken = party_claims(distinct, profile)
    disputed = disputed_topics(spoken)
    year, month = _latest(documents)
    by_party = {
        p: tuple(
            c for c in cs if _standalone(c) and not about_the_past(c.sentence.text, year, month)
        )
        for p, cs in spoken.items()
    }
    outlets = outlets_of(documents, profile)
    narration = [c for c in distinct if c.party == NARRATOR]
    independence = Independence(claims, outlets)
    facts, history = find_facts(
        narration,
        independence,
        contested_cues(spoken, disputed),
        lexicon,
        disputed=disputed,
        when=(year, month),
        matcher=(matcher := matcher_for(profile)),
        paraphrases=Paraphrases(
            [c for c in narration if usable(c)], context.vectors, _parties_named(profile)
        ),
    )
    writer = Writer(summarizer, scores, lexicon, context, proper_names(claims))
    weighted = weighted_by_support(scores, by_party, context.vectors, independence)
    page = Page(layout.budget)
    page.spend(HEADER_WORDS + len(title.split()))

    shares = name_shares([d.text for d in documents])
    voices = [c for c in distinct if c.party == OTHER and _standalone(c)]
    relayed = relayed_reports(
        voices,
        contested_cues(spoken, disputed),
        lexicon,
        disputed=disputed,
        matcher=matcher,
        home_of=lambda speaker: speaker_home(speaker, profile),
    )
    lede, used = place_lede(
        profile, by_party, disputed, [*facts, *relayed], weighted, writer, page, layout, shares
    )
    columns = tuple(p.id for p in profile.parties if by_party[p.id])
    rest = {
        p: [c for c in claims_ if c.sentence.ref not in used and _one_party(c)]
        for p, claims_ in by_party.items()
    }
    voices = each_voice_first([c for c in voices if c.sentence.ref not in used])
    rows: tuple[Row, ...] = ()
    placed: list[Statement] = []
    fact_pool = [f for f in facts if f.claim.sentence.ref not in used]
    share_facts, share_voices = section_shares(fact_pool, voices, layout, page.left())
    if TABLE in layout.sections and columns:
        page.spend(header_words([profile.party_name(p) for p in columns]))
        shown = {p: sum(1 for s in lede if s.party == p) for p in columns}
        figures = {
            p: set().union(*(casualty_figures(s.text) for s in lede if s.party == p))
            for p in columns
        }
        rows, placed = build_rows(
            rest,
            columns,
            disputed,
            layout,
            page,
            writer.claim,
            page.left() - share_facts - share_voices,
            shown,
            figures,
            {p: [c for c in by_party[p] if c.sentence.ref in used] for p in columns},
            weighted,
            lambda c: cites(c.sentence.text, [p for p in profile.parties if p.id != c.party]),
            context.vectors,
            _speaker_of(profile),
        )
    claimed = [s.sources[0] for s in (*lede, *placed) if s.party != NARRATOR and s.sources]
    fact_items = bulleted(
        FACTS,
        [f for f in fact_pool if not tells_a_claim(f, claimed, context.vectors)],
        layout.facts,
        layout,
        page,
        page.left() - share_voices,
        lambda f: writer.fact(f, FACTS, layout.claim_words),
    )
    voice_items = bulleted(
        VOICES,
        voices,
        layout.voices,
        layout,
        page,
        page.left(),
        lambda c: writer.claim(c, VOICES, layout.claim_words),
    )
    background = bulleted(
        BACKGROUND,
        history,
        layout.background,
        layout,
        page,
        page.left(),
        lambda f: writer.fact(f, BACKGROUND, layout.claim_words),
    )

    shown_refs = {s.sources[0] for s in (*placed, *voice_items)} | used
    unshown = [
        writer.kept(c)
        for c in distinct
        if c.party not in (NARRATOR,) and c.sentence.ref not in shown_refs
    ]
    lede, rows, fact_items, voice_items, background, statements = _numbered(
        lede, rows, fact_items, voice_items, background, unshown
    )
    sources = number_sources(documents, outlets, profile_parties := _parties(profile, by_party))
    shown_all = (
        *lede,
        *(s for r in rows for c in r.cells for s in c),
        *fact_items,
        *voice_items,
        *background,
    )
    return Composition(
        parties=profile_parties,
        lede=lede,
        columns=columns,
        rows=rows,
        facts=fact_items,
        other_voices=voice_items,
        background=background,
        statements=statements,
        sources=sources,
        coverage=coverage(sources, shown_all, profile_parties, unread=context.unread),
    )


def _latest(documents: Sequence[Document]) -> tuple[int, int]:
    """The year and month (0: unknown) of the latest dated document."""
    dates = sorted(
        d.date for d in documents if len(d.date) >= 7 and d.date[:7].replace("-", "").isdigit()
    )
    return (int(dates[-1][:4]), int(dates[-1][5:7])) if dates else (0, 0)


def _standalone(claim: Claim) -> bool:
    """A claim that reads alone: a whole sentence, not one about a thing named only in the
    sentence before it ("said this base had trained ..."), nor one that only tells that a
    statement was issued."""
    text = relayed(claim)  # "It quoted ..." reads alone when "it" is known
    return complete(text) and not dangling(text) and not says_nothing(text)


def _one_party(claim: Claim) -> bool:
    """Opens with its own party's account: a sentence that starts with another party's
    statement ("X of Pakistan claimed that A, Y of Afghanistan said that B") is not put in
    either party's column; one that adds the other side after its own ("..., but Afghanistan
    said two died") is, as it names who says what."""
    first = min((a for a, _ in claim.owned), default=0)
    return not any(
        c.party not in (claim.party, NARRATOR, OTHER) and c.start < first for c in claim.clauses
    )


def _speaker_of(profile: Profile):
    """speaker -> who it names (speaker_key), a party's own name or demonym as the party:
    "the Afghan Ministry of Defense" and "Afghanistan's defence ministry" are both
    "afghanistan"; a person's surname stays the person's ("Netanyahu", an alias of Israel's
    as the last word of "Benjamin Netanyahu")."""
    names = {}
    for party in profile.parties:
        for alias in (party.id, party.name, *party.aliases):
            if len(alias.split()) == 1 and not is_person(alias, party.aliases):
                names.setdefault(alias.lower(), party.id)

    def of(speaker: str) -> str:
        key = speaker_key(speaker)
        return names.get(key, key)

    return of


def _parties_named(profile: Profile):
    """text -> the profile's parties it names, in order of first mention."""
    matcher = matcher_for(profile)

    def named(text: str) -> tuple[str, ...]:
        owners = [hit.owner for hit in matcher.find(text) if hit.is_party]
        return tuple(dict.fromkeys(owners))

    return named


def _parties(profile: Profile, by_party) -> tuple[Party, ...]:
    return tuple(
        Party(
            p.id, p.name, "" if by_party[p.id] else f"The sources carry no statement from {p.name}."
        )
        for p in profile.parties
    )


def _numbered(lede, rows, facts, voices, background, unshown):
    """Every statement with its id ("s1", ...), in reading order, shown ones first."""
    counter = iter(range(1, 1_000_000))

    def number(items):
        return tuple(replace(s, id=f"s{next(counter)}") for s in items)

    lede = number(lede)
    rows = tuple(replace(r, cells=tuple(number(c) for c in r.cells)) for r in rows)
    facts, voices, background = number(facts), number(voices), number(background)
    hidden = number(unshown)
    cells = tuple(s for r in rows for c in r.cells for s in c)
    return (
        lede,
        rows,
        facts,
        voices,
        background,
        (*lede, *cells, *facts, *voices, *background, *hidden),
    )
