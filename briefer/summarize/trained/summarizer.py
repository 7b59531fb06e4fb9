"""The trained summarizer: learned salience picks sentences, learned deletions shorten them.

    ranked sentences ─▶ sentence_features ─▶ salience MLP ─▶ shortlist (most salient)
        ─▶ spaCy parse ─▶ deletable units ─▶ deletion scorer ─▶ each candidate's compression
        ─▶ greedy choice by salience / words ** a, near-duplicates of a pick passed over
           (a = alpha * (1 - budget / candidate words): score per word matters more the
           smaller the share of the input the budget takes)
        ─▶ document order

Every sentence it returns is a source sentence or that sentence with whole syntactic units
removed (`briefer.summarize.trained.compress`): origin "extracted" or "compressed", found word
for word, in order, in its source. Called with one sentence (the composition's `condense`),
it deletes the units most likely to go until the sentence fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from briefer.data import RankedSentence, SummarySentence
from briefer.errors import ModelError
from briefer.summarize.base import SummaryContext
from briefer.summarize.length import MIN_SUMMARY_WORDS, count_words
from briefer.summarize.trained import compress
from briefer.summarize.trained.features import SCALARS, sentence_features
from briefer.summarize.trained.model import Weights, load

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Option", "TrainedSummarizer"]


@dataclass(frozen=True)
class Option:
    """One way to say a candidate: its text and its words (the source, or a compression)."""

    text: str
    words: int


class TrainedSummarizer:
    """Salience and deletion weights from `model_dir` (see `briefer.summarize.trained.model`)."""

    name = "trained"

    def __init__(self, model_dir: str | Path, *, weights: Weights | None = None) -> None:
        self.model_dir = Path(model_dir)
        self.weights = weights or load(self.model_dir)
        self.settings = self.weights.settings
        if self.settings.scalars and tuple(self.settings.scalars) != SCALARS:
            raise ModelError(
                f"{self.model_dir}: trained on other sentence features than this briefer"
                f" computes ({len(self.settings.scalars)}, not {len(SCALARS)}): retrain it"
                " with `briefer train` or use the shipped model"
            )
        self.model_id = (
            f"{self.model_dir.name} (MiniLM features, trained salience and deletion scorers)"
        )

    # ------------------------------------------------------------ the summary

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: SummaryContext, max_words: int
    ) -> tuple[SummarySentence, ...]:
        if not sentences:
            return ()
        if len(sentences) == 1:
            return self._condense(sentences[0], context, max_words)
        salience = self.salience(sentences, context)
        order = np.argsort(-salience, kind="stable")
        shortlist = self._shortlist(sentences, order, max_words)
        options = self.options([sentences[i] for i in shortlist], context)
        picks = self._select(sentences, shortlist, options, salience, context, max_words)
        return _in_reading_order(picks)

    def salience(self, sentences: Sequence[RankedSentence], context: SummaryContext) -> np.ndarray:
        """Each sentence's probability of belonging in the summary."""
        features = sentence_features(sentences, context, self.settings.dim)
        return self.weights.salience(features)

    def _shortlist(
        self, sentences: Sequence[RankedSentence], order: np.ndarray, max_words: int
    ) -> list[int]:
        shortlist, words = [], 0
        for i in order:
            shortlist.append(int(i))
            words += count_words(sentences[i].sentence.text)
            if len(shortlist) >= self.settings.shortlist or words >= 2 * max_words:
                break
        return shortlist

    def options(
        self, sentences: Sequence[RankedSentence], context: SummaryContext
    ) -> list[tuple[Option, Option]]:
        """(the chosen compression, the shortest) of each sentence; the source text where
        no unit may go."""
        texts = [r.sentence.text.strip() for r in sentences]
        docs = _parse(texts, context)
        salient = compress.content_words(texts)
        return [
            self._compressions(doc, text, salient) for doc, text in zip(docs, texts, strict=False)
        ]

    def _compressions(self, doc: Doc, text: str, salient: set[str]) -> tuple[Option, Option]:
        units = compress.candidates(doc)
        source = Option(text, count_words(text))
        if not units:
            return source, source
        probs = self._deletion(doc, units, salient)
        chosen = [
            u for u, p in zip(units, probs, strict=False) if p > self.settings.delete_threshold
        ]
        shortest = compress.delete(doc, units)
        short = Option(shortest, count_words(shortest))
        if not chosen:
            return source, short
        text = compress.delete(doc, chosen)
        return Option(text, count_words(text)), short

    def _deletion(self, doc: Doc, units: Sequence[compress.Unit], salient: set[str]) -> np.ndarray:
        rows = np.stack([compress.unit_features(doc, u, salient) for u in units])
        return self.weights.deletion(rows)

    def _select(
        self,
        sentences: Sequence[RankedSentence],
        shortlist: list[int],
        options: list[tuple[Option, Option]],
        salience: np.ndarray,
        context: SummaryContext,
        max_words: int,
    ) -> list[tuple[RankedSentence, Option]]:
        total = sum(count_words(r.sentence.text) for r in sentences)
        alpha = self.settings.alpha * max(0.0, 1.0 - max_words / max(1, total))
        vectors = [context.vectors.get(sentences[i].sentence.ref) for i in shortlist]
        keys = [
            salience[i] / max(1, opt[0].words) ** alpha
            for i, opt in zip(shortlist, options, strict=False)
        ]
        picks: list[tuple[RankedSentence, Option]] = []
        picked_vectors: list[np.ndarray] = []
        left = max_words
        for j in sorted(range(len(shortlist)), key=lambda j: -keys[j]):
            vector = vectors[j]
            if vector is not None and any(
                float(vector @ v) > self.settings.redundancy for v in picked_vectors
            ):
                continue
            option = next((o for o in options[j] if MIN_SUMMARY_WORDS <= o.words <= left), None)
            if option is None:
                continue
            picks.append((sentences[shortlist[j]], option))
            left -= option.words
            if vector is not None:
                picked_vectors.append(vector)
        if not picks:  # nothing fits: the most salient sentence, shortest
            j = int(np.argmax(keys))
            picks.append((sentences[shortlist[j]], options[j][1]))
        return picks

    # ------------------------------------------------------------ one sentence

    def _condense(
        self, ranked: RankedSentence, context: SummaryContext, max_words: int
    ) -> tuple[SummarySentence, ...]:
        """`ranked` within `max_words`, deleting the units most likely to go first; its
        shortest compression when even that is longer."""
        text = ranked.sentence.text.strip()
        if count_words(text) <= max_words:
            return (SummarySentence(text, ranked.refs, "extracted"),)
        doc = _parse([text], context)[0]
        units = compress.candidates(doc)
        if not units:
            return (SummarySentence(text, ranked.refs, "extracted"),)
        probs = self._deletion(doc, units, compress.content_words([text]))
        gone: list[compress.Unit] = []
        out = text
        for k in np.argsort(-probs, kind="stable"):
            gone.append(units[int(k)])
            out = compress.delete(doc, gone)
            if count_words(out) <= max_words:
                break
        return (SummarySentence(out, ranked.refs, "compressed"),)


def _parse(texts: Sequence[str], context: SummaryContext) -> list[Doc]:
    """With entities: a unit's features count the entity labels inside it."""
    if context.parses is not None:
        return context.parses(texts)
    from briefer import nlp

    return nlp.parse(texts)


def _in_reading_order(picks: list[tuple[RankedSentence, Option]]) -> tuple[SummarySentence, ...]:
    """Documents in the order their first pick was made, sentences in document order."""
    doc_rank: dict[str, int] = {}
    for ranked, _ in picks:
        doc_rank.setdefault(ranked.sentence.doc_id, len(doc_rank))
    picks = sorted(
        picks,
        key=lambda p: (doc_rank[p[0].sentence.doc_id], p[0].sentence.index, p[0].sentence.start),
    )
    return tuple(
        SummarySentence(
            option.text,
            ranked.refs,
            "extracted" if option.text == ranked.sentence.text.strip() else "compressed",
        )
        for ranked, option in picks
    )
