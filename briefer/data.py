"""The small, immutable data model that travels between briefer's stages.

    Document ─▶ Sentence ─▶ RankedSentence / Chunk ─▶ Claim ─▶ SummarySentence
        ─▶ Statement (a claim or fact as the brief shows it: its final words, every source)
    ─▶ Briefing (lede, side-by-side rows, facts, voices, background, sources, coverage)

Everything downstream of the splitter refers back to sentences by `SentenceRef`
(document id, sentence index), so source numbers are never rebuilt from text. The words a
claim is shown with are decided once, in `Statement.text`; every renderer prints them as
they are. This module imports nothing else of briefer's: the renderers depend on it alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

SentenceRef = tuple[str, int]
"""(document id, sentence index): where a sentence came from."""

NARRATOR = "narrator"
OTHER = "other"
BODY = "body"
"""`Sentence.kind` of article text; other kinds name page text that is not the article's
("header", "headline", "heading", "dateline", "byline", "caption", "credit", "timestamp",
"clutter", "fragment"), kept so that a user can see what was left out and why."""


@dataclass(frozen=True)
class Mark:
    """A span of `Document.text` that is not article body, and what kind of text it is."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Document:
    """One input article, after reading and cleaning."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    date: str = ""  # ISO 8601 day (YYYY-MM-DD) or ""
    url: str = ""
    path: str = ""  # the file it came from, "-" for stdin, "" when built in memory
    duplicates: tuple[str, ...] = ()  # paths of copies collapsed into this one
    place: str = ""  # the dateline's place ("Peshawar"), when the text has one
    marks: tuple[Mark, ...] = ()  # non-body spans of `text`, in order, not overlapping


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, with its character span in `Document.text`.

    Body sentences are numbered 0, 1, ... in reading order; a non-body segment (see BODY)
    has index -1 and is never passed to the stages after the splitter.
    """

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    kind: str = BODY

    @property
    def ref(self) -> SentenceRef:
        return (self.doc_id, self.index)


@dataclass(frozen=True)
class Chunk:
    """Consecutive sentences that fit a model's token budget."""

    sentences: tuple[Sentence, ...]
    n_tokens: int

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.doc_id for s in self.sentences))


@dataclass(frozen=True)
class RankedSentence:
    """A salient sentence; `also` credits other sentences reporting the same fact."""

    sentence: Sentence
    score: float
    also: tuple[SentenceRef, ...] = ()

    @property
    def refs(self) -> tuple[SentenceRef, ...]:
        return (self.sentence.ref, *self.also)


@dataclass(frozen=True)
class Clause:
    """A part of a sentence that its speaker does not assert, with its own owner.

    "Following airstrikes ..., which left 46 dead, Pakistan defended its operations": the
    relative clause is not Pakistan's claim. `start`/`end` are offsets in the sentence's text;
    `party` is NARRATOR unless the clause names its own speaker ("..., which Kabul said ...").
    """

    start: int
    end: int
    speaker: str = ""
    party: str = NARRATOR


@dataclass(frozen=True)
class Claim:
    """Who asserts a sentence, and for which party.

    `party` is a profile party id, OTHER, or NARRATOR. `also_parties` names other
    parties whose contrary claim the same sentence reports ("X asserts ..., a claim
    Y refutes"); such sentences feed the disputes. `owned` holds the spans of the sentence's
    text that the speaker asserts (empty: all of it); `clauses` the other parts, with their own
    owners. A NARRATOR claim is its `outlet`'s voice.
    """

    sentence: Sentence
    speaker: str = ""
    party: str = NARRATOR
    quote: bool = False
    also_parties: tuple[str, ...] = ()
    topic: str = ""  # e.g. "casualties", "targets", "responsibility", "legality"
    also: tuple[SentenceRef, ...] = ()  # the same claim in other documents
    outlet: str = ""  # the outlet whose article the sentence is from (its voice, if NARRATOR)
    owned: tuple[tuple[int, int], ...] = ()
    clauses: tuple[Clause, ...] = ()

    @property
    def owned_text(self) -> str:
        """What the speaker asserts: the owned spans of the sentence, joined."""
        if not self.owned:
            return self.sentence.text
        return " ".join(self.sentence.text[a:b] for a, b in self.owned)


@dataclass(frozen=True)
class SummarySentence:
    """A sentence of the briefing, with the source sentences it rests on."""

    text: str
    sources: tuple[SentenceRef, ...]
    origin: str = "extracted"  # "extracted", "generated" (kept by the guard) or "replaced"
    speaker: str = ""
    party: str = NARRATOR


LEDE = "lede"
TABLE = "table"
FACTS = "facts"
VOICES = "other_voices"
BACKGROUND = "background"
PLACES = (LEDE, TABLE, FACTS, VOICES, BACKGROUND)
"""Where a `Statement` is shown; "" is a claim the brief keeps (JSON) but does not show."""
SECTION_TITLES = {
    TABLE: "Positions side by side",
    FACTS: "Key facts not in dispute",
    VOICES: "Other voices",
    BACKGROUND: "Background",
    "earlier": "Earlier",
    "sources": "Sources",
    "method": "Method and neutrality note",
}
"""Every format's section headings: here, so the composition counts the words a reader sees."""
EMPTY_CELL = "—"  # a table cell where a party says nothing on the row's point


