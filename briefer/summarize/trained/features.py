"""Per-sentence features for the salience model, from the run's SummaryContext alone.

One row per ranked sentence (duplicates already collapsed by `briefer.rank`):

    [ its MiniLM vector (dim) | the run's mean vector (dim) | SCALARS ]

The scalars are the cross-document signals briefer computes anyway: the rank score and
place, the sentence's position in its document, its length, how many other documents carry
a near-duplicate, its similarity to the whole run, and a few surface cues (a number, a
quotation, a fragment). Training and the summarizer both call `sentence_features`, so what
the model learns on is what it sees in a brief.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from briefer.data import RankedSentence
from briefer.summarize.base import SummaryContext

__all__ = ["SCALARS", "feature_dim", "sentence_features"]

SCALARS = (
    "score_rel",  # rank score over the run's best
    "rank_inv",  # 1 / (1 + place in the ranking)
    "index_inv",  # 1 / (1 + index in its document)
    "index_rel",  # index / sentences in its document
    "first",  # the document's first sentence
    "log_words",
    "short",  # fewer than 8 words
    "long",  # more than 40 words
    "log_also",  # near-duplicates collapsed onto it
    "docs_near",  # share of the other documents with a sentence of cosine >= NEAR
    "docs_top",  # mean over the other documents of their closest sentence's cosine
    "centroid_cos",  # cosine to the run's mean vector
    "has_number",
    "has_quote",
    "no_end",  # no sentence-final punctuation
    "log_docs",
    "log_sentences",
)
NEAR = 0.65
_NUMBER = re.compile(r"\d")
_QUOTE = re.compile('["\u201c\u201d]')


def feature_dim(dim: int) -> int:
    """Columns of `sentence_features` for vectors of `dim`."""
    return 2 * dim + len(SCALARS)


def sentence_features(
    ranked: Sequence[RankedSentence], context: SummaryContext, dim: int
) -> np.ndarray:
    """The (len(ranked), feature_dim(dim)) float32 features of `ranked` in `context`.

    Sentences without a vector in the context (a caller without embeddings) get zero vectors
    and zero similarity features.
    """
    n = len(ranked)
    out = np.zeros((n, feature_dim(dim)), dtype=np.float32)
    if n == 0:
        return out
    all_sentences = list(context.sentences.values())
    zero = np.zeros(dim, dtype=np.float32)
    all_vecs = np.stack([np.asarray(context.vectors.get(s.ref, zero)) for s in all_sentences])
    vecs = np.stack([np.asarray(context.vectors.get(r.sentence.ref, zero)) for r in ranked])
    centroid = all_vecs.mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    centroid_unit = centroid / norm if norm > 0 else centroid
    doc_ids = sorted({s.doc_id for s in all_sentences})
    doc_len = {d: 0 for d in doc_ids}
    for s in all_sentences:
        doc_len[s.doc_id] += 1
    doc_of = np.array([doc_ids.index(s.doc_id) for s in all_sentences])
    sims = vecs @ all_vecs.T  # (n, all)
    best = max((r.score for r in ranked), default=1.0) or 1.0
    out[:, :dim] = vecs
    out[:, dim : 2 * dim] = centroid_unit
    scalars = out[:, 2 * dim :]
    for i, r in enumerate(ranked):
        s = r.sentence
        words = len(s.text.split())
        own = doc_ids.index(s.doc_id)
        others = [sims[i, doc_of == d].max() for d in range(len(doc_ids)) if d != own]
        scalars[i] = (
            r.score / best,
            1.0 / (1 + i),
            1.0 / (1 + max(s.index, 0)),
            max(s.index, 0) / max(1, doc_len[s.doc_id]),
            float(s.index == 0),
            math.log1p(words) / 4,
            float(words < 8),
            float(words > 40),
            math.log1p(len(r.also)),
            float(np.mean([o >= NEAR for o in others])) if others else 0.0,
            float(np.mean(others)) if others else 0.0,
            float(vecs[i] @ centroid_unit),
            float(bool(_NUMBER.search(s.text))),
            float(bool(_QUOTE.search(s.text))),
            float(not s.text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'"))),
            math.log1p(len(doc_ids)) / 3,
            math.log1p(len(all_sentences)) / 6,
        )
    return out
