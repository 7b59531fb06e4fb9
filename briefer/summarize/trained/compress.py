"""Compression by deleting whole syntactic units of a sentence's spaCy parse.

    candidates(doc)        the deletable units: datelines, parentheticals, appositives,
                           non-restrictive relative clauses, trailing participial clauses,
                           leading adverbials, "according to X" / "X reported" tails
    unit_features(...)     what the deletion scorer reads about one unit
    delete(doc, units)     the sentence without them, commas and the first capital mended

A unit is never offered where deleting it would take away what a sentence asserts: the main
verb, its subject or object, a negation, a speaker or a reporting verb ("said", "told"), a
number's unit or scale ("5 million", "40 percent"), who was killed or wounded or whether
civilians were hit, or the attribution of a claim to anyone
but a news outlet ("According to the Armenian Ministry of Defense, ..." stays; ", Xinhua news
agency reported" may go); nor inside a quotation (a speaker's words are quoted whole or not
at all). So every compression is its sentence
with whole units removed: its words are the source's words, in the source's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["KINDS", "Unit", "candidates", "delete", "unit_features"]

KINDS = (
    "dateline",
    "parenthetical",
    "appositive",
    "relative",
    "participial",
    "adverbial",
    "attribution",
)
MIN_LEFT_WORDS = 5  # a compression keeps at least this many words
_DASHES = {"—", "–", "--", "-"}
_REPORTING = {
    "say", "tell", "state", "claim", "announce", "accuse", "deny", "insist", "add",
    "warn", "confirm", "allege", "vow", "threaten", "demand", "urge", "write", "tweet",
    "assert", "argue", "stress", "emphasize", "emphasise", "maintain", "note", "declare",
    "acknowledge", "admit", "reiterate", "contend", "explain", "describe",
}  # fmt: skip
_CORE_DEPS = {
    "nsubj", "nsubjpass", "csubj", "dobj", "obj", "iobj", "dative", "attr", "acomp",
    "xcomp", "ccomp", "aux", "auxpass", "agent", "oprd",
}  # fmt: skip
_CASUALTY = {
    "kill", "die", "death", "dead", "wound", "injure", "injury", "casualty", "martyr", "toll",
    "civilian",
}  # fmt: skip
# A news outlet as the source of an attribution: its report, not a party's claim.
_MEDIA = re.compile(
    r"\b(?:news|agency|agencies|newspaper|daily|television|tv|radio|channel|broadcaster|media"
    r"|press|wire|website|outlet|magazine|reuters|afp|xinhua|bbc|cnn|al jazeera)\b",
    re.IGNORECASE,
)
_CLAUSES = {"ccomp", "advcl", "parataxis"}  # a clause ends at the comma before what follows
_NEGATION = {"not", "n't", "never", "no", "nor", "neither", "without", "none", "nobody"}
_RELATIVE = {"which", "who", "whom", "whose", "where", "when"}
_LIST_WORDS = {"and", "or"}
_DEP_FEATURES = ("appos", "relcl", "advcl", "prep", "advmod", "npadvmod", "acl", "punct")
_ENTITY_FEATURES = ("PERSON", "ORG", "GPE", "NORP", "DATE", "CARDINAL")


@dataclass(frozen=True)
class Unit:
    """Tokens [start, end) of a parse, deletable as one piece; `kind` is one of KINDS."""

    kind: str
    start: int
    end: int


def candidates(doc: Doc) -> list[Unit]:
    """The deletable units of `doc` (one sentence), not overlapping, in order."""
    found: list[Unit] = []
    found += _dateline(doc)
    found += _parentheticals(doc)
    if _verb_rooted(doc):  # else the parse is wrong and its clauses with it
        for token in doc:
            unit = _unit_of(doc, token)
            if unit is not None:
                found.append(unit)
        found += _reported_tail(doc)
    kept: list[Unit] = []
    words = _words(doc, 0, len(doc))
    quoted = _quoted(doc)
    subjectless = _subjectless(doc)
    for unit in sorted(found, key=lambda u: (u.start, -u.end)):
        if kept and unit.start < kept[-1].end:
            continue  # inside (or across) a unit already offered
        if any(quoted[unit.start : unit.end]):
            continue  # a quotation is the speaker's words: cut, it would misquote them
        if unit.kind not in ("attribution", "dateline") and _protected(doc, unit.start, unit.end):
            continue
        if unit.kind == "appositive" and any(
            v.left_edge.i <= unit.start and unit.end <= v.i for v in subjectless
        ):
            continue  # the "appositive" before a verb without a subject: the subject lost
        if _attributes(doc, unit) and not _MEDIA.search(doc[unit.start : unit.end].text):
            continue  # a party's or an official's claim would read as a fact without it
        if words - _words(doc, unit.start, unit.end) < MIN_LEFT_WORDS:
            continue
        kept.append(unit)
    return kept


def _attributes(doc: Doc, unit: Unit) -> bool:
    """Whether the unit says whose claim the sentence is: an "according to X" or "X reported"
    unit, or a leading adverbial that opens with "According to"."""
    return unit.kind == "attribution" or any(
        t.lower_ == "according" for t in doc[unit.start : min(unit.end, unit.start + 2)]
    )


def _quoted(doc: Doc) -> list[bool]:
    """Per token: inside a quotation (between its marks, the marks included)."""
    out, inside = [], False
    for token in doc:
        text = token.text
        if text in ("\u201c", "\u201d") or text == '"' or text == "``" or text == "''":
            opening = text in ("\u201c", "``") or (text == '"' and not inside)
            out.append(True)
            inside = opening
            continue
        out.append(inside)
    return out


def _verb_rooted(doc: Doc) -> bool:
    """A sentence's root is its main verb; a noun at the root is a misparse ("The forces
    stationed in ..., using weapons and mortars subjected to fire ..." took the real main
    verb for part of a participial clause)."""
    return any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in doc)


def _subjectless(doc: Doc) -> list[Token]:
    """The finite verbs heading the sentence or a clause it reports that have no subject: the
    parse took the subject for something else ("..., on the China-India border, the Indian
    military, reneging on its commitments, crossed the LAC": the military as the border's
    appositive)."""
    return [
        t
        for t in doc
        if t.dep_ in ("ROOT", "ccomp")
        and t.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in _SUBJECT_DEPS for c in t.children)
    ]


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


def _words(doc: Doc, start: int, end: int) -> int:
    return sum(1 for t in doc[start:end] if not t.is_punct)


def _dateline(doc: Doc) -> list[Unit]:
    """ "ISLAMABAD (Reuters) —", "PESHAWAR, Pakistan --": a place (capitals, proper nouns or
    an outlet in parentheses) before a free-standing dash, within the first 10 tokens."""
    for i, token in enumerate(doc[:10]):
        if token.text not in _DASHES or i == 0:
            continue
        if token.text == "-" and not (doc[i - 1].whitespace_ and token.whitespace_):
            return []  # a hyphen ("ballot-harvesting", "Jean-Yves")
        head = doc[:i]
        place = all(t.pos_ in ("PROPN", "PUNCT") or t.is_upper for t in head)
        outlet = any(t.text == "(" for t in head) and any(t.text == ")" for t in head)
        if (place or outlet) and not any(t.pos_ in ("VERB", "AUX") for t in head):
            return [Unit("dateline", 0, i + 1)]
        return []
    return []


def _parentheticals(doc: Doc) -> list[Unit]:
    units, opened = [], None
    for i, token in enumerate(doc):
        if token.text in ("(", "[") and opened is None:
            opened = i
        elif token.text in (")", "]") and opened is not None:
            if i - opened > 1:
                units.append(Unit("parenthetical", opened, i + 1))
            opened = None
    return units


def _span(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _before_comma(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].text == ","


def _closed(doc: Doc, end: int) -> bool:
    """The unit ends at a comma or at the sentence's final punctuation."""
    if end >= len(doc):
        return True
    nxt = doc[end]
    if nxt.text == ",":
        return not (end + 1 < len(doc) and doc[end + 1].lower_ in _LIST_WORDS)
    return nxt.is_punct and all(t.is_punct for t in doc[end:])


