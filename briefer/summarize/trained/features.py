"""Per-sentence features for the salience model, from the run's SummaryContext alone.

One row per ranked sentence (duplicates already collapsed by `briefer.rank`):

    [ its MiniLM vector (dim) | the run's mean vector (dim) | SCALARS ]

The scalars are the cross-document signals briefer computes anyway: the rank score and
place, the sentence's position in its document, its length, how many other documents carry
a near-duplicate, its similarity to the whole run, and a few surface cues (a number, a
quotation, a fragment); and the words it shares with the other documents (SumBasic's word
probability, document frequency, word pairs another outlet also wrote): what a summary
repeats is said in the sources' words, which the MiniLM vectors blur. Training and the
summarizer both call `sentence_features`, so what the model learns on is what it sees in a
brief.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from briefer.data import RankedSentence
from briefer.summarize.base import SummaryContext

__all__ = ["LEXICAL", "SCALARS", "feature_dim", "lexical_features", "sentence_features"]

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
    *(
        LEXICAL := (
            "word_prob",  # mean share of the run's content words that are each of its own
            "doc_freq",  # mean share of the other documents holding each of its content words
            "bigram_support",  # share of its word pairs found in another document
            "word_support",  # share of its content words found in another document
            "top_words",  # share of its content words among the run's ten most frequent
        )
    ),
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
    lexical = lexical_features(ranked, all_sentences)
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
            *lexical[i],
        )
    return out


_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def lexical_features(ranked: Sequence[RankedSentence], sentences: Sequence) -> np.ndarray:
    """The LEXICAL columns of `ranked` (one row each) over the run's `sentences`."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words: Counter = Counter()
    docs_of_word: dict[str, set[str]] = {}
    docs_of_pair: dict[tuple[str, str], set[str]] = {}
    for sentence in sentences:
        tokens = _tokens(sentence.text)
        for token in tokens:
            if token not in STOP_WORDS:
                words[token] += 1
                docs_of_word.setdefault(token, set()).add(sentence.doc_id)
        for pair in zip(tokens, tokens[1:], strict=False):
            docs_of_pair.setdefault(pair, set()).add(sentence.doc_id)
    total = max(1, sum(words.values()))
    others = max(1, len({s.doc_id for s in sentences}) - 1)
    top = {w for w, _ in words.most_common(10)}
    out = np.zeros((len(ranked), len(LEXICAL)), dtype=np.float32)
    for i, r in enumerate(ranked):
        doc = r.sentence.doc_id
        tokens = _tokens(r.sentence.text)
        content = [t for t in tokens if t not in STOP_WORDS]
        pairs = list(zip(tokens, tokens[1:], strict=False))
        if content:
            elsewhere = [len(docs_of_word.get(t, set()) - {doc}) for t in content]
            out[i, 0] = 100 * sum(words[t] for t in content) / len(content) / total
            out[i, 1] = sum(elsewhere) / len(content) / others
            out[i, 3] = sum(n > 0 for n in elsewhere) / len(content)
            out[i, 4] = sum(t in top for t in content) / len(content)
        if pairs:
            out[i, 2] = sum(bool(docs_of_pair.get(p, set()) - {doc}) for p in pairs) / len(pairs)
    return out
