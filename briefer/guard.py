"""The faithfulness guard: a generated sentence keeps only what its sources say.

Every generated sentence is checked against the source sentences it was generated from
(its `sources` refs):

- each number (digits, or number words such as "eight") must occur in those sources,
  as digits or as a word ("eight" is found by "8" and the other way round), with the same
  scale ("300 million" does not vouch for "300", nor "50 percent" for "50");
- each month and weekday name (the words that make a date) must occur in them;
- each capitalized name (not at the start of a sentence) must occur in them,
  compared case-insensitively since the model writes lower-case;
- the sentence must be supported: the share of its content words found in the cited
  sources, as words or Porter stems (a unigram precision), must reach `min_support`;
- each of its names and figures must stay in its place: aligned in order (a longest common
  subsequence of words) with one of the source sentences, so a deletion cannot move a place
  name next to the wrong event;
- no content word may occur more often than in the sources ("women and children and
  children");
- it must read as the sources' phrasing, not as word salad: at least `MIN_PAIR_SUPPORT` of
  its adjacent word pairs occur in the sources, and it has `MIN_WORDS` words or more.

A sentence that fails is replaced by its best supporting source sentence, attributed to
that sentence alone (origin "replaced"); one without any known source is dropped.
Sentences that were not generated (origin "extracted") pass through unchecked.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefer.data import GuardReport, Sentence, SentenceRef, SummarySentence

if TYPE_CHECKING:
    from briefer.summarize.base import SummaryContext

__all__ = [
    "DEFAULT_MIN_SUPPORT",
    "GuardedSummarizer",
    "Verdict",
    "check",
    "guard",
    "limited",
    "numbers_in",
]

DEFAULT_MIN_SUPPORT = 1.0  # every content word (or its stem) is in the sources: copy-only
# decoding keeps to its input's tokens, so a missing word is one cut or spliced from pieces
MIN_PAIR_SUPPORT = 0.5  # below it, sampled outputs were mostly garbled (see the model card)
MIN_WORDS = 4

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if w != "_"  # "one" is too often a pronoun ("one of the ...") to be read as a figure
}
_NUMBER_WORDS.update(
    {w: 10 * i for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
)
_NUMBER_WORDS.update(
    {
        "dozen": 12,
        "hundred": 100,
        "thousand": 1000,
        "million": 10**6,
        "billion": 10**9,
        "trillion": 10**12,
    }
)
# vague quantities: "dozens killed" must not become "hundreds killed"
_QUANTITY_WORDS = frozenset("dozens hundreds thousands millions billions scores".split())
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday".split()
) - {"may", "march"}  # also a verb: checked only when capitalized, as names are
_STOP = frozenset(
    """a an the and or but of to in on at for with by from as is was are were be been being it
    its this that these those he she they we you i his her their our your him them us has have
    had do does did not no so than then there here who whom which what when where why how all
    any some also just about into over after before up out will would can could should may
    might said says say s t""".split()
)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    support: float
    missing: tuple[str, ...] = ()  # numbers, dates or names the sources lack


def limited(word: str) -> bool:
    """Whether the guard limits how often `word` (lower-case) may occur: content words and
    figures may not occur more often than in the sources."""
    return word not in _STOP and word not in _NUMBER_WORDS


def _words(text: str) -> list[str]:
    return [_plain(w) for w in _WORD.findall(text)]


def _plain(word: str) -> str:
    """Lower-case, with one apostrophe: "Biden’s" (source) and "Biden's" (model) match."""
    return word.lower().replace("’", "'")


def numbers_in(text: str) -> set[str]:
    """The figures of `text`, digits and number words, as digit strings ("eight" -> "8")."""
    found = {d.replace(",", "").rstrip(".") for d in _DIGITS.findall(text)}
    return found | {str(_NUMBER_WORDS[w]) for w in _words(text) if w in _NUMBER_WORDS}


def _names(text: str) -> set[str]:
    """Capitalized words that do not start a sentence (lower-cased)."""
    names = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        before = text[: match.start()].rstrip(" \"'“‘([")
        if not before or before[-1] in ".!?…:":
            continue
        names.add(_plain(word))
    return names


_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "percent", "%", "per"}
_FIGURE = re.compile(
    r"(\d+(?:[.,]\d+)*|\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b)"
    r"\s*(%|[^\W\d_]+)?",
    re.UNICODE,
)


def figures_in(text: str) -> set[tuple[str, str]]:
    """(number, scale) pairs: "300 million" -> ("300", "million"), "50%" -> ("50", "percent").

    So that "300 million people" in a source does not vouch for "300 people".
    """
    out = set()
    for match in _FIGURE.finditer(text.lower()):
        head, scale = match.group(1), match.group(2) or ""
        if head[0].isdigit():
            number = head.replace(",", "").rstrip(".")
        elif head in _NUMBER_WORDS and head not in _SCALES:
            number = str(_NUMBER_WORDS[head])
        else:
            continue
        scale = {"%": "percent", "per": "percent"}.get(scale, scale)
        out.add((number, scale if scale in _SCALES else ""))
    return out


def check(
    text: str, sources: Sequence[str], *, min_support: float = DEFAULT_MIN_SUPPORT
) -> Verdict:
    """Whether `text` says only what `sources` say (see the module docstring)."""
    joined = " ".join(sources)
    words, source_words = _words(text), _words(joined)
    have = set(source_words)
    missing = sorted(numbers_in(text) - numbers_in(joined))
    missing += sorted(f"{n} {k}".strip() for n, k in figures_in(text) - figures_in(joined))
    missing += sorted(w for w in set(words) & (_DATE_WORDS | _QUANTITY_WORDS) if w not in have)
    missing += sorted(n for n in _names(text) - have if n not in _STOP)
    content = [w for w in words if w not in _STOP]
    stems = {_stem(w) for w in have}
    found = [w in have or _stem(w) in stems for w in content]
    support = sum(found) / len(content) if content else 0.0
    pairs = list(zip(words, words[1:], strict=False))
    have_pairs = set(zip(source_words, source_words[1:], strict=False))
    pair_support = sum(p in have_pairs for p in pairs) / len(pairs) if pairs else 0.0
    fluent = len(words) >= MIN_WORDS and pair_support >= MIN_PAIR_SUPPORT
    have_counts = Counter(source_words)
    missing += sorted(
        {
            f"{w} (repeated)"
            for w, n in Counter(words).items()
            if 0 < have_counts[w] < n and limited(w)
        }
    )
    missing += _moved(text, sources) if not missing else []
    ok = not missing and support >= min_support and fluent
    return Verdict(ok, round(support, 4), tuple(missing))


def _moved(text: str, sources: Sequence[str]) -> list[str]:
    """Names and figures of `text` that left their place in every source sentence.

    The words of `text` are aligned in order with each source (longest common subsequence);
    a name or figure outside every alignment was moved: "killed 18 militants in Pakistan on
    Saturday ... war in Afghanistan" must not become "killed 18 militants in Afghanistan".
    """

    def norm(ws: list[str]) -> list[str]:  # "three" aligns with "3"
        return [str(_NUMBER_WORDS[w]) if w in _NUMBER_WORDS else w for w in ws]

    words = _words(text)
    key = {i for i, w in enumerate(words) if w.isdigit() or w in _NUMBER_WORDS}
    key |= {i for i, w in enumerate(words) if w in _names(text)}
    if not key:
        return []
    for source in sources:
        key -= _aligned(norm(words), norm(_words(source)))
        if not key:
            return []
    return sorted({f"{words[i]} (moved)" for i in key})


def _aligned(a: Sequence[str], b: Sequence[str]) -> set[int]:
    """Indexes of `a` in one longest common subsequence of `a` and `b`."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
            )
    out, i, j = set(), 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.add(i)
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer().stem(word)