@dataclass(frozen=True)
class Statement:
    """One claim or fact, once: the words the brief shows for it and every source behind it.

    `text` names the speaker ("Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch,
    said ...") or, for an outlet's own words, the outlet ("Dawn reports that ..."); it is a
    source sentence or the summarizer's compression of one, decided in the composition stage.
    `sources` starts with the sentence shown and goes on with the same claim elsewhere.
    """

    id: str  # "s1", "s2", ... unique within a briefing
    text: str
    sources: tuple[SentenceRef, ...]
    party: str = NARRATOR  # a profile party id, OTHER (an other voice) or NARRATOR
    speaker: str = ""
    topic: str = ""  # "casualties", "targets", ... or ""
    origin: str = "extracted"  # "extracted", "compressed", "generated", "replaced", "note"
    place: str = ""  # one of PLACES, or "" when not shown at the chosen length
    support: str = ""  # facts: "corroborated", "neutral" (a wire), "single" (one outlet)
    novelty: str = (
        ""  # against a previous brief: "new", "earlier" (carried over), "" (not compared)
    )


@dataclass(frozen=True)
class Row:
    """A row of the side-by-side table: one topic, each column party's statements on it."""

    topic: str  # a topic id, "" for the catch-all row
    label: str  # "Casualty figures", "General"
    disputed: bool  # at least two parties make claims on it
    cells: tuple[tuple[Statement, ...], ...]  # in `Briefing.columns` order


@dataclass(frozen=True)
class Source:
    """A numbered entry of the sources list."""

    number: int
    doc_id: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""
    path: str = ""
    home: str = ""  # where the outlet is based (a party's name or a country), "" if not known
    party: str = ""  # the party id of `home`, when the outlet is based in a party's country


@dataclass(frozen=True)
class HomeCount:
    """How many outlets of the sources are based in one place."""

    home: str  # a party's name, a country, or "" (not known)
    party: str = ""  # the party id when `home` is a party's country
    outlets: int = 0


@dataclass(frozen=True)
class Coverage:
    """What the sources cover: their dates, where their outlets are based, how one-sided."""

    first: str = ""  # the earliest source date (ISO), "" if none is dated
    last: str = ""
    homes: tuple[HomeCount, ...] = ()  # parties in profile order, then other places
    notes: tuple[str, ...] = ()  # one sentence per one-sided finding; one if sentences went unread


@dataclass(frozen=True)
class PartyStats:
    party: str
    claims: int = 0  # statements shown under the party (lede and table)
    words: int = 0
    sources: int = 0  # documents behind them


@dataclass(frozen=True)
class Neutrality:
    parties: tuple[PartyStats, ...] = ()
    balance_ratio: float = 1.0  # words shown for the quieter party / the louder one
    loaded_terms: tuple[str, ...] = ()  # loaded terms left in the narrator's voice
    referenced_share: float = 1.0  # shown statements that carry a source reference
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuardReport:
    generated: int = 0
    kept: int = 0
    replaced: int = 0


@dataclass(frozen=True)
class RunInfo:
    briefer_version: str
    summarizer: str
    model_id: str = ""
    profile: str = ""
    date: str = ""
    input_count: int = 0
    length: str = "standard"  # "short", "standard" or "full"
    max_words: int = 0  # the body's word budget (0: none)


@dataclass(frozen=True)
class Party:
    """A party of a profile, as the briefing names it."""

    id: str
    name: str
    note: str = ""  # e.g. "The sources carry no statement from Pakistan."


@dataclass(frozen=True)
class Since:
    """How a brief compares with the previous one: what is new, what was said before.

    `earlier` holds the carried-over statements the brief shows, each shortened to one line
    (their full text stays in `Briefing.statements`); it is empty with `--new-only`.
    """

    previous: str  # the previous brief's date (ISO), or its file name when it has none
    new: int = 0  # shown statements that are new
    carried: int = 0  # statements of the brief that the previous brief already had
    earlier: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """The brief, composed: every claim in one place, in the words every renderer prints.

    `lede` says what happened and each party's core claim; `rows` are the side-by-side table
    (disputed points are rows marked `disputed`); `facts` are facts not in dispute;
    `statements` holds every claim and fact the composition kept, shown or not, once each.
    """

    title: str
    date: str
    lede: tuple[Statement, ...]
    sources: tuple[Source, ...]
    run: RunInfo
    parties: tuple[Party, ...] = ()
    columns: tuple[str, ...] = ()  # party ids with a table column, in profile order
    rows: tuple[Row, ...] = ()
    facts: tuple[Statement, ...] = ()
    other_voices: tuple[Statement, ...] = ()
    background: tuple[Statement, ...] = ()
    statements: tuple[Statement, ...] = ()
    coverage: Coverage = field(default_factory=Coverage)
    documents: tuple[Document, ...] = ()
    neutrality: Neutrality = field(default_factory=Neutrality)
    guard: GuardReport = field(default_factory=GuardReport)
    since: Since | None = None  # set when compared with a previous brief (`briefer daily`)

    def source_numbers(self, refs: Iterable[SentenceRef]) -> tuple[int, ...]:
        """The sorted, distinct source numbers behind `refs`."""
        by_doc = {s.doc_id: s.number for s in self.sources}
        return tuple(sorted({by_doc[doc_id] for doc_id, _ in refs if doc_id in by_doc}))

    def party_name(self, party_id: str) -> str:
        return next((p.name for p in self.parties if p.id == party_id), party_id)

    def shown(self) -> tuple[Statement, ...]:
        """Every statement the brief shows, in reading order."""
        cells = (s for row in self.rows for cell in row.cells for s in cell)
        return (*self.lede, *cells, *self.facts, *self.other_voices, *self.background)


@dataclass(frozen=True)
class Digest:
    """Several stories of one day: one Briefing per story, most outlets first, and the
    documents that fit no story (listed, not briefed)."""

    title: str
    date: str
    stories: tuple[Briefing, ...]
    others: tuple[Document, ...] = ()
    run: RunInfo | None = None
