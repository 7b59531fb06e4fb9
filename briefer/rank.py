"""Salience across documents, and one entry per fact however many outlets report it.

    rank_sentences   LexRank-style centrality on a sparse similarity graph, a mild lead prior,
                     then duplicate facts collapsed onto one sentence that credits all sources
    mmr_select       Maximal Marginal Relevance (Carbonell and Goldstein 1998) under a word budget

Vectors are L2-normalised rows (see briefer.embed), so a dot product is a cosine. The n x n
similarity matrix is never held whole: it is computed a block of rows at a time, keeping each
row's strongest neighbours (for the graph) and every pair above the duplicate threshold.
Memory stays O(n * neighbors) for 20,000 sentences and more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from briefer.data import RankedSentence, Sentence, SentenceRef
from briefer.summarize.length import MIN_SUMMARY_WORDS

__all__ = ["mmr_select", "rank_sentences"]

_BLOCK_CELLS = 1 << 23  # similarity cells per block: 32 MiB of float32
_MAX_DUPLICATES_PER_ROW = 512  # beyond this a row's duplicates are recomputed when needed


@dataclass(frozen=True)
class _Graph:
    neighbors: np.ndarray  # (n, k) column indices, -1 where a row has fewer than k
    weights: np.ndarray  # (n, k) cosine similarities, 0 where below the edge threshold
    duplicates: tuple[np.ndarray, ...]  # per row: indices with cosine >= duplicate threshold
    overflow: np.ndarray  # (n,) bool: the row had more duplicates than were kept


def rank_sentences(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    threshold: float = 0.3,
    duplicate_threshold: float = 0.85,
    damping: float = 0.85,
    lead_weight: float = 0.25,
    neighbors: int = 48,
    method: str = "lexrank",
) -> tuple[RankedSentence, ...]:
    """Rank `sentences` (any number of documents) best first, one entry per distinct fact.

    Centrality: sentences are nodes, cosines >= `threshold` are weighted edges to each
    sentence's `neighbors` nearest sentences; "lexrank" scores by PageRank with `damping`
    (Erkan and Radev 2004, continuous variant), "degree" by the sum of edge weights. Scores
    are scaled to mean 1 and multiplied by a lead prior, 1 + lead_weight / (1 + index), since
    news puts its key facts first.

    Duplicates: sentences with cosine >= `duplicate_threshold` report the same fact. Going
    down the ranking, each sentence not yet absorbed becomes a representative and absorbs
    its unabsorbed duplicates, whose refs it credits in `RankedSentence.also` (in input
    order). Ties in score go to the earlier sentence of the input.
    """
    vectors = _check_vectors(sentences, vectors)
    n = len(sentences)
    if n == 0:
        return ()
    if method not in ("lexrank", "degree"):
        raise ValueError(f"method must be 'lexrank' or 'degree', not {method!r}")
    graph = _similarity_graph(vectors, threshold, duplicate_threshold, neighbors)
    if method == "lexrank":
        centrality = _pagerank(graph.neighbors, graph.weights, damping)
    else:
        centrality = graph.weights.sum(axis=1, dtype=np.float64)
    total = centrality.sum()
    centrality = centrality * (n / total) if total > 0 else np.ones(n)
    index = np.array([s.index for s in sentences], dtype=np.float64)
    scores = centrality * (1.0 + lead_weight / (1.0 + np.maximum(index, 0.0)))
    order = np.argsort(-scores, kind="stable")
    return _collapse_duplicates(sentences, vectors, scores, order, graph, duplicate_threshold)


def _check_vectors(sentences: Sequence[Sentence], vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(sentences):
        raise ValueError(
            f"expected one vector per sentence: {len(sentences)} sentences, "
            f"vectors of shape {vectors.shape}"
        )
    return vectors


def _similarity_graph(
    vectors: np.ndarray, threshold: float, duplicate_threshold: float, neighbors: int
) -> _Graph:
    n = vectors.shape[0]
    k = max(1, min(neighbors, n - 1))
    block = max(1, min(n, _BLOCK_CELLS // max(n, 1)))
    nbr = np.full((n, k), -1, dtype=np.int64)
    wts = np.zeros((n, k), dtype=np.float32)
    duplicates: list[np.ndarray] = []
    overflow = np.zeros(n, dtype=bool)
    for start in range(0, n, block):
        stop = min(n, start + block)
        sims = vectors[start:stop] @ vectors.T
        rows = np.arange(stop - start)
        sims[rows, rows + start] = -np.inf  # no self-loops
        hit_rows, hit_cols = np.nonzero(sims >= duplicate_threshold)
        bounds = np.searchsorted(hit_rows, np.arange(stop - start + 1))
        for r in rows:
            dup = hit_cols[bounds[r] : bounds[r + 1]].copy()  # no view pinning the block
            if dup.size > _MAX_DUPLICATES_PER_ROW:
                overflow[start + r] = True
                dup = dup[:_MAX_DUPLICATES_PER_ROW]
            duplicates.append(dup)
        if n > 1:
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            top_sims = np.take_along_axis(sims, top, axis=1)
            nbr[start:stop] = top
            wts[start:stop] = np.where(top_sims >= threshold, top_sims, 0.0)
    return _Graph(nbr, wts, tuple(duplicates), overflow)


def _pagerank(
    neighbors: np.ndarray, weights: np.ndarray, damping: float, *, tol: float = 1e-6
) -> np.ndarray:
    """Stationary distribution of the random walk over the weighted neighbour graph.

    A walker at i moves to its neighbour j with probability w_ij / sum_j w_ij (i's own
    neighbour list); rows without edges (dangling) spread their mass uniformly.
    """
    n = neighbors.shape[0]
    weights = weights.astype(np.float64)
    out_sum = weights.sum(axis=1)
    dangling = out_sum == 0
    trans = np.divide(
        weights, out_sum[:, None], out=np.zeros_like(weights), where=~dangling[:, None]
    )
    cols = np.where(neighbors >= 0, neighbors, 0).ravel()
    p = np.full(n, 1.0 / n)
    for _ in range(100):
        flow = np.bincount(cols, weights=(trans * p[:, None]).ravel(), minlength=n)
        new = (1.0 - damping) / n + damping * (flow + p[dangling].sum() / n)
        if np.abs(new - p).sum() < tol:
            return new
        p = new
    return p


def _collapse_duplicates(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    scores: np.ndarray,
    order: np.ndarray,
    graph: _Graph,
    duplicate_threshold: float,
) -> tuple[RankedSentence, ...]:
    absorbed = np.zeros(len(sentences), dtype=bool)
    ranked: list[RankedSentence] = []
    for i in order:
        if absorbed[i]:
            continue
        absorbed[i] = True
        dup = graph.duplicates[i]
        if graph.overflow[i]:
            sims = vectors @ vectors[i]
            sims[i] = -np.inf
            dup = np.flatnonzero(sims >= duplicate_threshold)
        members = np.sort(dup[~absorbed[dup]])
        absorbed[members] = True
        also = tuple(sentences[j].ref for j in members)
        ranked.append(RankedSentence(sentences[i], float(scores[i]), also))
    return tuple(ranked)


def mmr_select(
    ranked: Sequence[RankedSentence],
    vectors_by_ref: Mapping[SentenceRef, np.ndarray],
    *,
    max_words: int,
    diversity: float = 0.3,
    min_words: int = MIN_SUMMARY_WORDS,
) -> tuple[RankedSentence, ...]:
    """Pick sentences that are salient and unlike those already picked, up to `max_words`.

    Each step takes the candidate maximising
    (1 - diversity) * relevance - diversity * (max cosine to the sentences already picked),
    relevance being the rank score over the best score (min-max scaled if any is negative).
    Candidates that would overrun the word budget are passed over, and so are those of
    fewer than `min_words` words (headline scraps and quote fragments, which the budget's
    last few words would otherwise attract) unless no candidate is longer. The first pick is
    always made, even if it alone is longer than `max_words`, so a non-empty input never
    yields an empty selection. Returns the picks in the order they were made.
    """
    if not 0.0 <= diversity <= 1.0:
        raise ValueError(f"diversity must be between 0 and 1, not {diversity}")
    if not ranked:
        return ()
    try:
        matrix = np.stack([np.asarray(vectors_by_ref[r.sentence.ref], np.float32) for r in ranked])
    except KeyError as exc:
        raise ValueError(f"no vector for sentence {exc.args[0]!r}") from None
    scores = np.array([r.score for r in ranked], dtype=np.float64)
    low, high = scores.min(), scores.max()
    if low >= 0 and high > 0:
        relevance = scores / high
    else:
        relevance = (scores - low) / (high - low) if high > low else np.ones(len(ranked))
    words = np.array([len(r.sentence.text.split()) for r in ranked])
    closest = np.zeros(len(ranked))  # max similarity to the picks so far
    available = words >= min_words
    if not available.any():
        available[:] = True
    picks: list[int] = []
    budget = max_words
    while True:
        fits = available & ((words <= budget) | (not picks))
        if not fits.any():
            break
        gain = np.where(fits, (1 - diversity) * relevance - diversity * closest, -np.inf)
        best = int(np.argmax(gain))  # first maximum: the better ranked on ties
        picks.append(best)
        available[best] = False
        budget -= words[best]
        closest = np.maximum(closest, matrix @ matrix[best])
    return tuple(ranked[i] for i in picks)
