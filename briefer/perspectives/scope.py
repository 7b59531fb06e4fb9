"""What a report covers in its sentence: the spans its speaker owns, how deep its verb sits,
whether it is negated or concessive, where it is set, which characters are quoted.

    owned_spans(verb, speaker_tokens) -> ((0, 41), (48, 97))   # subject, verb, complements

A speaker owns its verb, its subject and what the verb reports (complements, a "saying ..."
clause, coordinated reporting verbs), not the verb's adjuncts: "Following airstrikes ...,
which left 46 dead, Pakistan defended its operations": the figure is not Pakistan's claim.
Nor does it own what a "following ..." or "after ..." phrase tells of an earlier event
(`earlier_events`), even inside what it reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "NAMING_VERBS",
    "clause_depth",
    "concessive",
    "earlier_events",
    "negated",
    "owned_spans",
    "quoted_chars",
    "setting",
    "spans_of",
]

_OWNED_DEPS = frozenset("ccomp xcomp dobj attr oprd dative acomp parataxis pcomp".split())
_CLAUSE_DEPS = frozenset("ccomp xcomp advcl relcl acl csubj csubjpass pcomp".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NEGATORS = frozenset("refuse decline fail yet".split())
_STANCE_WHEN_NEGATED = frozenset("confirm verify rule know believe deny accept".split())
# Verbs that call a thing something, with an "as ...": "described the strikes as a violation".
NAMING_VERBS = frozenset("describe label term dub brand characterise characterize denounce".split())
_CONCESSIVE = frozenset("while although though if unless whether whereas".split())
_AFTER = frozenset({"following", "after"})


def owned_spans(
    verb: Token, speaker: list[Token], is_report: Callable[[Token], bool]
) -> tuple[tuple[int, int], ...]:
    """The speaker, the verb and what it reports: its complements, a "saying ..." clause,
    coordinated reporting verbs; not its adjuncts (time, place, "following ...", "after ...")."""
    owned = [*speaker, verb]
    for child in verb.children:
        if child.dep_ in _OWNED_DEPS or child.dep_ in {"neg", "aux", "auxpass", "prt"}:
            owned.extend(child.subtree)
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and is_report(child):
            owned.extend(child.subtree)  # "..., adding that ..."
        elif (
            child.dep_ == "conj"
            and child.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in _SUBJECTS for c in child.children)
        ):
            owned.extend(child.subtree)  # "said X and added Y"
        elif child.dep_ == "prep" and child.lower_ == "as" and _names(verb):
            owned.extend(child.subtree)  # "described the incident as a violation of ..."
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and _names(child):
            owned.extend(child.subtree)  # "Describing the incident as “a violation”, X said"
        elif (
            child.dep_ == "prep"
            and child.lower_ in {"that", "of", "about", "on"}
            and (verb.lemma_.lower() in {"speak", "warn", "accuse", "complain", "inform"})
        ):
            owned.extend(child.subtree)  # "accused Cambodia of aggression"
    if verb.dep_ in {"ROOT", "parataxis"} and _postposed(verb):
        content = verb.head if verb.dep_ == "parataxis" else None
        if content is not None:
            owned.extend(t for t in content.subtree if t.i < verb.i)
    return spans_of(verb.doc, owned)


def earlier_events(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The relative clauses that tell an earlier event inside a "following ..." or
    "after ..." phrase: "summoned the ambassador to denounce the shelling following a spate
    of attacks in Pakistan, including a bombing at a shrine [that left more than 80 people
    dead]": the toll is the bombing's, not the speaker's claim. A clause after "after" as a
    conjunction ("after a rocket hit a store, setting off a fire that killed twelve") tells
    the event itself and is kept."""
    found = []
    for token in doc:
        if token.dep_ != "relcl":
            continue
        node = token.head
        while node.head.i != node.i:
            head = node.head
            if node.dep_ in {"pobj", "dobj"} and head.lower_ in _AFTER and head.dep_ == "prep":
                found.extend(spans_of(doc, token.subtree))
                break
            node = head
    return tuple(found)


def _names(verb: Token) -> bool:
    """A verb that calls a thing something, with its "as ...": "described the strikes as
    a violation", "branded it as aggression"."""
    return verb.lemma_.lower() in NAMING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
    )


def _postposed(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or verb.dep_ == (
        "parataxis"
    )


def negated(verb: Token) -> bool:
    """Not said: "did not say", "declined to comment", "no mention of ..." (but "could not
    confirm" is a stance)."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and any(c.lower_ in {"no", "none"} for c in subject.children):
        return True
    if verb.lemma_.lower() in _STANCE_WHEN_NEGATED:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "without":
        return True  # "..., without saying which sites were hit"
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _NEGATORS | {"have"}:
        return head.lemma_.lower() != "have" or any(c.lower_ == "yet" for c in head.children)
    return False


def concessive(verb: Token) -> bool:
    token = verb
    while token.head.i != token.i:
        if any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in token.children):
            return True
        token = token.head
    return False


def setting(verb: Token) -> str:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "from"} and child.i < verb.i:
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None and place.pos_ == "PROPN":
                return " ".join(t.text for t in place.subtree)
    return ""


def clause_depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        if token.dep_ in _CLAUSE_DEPS:
            depth += 1
        token = token.head
    return depth


def spans_of(doc: Doc | Span, tokens: Iterable[Token]) -> tuple[tuple[int, int], ...]:
    """Character spans covering `tokens`, adjacent tokens merged."""
    spans: list[tuple[int, int]] = []
    last = -2
    for i in sorted({t.i for t in tokens}):
        token = doc[i]
        start, end = token.idx, token.idx + len(token.text)
        if spans and last == i - 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        last = i
    return tuple(spans)


def quoted_chars(text: str, inside: bool = False) -> set[int]:
    """Character offsets inside quotation marks (straight quotes alternate; a quotation
    carried over from an earlier paragraph opens again with its first mark)."""
    out: set[int] = set()
    reopening = inside and text.lstrip()[:1] == '"'
    first = len(text) - len(text.lstrip())
    for i, ch in enumerate(text):
        if reopening and i == first:
            continue
        if ch == "“" or (ch == '"' and not inside):
            inside = True
        elif ch == "”" or (ch == '"' and inside):
            inside = False
        elif inside:
            out.add(i)
    return out