def _past_comma(doc: Doc, end: int) -> int:
    """A mid-sentence unit takes its closing comma with it (its opening one is in it)."""
    return end + 1 if end < len(doc) and doc[end].text == "," else end


def _at_end(doc: Doc, end: int) -> bool:
    return all(t.is_punct for t in doc[end:])


def _unit_of(doc: Doc, token: Token) -> Unit | None:
    start, end = _span(token)
    dep = token.dep_
    if dep == "appos" and _before_comma(doc, start) and _closed(doc, end):
        if end < len(doc) and doc[end].lower_ in _LIST_WORDS:
            return None
        return Unit("appositive", start - 1, _past_comma(doc, end))
    if dep == "relcl" and _before_comma(doc, start) and doc[start].lower_ in _RELATIVE:
        if _closed(doc, end):
            return Unit("relative", start - 1, _past_comma(doc, end))
    if (
        dep in ("advcl", "acl", "xcomp")
        and token.tag_ in ("VBG", "VBN")
        and token.i == start
        and _before_comma(doc, start)
        and _at_end(doc, end)
        and token.head.i < start
    ):
        return Unit("participial", start - 1, end)
    if (
        token.head.dep_ == "ROOT"
        and dep in ("prep", "advmod", "advcl", "npadvmod", "obl")
        and start == _first_word(doc)
        and end < len(doc)
        and doc[end].text == ","
        and token.head.i > end
    ):
        return Unit("adverbial", start, end + 1)
    if (
        dep == "prep"
        and token.lower_ == "according"
        and _before_comma(doc, start)
        and (_at_end(doc, end) or _closed(doc, end))
    ):
        return Unit("attribution", start - 1, end)
    return None


