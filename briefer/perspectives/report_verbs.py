"""Which verbs report speech or a stance, read from a dependency parse (spaCy).

    is_report_verb(token)   "said", "denied", "condemned", "according to"'s verb forms;
                            not "alleged hideouts", "declared an emergency", "accused each
                            other", "remained disputed"
    REPORT_FORMS            every word form of them: sentences with none are never parsed

speakers.py finds who speaks through such a verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.perspectives.scope import NAMING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "DENIAL_LEMMAS",
    "REPORT_FORMS",
    "REPORT_LEMMAS",
    "STATEMENT_NOUNS",
    "is_report_verb",
    "saw_report_verb",
    "statement_object",
]

# Reporting and stance verbs, by lemma: the subject asserts what follows.
REPORT_LEMMAS = frozenset(
    "say tell state claim add confirm deny report accuse warn insist allege announce indicate"
    " comment note argue maintain explain write post charge emphasize emphasise stress blame"
    " dismiss dispute suggest believe estimate reveal admit promise pledge caution reply respond"
    " counter recall predict observe contend underline underscore specify justify reiterate"
    " clarify quote remark condemn urge assert reject refute vow threaten acknowledge demand"
    " declare denounce criticise criticize disclose inform brief highlight question ask cite"
    " mention describe defend hail welcome term call deplore lament slam decry protest"
    " announce name list identify publish release share tweet inform assure retort conclude"
    " agree express label dub summon request touch voice instruct convey point".split()
)
DENIAL_LEMMAS = frozenset("deny reject refute dismiss dispute contest rebut".split())
# Every word form that can be one of them: sentences without any are never parsed.
REPORT_FORMS = frozenset(
    form
    for lemma in REPORT_LEMMAS | DENIAL_LEMMAS
    for form in (
        lemma,
        lemma + "s",
        lemma + "ed",
        lemma + "d",
        lemma + "ing",
        lemma[:-1] + "ing",
        lemma[:-1] + "ied",
        lemma[:-1] + "ies",
        lemma + lemma[-1] + "ed",
        lemma + lemma[-1] + "ing",
    )
) | frozenset(
    "said says told tells wrote written according quoted spoke speaking speaks asked reads read"
    " made clear".split()
)
# Verbs that report only with a clause or a quote after them ("named nine camps" does not).
_NEED_CLAUSE = frozenset(
    "believe suggest express label dub term call describe agree conclude share publish release"
    " cite voice respond reply convey".split()
)
# Objects that make a publishing or naming verb a speech act ("published a video showing").
_SPEECH_OBJECTS = frozenset(
    "statement video footage image images photo photos picture pictures list names evidence"
    " figure figures toll details report message warning post tweet hope concern concerns regret"
    " confidence doubt doubts anger support sympathy optimism condolences outrage dismay"
    " solidarity".split()
)
# Heads of "In a statement by X" / "In its statement": the author speaks for the clause.
STATEMENT_NOUNS = frozenset(
    "statement report post message letter speech address briefing interview tweet release"
    " communique communiqué remarks remark comments comment video notice announcement"
    " conference translation transcript".split()
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_DECLARED_DEEDS = frozenset("emergency state curfew war holiday mourning martial law".split())
_LINKING = frozenset("seem remain appear become stay look prove get be".split())
_LINKING_STEMS = frozenset("seem remain appear becom became stay look prov".split())
_QUOTES = frozenset('"“”')


_DEFENDED_PLACES = frozenset(
    "town city village villages border positions position territory country homeland capital"
    " base bases post posts area region".split()
)


def is_report_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in REPORT_LEMMAS and lemma not in DENIAL_LEMMAS:
        if lemma == "make" and any(c.lower_ == "clear" for c in token.subtree):
            return True  # "He made it clear that ..."
        if lemma == "speak" and any(
            t.dep_ == "prep" and t.lower_ == "about" for t in token.subtree
        ):
            return True
        return lemma == "read" and statement_object(token) is not None
    if lemma == "defend" and any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_.lower() in _DEFENDED_PLACES)
        for c in token.children
    ):
        return False  # "defending Tskhinvali": fighting, not defending a decision
    if token.pos_ not in {"VERB", "AUX"}:
        # "..., Armenian MoD reports.", "Armenia's MoD calls on ...": a verb tagged as a noun
        return (
            token.dep_ == "ROOT"
            and token.lower_.endswith("s")
            and any(
                c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "prep" and c.lower_ in {"on", "for"})
                for c in token.children
            )
        )
    if token.dep_ in {"amod", "compound", "acomp", "oprd"} or (
        token.dep_ in {"xcomp", "ccomp"} and token.head.lemma_.lower() in _LINKING
    ):
        return False  # "alleged hideouts", "the claimed toll", "remained disputed"
    if any(
        c.dep_ == "auxpass" and c.lower_.rstrip("eds") in _LINKING_STEMS for c in token.children
    ):
        return False  # "seemed disputed by everyone"
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and not any(c.dep_ in _SUBJECTS for c in token.children)
    ):
        return False  # "the strikes reported on Tuesday" (not "a claim Kabul has refuted")
    if lemma in _NEED_CLAUSE:
        has_clause = any(c.dep_ in {"ccomp", "xcomp", "oprd", "acomp"} for c in token.children) or (
            lemma in NAMING_VERBS  # "... X as Y": what the speaker calls it
            and token.dep_ == "ROOT"
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
        )  # "The ministry described the incident as an unwarranted escalation."
        has_speech = any(
            c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_OBJECTS for c in token.children
        )
        if not (has_clause or has_speech or _quote_near(token)):
            return False
    if lemma == "call" and not any(c.lower_ in {"for", "on", "upon"} for c in token.children):
        return any(c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} for c in token.children) or any(
            t.text in _QUOTES for t in token.subtree if t.i > token.i
        )  # "called Pakistan's claims “totally false”"
    if lemma == "touch":
        return any(c.lower_ in {"on", "upon"} for c in token.children)
    if lemma == "point":  # "pointed fingers at Afghanistan": blamed it; "..., it pointed out"
        return any(
            (c.dep_ == "dobj" and c.lemma_.lower() == "finger")
            or (c.dep_ == "prt" and c.lower_ == "out")
            for c in token.children
        )
    if lemma == "declare" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _DECLARED_DEEDS for c in token.children
    ):
        return False  # "declared an emergency": a deed
    if lemma in {"respond", "reply"} and any(
        c.lower_ in {"by", "with"} and c.dep_ == "prep" for c in token.children
    ):
        return False  # "responded by shutting the border": a deed
    if _mutual(token):
        return False  # "accused each other": both sides, so neither
    return True


def _mutual(verb: Token) -> bool:
    """ "accused each other", "blamed one another": the verb's own object, not a quote's."""
    near = [
        t
        for c in verb.children
        if c.dep_ not in {"ccomp", "xcomp", "advcl"}
        for t in (c, *c.children)
    ]
    words = {t.lower_ for t in near}
    return (
        "other" in words
        and bool(words & {"each", "one"})
        or "another" in words
        and ("one" in words)
    )


def statement_object(verb: Token) -> Token | None:
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubj"}), None)
    if obj is not None and obj.lemma_.lower() in STATEMENT_NOUNS:
        return obj
    return None


def saw_report_verb(doc: Doc) -> bool:
    """Whether the parse holds a reporting verb's form that it judged no report ("declared
    an emergency", "accused each other", "remained disputed")."""
    return any(
        t.lemma_.lower() in REPORT_LEMMAS and t.pos_ in {"VERB", "AUX"} and not is_report_verb(t)
        for t in doc
    )


def _quote_near(token: Token) -> bool:
    """A quotation right before or after the verb ("“...,” she described.")."""
    doc = token.doc
    window = doc[max(0, token.i - 3) : min(len(doc), token.i + 3)]
    return any(t.text in _QUOTES or t.tag_ in {"``", "''"} for t in window)