def _overlap_f1(a: str, b: str) -> float:
    wa, wb = set(_words(a)) - _STOP, set(_words(b)) - _STOP
    common = len(wa & wb)
    return 0.0 if not common else 2 * common / (len(wa) + len(wb))


def guard(
    generated: Sequence[SummarySentence],
    sentences_by_ref: Mapping[SentenceRef, Sentence],
    *,
    min_support: float = DEFAULT_MIN_SUPPORT,
) -> tuple[tuple[SummarySentence, ...], GuardReport]:
    """Keep the generated sentences their sources support; replace the others by a source."""
    out: list[SummarySentence] = []
    n_generated = kept = replaced = 0
    for sentence in generated:
        if sentence.origin != "generated":
            out.append(sentence)
            continue
        n_generated += 1
        sources = [sentences_by_ref[r] for r in sentence.sources if r in sentences_by_ref]
        if not sources:
            continue
        if check(sentence.text, [s.text for s in sources], min_support=min_support).ok:
            out.append(sentence)
            kept += 1
            continue
        best = max(sources, key=lambda s: _overlap_f1(sentence.text, s.text))
        if any(o.sources == (best.ref,) and o.text == best.text for o in out):
            continue  # that source sentence is already in the output
        out.append(replace(sentence, text=best.text, sources=(best.ref,), origin="replaced"))
        replaced += 1
    return tuple(out), GuardReport(generated=n_generated, kept=kept, replaced=replaced)


class GuardedSummarizer:
    """A Summarizer whose generated sentences pass the guard; `report` sums every call.

    The pipeline wraps its summarizer in one, so the summary and each party's position are
    checked alike and the briefing reports one count for the run. Sources are looked up in
    the context's sentences.
    """

    def __init__(self, inner: Any, *, min_support: float = DEFAULT_MIN_SUPPORT) -> None:
        self.inner = inner
        self.name = inner.name
        self.model_id = inner.model_id
        self.min_support = min_support
        self.report = GuardReport()

    def summarize(
        self, sentences: Sequence[Any], *, context: SummaryContext, max_words: int
    ) -> tuple[SummarySentence, ...]:
        out = self.inner.summarize(sentences, context=context, max_words=max_words)
        if not any(s.origin == "generated" for s in out):
            return tuple(out)
        out, report = guard(out, context.sentences, min_support=self.min_support)
        self.report = GuardReport(
            generated=self.report.generated + report.generated,
            kept=self.report.kept + report.kept,
            replaced=self.report.replaced + report.replaced,
        )
        return out
