"""The small, immutable data model that travels between briefer's stages.

    Document ─▶ Sentence ─▶ RankedSentence / Chunk ─▶ Claim ─▶ SummarySentence
                                                            ─▶ Position, Dispute
    ─▶ Briefing (summary, key facts, positions, disputes, voices, sources, metrics)

Everything downstream of the splitter refers back to sentences by `SentenceRef`
(document id, sentence index), so source numbers are never rebuilt from text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
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


@dataclass(frozen=True)
class Position:
    """One party's position: an attributed paragraph plus the claims behind it."""

    party: str
    name: str
    summary: tuple[SummarySentence, ...] = ()
    claims: tuple[Claim, ...] = ()
    note: str = ""  # e.g. "The sources carry no statement from Pakistan's government."


@dataclass(frozen=True)
class DisputeSide:
    party: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Dispute:
    """A point the parties disagree on; numbers from different sides stay apart."""

    point: str  # e.g. "casualties", "who was hit"
    sides: tuple[DisputeSide, ...]


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


@dataclass(frozen=True)
class PartyStats:
    party: str
    claims: int = 0
    words: int = 0
    sources: int = 0


@dataclass(frozen=True)
class Neutrality:
    parties: tuple[PartyStats, ...] = ()
    balance_ratio: float = 1.0  # words of the shorter party section / the longer one
    loaded_terms: tuple[str, ...] = ()  # loaded terms left in the narrator's voice
    referenced_share: float = 1.0  # summary sentences that carry a source reference
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


@dataclass(frozen=True)
class Party:
    """A party of a profile, as the briefing names it."""

    id: str
    name: str


@dataclass(frozen=True)
class Briefing:
    title: str
    date: str
    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    run: RunInfo
    key_facts: tuple[SummarySentence, ...] = ()
    parties: tuple[Party, ...] = ()
    positions: tuple[Position, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    other_voices: tuple[Claim, ...] = ()
    background: tuple[SummarySentence, ...] = ()
    documents: tuple[Document, ...] = ()
    neutrality: Neutrality = field(default_factory=Neutrality)
    guard: GuardReport = field(default_factory=GuardReport)

    def source_numbers(self, refs: Iterable[SentenceRef]) -> tuple[int, ...]:
        """The sorted, distinct source numbers behind `refs`."""
        by_doc = {s.doc_id: s.number for s in self.sources}
        return tuple(sorted({by_doc[doc_id] for doc_id, _ in refs if doc_id in by_doc}))

    def save(self, path: str | Path, *, format: str | None = None) -> Path:
        """Write the briefing; the format comes from the suffix (.md, .docx, .json)."""
        from briefer.render import save

        return save(self, path, format=format)

    def to_dict(self) -> dict:
        """The briefing as the versioned JSON structure (see resources/briefing.schema.json)."""
        from briefer.render.json import to_dict

        return to_dict(self)
