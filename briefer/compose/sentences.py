"""Which source sentences can stand in a brief, and which say the same fact in other words.

complete(text)       a whole sentence: final punctuation, no web address, not a fragment
own_words(text)      no quotation in it: an outlet's own voice, not someone it quotes
Paraphrases          narrator sentences of other documents that report the same fact:
                     close in meaning (MiniLM cosine), naming the same parties in the same
                     order, giving no other figures
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from briefer.data import Claim, SentenceRef
from briefer.perspectives.quotes import scan_quotes
from briefer.perspectives.report_verbs import REPORT_FORMS

__all__ = [
    "EVENT",
    "MONTHS",
    "PARAPHRASE",
    "Paraphrases",
    "about_the_past",
    "complete",
    "dangling",
    "own_words",
    "paraphrased",
    "says_nothing",
    "WHERE",
]

PARAPHRASE = 0.7  # cosine of two sentences that report one fact (measured on the dev set)
_END = re.compile(r"[.!?][\"”’')\]]*$")
_ADDRESS = re.compile(r"https?://|www\.|\b\w+\.(?:com|org|net|pk|in|af)/", re.IGNORECASE)
# Words that name an event: a strike, a clash, shelling, troops.
EVENT = re.compile(
    r"\b(?:strikes?|struck|air ?strikes?|attacks?|attacked|raids?|bomb\w*|shell\w*|clash\w*"
    r"|skirmish\w*|fighting|fought|fired|gunfire|exchanged|killed|explosions?|blasts?|offensive|operations?"
    r"|hostilities|invasion|invaded|drone|missiles?|rockets?|artillery|troops|ceasefire|cease-fire)\b",
    re.IGNORECASE,
)
# Words that say where: a province, a border, "in Kesh".
WHERE = re.compile(
    r"\b(?:province|district|region|border|city|town|village|area|capital|near|in [A-Z]\w+)"
    r"|(?<=\s)(?:in|near|at|on|across|along) (?:the )?[A-Z][a-z]+",
)

_WORD = re.compile(r"[^\W\d_]{2,}")
_LOWER_START = re.compile(r"[a-z](?![a-z]*[A-Z])")  # not "iPhone", "eBay"
# A participle opening, then a comma and a verb: perhaps no subject (no_subject parses it).
_NO_SUBJECT = re.compile(
    r"(?!According)[A-Z][a-z]+ing\b[^.;:\"“”]*?,\s+(?:[a-z]+ly\s+)?"
    r"(?:[a-z]+ed|hit|struck|shot|fought|began|sent|took)\s+(?:the|a|an|its|their|his|her|\d|[A-Z])"
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
MIN_SENTENCE_WORDS = 3
_QUOTE_MARKS = re.compile(r"[“”\"]")
_FIGURE = re.compile(r"\d[\d,.]*")


def complete(text: str) -> bool:
    """Ends as a sentence ends, holds no web address and starts as a sentence starts (a
    headline, a cut-off piece, a link line or the end of a sentence a page broke does not)."""
    text = text.strip()
    return (
        bool(_END.search(text))
        and not _ADDRESS.search(text)
        and len(_WORD.findall(text)) >= MIN_SENTENCE_WORDS  # "5." of a cut list is none
        and not _LOWER_START.match(text)  # "which sharply intensified ...": the page broke it
        and not no_subject(text)  # "Concentrating troops at the border, attacked ..."
    )


def no_subject(text: str) -> bool:
    """A participle opening runs into a verb that has no subject: the copy lost it
    ("Concentrating additional manpower ... in Basarkechar, attacked the Azerbaijani army
    positions"). The few sentences shaped so are parsed: "Starting at noon, units of the
    Armenian armed forces, grossly violating the ceasefire, attacked ..." has one."""
    if not _NO_SUBJECT.match(text):
        return False
    from briefer import nlp

    (doc,) = nlp.parse([text], ner=False, lemmas=False)
    roots = [token for token in doc if token.dep_ == "ROOT"]
    return bool(roots) and not any(c.dep_ in _SUBJECTS for c in roots[0].children)


MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_OPENING = re.compile(
    r"^(?:earlier |back |also )?(?:in|during|last) (?:(?:early|late|mid-?)\s*)?"
    rf"({'|'.join(MONTHS)})\b(?!\s*\d)",
    re.IGNORECASE,
)
_PAST_OPENING = re.compile(
    r"^(?:earlier |back |also )?(?:in|during) (?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december) )?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def about_the_past(text: str, year: int, month: int = 0) -> bool:
    """Opens on a year before the event's (`year`): "Earlier in 2020, a soldier was killed
    ..." is history, not what a party says of this event; so is "In September, ..." in
    coverage of an April (`month`, 1-12): a month other than the event's or the one before
    it."""
    text = text.strip()
    found = _PAST_OPENING.match(text)
    if year and found and int(found.group(1)) < year:
        return True
    named = _MONTH_OPENING.match(text)
    if not (month and named):
        return False
    said = MONTHS.index(named.group(1).lower()) + 1
    return said not in (month, (month - 2) % 12 + 1)


# What a party says "this", "these" ... of: the event itself, which the brief is about.
_EVENT_NOUNS = (
    "strikes?|attacks?|air ?strikes?|incidents?|clash(?:es)?|operations?|aggression|assaults?"
    "|shelling|violations?|acts?|escalation|raids?|bombing|firing|fighting|provocations?"
    "|action|actions|attempts?|situation|conflict|war|time|day|week|month|year|morning"
    "|afternoon|evening|night"
    # not a noun: "said that this was", "those responsible"
    "|is|was|are|were|will|would|could|should|has|had|have|can|may|might|must|the|a|an"
    "|this|that|these|those|it|he|she|they|we|responsible|who|which"
)
_DANGLING = re.compile(  # "said that X" is a report, "said that base ..." rare: not read
    r"(?:^(?:this|that|these|those)"
    r"|\b(?:said|says|say|told\s+\w+|added|stated|claimed|noted|stressed)\s+(?:that\s+)?"
    r"(?:this|these|those))"
    rf"\s+(?!(?:{_EVENT_NOUNS})\b)[a-z]+\b(?!\s+(?:of|in|on|at|near)\b)",
    re.IGNORECASE,
)

# "Analysts believe the figure has crossed 200 million": which figure?
# "Afghanistan quickly denied the statement": which statement?
_BACK_REFERENCE = re.compile(
    r"\bthe (?:figures?|tally)\b(?!\s+(?:of|for|from|in|on)\b)"
    # "Eritrea disputed this account", "denied the accusations": whose?
    r"|\b(?:denied|rejected|dismissed|refuted|disputed|denies|rejects|dismisses|disputes)"
    r"\s+(?:the|this|that|these|those)\s+(?:statements?|claims?|allegations?|reports?"
    r"|accounts?|accusations?|charges?|version)\b(?!\s+(?:of|that|by|from|made)\b)"
    # "AzerTAc also confirmed this information": which information?
    r"|\b(?:confirmed|denied|reported|repeated)\s+(?:this|that|the same|the)\s+(?:information"
    r"|news|report)\b(?!\s+(?:of|that|about|on)\b)"
    # "It quoted a government official as ...": who quoted?
    r"|^(?:it|he|she|they)\s+(?:also\s+)?(?:quoted|cited)\b"
    # "The statement comes a day after ...": which statement?
    # "The Foreign Office's remarks came in response to media queries": which remarks?
    r"|^(?:the|this|that|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:statements?|remarks"
    r"|comments?|announcement|move|warning|protest|decision)\s+(?:comes?|came|follows?"
    r"|followed)\b",
    re.IGNORECASE,
)


def dangling(text: str) -> bool:
    """Speaks of a thing named only in the sentence before: "Qureshi said this base had
    trained ...", "These officers were ...", "Analysts believe the figure has ...", "The
    statement comes a day after ...", "It quoted an official as ..." (which base? which
    figure? which statement? who quoted? the brief does not show it). The event itself ("this
    attack", "these strikes") is what the brief is about, and "this base in Muridke" says
    which."""
    return bool(
        _DANGLING.search(text.strip()) or _BACK_REFERENCE.search(text) or _unnamed_actor(text)
    )


def _unnamed_actor(text: str) -> bool:
    """Opens on "They", "He" or "She" doing something, not saying it ("They intensively fired
    at the Azerbaijani army positions ..."): who did it is in the sentence before, which the
    brief does not show. One who says something ("He said ...") is the speaker, named."""
    words = _WORD.findall(text)
    return (
        text.strip()[:1].isalpha()  # not one of a quote: a witness's "They attacked ..."
        and bool(words)
        and words[0].lower() in {"they", "he", "she"}
        and not any(w.lower() in REPORT_FORMS for w in words[1:4])  # "He also said ..."
    )


def says_nothing(text: str) -> bool:
    """Tells only that someone spoke: "X issued a statement on Twitter." (what did it say?);
    or prays: "May Allah rest the souls of the martyrs in peace!" (no claim)."""
    return bool(_ONLY_SPOKE.match(text.strip()) or _PRAYER.search(text))


_PRAYER = re.compile(r"(?:^|[,:]\s+|“)may\s+(?:allah|god|the almighty)\b", re.IGNORECASE)


_ONLY_SPOKE = re.compile(
    r"^[^,;:\"“”]*\b(?:issued|released|published|posted|put out|made)\s+(?:a|an|the)\s+"
    r"(?:\w+\s+)?(?:statement|tweet|video|message|post|announcement)s?"
    r"(?:\s+(?:on|via|in|to)\s+[\w ]{1,30})?\.$",
    re.IGNORECASE,
)


def own_words(text: str) -> bool:
    """Quotes no one: no quotation marks at all (a quote, or a stray piece of one, is its
    speaker's words even where the attribution is not found)."""
    return not _QUOTE_MARKS.search(text) and not scan_quotes(text).quoted_words


def paraphrased(
    ref: SentenceRef,
    others: Sequence[SentenceRef],
    vectors: Mapping[SentenceRef, np.ndarray],
    threshold: float = PARAPHRASE,
) -> bool:
    """Whether the sentence `ref` says what one of `others` says (MiniLM cosine)."""
    if ref not in vectors:
        return False
    mine = np.asarray(vectors[ref], np.float32)
    return any(
        float(np.asarray(vectors[o], np.float32) @ mine) >= threshold
        for o in others
        if o in vectors and o != ref
    )


class Paraphrases:
    """Narrator claims of other documents that report the same fact as a given one."""

    def __init__(
        self,
        pool: Sequence[Claim],
        vectors: Mapping[SentenceRef, np.ndarray],
        parties_named: Callable[[str], tuple[str, ...]],
        threshold: float = PARAPHRASE,
    ) -> None:
        self.pool = [c for c in pool if c.sentence.ref in vectors]
        self.vectors = vectors
        self.parties_named = parties_named
        self.threshold = threshold
        self.taken: set[SentenceRef] = set()
        self._matrix = (
            np.stack([np.asarray(vectors[c.sentence.ref], np.float32) for c in self.pool])
            if self.pool
            else np.zeros((0, 1), np.float32)
        )

    def of(self, claim: Claim) -> list[Claim]:
        """The pool's claims (not yet taken) that report `claim`'s fact; they are taken."""
        ref = claim.sentence.ref
        if ref not in self.vectors or not self.pool:
            return []
        sims = self._matrix @ np.asarray(self.vectors[ref], np.float32)
        named = self.parties_named(claim.sentence.text)
        figures = set(_FIGURE.findall(claim.sentence.text))
        found = []
        for i in np.flatnonzero(sims >= self.threshold):
            other = self.pool[int(i)]
            if (
                other.sentence.doc_id == claim.sentence.doc_id
                or other.sentence.ref in self.taken
                or self.parties_named(other.sentence.text) != named
            ):
                continue
            theirs = set(_FIGURE.findall(other.sentence.text))
            if figures and theirs and figures != theirs:
                continue
            found.append(other)
        self.taken.update(c.sentence.ref for c in found)
        self.taken.add(ref)
        return found
