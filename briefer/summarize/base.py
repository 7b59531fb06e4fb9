"""The summarizer protocol: ranked source sentences in, attributed summary sentences out.

Everything a summarizer may want to know about the run (every sentence by ref, its vector,
the run's ranking, the shared spaCy parses, the documents) travels in one frozen
`SummaryContext`, built once per run by `briefer.prepare.prepare` and passed to every call:
summarizers hold only their settings and weights, never per-run data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from briefer.data import Document, RankedSentence, Sentence, SentenceRef, SummarySentence

if TYPE_CHECKING:
    import numpy as np

    from briefer.nlp import Parses

__all__ = ["SummaryContext", "Summarizer"]

_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True, eq=False)
class SummaryContext:
    """The per-run data every summarizer call shares (read-only mappings).

    `sentences`: every body sentence of the run by ref, in document order; `vectors`: their
    L2-normalised embeddings by ref (empty where a caller has none); `ranked`: the run's
    ranking, best first, duplicates collapsed (`briefer.rank.rank_sentences`); `parses`: the
    run's spaCy parse cache, shared by the stages that parse; `documents` by id; `unread`:
    how many body sentences of the documents the run left out (`briefer.prepare`'s limit).
    """

    sentences: Mapping[SentenceRef, Sentence]
    vectors: Mapping[SentenceRef, np.ndarray] = field(default_factory=lambda: _EMPTY)
    ranked: tuple[RankedSentence, ...] = ()
    parses: Parses | None = None
    documents: Mapping[str, Document] = field(default_factory=lambda: _EMPTY)
    unread: int = 0

    def __post_init__(self) -> None:
        for name in ("sentences", "vectors", "documents"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(value)))
        object.__setattr__(self, "ranked", tuple(self.ranked))

    @classmethod
    def of(
        cls,
        ranked: Iterable[RankedSentence],
        *,
        vectors: Mapping[SentenceRef, np.ndarray] = _EMPTY,
        parses: Parses | None = None,
    ) -> SummaryContext:
        """A context holding only `ranked` and their sentences (tests, small scripts)."""
        ranked = tuple(ranked)
        sentences = {r.sentence.ref: r.sentence for r in ranked}
        return cls(sentences=sentences, vectors=vectors, ranked=ranked, parses=parses)

    def has_vectors(self, ranked: Iterable[RankedSentence]) -> bool:
        """Whether every one of `ranked` has a vector in this context."""
        return bool(self.vectors) and all(r.sentence.ref in self.vectors for r in ranked)

    def sentences_by_doc(self) -> dict[str, list[Sentence]]:
        """The run's sentences grouped by document, documents and sentences in order."""
        by_doc: dict[str, list[Sentence]] = {}
        for sentence in self.sentences.values():
            by_doc.setdefault(sentence.doc_id, []).append(sentence)
        return by_doc


@runtime_checkable
class Summarizer(Protocol):
    """Turns ranked sentences (most salient first) into at most `max_words` of summary.

    `sentences` are the candidates of this call (the whole ranking for the summary, one
    party's claims for its paragraph); `context` is the run's. Every returned
    SummarySentence carries the refs of the source sentences it rests on.
    """

    name: str  # "trained", "extractive", "abstractive"
    model_id: str  # what the briefing's method note names

    def summarize(
        self,
        sentences: Sequence[RankedSentence],
        *,
        context: SummaryContext,
        max_words: int,
    ) -> tuple[SummarySentence, ...]: ...