def _first_word(doc: Doc) -> int:
    """The first token after a dateline (or 0)."""
    dateline = _dateline(doc)
    return dateline[0].end if dateline else 0


def _reported_tail(doc: Doc) -> list[Unit]:
    """ ", the Associated Press reported." where "reported" is the root after its clause."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "report" or not _at_end(doc, root.i + 1):
        return []
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    clause = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    if len(subjects) != 1 or not clause:
        return []
    start = subjects[0].left_edge.i
    if not _before_comma(doc, start) or subjects[0].pos_ not in ("PROPN", "NOUN"):
        return []
    return [Unit("attribution", start - 1, root.i + 1)]


def _protected(doc: Doc, start: int, end: int) -> bool:
    """Whether [start, end) holds what the sentence asserts (see the module docstring)."""
    inside = range(start, end)
    for token in doc[start:end]:
        if token.dep_ == "ROOT" or token.dep_ == "neg" or token.lower_ in _NEGATION:
            return True
        if token.lemma_.lower() in _CASUALTY:
            return True  # who was killed, wounded or hit among civilians: a brief's core
        if token.dep_ in _CORE_DEPS and token.head.dep_ == "ROOT":
            return True
        if token.lemma_ in _REPORTING and token.pos_ == "VERB":
            return True
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in _REPORTING:
            if token.head.i not in inside:
                return True  # the speaker of a reporting verb outside the unit
        if token.like_num and token.head.i not in inside:
            return True  # a number whose unit or scale stays
        if any(c.like_num and c.i not in inside for c in token.children):
            return True  # a unit or scale whose number stays
    return False


def delete(doc: Doc, units: Iterable[Unit]) -> str:
    """`doc`'s text without `units`, its commas and first capital mended."""
    gone = np.zeros(len(doc), dtype=bool)
    for unit in units:
        gone[unit.start : unit.end] = True
        if _keeps_comma(doc, unit):
            gone[unit.end - 1] = False
    kept = [t for t in doc if not gone[t.i]]
    if not gone.any():
        return doc.text.strip()
    pieces: list[str] = []
    for t in kept:
        if t.text == "," and (not pieces or pieces[-1].rstrip().endswith((",", ";", ":"))):
            continue  # no leading or doubled comma
        if pieces and t.i > 0 and gone[t.i - 1]:
            pieces[-1] = pieces[-1].rstrip() + ("" if _no_space_before(t) else " ")
        pieces.append(t.text_with_ws)
    text = "".join(pieces).strip()
    text = re.sub(r"\s*,\s*([.!?;:])", r"\1", text)  # ", ." left by a final unit
    text = re.sub(r"\s+([,.!?;:])", r"\1", text)
    if gone[0] or (doc[0].is_upper is False and text[:1].islower() and doc.text[:1].isupper()):
        text = text[:1].upper() + text[1:]
    return text


