"""The words of every statement, decided once: condensed to fit, speaker or outlet named.

    claim ─▶ condense (the summarizer, when the sentence is longer than its place allows)
          ─▶ a party's or other voice's claim names its speaker (attributed_text for a source
             sentence, name_speaker for a compression); a fact is reworded to carry no loaded
             term, or attributed to its one outlet ("Dawn reports that ...")
          ─▶ Statement(text, sources, party, speaker, topic, origin, place)

Renderers print `Statement.text` as it is: Markdown, DOCX and JSON show the same words.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from briefer.compose.condense import condense
from briefer.compose.facts import Fact, fact_text
from briefer.data import NARRATOR, Claim, SentenceRef, Statement
from briefer.perspectives import Lexicon, attributed_text, name_speaker
from briefer.perspectives.neutral import drop_connective
from briefer.perspectives.quotes import closed_quote, opened_quote, scan_quotes
from briefer.readers.wrapped import mend_words
from briefer.summarize.base import Summarizer, SummaryContext

__all__ = ["Writer", "clean"]


class Writer:
    def __init__(
        self,
        summarizer: Summarizer,
        scores: Mapping[SentenceRef, float],
        lexicon: Lexicon,
        context: SummaryContext,
        names: Container[str] = frozenset(),
    ) -> None:
        self.summarizer = summarizer
        self.scores = scores
        self.lexicon = lexicon
        self.context = context
        self.names = names  # words the sources capitalise mid-sentence

    def claim(self, claim: Claim, place: str, max_words: int) -> Statement:
        """A party's or other voice's claim, naming its speaker."""
        short = self._condense(claim, max_words)
        if short.origin == "extracted" and short.text == claim.sentence.text.strip():
            text = attributed_text(claim, self.names)
        else:
            text = name_speaker(short.text, claim, self.names)
        text = drop_connective(text)
        return Statement(
            "",
            closed_quote(opened_quote(clean(text))),
            short.sources,
            claim.party,
            claim.speaker,
            claim.topic,
            short.origin,
            place,
        )

    def kept(self, claim: Claim) -> Statement:
        """A claim the brief keeps for the JSON but does not show: its whole sentence, naming
        its speaker, on one line, its quotation marks closed as a shown one's are."""
        text = clean(attributed_text(claim, self.names))
        return Statement(
            "",
            closed_quote(opened_quote(text)),
            (claim.sentence.ref, *claim.also),
            claim.party,
            claim.speaker,
            claim.topic,
        )

    def fact(self, fact: Fact, place: str, max_words: int) -> Statement | None:
        """A fact in the narrator's words, or its one outlet's; None when it cannot be said
        without a loaded term."""
        claim = fact.claim
        short = self._condense(claim, max_words)
        text = fact_text(fact, short.text, self.lexicon, self.names)
        origin = short.origin
        if text is None or _unbalanced_quote(text):
            full = claim.sentence.text.strip()
            text, origin = fact_text(fact, full, self.lexicon, self.names), "extracted"
        if text is None:
            return None
        return Statement(
            "", clean(text), short.sources, NARRATOR, "", claim.topic, origin, place, fact.support
        )

    def _condense(self, claim: Claim, max_words: int):
        score = self.scores.get(claim.sentence.ref, 0.0)
        return condense(self.summarizer, claim, score, max_words=max_words, context=self.context)


def _unbalanced_quote(text: str) -> bool:
    return scan_quotes(text).open_after


def clean(text: str) -> str:
    """One line: runs of whitespace (newlines included) become one space, a word that
    hard-wrapped copy broke at a hyphen is whole again ("in- discriminate", "Cha- man"), a
    list item's dash or bullet before the sentence goes ("- The ministry said ..."), and so
    do a page's emphasis marks left in its copy ("remains **unshaken in its duty", "*Dawn*
    reported")."""
    return mend_words(_EMPHASIS.sub("", _BULLET.sub("", " ".join(text.split()))))


_BULLET = re.compile(r"^(?:[-–—•*·]\s+)+(?=\S)")
# A run of stars that opens (before a word, not after one) or closes (after a word or its
# punctuation, not before one) emphasis: "**unshaken", "*The Express Tribune*"; not "5 * 3".
_EMPHASIS = re.compile(r"(?<![\w*])\*+(?=[\w‘“\"'])|(?<=[\w.,;:!?’”\"'])\*+(?![\w*])")
