"""A neutral narrator: loaded terms stay inside attributed quotes.

The lexicon (`briefer/resources/lexicon/loaded_terms.txt`) lists the terms and their neutral
wording. A narrator sentence that uses one is attributed to the speaker of its source
sentence when it has one ("According to the Afghan Defense Ministry, ..."), else rewritten.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from briefer.data import NARRATOR, Claim, SummarySentence
from briefer.errors import UsageError
from briefer.perspectives.frames import find_frame
from briefer.perspectives.quotes import scan_quotes

__all__ = [
    "Lexicon",
    "according_to",
    "load_lexicon",
    "loaded_terms_in_narration",
    "neutral_text",
    "neutral_voice",
    "reported_by",
    "run_on",
]

_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_COMMON_FIRST = frozenset(
    "the a an this these those that it its there some many most several such one two three"
    " four five six seven eight nine ten at in on after before during as while additionally"
    " however meanwhile separately moreover furthermore notably earlier later instead also"
    " still yet overall initially both all each despite following amid since although though"
    " when because until if under with without by from for over across near around against"
    " among between through throughout within upon today yesterday tonight currently now"
    " recently"
    # pronouns: "They" opens a sentence (or a quote) often enough to be among `names`
    " they he she we you our their his her".split()
)


@dataclass(frozen=True)
class Lexicon:
    """Loaded terms and their neutral wording ("" drops the term)."""

    entries: tuple[tuple[str, str], ...]

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        terms = sorted((t for t, _ in self.entries), key=len, reverse=True)
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def wording(self, term: str) -> str:
        key = re.sub(r"\s+", " ", term.lower())
        return dict(self.entries).get(key, "")

    def find(self, text: str) -> list[str]:
        """Loaded terms used outside quotation marks, lower-cased, in order."""
        outside = _QUOTED.sub(" ", text)
        return [re.sub(r"\s+", " ", m.group().lower()) for m in self.pattern.finditer(outside)]


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The shipped lexicon, or a user's file in the same format."""
    if path is None:
        return _default_lexicon()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"{path}: cannot read the lexicon (give a UTF-8 text file)") from None
    return _parse(text)


@functools.cache
def _default_lexicon() -> Lexicon:
    folder = resources.files("briefer") / "resources" / "lexicon"
    return _parse((folder / "loaded_terms.txt").read_text(encoding="utf-8"))


def _parse(text: str) -> Lexicon:
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        term, _, wording = line.partition("->")
        if term.strip():
            entries.append((re.sub(r"\s+", " ", term.strip().lower()), wording.strip()))
    return Lexicon(tuple(entries))


def _is_narration(sentence: SummarySentence) -> bool:
    """A sentence speaks in the narrator's voice when its text names no speaker."""
    return find_frame(scan_quotes(sentence.text).masked) is None


def loaded_terms_in_narration(
    sentences: Sequence[SummarySentence],
    claims: Sequence[Claim] = (),
    lexicon: Lexicon | None = None,
) -> tuple[str, ...]:
    """Loaded terms a reader would take as the narrator's own words (outside quotes)."""
    lexicon = lexicon or load_lexicon()
    found: list[str] = []
    for sentence in sentences:
        if _is_narration(sentence):
            found.extend(lexicon.find(sentence.text))
    return tuple(found)


def neutral_voice(
    sentences: Sequence[SummarySentence],
    claims: Sequence[Claim],
    lexicon: Lexicon | None = None,
) -> tuple[SummarySentence, ...]:
    """Narrator sentences without loaded terms: attributed to their speaker, or reworded.

    A sentence whose loaded term cannot be dropped without breaking it ("the attack was
    brutal.") and that has no speaker to attribute it to is left out.
    """
    lexicon = lexicon or load_lexicon()
    by_ref = {c.sentence.ref: c for c in claims}
    out: list[SummarySentence] = []
    for sentence in sentences:
        if not _is_narration(sentence) or not lexicon.find(sentence.text):
            out.append(sentence)
            continue
        speaker = _source_speaker(sentence, by_ref)
        if speaker is not None:
            out.append(_attributed(sentence, *speaker))
            continue
        text = _reworded(sentence.text, lexicon)
        if text is not None:
            out.append(replace(sentence, text=text))
    return tuple(out)


def _source_speaker(sentence: SummarySentence, by_ref: dict) -> tuple[str, str] | None:
    for ref in sentence.sources:
        claim = by_ref.get(ref)
        if claim is not None and claim.party != NARRATOR and claim.speaker:
            return claim.speaker, claim.party
    if sentence.party != NARRATOR and sentence.speaker:
        return sentence.speaker, sentence.party
    return None


def _attributed(sentence: SummarySentence, speaker: str, party: str) -> SummarySentence:
    return replace(
        sentence, text=according_to(speaker, sentence.text), speaker=speaker, party=party
    )


def according_to(speaker: str, text: str, names: Container[str] | None = None) -> str:
    """ "According to X, ..." in front of a sentence, keeping proper nouns capitalised; a
    leading connective ("Subsequently, ...") goes, as after "reports that". A speaker that
    opens on a bare role gets its article ("According to the spokesman for the ministry"),
    or, with a name after it, puts the name first ("According to Vagif Dargahli, the
    spokesman for Azerbaijan’s Defense Ministry, ..."); a bare body too ("the Armenian MoD")."""
    if _BARE_ROLE.match(speaker):
        named = _ROLE_THEN_NAME.fullmatch(speaker)
        if named:  # "Spokesman for the Defense Ministry Vagif Dargahli": the name first
            role = named.group("role")
            speaker = f"{named.group('name')}, the {role[0].lower()}{role[1:]},"
        else:
            speaker = "the " + speaker[0].lower() + speaker[1:]
    elif _BARE_BODY.fullmatch(speaker):
        speaker = "the " + speaker  # "Armenian MoD reports" -> "According to the Armenian MoD"
    return f"According to {speaker.rstrip(',')}, {run_on(drop_connective(text.strip()), names)}"


