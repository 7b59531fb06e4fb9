"""Each party's claims, once each, most salient first; and the words that name a speaker.

claims + ranked ─▶ distinct_claims: a sentence the ranker found repeated elsewhere, or one
    that repeats a more salient claim of the same voice, is kept once, the repeats' refs
    in `Claim.also` (every outlet that reports it is credited)
─▶ party_claims: per party, its own claims, most salient first
attributed_text(claim), name_speaker(text, claim): "They claimed" -> "The Afghan Defense
    Ministry claimed"; a sentence without a speaker phrase gets "According to X, ..."
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import replace

from briefer.data import NARRATOR, Claim, RankedSentence, SentenceRef
from briefer.perspectives.aliases import mentions
from briefer.perspectives.frames import VERB_WORDS, find_frame
from briefer.perspectives.neutral import according_to
from briefer.perspectives.profiles import Profile
from briefer.perspectives.quotes import opened_quote, scan_quotes
from briefer.perspectives.roles import ORG_HEADS, head_word, is_pronoun

__all__ = [
    "REPEAT_OVERLAP",
    "relayed",
    "attributed_text",
    "speaker_key",
    "content_words",
    "distinct_claims",
    "is_repeat",
    "name_speaker",
    "party_claims",
]

_ROLE_ONLY = frozenset(
    "the its this that a an ministry spokesman spokeswoman spokesperson official officials"
    " government military army statement group movement authorities office general minister"
    " embassy agency country nation newspaper paper daily channel broadcaster outlet deputy"
    " foreign defence defense interior prime".split()
)

# Words of a speaker's phrase that name no one in particular (besides _ROLE_ONLY).
_NOT_A_NAME = frozenset(
    "armed forces force council affairs mr ms mrs dr president secretary commander chief"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)

# Claims sharing this share of the shorter one's content words say the same thing.
REPEAT_OVERLAP = 0.8
MIN_WORDS = 3
_FILLER = frozenset(
    "that this these those with from they their there which said also have been"
    " were will would about after into over than them".split()
)
_FIGURE = re.compile(r"\d[\d,.]*")
_RELAY_PRONOUN = re.compile(r"^(?:It|They|He|She)(?=\s+(?:also\s+)?(?:quoted|cited)\b)")
_QUOTE_MARK = re.compile(r"[“”\"]")
_PERSON_SUBJECT = re.compile(
    r"(He|She)\s(?=(?:also\s+|then\s+|later\s+)?(?:[a-z]+(?:ed|s)|had|was|would|will)\b)"
)
# A quotation closed by a pronoun frame at the sentence's end: ...,” he said.
_PRONOUN_TAIL = re.compile(r"[”\"]\s*\b(he|she|they|it)\s+[a-z]+\W*$", re.IGNORECASE)
_FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|us|our|Our|my|My)\b")
_POSSESSIVE = re.compile(r"['’]s?$")


def distinct_claims(claims: Sequence[Claim], ranked: Sequence[RankedSentence]) -> list[Claim]:
    """Claims most salient first, each said once.

    A sentence the ranker found repeated in other documents is kept once with their refs in
    `Claim.also`, unless the repeat has another party; then a claim that repeats a more
    salient one of the same party (REPEAT_OVERLAP of the shorter's content words, its
    speaker's name aside, and the same figures) is folded into it, its refs added to the kept
    claim's `also`.
    """
    ordered = _ranker_deduplicated(claims, ranked)
    kept: list[Claim] = []
    words_of: list[set[str]] = []
    holders: dict[tuple[str, str], list[int]] = {}  # (party, word) -> kept claims with it
    extra: dict[int, list[SentenceRef]] = {}
    for claim in ordered:
        words = content_words(claim.sentence.text) - content_words(claim.speaker)
        match = _repeat_of(claim, words, words_of, holders, kept)
        if match is not None:
            extra.setdefault(match, []).extend((claim.sentence.ref, *claim.also))
            continue
        for word in words:
            holders.setdefault((claim.party, word), []).append(len(kept))
        kept.append(claim)
        words_of.append(words)
    return [
        replace(c, also=_unique((*c.also, *extra[i]))) if i in extra else c
        for i, c in enumerate(kept)
    ]


def _repeat_of(
    claim: Claim,
    words: set[str],
    words_of: list[set[str]],
    holders: dict[tuple[str, str], list[int]],
    kept: list[Claim],
) -> int | None:
    shared: dict[int, int] = {}  # only kept claims of the party sharing a word can repeat it
    for word in words:
        for i in holders.get((claim.party, word), ()):
            shared[i] = shared.get(i, 0) + 1
    for i, n in sorted(shared.items()):
        if _overlapping(n, words, words_of[i]) and _same_figures(
            claim.sentence.text, kept[i].sentence.text
        ):
            return i
    return None


def _overlapping(shared: int, a: set[str], b: set[str]) -> bool:
    """REPEAT_OVERLAP of the shorter's content words; all of them, and the same words, when
    it has fewer than MIN_WORDS (one shared name is no repeat)."""
    shorter = min(len(a), len(b))
    if shorter < MIN_WORDS:
        return a == b
    return shared / shorter >= REPEAT_OVERLAP


def speaker_key(speaker: str) -> str:
    """Who a speaker's phrase names, as one word: the last capitalised word that is no
    role or title ("Prime Minister Benjamin Netanyahu", "Mr Netanyahu": "netanyahu";
    "Cambodia's defence ministry": "cambodia"); "" when it names no one."""
    words = (_POSSESSIVE.sub("", w.strip(',.;:()"“”')) for w in speaker.split())
    names = [
        w.lower()
        for w in words
        if w[:1].isupper() and w.lower() not in _ROLE_ONLY and w.lower() not in _NOT_A_NAME
    ]
    return names[-1] if names else ""


def is_repeat(a: str, b: str, ignore: str = "") -> bool:
    """Whether two sentences say the same thing (the rule `distinct_claims` folds by); the
    words of `ignore` (a speaker both name) do not count."""
    skip = content_words(ignore)
    wa, wb = content_words(a) - skip, content_words(b) - skip
    if not wa or not wb:
        return False
    return _overlapping(len(wa & wb), wa, wb) and _same_figures(a, b)


def _same_figures(a: str, b: str) -> bool:
    return set(_FIGURE.findall(a)) == set(_FIGURE.findall(b))


def _unique(refs: Iterable[SentenceRef]) -> tuple[SentenceRef, ...]:
    return tuple(dict.fromkeys(refs))


def _ranker_deduplicated(claims: Sequence[Claim], ranked: Sequence[RankedSentence]) -> list[Claim]:
    by_ref = {c.sentence.ref: c for c in claims}
    order = {r.sentence.ref: i for i, r in enumerate(ranked)}
    duplicate_of: dict[SentenceRef, SentenceRef] = {}
    also: dict[SentenceRef, tuple[SentenceRef, ...]] = {}
    for r in ranked:
        for ref in r.also:
            duplicate_of.setdefault(ref, r.sentence.ref)
        also[r.sentence.ref] = r.also
    out = []
    for claim in claims:
        ref = claim.sentence.ref
        canonical = by_ref.get(duplicate_of.get(ref, ref))
        if canonical is not None and canonical is not claim and canonical.party == claim.party:
            continue
        same_party = tuple(
            a for a in also.get(ref, ()) if a not in by_ref or by_ref[a].party == claim.party
        )
        out.append(replace(claim, also=same_party) if same_party else claim)
    out.sort(key=lambda c: order.get(c.sentence.ref, len(order)))
    return out


def party_claims(claims: Sequence[Claim], profile: Profile) -> dict[str, tuple[Claim, ...]]:
    """Each profile party's own claims (in the order given: most salient first)."""
    return {p.id: tuple(c for c in claims if c.party == p.id) for p in profile.parties}


def content_words(text: str) -> set[str]:
    """The words of `text` that carry its content, lower-cased, a possessive's "'s" cut
    ("army’s" is "army")."""
    words = {_POSSESSIVE.sub("", w.lower()) for w in re.findall(r"[\w'’-]+", text)}
    return {
        w for w in words if (len(w) > 3 or w.isdigit()) and w not in VERB_WORDS and w not in _FILLER
    }


def attributed_text(claim: Claim, names: Container[str] | None = None) -> str:
    """The claim's sentence made readable on its own, naming its speaker.

    A pronoun or bare role as the subject is replaced by the resolved speaker ("They claimed
    ..." -> "The Afghan Defense Ministry claimed ..."; "“...,” she said." -> "“...,”
    Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch, said."); a sentence with no
    speaker phrase of its own gets "According to X, ..." (its first word keeps its capital
    when it is one of `names`, the words the sources capitalise mid-sentence); the
    narrator's is left as it is.
    """
    if claim.party == NARRATOR or not claim.speaker:
        return claim.sentence.text
    return _attributed(relayed(claim), claim.speaker, names)


def relayed(claim: Claim) -> str:
    """The claim's sentence with an opening "It"/"They" that quotes someone named as the
    relay it stands for ("It quoted a government official as ..." -> "Afghanistan-based Tolo
    News quoted a government official as ..."); else the sentence as it is."""
    text = claim.sentence.text
    found = _RELAY_PRONOUN.match(text)
    relays = [c.speaker for c in claim.clauses if c.speaker and not is_pronoun(c.speaker)]
    if not found or not relays:
        return text
    return relays[0][0].upper() + relays[0][1:] + text[found.end() :]


def name_speaker(text: str, claim: Claim, names: Container[str] | None = None) -> str:
    """`text` (the claim's sentence or a rewrite of it) naming the claim's speaker."""
    if claim.party == NARRATOR or not claim.speaker:
        return text
    return _attributed(text, claim.speaker, names)


def _attributed(text: str, speaker: str, names: Container[str] | None = None) -> str:
    frame = find_frame(scan_quotes(text).masked)
    if frame is not None and frame.speaker.lower() in _FIRST_PERSON_SUBJECTS:
        frame = None  # "Now I insist ...”: the speaker's own words, in a quote opened before
    if frame is None:
        if _names(text, speaker):
            return text
        # “... only.” -> According to X, “... only.”
        if _FIRST_PERSON.search(text) and not _QUOTE_MARK.search(text):
            # a sentence inside a quote that opened before it: "We do not want ..." is the
            # speaker's own words, not "According to Asif, we do not want ..."
            text = "“" + text.strip() + "”"
        text = opened_quote(text)
        tail = _PRONOUN_TAIL.search(text)
        if tail is not None:  # “The Thais came to attack us,” he said. -> ..., Mao Phalla said.
            return _put_speaker(text, tail.start(1), tail.end(1), speaker)
        subject = _PERSON_SUBJECT.match(text)
        if subject is not None and head_word(speaker) not in ORG_HEADS:
            # "He mentioned that the fencing ..." -> "The ISPR DG mentioned that ...", not
            # "According to the ISPR DG, he mentioned ..." (not for a body's "he")
            return _put_speaker(text, subject.start(1), subject.end(1), speaker)
        return according_to(speaker, text, names)
    if _names(text, speaker):
        return text  # "It quoted a government official as ...": the speaker is named already
    if _role_only(frame.speaker) and frame.speaker.lower() != speaker.lower():
        return _replace_first(text, frame.speaker, speaker)
    return text


def _names(text: str, speaker: str) -> bool:
    """Whether `text` names `speaker` already: the whole phrase, or the part before its
    appositive ("the head of the department" of "the head of the department, A. Name")."""
    head = speaker.split(",")[0].strip()
    return mentions(text, speaker) or (len(head.split()) >= 3 and mentions(text, head))


def _role_only(phrase: str) -> bool:
    return is_pronoun(phrase) or all(w.lower() in _ROLE_ONLY for w in phrase.split())


def _replace_first(text: str, surface: str, speaker: str) -> str:
    """Put `speaker` in place of the first `surface` outside quotation marks."""
    for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
        if scan_quotes(text[: m.start()]).open_after:
            continue
        return _put_speaker(text, m.start(), m.end(), speaker)
    return according_to(speaker, text)


def _put_speaker(text: str, start: int, end: int, speaker: str) -> str:
    """`text` with `speaker` in place of text[start:end] (a pronoun, a bare role): capitalised
    when it opens the sentence, its appositive closed by a comma before the verb."""
    name = speaker[:1].upper() + speaker[1:] if start == 0 else speaker
    rest = text[end:]
    if "," in speaker and rest[:1].isspace():  # an appositive closes before the verb
        name += ","
    return text[:start] + name + rest