def _keeps_comma(doc: Doc, unit: Unit) -> bool:
    """Whether a mid-sentence unit's closing comma stays: it brackets the unit ("The strikes,
    which killed five, were condemned") unless it also ends the clause the unit closes
    ("Kabul condemned the strikes, which killed five, the spokesman said" keeps ", the
    spokesman said")."""
    start, end = unit.start, unit.end
    if not (0 < start and end < len(doc) and doc[start].text == "," and doc[end - 1].text == ","):
        return False
    inside = range(start, end)
    if any(t.lemma_ in _REPORTING and t.pos_ == "VERB" for t in doc[end:]):
        speaker = [
            t for t in doc[end:] if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in _REPORTING
        ]
        if any(t.left_edge.i == end for t in speaker):
            return True  # the speaker follows: ", Zabihullah Mujahid said"
    roots = [t for t in doc[start:end] if t.head.i not in inside and not t.is_punct]
    node = roots[0].head if roots else None
    while node is not None and node.right_edge.i < end:
        if node.dep_ in _CLAUSES:
            return True
        if node.head is node:
            break
        node = node.head
    return False


def _no_space_before(token: Token) -> bool:
    return token.is_punct and token.text in {",", ".", "!", "?", ";", ":", ")", "'s"}


def unit_features(doc: Doc, unit: Unit, salient: set[str]) -> np.ndarray:
    """The deletion scorer's features of `unit` in `doc`: kind, size and place, syntax,
    entities, and how much of its content the run's salient sentences share (`salient`:
    their lower-cased content words)."""
    n = max(1, len(doc))
    span = doc[unit.start : unit.end]
    words = [t for t in span if not t.is_punct]
    content = [t.lower_ for t in words if not t.is_stop]
    heads = [t for t in span if t.head.i < unit.start or t.head.i >= unit.end]
    head_dep = heads[0].dep_ if heads else ""
    ents = {e.label_ for e in doc.ents if e.start >= unit.start and e.end <= unit.end}
    row = [float(unit.kind == k) for k in KINDS]
    row += [
        np.log1p(len(words)) / 3,
        len(words) / n,
        unit.start / n,
        unit.end / n,
        float(unit.start == 0),
        float(_at_end(doc, unit.end)),
        float(any(t.like_num for t in span)),
        float(any(t.text in {'"', "\u201c", "\u201d"} for t in span)),
        (sum(w in salient for w in content) / len(content)) if content else 0.0,
        float(not content),
    ]
    row += [float(head_dep == d) for d in _DEP_FEATURES]
    row += [float(label in ents) for label in _ENTITY_FEATURES]
    return np.array(row, dtype=np.float32)


def content_words(texts: Sequence[str]) -> set[str]:
    """Lower-cased words of `texts` that are not stop words, for `unit_features`."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for text in texts for w in re.findall(r"\w+", text.lower()) if w not in STOP_WORDS}