_BARE_BODY = re.compile(
    r"[A-Z][a-z]+(?:an|ani|i|ese|ish)\s+(?:[A-Z][\w-]*\s+){0,2}(?:MoD|MFA|MoFA|Ministry|Army"
    r"|Government|Foreign Office|Defen[cs]e Ministry|Foreign Ministry|ministry|army|government)"
)
# "<role> for <body> <First Last>": the body ends on an office word, two or three capitalised
# words after it are a person's name.
_ROLE_THEN_NAME = re.compile(
    r"(?P<role>.+\b(?:Ministry|Office|Army|Forces|Government|Department|MoD|Command|Defen[cs]e"
    r"|Affairs|Relations))"
    r"\s+(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})"
)
_BARE_ROLE = re.compile(
    r"(?:Spokes(?:man|woman|person)|Head|Director|Chief|Deputy|Minister|Secretary|Commander"
    r"|Representative)\s+(?:of|for|at)\s"
)


def reported_by(outlet: str, text: str, names: Container[str] | None = None) -> str:
    """ "Dawn reports that ..." in front of an outlet's own sentence (its voice, not a fact).

    A leading connective ("Additionally, ...", "Meanwhile, ...") is dropped: it ties the
    sentence to the one before it in its article, and reads wrongly after "reports that"."""
    text = drop_connective(text.strip().lstrip("•·▪►*–—- ").strip())
    return f"{outlet or 'One source'} reports that {run_on(text, names)}"


def drop_connective(text: str) -> str:
    """`text` without a leading connective ("However, Cambodia claims ..." -> "Cambodia
    claims ..."): it ties the sentence to one the brief does not show next to it; nor a list
    item's number or bullet ("1. In the late hours ...", "- The ministry said ...")."""
    text = _LIST_MARK.sub("", text, count=1)
    rest = _CONNECTIVE.sub("", text, count=1)
    if rest == text or not rest:
        return text
    return rest[0].upper() + rest[1:]


_LIST_MARK = re.compile(r"^(?:[-–—•*·]|\(?\d{1,2}[.)])\s+(?=[“\"'‘]?[A-Z])")
_CONNECTIVE = re.compile(
    r"^(?:(?:additionally|moreover|furthermore|meanwhile|also|however|in addition|besides|"
    r"separately|likewise|nevertheless|still|yet|subsequently|thereafter|afterwards),"
    r"|(?:but|and)\b(?!,))\s+(?=\S)",  # "But on Thursday, ...": no comma after "but"
    re.IGNORECASE,
)


def run_on(text: str, names: Container[str] | None = None) -> str:
    """`text` continuing a sentence: its first word loses its capital unless it is a name.

    `names` are the words the sources capitalise in mid-sentence; without them, only common
    first words ("The", "However,") lose their capital.
    """
    first = text.split(maxsplit=1)[0].rstrip(",;:") if text.split() else ""
    if first == "A":  # the article, not a name
        return text[0].lower() + text[1:]
    if not first[:1].isupper() or not first[1:].islower():
        return text
    if first.lower() in _COMMON_FIRST or (names is not None and first not in names):
        return text[0].lower() + text[1:]
    return text


def neutral_text(text: str, lexicon: Lexicon | None = None) -> str | None:
    """A narrator sentence without loaded terms outside quotes: as it is, reworded, or None
    when a term cannot be dropped without breaking the sentence."""
    lexicon = lexicon or load_lexicon()
    if not _is_narration(SummarySentence(text, ())) or not lexicon.find(text):
        return text
    return _reworded(text, lexicon)


def _reworded(text: str, lexicon: Lexicon) -> str | None:
    pieces = []
    last = 0
    for m in _QUOTED.finditer(text):
        pieces.append(_replace_terms(text[last : m.start()], lexicon))
        pieces.append(m.group())
        last = m.end()
    pieces.append(_replace_terms(text[last:], lexicon))
    if any(p is None for p in pieces):
        return None
    new = "".join(p for p in pieces if p is not None)
    new = re.sub(r"[ \t]{2,}", " ", new)
    new = re.sub(r" ([,.;:!?])", r"\1", new).strip()
    return new[:1].upper() + new[1:] if new else None


_PREDICATE = re.compile(r"^\s*(?:[,.;:!?]|and\b|or\b|but\b|$)", re.IGNORECASE)


def _replace_terms(segment: str, lexicon: Lexicon) -> str | None:
    out = []
    last = 0
    for m in lexicon.pattern.finditer(segment):
        wording = lexicon.wording(m.group())
        if not wording and _PREDICATE.match(segment[m.end() :]):
            return None  # "was brutal." cannot lose its adjective
        if wording and m.group()[:1].isupper():
            wording = wording[:1].upper() + wording[1:]
        out.append(segment[last : m.start()])
        out.append(wording)
        last = m.end()
    out.append(segment[last:])
    if not last:
        return segment
    new = re.sub(r"[ \t]{2,}", " ", "".join(out))
    new = re.sub(r"\b([Aa]) (?=[aeiouAEIOU])", r"\1n ", new)
    return re.sub(r"\b([Aa])n (?=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])", r"\1 ", new)
