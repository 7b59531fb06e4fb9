"""Who speaks in a sentence, read from its dependency parse (spaCy, see briefer.nlp).

    reports(doc) -> [Report(speaker="Pakistani security officials", verb="say", depth=0, ...)]

A report is a reporting or stance verb (say, claim, deny, condemn, urge, tell, "according
to", a statement that "reads") with its speaker: the verb's subject, the agent of a passive
("reported by the Azerbaijani side"), the object of "according to", the quoted person of
"quoted as saying", the author of "in a statement by X". Conduits are not speakers: in
"Mujahid told AFP" and "as quoted by AFP" the speaker is Mujahid. Each report carries the
character spans it owns (its speaker, its verb and what the verb reports), so a figure in an
adjunct it does not govern ("Following strikes ..., which left 46 dead, Pakistan defended its
operations") is not the speaker's claim. Which verbs report: report_verbs.py. Knows nothing of
parties: see parties.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.perspectives.report_verbs import (
    DENIAL_LEMMAS,
    STATEMENT_NOUNS,
    is_report_verb,
    saw_report_verb,
    statement_object,
)
from briefer.perspectives.roles import NOBODY
from briefer.perspectives.scope import (
    clause_depth,
    concessive,
    earlier_events,
    negated,
    owned_spans,
    quoted_chars,
    setting,
    spans_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "Reading",
    "Report",
    "introduced_author",
    "read",
    "reports",
]

_SENTENCE_ADVERBS = frozenset(
    "earlier later meanwhile previously separately also now then subsequently".split()
)
_PLACES = frozenset("scene ground area region field front border site spot town city".split())
_AUTHORING = frozenset("make issue release publish post give deliver read send share".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset("who which that whom whose".split())
_CUT_FROM_SPEAKER = frozenset({"relcl", "acl", "advcl"})
# "the Foreign Office as the Taliban interim government ...": not part of who speaks
_NOT_SPEAKER_PREPS = frozenset("as after before during since until despite amid than".split())


@dataclass(frozen=True)
class Report:
    """A speaker and the reporting verb, with character offsets in the sentence's text."""

    speaker: str  # as written: "four security officials", "He", "Zabihullah Mujahid, the ..."
    start: int  # the speaker phrase
    end: int
    verb: str  # the lemma ("say"), or "according to", "in a statement"
    verb_start: int
    depth: int  # clauses between the verb and the main clause (0: the main clause's)
    owned: tuple[tuple[int, int], ...]  # what the speaker asserts, as spans of the sentence
    denial: bool = False
    pronoun: bool = False
    in_quote: bool = False  # the verb sits inside a quotation ("... Pakistan said it would")
    head: str = ""  # the speaker phrase's head noun, lower case ("officials", "ministry")
    where: str = ""  # "In Afghanistan, police said": the place the verb is set in
    negated: bool = False  # "did not say", "have yet to confirm", "declined to comment"
    concessive: bool = False  # in a "while", "although", "if" clause: not what is asserted


def reports(doc: Doc, *, open_quote: bool = False) -> list[Report]:
    """The reports of a parsed sentence, in text order; `open_quote`: a quotation opened in
    an earlier sentence runs on into this one."""
    quoted = quoted_chars(doc.text, open_quote)
    found: dict[int, Report] = {}
    for token in doc:
        report = _report_at(token, quoted)
        if report is not None and report.start >= 0:
            found.setdefault(token.i, report)
    return sorted(found.values(), key=lambda r: r.verb_start)


@dataclass(frozen=True)
class Reading:
    """What attribution needs of one sentence's parse, so the parse itself need not be kept:
    its reports (read as if a quotation did or did not run on into it), whether it judged a
    reporting verb no report, the author a closing colon introduces, the main clause's
    subject (for "what it said" in a subordinate clause), the spans that tell an earlier
    event (scope.earlier_events: no speaker's claim)."""

    closed: tuple[Report, ...]
    opened: tuple[Report, ...]
    judged: bool
    author: str
    subject: str
    earlier: tuple[tuple[int, int], ...] = ()

    def reports(self, open_quote: bool) -> tuple[Report, ...]:
        return self.opened if open_quote else self.closed


