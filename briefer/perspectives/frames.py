"""Where a sentence names its speaker: reporting verbs, "according to", quotes.

Works on one sentence at a time and knows nothing about parties: it returns the speaker
phrase as written ("the ministry", "He", "four security officials") and leaves resolving it
to `attribute`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefer.perspectives.quotes import QUOTE_MARK
from briefer.perspectives.roles import NOBODY, is_pronoun

_VERBS = (
    "say says said stated state states claim claimed claims condemn condemned condemns urge urged"
    " urges deny denied denies assert asserted asserts report reported reports accuse accused"
    " accuses added adds told tells warn warned warns insist insisted insists allege alleged"
    " alleges announce announced announces confirm confirmed confirms indicated indicates"
    " commented noted notes argue argued argues maintain maintained maintains explained explains"
    " declared declares acknowledged acknowledges reject rejected rejects refuted refutes vowed"
    " vows threatened threatens demanded demands tweeted tweets wrote writes posted charged"
    " emphasized emphasised emphasizes stressed stresses blamed blames dismissed dismisses"
    " disputed called calls suggested suggests believe believed believes estimated revealed"
    " reveals admitted admits promised promises pledged pledges cautioned replied responded"
    " countered recalled predicted predicts observed contended contends alleging underlined"
    " underscored specified expressed justified reiterated clarified quoted"
)
VERB_WORDS = frozenset(_VERBS.split())
DENIAL_WORDS = frozenset(
    "deny denied denies reject rejected rejects refuted refutes refute dismissed dismisses"
    " disputed disputes contested contests".split()
)
# Forms that are also plural nouns ("the claims", "media reports"): need a clause after them.
_NOUN_LIKE = frozenset(
    "claims reports states notes calls demands vows pledges promises tweets state report claim"
    " believe".split()
)
# Their bare forms report only after a plural subject ("officials report that", "they
# claim"), an auxiliary or "to"; after a singular one they are nouns ("the UN report that").
_BARE_NOUN_LIKE = frozenset("report claim".split())
_PLURAL_SUBJECTS = frozenset(
    "they we i you media police people military authorities to will would could should may"
    " might must can did do does not also".split()
)
_CLAUSE_START = frozenset(
    "that the a an this these those its his her their he she they it we pakistan afghanistan"
    " islamabad kabul there".split()
)
# Past participles that are often adjectives ("several alleged hideouts").
_NEEDS_CLAUSE = frozenset("alleged reported estimated believed suggested predicted".split())
_PASSIVE = frozenset("is was were are been be being".split())
# Adverbs between the auxiliary and the verb: "It's also reported that ..." is a passive.
_IN_PASSIVE = frozenset("also further now earlier previously reportedly widely".split())
# Answering verbs report speech only with a clause or a quote after them.
_ANSWERS = frozenset("respond responds responded reply replies replied".split())
# "The toll remained disputed": after a linking verb the word is an adjective, not a report.
_LINKING = frozenset(
    "remain remains remained remaining seem seems seemed appear appears appeared become becomes"
    " became stay stays stayed look looks looked prove proves proved get gets got".split()
)
_DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
_SUBORDINATORS = frozenset(
    "when after since because while although though if before until as once unless where"
    " whereas whether than so".split()
)
_RELATIVES = frozenset("who which whose whom that".split())
_PREPOSITIONS = frozenset(
    "in on at during after before following despite amid amidst with by for from of to over"
    " under about against into through within without between among upon".split()
)
_ADVERBS = frozenset(
    "however meanwhile also now separately later earlier instead yet still then too again"
    " moreover further furthermore additionally notably indeed but and so thus hence".split()
)
_AUX_BEFORE_VERB = frozenset(
    "has have had also later earlier further repeatedly previously routinely consistently again"
    " then quickly immediately publicly strongly flatly categorically reportedly allegedly would"
    " will could may might did does do not never had often recently swiftly angrily firmly"
    " once long has".split()
)
_FINITE = frozenset("is was were are has have had will would can could".split())
_PARTICIPLE = re.compile(r"^(?:[a-z]+ing|asked|reached|contacted|quoted|interviewed)$")
_WORD = re.compile(r"[\w\u0001][\w'’-]*")
_ACCORDING = re.compile(
    r"\baccording\s+to\s+([^,;:.\u0001]+(?:\.[A-Z]\.?)*[^,;:.\u0001]*)", re.IGNORECASE
)
_NP_CUT = re.compile(
    r"\s(?:who|which|that|whose|in\s+a|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)|as\s+saying|speaking|because)\b.*$",
    re.IGNORECASE,
)
_QUOTED_AS = re.compile(
    r"(.{2,80}?)\s+(?:was|were)\s+quoted\s+as\s+(?:saying|telling)", re.IGNORECASE
)
_STATEMENT = re.compile(
    r"^(.{2,80}?)\s+(?:issued|released|put\s+out)\s+a\s+statement", re.IGNORECASE
)
_MAX_SUBJECT_WORDS = 12


@dataclass(frozen=True)
class Frame:
    """The speaker phrase of a sentence, as written, and how it was found."""

    speaker: str
    kind: str  # "verb", "inverted", "according", "quoted-as", "statement"
    verb: str = ""
    start: int = -1  # where the speaker phrase starts in the masked text
    verb_start: int = -1  # where the reporting verb (or "according to") starts


NameAtEnd = Callable[[str], "str | None"]


def find_frame(masked: str, name_at_end: NameAtEnd | None = None) -> Frame | None:
    """The first attribution of the masked sentence, or None for the narrator's voice.

    `name_at_end(text)` returns a known speaker's name that ends `text`, if any: it rescues
    subjects buried after noise ("... government.army spokesman maj. Gen. Athar abbas said").
    """
    candidates = [f for f in (_according(masked), _verb_frame(masked, name_at_end)) if f]
    for pattern, kind in ((_QUOTED_AS, "quoted-as"), (_STATEMENT, "statement")):
        m = pattern.search(masked)
        if m:
            subject = _subject(m.group(1), name_at_end)
            if subject and subject[0]:
                candidates.append(Frame(subject[0], kind, "", subject[1], m.end(1)))
    if not candidates:
        return None
    return min(candidates, key=lambda f: f.start)


def later_frames(masked: str, after: int) -> list[Frame]:
    """Denials after position `after` ("..., a claim that Kabul has refuted")."""
    frames = []
    for m in _verb_matches(masked):
        if m.start() <= after or m.group().lower() not in DENIAL_WORDS:
            continue
        before = masked[: m.start()]
        tail = re.split(
            r"(?:,|;|\bbut\b|\bwhile\b|\bwhereas\b|\ba\s+claim\b|\bclaims?\b|"
            r"\ballegations?\b|\bcharges?\b|\baccusations?\b|\bwhich\b|\bthat\b)",
            before,
            flags=re.IGNORECASE,
        )[-1]
        words = _strip_aux(tail.split())
        lowered = {w.lower() for w in words}
        if 0 < len(words) <= 8 and not (_FINITE | _PASSIVE | _LINKING) & lowered:
            frames.append(Frame(" ".join(words), "verb", m.group().lower(), m.start(), m.start()))
    return frames


def _according(masked: str) -> Frame | None:
    m = _ACCORDING.search(masked)
    if not m:
        return None
    phrase = _NP_CUT.sub("", m.group(1)).strip()
    words = phrase.split()[:_MAX_SUBJECT_WORDS]
    if not words:
        return None
    return Frame(" ".join(words), "according", "according to", m.start(1), m.start())


def _verb_matches(masked: str) -> list[re.Match]:
    return [
        m
        for m in _WORD.finditer(masked)
        if m.group().lower() in VERB_WORDS
        or (m.group().lower() in _POINTED and _OUT.match(masked, m.end()))  # "it pointed out"
    ]


_POINTED = frozenset("point points pointed pointing".split())
_OUT = re.compile(r"\s+out\b(?!\s+of\b)")


def _verb_frame(masked: str, name_at_end: NameAtEnd | None) -> Frame | None:
    for m in _verb_matches(masked):
        verb = m.group().lower()
        before = masked[: m.start()].rstrip()
        after_words = masked[m.end() :].split()
        nxt = after_words[0].lower().strip(",.:;") if after_words else ""
        prev_words = [w for w in before.split() if w.lower() not in _IN_PASSIVE]
        prev = prev_words[-1].lower() if prev_words else ""
        if not _verb_usable(verb, prev, nxt, after_words):
            continue
        subject = _subject(before, name_at_end)
        if subject is None:
            np = _inverted_subject(masked[m.end() :])
            if np:
                return Frame(np, "inverted", verb, m.end(), m.start())
            continue
        if subject[0]:
            return Frame(subject[0], "verb", verb, subject[1], m.start())
    return None


def _verb_usable(verb: str, prev: str, nxt: str, after_words: list[str]) -> bool:
    if prev in _PASSIVE or prev in _LINKING or prev in _DETERMINERS or prev.endswith("'s"):
        return False
    if prev in NOBODY:  # "nothing threatens their lives"
        return False
    if nxt == "by":
        return False
    if verb in {"called", "calls"} and nxt not in {
        "for",
        "on",
        "it",
        "him",
        "her",
        "them",
        "the",
        "this",
        "that",
        "a",
    }:
        return False
    if verb in _NOUN_LIKE and nxt not in _CLAUSE_START and not nxt.startswith(QUOTE_MARK):
        return False
    if verb in _BARE_NOUN_LIKE and not (prev.endswith("s") or prev in _PLURAL_SUBJECTS):
        return False  # "follows the UN report that exposed ...": a noun after a singular
    window = " ".join(after_words[:3]).lower()
    if verb.startswith("claim") and re.match(r"(?:the\s+)?(?:\S+\s+)?lives?\b", window):
        return False
    if verb in _NEEDS_CLAUSE and nxt not in _CLAUSE_START and not nxt.startswith(QUOTE_MARK):
        return False
    if verb in _ANSWERS and nxt and nxt not in _CLAUSE_START and not nxt.startswith(QUOTE_MARK):
        return False  # "responded in self-defence only": a deed; "responded: “...”" reports
    if verb == "expressed" and nxt not in {
        "hope",
        "concern",
        "regret",
        "confidence",
        "doubt",
        "doubts",
        "anger",
        "support",
        "sympathy",
        "optimism",
    }:
        return False
    return True


def _inverted_subject(after: str) -> str:
    """ "..., said the official.": a short noun phrase after the verb ends the clause."""
    m = re.match(r"\s*([^,;:.\u0001]+?)\s*(?:[,;:.]|\u0001|$)", after)
    if not m:
        return ""
    words = m.group(1).split()
    apposition = re.match(r",\s*((?:a|an|the)\s[^,;:.\u0001]+?)\s*[.]?\s*$", after[m.end(1) :])
    if apposition and len(apposition.group(1).split()) <= 8:
        words = [*words[:-1], words[-1] + ",", *apposition.group(1).split()] if words else words
    if not words or len(words) > 10 or words[0].lower() in _PREPOSITIONS | _RELATIVES | {"it"}:
        return ""
    if _has_verb(words):
        return ""
    return " ".join(words)


_SEPARATORS = re.compile(rf"[^,;:—–(){QUOTE_MARK}]+")


def _subject(before: str, name_at_end: NameAtEnd | None = None) -> tuple[str, int] | None:
    """The subject of a reporting verb from the text before it.

    None: no subject before the verb (try "said the official"). ("", -1): the verb sits in a
    subordinate clause, or the text before it is no noun phrase.
    """
    words = before.split()
    kept = _strip_aux(list(words))
    if len(kept) < len(words):  # "X, who ..., has said": drop the auxiliaries first
        before = before[: _nth_word_end(before, len(kept))]
    stripped = before.rstrip()
    if not stripped:
        return None
    segments = [(m.start(), m.group()) for m in _SEPARATORS.finditer(before)]
    trailing = stripped.endswith((",", ";", ":", "—", "–", QUOTE_MARK))
    phrases: list[tuple[int, list[str]]] = []
    for offset, segment in reversed(segments):
        words = segment.split()
        while words and words[0].lower().strip(".") in _ADVERBS:
            words = words[1:]
        if not words:
            if phrases:
                break
            continue
        first = words[0].lower()
        if (
            not phrases
            and not trailing
            and len(words) > 1
            and is_pronoun(words[-1])
            and words[-2].lower() not in _SUBORDINATORS | _ADVERBS | _RELATIVES
        ):
            return (words[-1], offset + segment.rfind(words[-1]))  # "when pressed, she said"
        if first in _RELATIVES or _PARTICIPLE.match(first) or first in _PREPOSITIONS:
            if phrases:
                break
            continue  # a relative clause, a participle or a time phrase: look further back
        if first in _SUBORDINATORS:
            if phrases:
                break
            return ("", -1)
        if trailing or phrases:
            if _has_verb(words) or len(words) > 10:
                break
        phrases.append((offset + segment.find(words[0]), words))
        if not trailing or len(phrases) == 2:
            break
    if not phrases:
        if trailing:
            return None
        return _name_at_end(segments[-1][1], segments[-1][0], name_at_end) if segments else ("", -1)
    phrases.reverse()
    offset = phrases[0][0]
    words = _clean_subject(phrases[-1][1])
    if words is None:
        last_offset, last_words = phrases[-1]
        return _name_at_end(" ".join(last_words), last_offset, name_at_end) or ("", -1)
    if len(phrases) == 2:
        words = [*phrases[0][1], ",", *words]
    return (" ".join(words).replace(" ,", ","), offset)


def _name_at_end(text: str, offset: int, name_at_end: NameAtEnd | None) -> tuple[str, int] | None:
    if name_at_end is None:
        return None
    name = name_at_end(text.rstrip())
    if not name:
        return None
    return (name, offset + text.rstrip().rfind(name))


def _nth_word_end(text: str, n: int) -> int:
    if n == 0:
        return 0
    return [m.end() for m in re.finditer(r"\S+", text)][n - 1]


def _clean_subject(words: list[str]) -> list[str] | None:
    words = _strip_aux(words)
    lowered = [w.lower() for w in words]
    if any(w in _SUBORDINATORS for w in lowered[1:]):
        return None
    for i in range(len(lowered) - 1, 0, -1):
        if lowered[i] in _RELATIVES:
            rest = words[i + 1 :]
            if rest and (rest[0].lower() in _DETERMINERS or rest[0][:1].isupper()):
                words = rest  # "strikes that Afghan officials said": the object relative
            else:
                words = words[:i]
            break
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    if _FINITE.intersection(w.lower() for w in words) or words[-1].lower() in _DETERMINERS:
        return None
    return words


_NAMES_IN_ED = frozenset(
    "ahmed mohammed muhammed hamed saeed javed rasheed naveed zahed khaled"
    " mahmed junaid fareed majeed hameed waheed".split()
)
_COMMON_VERBS = frozenset(
    "is was were are has have had will would killed kill hit struck left"
    " took made came went died dies kills says told".split()
)
_AFTER_PARTICIPLE = frozenset("in at by near on from across inside outside".split())


def _has_verb(words: list[str]) -> bool:
    for i, w in enumerate(words):
        lw = w.lower().strip(".,")
        if lw in _COMMON_VERBS:
            return True
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if (
            lw.endswith("ed")
            and len(lw) > 4
            and lw not in _NAMES_IN_ED
            and not w[:1].isupper()
            and nxt not in _AFTER_PARTICIPLE
        ):
            return True
    return False


def _strip_aux(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _AUX_BEFORE_VERB:
        words = words[:-1]
    return words
