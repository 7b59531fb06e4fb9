"""ROUGE oracle labels, computed as `briefer eval` scores (rouge-score tokens, Porter stems).

greedy_oracle    the sentences that together score best against the reference (R-1 + R-2
                 F1), added one at a time while the score rises, under a word budget
sentence_scores  each sentence alone: R-1/R-2 precision and recall against the reference
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

__all__ = ["greedy_oracle", "ngrams", "sentence_scores", "stems"]


@functools.cache
def _tokenizer():
    from rouge_score.tokenizers import DefaultTokenizer

    return DefaultTokenizer(use_stemmer=True)


def stems(text: str) -> list[str]:
    """rouge-score's tokens of `text` (lower-cased, stemmed), as it scores them."""
    return _tokenizer().tokenize(text)


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, produced: int, wanted: int) -> float:
    if not overlap or not produced or not wanted:
        return 0.0
    p, r = overlap / produced, overlap / wanted
    return 2 * p * r / (p + r)


def _overlap(a: Counter, b: Counter) -> int:
    return sum((a & b).values())


def sentence_scores(
    texts: Sequence[str], reference: str
) -> list[tuple[float, float, float, float]]:
    """(R-1 precision, R-1 recall, R-2 precision, R-2 recall) of each text alone."""
    ref = stems(reference)
    ref1, ref2 = ngrams(ref, 1), ngrams(ref, 2)
    out = []
    for text in texts:
        tok = stems(text)
        g1, g2 = ngrams(tok, 1), ngrams(tok, 2)
        o1, o2 = _overlap(g1, ref1), _overlap(g2, ref2)
        out.append(
            (
                o1 / max(1, sum(g1.values())),
                o1 / max(1, sum(ref1.values())),
                o2 / max(1, sum(g2.values())),
                o2 / max(1, sum(ref2.values())),
            )
        )
    return out


def greedy_oracle(texts: Sequence[str], reference: str, max_words: int) -> list[int]:
    """Indices of the greedy ROUGE oracle (Nallapati et al. 2017; as BERTSumExt labels), in
    the order picked: each step adds the sentence that raises R-1 F1 + R-2 F1 the most,
    among those that keep the total within `max_words`; it stops when none raises it."""
    ref = stems(reference)
    ref1, ref2 = ngrams(ref, 1), ngrams(ref, 2)
    n1, n2 = sum(ref1.values()), sum(ref2.values())
    toks = [stems(t) for t in texts]
    grams = [(ngrams(t, 1), ngrams(t, 2)) for t in toks]
    words = [len(t.split()) for t in texts]
    picked: list[int] = []
    cur1, cur2, used, best = Counter(), Counter(), 0, 0.0
    while True:
        choice, choice_score = -1, best
        for i, (g1, g2) in enumerate(grams):
            if i in picked or used + words[i] > max_words:
                continue
            u1, u2 = cur1 + g1, cur2 + g2
            score = _f1(_overlap(u1, ref1), sum(u1.values()), n1) + _f1(
                _overlap(u2, ref2), sum(u2.values()), n2
            )
            if score > choice_score:
                choice, choice_score = i, score
        if choice < 0:
            return picked
        picked.append(choice)
        cur1, cur2 = cur1 + grams[choice][0], cur2 + grams[choice][1]
        used += words[choice]
        best = choice_score