def read(doc: Doc) -> Reading:
    """The Reading of a parsed sentence."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
    phrase = ""
    if subject is not None and subject.pos_ != "PRON":
        tokens = [t for t in subject.subtree if t.dep_ not in {"relcl", "acl"}]
        phrase = doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return Reading(
        tuple(reports(doc)),
        tuple(reports(doc, open_quote=True)),
        saw_report_verb(doc),
        introduced_author(doc),
        phrase,
        earlier_events(doc),
    )


def introduced_author(doc: Doc) -> str:
    """Who speaks in what a sentence ending in a colon introduces: "The following is the full
    text of the explanation offered by the Iranian UN mission:" -> "the Iranian UN mission"."""
    if not doc.text.rstrip().endswith(":"):
        return ""
    for token in doc:
        if token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ == "by"):
            author = next((c for c in token.children if c.dep_ == "pobj"), None)
            if author is not None:
                tokens = _speaker_tokens(author)
                return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    for token in doc:
        if token.lemma_.lower() in STATEMENT_NOUNS:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ != "PRON":
                tokens = [t for t in _speaker_tokens(owner) if t.dep_ != "case"]
                return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
            if token.dep_ == "dobj" and token.head.lemma_.lower() in _AUTHORING:
                # "The Supreme Command of the KPA released the following communique:"
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.pos_ != "PRON":
                    tokens = _speaker_tokens(subject)
                    return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return ""


def _report_at(token: Token, quoted: set[int]) -> Report | None:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        to = next(c for c in token.children if c.lower_ == "to")
        target = next((c for c in to.children if c.dep_ == "pobj"), None)
        if target is None:
            return None
        if target.lemma_.lower() in STATEMENT_NOUNS:  # "According to a statement released by X"
            target = _author(target) or target
        clause = token.head if token.head.i != token.i else token
        return _make(target, token, "according to", clause, quoted, owned_root=clause)
    statement = _statement_author(token)
    if statement is not None:
        author, clause = statement
        return _make(author, token, "in a statement", clause, quoted, owned_root=clause)
    if not is_report_verb(token):
        return None
    speaker = _speaker(token)
    if speaker is None or speaker.lower_ in NOBODY:  # "nothing threatens their life"
        return None
    if speaker.idx in quoted and token.idx not in quoted:  # '"... Pathankot attack, " said X'
        outside = [c for c in token.children if c.dep_ in _SUBJECTS and c.idx not in quoted]
        speaker = outside[0] if outside else speaker  # not 'The "Islamic Emirate" said'
    if speaker.lemma_.lower() in STATEMENT_NOUNS:  # "A statement issued by the ministry said"
        speaker = _author(speaker) or speaker
    return _make(speaker, token, token.lemma_.lower(), token, quoted)


def _speaker(verb: Token) -> Token | None:
    """The token heading the speaker phrase of a reporting verb, or None if there is none."""
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    if passive:
        if agent is not None and verb.lemma_.lower() == "claim":
            return None  # "The bombing was claimed by ...": responsibility, a deed
        if verb.lemma_.lower() == "quote":  # "Mujahid was quoted (by RIA) as saying"
            return next((c for c in children if c.dep_ == "nsubjpass"), None)
        if agent is not None:  # "reported by the Azerbaijani side"
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None  # "It was reported that ...", "He is said to have ...": no speaker
    if verb.lemma_.lower() == "quote":  # "AFP quoted Mujahid as saying", "..., quoting ISPR"
        return next((c for c in children if c.dep_ == "dobj"), None)
    if verb.lemma_.lower() == "read":  # "..., reads a message of the ministry"
        return statement_object(verb)
    subjects = [c for c in children if c.dep_ in _SUBJECTS]
    subject = subjects[0] if subjects else None
    if len(subjects) > 1 and subjects[-1].i > verb.i and _after_comma(verb):
        subject = subjects[-1]  # "Pakistani units stationed ..., said Colonel X": the parse
        # took the reported clause's subject for a second one of "said"
    if subject is not None and subject.lower_ in _RELATIVE:
        return _relative_antecedent(verb)  # "a spokesman who said": the noun it is about
    if subject is not None:
        return subject
    if verb.pos_ not in {"VERB", "AUX"}:  # "..., Armenian MoD reports."
        modifiers = [
            c for c in children if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i < verb.i
        ]
        return modifiers[-1] if modifiers else None
    if verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return _speaker(verb.head) if verb.head.i != verb.i else None  # "..., saying that"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.i != verb.head.i:
        return _speaker_of_clause(verb.head.head)  # "elevated its rhetoric by saying ..."
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in STATEMENT_NOUNS:
        author = _author(verb.head)  # "statements by Russian leaders pledging to ..."
        if author is not None:
            return author
    if verb.tag_ == "VBG" and verb.dep_ in {"acl", "advcl", "xcomp"}:
        clause = verb.head  # "sent a message to Afghanistan, strongly condemning ..."
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ in {"VERB", "AUX"} and clause.i != verb.i:
            return _speaker_of_clause(clause)
    return None


