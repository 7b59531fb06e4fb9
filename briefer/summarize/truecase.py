"""Restore the capitalization of lower-case generated text from the source documents.

MiniLM's vocabulary is lower-case, so the model writes "pakistan" and "isis". Each word
takes the casing it most often has in the sources, counting only occurrences that are not
sentence-initial (where any word is capitalized); a word never seen mid-sentence keeps
what the model wrote. The first letter of every sentence is capitalized, and the spaces the
wordpiece decoder leaves inside figures and hyphenated words are removed ("3. 5 %" -> "3.5%",
"intelligence - led" -> "intelligence-led").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["casing_table", "restore_case"]

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?", re.UNICODE)
_SENTENCE_START = re.compile(r"(^|[.!?…]['\"”’)\]]*\s+)(['\"“‘(\[]*)([a-z])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b[A-Za-z]\.|\b(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|"
    r"capt|prof|jr|sr|no|vs|inc|corp|co|ltd|jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.)$",
    re.IGNORECASE,
)


def casing_table(source_texts: Iterable[str]) -> dict[str, str]:
    """lower-case word -> its most frequent non-initial spelling in `source_texts`."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text in source_texts:
        for match in _WORD.finditer(text):
            if _is_sentence_initial(text, match.start()):
                continue
            word = match.group().rstrip(".")
            counts[_key(word)][word] += 1
            head = _clitic_head(word)
            if head != word:  # "Trump’s" also cases "trump" and "trump's"
                counts[_key(head)][head] += 1
    return {low: spellings.most_common(1)[0][0] for low, spellings in counts.items()}


def restore_case(text: str, source_texts: Iterable[str] | dict[str, str]) -> str:
    """`text` with each word cased as the sources case it, and sentence starts capitalized."""
    table = source_texts if isinstance(source_texts, dict) else casing_table(source_texts)

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        core = word.rstrip(".")
        if core != core.lower():
            return word
        cased = table.get(_key(core))
        if cased is not None:
            return cased + word[len(core) :]
        head = _clitic_head(core)
        cased = table.get(_key(head)) if head != core else None
        return word if cased is None else cased + word[len(head) :]

    out = _WORD.sub(recase, _join_figures(text))

    def capitalize(match: re.Match[str]) -> str:
        if match.group(1) and _ABBREVIATION.search(out, 0, match.start() + 1):
            return match.group()
        return match.group(1) + match.group(2) + match.group(3).upper()

    return _SENTENCE_START.sub(capitalize, out)


_CLITIC = re.compile(r"(.+)['’](?:s|t|d|m|ve|re|ll)", re.IGNORECASE)


def _clitic_head(word: str) -> str:
    """ "Trump’s" -> "Trump": the word a possessive or contraction hangs on."""
    match = _CLITIC.fullmatch(word)
    return match.group(1) if match else word


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def _join_figures(text: str) -> str:
    """Undo the wordpiece decoder's spaces in figures: "3. 5 %" -> "3.5%", "1, 200" -> "1,200"."""
    text = _DECIMAL.sub(r"\1.\2", text)
    text = _THOUSANDS.sub(r"\1,\2", text)
    text = _HYPHEN.sub(r"\1-\2", text)
    return _PERCENT.sub(r"\1%", text)


_DECIMAL = re.compile(r"(\d)\. (\d)")
_THOUSANDS = re.compile(r"(\d), (\d{3})\b")
_PERCENT = re.compile(r"(\d) %")
_HYPHEN = re.compile(r"(\w) - (\w)")  # "intelligence - led" -> "intelligence-led"; a dash is "—"


def _is_sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘([")
    return not before or before[-1] in ".!?…\n:"
