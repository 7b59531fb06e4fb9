"""Length rules: how long a summary, a sentence and a model's output may be, in one place.

Words are whitespace-separated tokens (`count_words`), as every budget in briefer counts them.

    DEFAULT_MAX_WORDS, MIN_MAX_WORDS   the brief's summary budget and its smallest sane value
    MAX_MAX_WORDS, check_max_words     its largest, and the check of --max-words
    MAX_SUMMARY_SENTENCES              a summary an analyst reads in one go
    MAX_PARTY_SENTENCES, party_words   a party's paragraph: its sentences, all parties' words
    MIN_SUMMARY_WORDS                  shorter "sentences" are fragments, never picked
    MULTINEWS_WORDS, NEUS_WORDS        `briefer eval`'s budgets (the references' lengths)
    OVERSHOOT_WORDS                    eval asks briefer's systems for this many more, then cuts
    SOURCE_WORDS_PER_WORD, TOKENS_PER_WORD, MIN_NEW_TOKENS   the seq2seq model's input/output
    fit_words                          rewrites in rank order, originals back where words are left
    cut_words                          sentences up to a budget, the last one cut at it
    within_words                       a summary held to its budget, whatever produced it
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefer.data import SentenceRef, SummarySentence
from briefer.errors import UsageError

__all__ = [
    "DEFAULT_MAX_WORDS",
    "MAX_MAX_WORDS",
    "MAX_PARTY_SENTENCES",
    "MAX_SUMMARY_SENTENCES",
    "MIN_MAX_WORDS",
    "MIN_NEW_TOKENS",
    "MIN_SUMMARY_WORDS",
    "MULTINEWS_WORDS",
    "NEUS_WORDS",
    "OVERSHOOT_WORDS",
    "SOURCE_WORDS_PER_WORD",
    "TOKENS_PER_WORD",
    "check_max_words",
    "count_words",
    "cut_words",
    "fit_words",
    "max_new_tokens",
    "party_words",
    "within_words",
]

DEFAULT_MAX_WORDS = 120
MIN_MAX_WORDS = 20  # below it no briefing is worth reading
MAX_MAX_WORDS = 10_000  # above it no briefing is read (and numpy's C longs overflow)
MAX_SUMMARY_SENTENCES = 6  # a summary an analyst reads in one go: 3 to 6 sentences
MAX_PARTY_SENTENCES = 3  # the party paragraph
MIN_PARTY_WORDS = 40
MIN_SUMMARY_WORDS = 5  # shorter "sentences" are fragments ("Driving", "Oh, the horror!")

MULTINEWS_WORDS = 230
NEUS_WORDS = 66
OVERSHOOT_WORDS = 40  # briefer's systems are asked for this many words more than the budget
# and cut to it, as the baselines take sentences until the budget is passed and cut the last:
# every system's output then has the budget's length (whole sentences alone fall short of it)

SOURCE_WORDS_PER_WORD = 2.0  # source words rewritten per output word (the model shortens, the
# guard drops some; 1.3 left NeuS briefs 20% short of their budget)
TOKENS_PER_WORD = 1.6  # subword tokens per English word, with margin
MIN_NEW_TOKENS = 64  # room for one whole sentence: a cut-off sentence is worse than none
MAX_NEW_TOKENS = 256

_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len(text.split())


def check_max_words(max_words: int, low: int = MIN_MAX_WORDS) -> None:
    """UsageError naming --max-words unless `low` <= max_words <= MAX_MAX_WORDS."""
    if not low <= max_words <= MAX_MAX_WORDS:
        raise UsageError(f"--max-words {max_words}: out of range (use {low} to {MAX_MAX_WORDS})")


def party_words(max_words: int) -> int:
    """Words of all party paragraphs together for a summary of `max_words`."""
    return max(MIN_PARTY_WORDS, max_words // 2)


def max_new_tokens(max_words: int, inputs: int) -> int:
    """Tokens a seq2seq model may write per input when `inputs` share `max_words`."""
    words_each = max_words / max(1, inputs)
    return int(min(MAX_NEW_TOKENS, max(MIN_NEW_TOKENS, words_each * TOKENS_PER_WORD + 10)))


def cut_words(sentences: Sequence[str], max_words: int) -> list[str]:
    """The sentences up to `max_words` words in all, the last one cut at the budget."""
    out, left = [], max_words
    for s in sentences:
        words = s.split()
        if left <= 0 or not words:
            break
        out.append(" ".join(words[:left]))
        left -= len(words)
    return out


def fit_words(
    units: Sequence[tuple[Sequence[str], tuple[SentenceRef, ...], str | None]],
    max_words: int,
) -> tuple[SummarySentence, ...]:
    """The summary from (generated sentences, sources, original sentence) per input, in rank
    order: compressed only as much as `max_words` demands.

    Inputs are taken, rewritten, while they fit. Where words are left over, the best-ranked
    inputs whose original sentence still fits are given it back verbatim (origin
    "extracted"): a rewrite that cut words the budget had room for lost content for nothing.
    """
    lengths = [sum(count_words(text) for text in generated) for generated, _, _ in units]
    words = 0
    taken: list[int] = []
    for i, n in enumerate(lengths):
        if n and words + n <= max_words:
            taken.append(i)
            words += n
    restored: set[int] = set()
    for i in taken:
        original = units[i][2]
        if original is None:
            continue
        extra = count_words(original) - lengths[i]
        if 0 < extra <= max_words - words:
            restored.add(i)
            words += extra
    out: list[SummarySentence] = []
    seen: set[str] = set()
    for i in taken:
        generated, refs, original = units[i]
        if i in restored:
            candidates = [(str(original), "extracted")]
        else:
            candidates = [(text, "generated") for text in generated]
        for text, origin in candidates:
            key = " ".join(_WORD.findall(text.lower()))
            if key and key not in seen:
                seen.add(key)
                out.append(SummarySentence(text, refs, origin=origin))
    if not out:  # no rewrite fits: the first, cut to the budget
        for generated, refs, _ in units:
            for text in generated:
                if _WORD.search(text):
                    cut = " ".join(text.split()[:max_words])
                    return (SummarySentence(cut, refs, origin="generated"),)
    return tuple(out)


def within_words(summary: Sequence[SummarySentence], max_words: int) -> tuple[SummarySentence, ...]:
    """The summary cut to `max_words` words at most: sentences kept while they fit; the first
    that does not is cut at the budget and ends in "…" when at least MIN_SUMMARY_WORDS of it
    fit, and dropped otherwise. A summary that fits comes back unchanged.

    Any summarizer may pick one sentence longer than the budget (the first pick is always
    made); this is what keeps --max-words a promise.
    """
    out: list[SummarySentence] = []
    left = max_words
    for sentence in summary:
        words = sentence.text.split()
        if len(words) <= left:
            out.append(sentence)
            left -= len(words)
            continue
        if left >= MIN_SUMMARY_WORDS or (not out and left > 1):
            out.append(replace(sentence, text=" ".join(words[: left - 1]) + " …"))
        break
    return tuple(out)