def _after_comma(verb: Token) -> bool:
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _speaker_of_clause(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lower_ not in _RELATIVE else None


def _relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause ("... who said ...") is attached to."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return token.head
        token = token.head
    return None


def _statement_author(token: Token) -> tuple[Token, Token] | None:
    """ "In a statement (made) by X, ..." / "In its statement, ...": (X, the clause)."""
    if token.dep_ != "pobj" or token.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    prep = token.head
    if prep.lower_ not in {"in", "through"} or prep.head.i == prep.i:
        return None
    clause = prep.head
    if clause.pos_ not in {"VERB", "AUX"} or is_report_verb(clause):
        return None  # "X said in a statement": the verb's own subject speaks
    if clause.lemma_.lower() in {"speak", "talk", "appear", "say"}:
        return None  # "X spoke in a news conference about ...": X speaks
    author = _author(token)
    return None if author is None else (author, clause)


def _author(statement: Token) -> Token | None:
    """Who made a statement: "X's statement", "a statement (issued) by X", "... from X"."""
    for child in statement.children:
        if child.dep_ == "poss" and child.lower_ not in {"his", "her", "their", "its"}:
            return child
        if child.dep_ == "acl" and child.lemma_.lower() in _AUTHORING:
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    author = next((c for c in grandchild.children if c.dep_ == "pobj"), None)
                    if author is not None:
                        return author
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None and author.lemma_.lower() not in _PLACES:
                return author  # not "reports from the scene"
    return None


def _make(
    speaker: Token,
    verb: Token,
    lemma: str,
    clause: Token,
    quoted: set[int],
    *,
    owned_root: Token | None = None,
) -> Report:
    tokens = _speaker_tokens(speaker)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    text = verb.doc.text[start:end]
    glued = list(re.finditer(r"[a-z]\.(?=[A-Za-z]{2})", text))  # "afghanistan.abbas": two
    if glued:  # sentences the source ran together; the speaker is after the last stop
        start += glued[-1].end()
        text = text[glued[-1].end() :]
    stripped = text.strip(" ,;:")
    start += len(text) - len(text.lstrip(" ,;:"))
    text = stripped
    if owned_root is not None:
        skip = {t.i for t in verb.subtree}  # "according to X" is not part of what X says
        owned = spans_of(verb.doc, [t for t in owned_root.subtree if t.i not in skip])
    else:
        owned = owned_spans(verb, tokens, is_report_verb)
    return Report(
        speaker=text,
        start=start,
        end=start + len(text),
        verb=lemma,
        verb_start=verb.idx,
        depth=clause_depth(clause),
        owned=owned,
        denial=lemma in DENIAL_LEMMAS,
        pronoun=speaker.pos_ == "PRON" and len(tokens) == 1,
        in_quote=verb.idx in quoted,
        head=speaker.lower_,
        where=setting(verb),
        negated=negated(verb),
        concessive=concessive(verb),
    )


def _speaker_tokens(head: Token) -> list[Token]:
    """The speaker phrase: the head's subtree without relative clauses and the like."""
    kept = [head]
    if head.dep_ in {"amod", "compound", "nmod", "poss"} and head.head.pos_ not in {"VERB", "AUX"}:
        kept.extend(  # "Armenian MoD reports": every modifier of the verb taken for a noun
            c
            for c in head.head.children
            if c.dep_ in {"amod", "compound", "nmod", "poss", "det"} and c.i < head.i
        )
    stack = [c for c in head.children if _in_speaker(c)]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if _in_speaker(c))
    return _contiguous(sorted(kept, key=lambda t: t.i), head)


def _in_speaker(token: Token) -> bool:
    if token.dep_ in _CUT_FROM_SPEAKER:
        return False
    if token.dep_ == "advmod" and token.lower_ in _SENTENCE_ADVERBS:
        return False  # "Earlier Georgia said ...": the sentence's adverb, not the speaker's
    return not (token.dep_ == "prep" and token.lower_ in _NOT_SPEAKER_PREPS)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    ids = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]
