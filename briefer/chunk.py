"""Token-aware packing of sentences into model inputs.

    chunk_sentences   consecutive sentences -> chunks of at most `budget` tokens, per document
    pack_inputs       sentences of several documents -> ONE input, each document a fair share
    token_counter     a cached token-counting function for a Hugging Face tokenizer

Sentences are never cut, with one exception: a single sentence longer than the whole budget
is split at word boundaries (at characters, for a "word" that alone is too long) into pieces
that fit. Each piece stays a `Sentence` with the same doc_id and index and the character
sub-span it covers, so every piece still refers back to its source sentence.

A chunk's `n_tokens` is the sum of its sentences' counts. Subword tokenizers can count a
joined text a token or so differently, and special tokens come on top: leave a margin.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from itertools import groupby
from typing import Any

from briefer.data import Chunk, Sentence

__all__ = ["chunk_sentences", "pack_inputs", "token_counter"]

CountTokens = Callable[[str], int]

_NON_SPACE = re.compile(r"\S+")


def token_counter(tokenizer: Any, *, cache_size: int = 65536) -> CountTokens:
    """Count tokens of a text as `tokenizer` encodes it, without special tokens; memoised."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is not None:  # a copy without the padding/truncation a tokenizer.json may set
        from tokenizers import Tokenizer

        backend = Tokenizer.from_str(backend.to_str())
        backend.no_padding()
        backend.no_truncation()

    @lru_cache(maxsize=cache_size)
    def count_tokens(text: str) -> int:
        if backend is not None:
            return len(backend.encode(text, add_special_tokens=False).ids)
        return len(tokenizer.encode(text, add_special_tokens=False))

    return count_tokens


def chunk_sentences(
    sentences: Sequence[Sentence],
    *,
    count_tokens: CountTokens,
    budget: int,
    overlap: int = 0,
) -> tuple[Chunk, ...]:
    """Pack consecutive sentences into chunks of at most `budget` tokens.

    A chunk never spans two documents (a change of doc_id in `sentences`). With `overlap`,
    a chunk begins with the last `overlap` sentences of the previous chunk of the same
    document, as many of them as leave room for at least one new sentence.
    """
    _check_budget(budget)
    if overlap < 0:
        raise ValueError(f"overlap must be 0 or more, not {overlap}")
    chunks: list[Chunk] = []
    for _, group in groupby(sentences, key=lambda s: s.doc_id):
        units = _fitting_units(list(group), count_tokens, budget)
        chunks.extend(_pack_document(units, budget, overlap))
    return tuple(chunks)


def _pack_document(units: list[tuple[Sentence, int]], budget: int, overlap: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    current: list[tuple[Sentence, int]] = []
    used = 0
    fresh = False  # does `current` hold a unit not already in the previous chunk?
    for unit in units:
        if current and used + unit[1] > budget:
            if fresh:
                chunks.append(_chunk(current))
            current = current[-overlap:] if overlap else []
            used = sum(n for _, n in current)
            while current and used + unit[1] > budget:  # drop carried sentences until it fits
                used -= current.pop(0)[1]
        current.append(unit)
        used += unit[1]
        fresh = True
    if current and fresh:
        chunks.append(_chunk(current))
    return chunks


def pack_inputs(
    groups: Mapping[str, Sequence[Sentence]],
    *,
    count_tokens: CountTokens,
    budget: int,
) -> Chunk:
    """One model input holding sentences of every document, each with a fair token share.

    `groups` maps a doc_id to its sentences in priority order (most wanted first). The budget
    is shared equally among the documents that still have sentences; a document that needs
    less than its share leaves the rest to the others, round after round. A sentence that no
    longer fits in what is left of the budget is skipped for the next one. In the chunk,
    documents keep the order of `groups` and sentences their order in the document.
    """
    _check_budget(budget)
    queues = {
        doc_id: deque(_fitting_units(list(sents), count_tokens, budget))
        for doc_id, sents in groups.items()
    }
    taken: dict[str, list[tuple[Sentence, int]]] = {doc_id: [] for doc_id in queues}
    spent = dict.fromkeys(queues, 0)
    left = budget
    while True:
        for queue in queues.values():
            while queue and queue[0][1] > left:
                queue.popleft()
        active = [doc_id for doc_id, queue in queues.items() if queue]
        if not active:
            break
        share = left // len(active)
        progressed = False
        for doc_id in active:
            queue, used = queues[doc_id], 0
            while queue and used + queue[0][1] <= share:
                unit = queue.popleft()
                taken[doc_id].append(unit)
                used += unit[1]
            spent[doc_id] += used
            left -= used
            progressed = progressed or used > 0
        if not progressed:  # every next sentence exceeds the equal share: the poorest goes first
            doc_id = min(active, key=lambda d: spent[d])
            unit = queues[doc_id].popleft()
            taken[doc_id].append(unit)
            spent[doc_id] += unit[1]
            left -= unit[1]
    units = [
        unit
        for doc_id in queues
        for unit in sorted(taken[doc_id], key=lambda u: (u[0].index, u[0].start))
    ]
    return _chunk(units)


def _check_budget(budget: int) -> None:
    if budget < 1:
        raise ValueError(f"the token budget must be at least 1, not {budget}")


def _chunk(units: Sequence[tuple[Sentence, int]]) -> Chunk:
    return Chunk(tuple(s for s, _ in units), sum(n for _, n in units))


def _fitting_units(
    sentences: Sequence[Sentence], count_tokens: CountTokens, budget: int
) -> list[tuple[Sentence, int]]:
    """(sentence, tokens) pairs, a sentence over the budget replaced by pieces that fit."""
    units: list[tuple[Sentence, int]] = []
    for sentence in sentences:
        n = count_tokens(sentence.text)
        if n <= budget:
            units.append((sentence, n))
        else:
            units.extend(_split_sentence(sentence, count_tokens, budget))
    return units


def _split_sentence(
    sentence: Sentence, count_tokens: CountTokens, budget: int
) -> list[tuple[Sentence, int]]:
    """Cut an over-long sentence at word boundaries into the fewest greedy pieces that fit."""
    text = sentence.text
    words = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text)]
    pieces: list[tuple[Sentence, int]] = []
    i = 0
    while i < len(words):
        # the longest run of words from i that fits: binary search on the run's length
        lo, hi = 0, len(words) - i
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count_tokens(text[words[i][0] : words[i + mid - 1][1]]) <= budget:
                lo = mid
            else:
                hi = mid - 1
        if lo == 0:  # one word alone is over the budget: cut it at characters
            pieces.extend(_split_word(sentence, words[i], count_tokens, budget))
            i += 1
            continue
        start, end = words[i][0], words[i + lo - 1][1]
        pieces.append((_piece(sentence, start, end), count_tokens(text[start:end])))
        i += lo
    return pieces


def _split_word(
    sentence: Sentence, span: tuple[int, int], count_tokens: CountTokens, budget: int
) -> list[tuple[Sentence, int]]:
    text = sentence.text
    pieces: list[tuple[Sentence, int]] = []
    start, end = span
    while start < end:
        lo, hi = 1, end - start  # at least one character, even if it alone is over budget
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count_tokens(text[start : start + mid]) <= budget:
                lo = mid
            else:
                hi = mid - 1
        pieces.append((_piece(sentence, start, start + lo), count_tokens(text[start : start + lo])))
        start += lo
    return pieces


def _piece(sentence: Sentence, start: int, end: int) -> Sentence:
    return Sentence(
        sentence.doc_id,
        sentence.index,
        sentence.start + start,
        sentence.start + end,
        sentence.text[start:end],
    )
