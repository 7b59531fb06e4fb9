"""Who asserts each sentence, and for which party.

    sentences ─▶ those with a reporting cue parsed, in one batch (briefer.nlp)
              ─▶ speakers.reports(parse): the main clause's speaker, what it owns, denials
              ─▶ parties.Resolver: aliases, roles, earlier speakers, the document's context
              ─▶ no speaker of its own: the previous speaker's account carried on, or the
                 narrator (the outlet's own voice)

Speakers carry on within a document only: "They claimed ..." after "the Afghan Defense
Ministry condemned ..." is the ministry's; a sentence in the next document starts afresh.
Sentences the parse finds no speaker in are read by the regex frames (frames.py) as well,
which know a few shapes of preprocessed text (lower-cased, "u.s." cut by the splitter).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefer.data import NARRATOR, OTHER, Claim, Clause, Document, Sentence
from briefer.perspectives.clauses import asserted, other_clauses, owned_spans
from briefer.perspectives.context import DocState, accuser, document_context, outlet_def
from briefer.perspectives.continuation import (
    body_speaks,
    carries_on,
    frames_an_event,
    own_voice_again,
    quote_ended,
    quotes_named_after,
    reads_as_narration,
    recaps,
)
from briefer.perspectives.frames import find_frame, later_frames
from briefer.perspectives.parties import Resolver
from briefer.perspectives.profiles import Profile
from briefer.perspectives.quotes import scan_quotes
from briefer.perspectives.referents import name_at_end
from briefer.perspectives.relays import cited_source, main_report, resolve_report
from briefer.perspectives.report_verbs import REPORT_FORMS
from briefer.perspectives.speakers import Reading, read
from briefer.perspectives.topics import topic_of
from briefer.readers.wrapped import mend_words

if TYPE_CHECKING:
    from briefer.nlp import Parses

__all__ = ["attribute", "document_context", "needs_parse"]

_MIN_QUOTE_WORDS = 3
# "a u.s." at the end: preprocessed, lower-cased text cut by the splitter ("U.S." is not).
_BROKEN_END = re.compile(r"(?:^|\s)(?:[a-z]\.){2,}$")
_WORD = re.compile(r"[A-Za-z]+")
_MIN_FRAGMENT_WORDS = 4
_ONE_VOICE_MIN = 3
_ONE_VOICE_SHARE = 0.7
_BETWEEN_RUN = 4  # narrator sentences between one speaker's that are that speaker's
# "The statement comes a day after the Afghan government alleged ...": a reply to a claim
_STATEMENT_FRAME = re.compile(
    r"^(?:the|this|that|his|her|its|their)\s+(?:\w+\s+)?(?:statement|remarks|comments|response"
    r"|reaction|warning|announcement)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s")
_QUOTE_CHARS = frozenset('"“”')


@dataclass(frozen=True)
class _Found:
    speaker: str
    party: str
    owned: tuple[tuple[int, int], ...] = ()
    clauses: tuple[Clause, ...] = ()
    also: tuple[str, ...] = ()


def attribute(
    sentences: Sequence[Sentence],
    profile: Profile,
    *,
    documents: Sequence[Document] = (),
    parses: Parses | None = None,
) -> tuple[Claim, ...]:
    """One Claim per sentence, in the same order: speaker, party, quote flag, topic, outlet.

    `documents` give each sentence's outlet and the context for anonymous officials (the
    dateline's place, the outlet's home); `parses` is the run's parse cache (briefer.nlp).
    """
    resolver = Resolver(profile)
    by_id = {d.id: d for d in documents}
    by_doc: dict[str, list[Sentence]] = {}
    given = {s.ref: s for s in sentences}
    # Read with the words that print copy broke at a hyphen whole ("a senior of- ficial ...
    # confirmed"), each offset kept; the claims keep the sentences as given.
    sentences = [replace(s, text=mend_words(s.text, same_length=True)) for s in sentences]
    for s in sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    parsed = _parse([s.text for s in sentences if needs_parse(s.text)], parses)
    claims: dict[tuple[str, int], Claim] = {}
    for doc_id, doc_sentences in by_doc.items():
        document = by_id.get(doc_id)
        context = document_context(doc_sentences, profile, document)
        outlet = _outlet_name(document, profile)
        text = document.text if document else ""
        found = _document(doc_sentences, parsed, DocState(context), resolver, text, False)
        if _one_voice(found):  # an article that renders one side's statement: its details
            found = _between_own(
                _document(doc_sentences, parsed, DocState(context), resolver, text, True)
            )
        for claim in found:
            claims[claim.sentence.ref] = replace(
                claim,
                sentence=given[claim.sentence.ref],
                speaker=" ".join(claim.speaker.split()),
                clauses=tuple(
                    replace(c, speaker=" ".join(c.speaker.split())) for c in claim.clauses
                ),
                outlet=outlet or claim.outlet,
            )
    return tuple(claims[s.ref] for s in sentences)


def _document(
    sentences: list[Sentence],
    parsed: dict[str, Reading],
    state: DocState,
    resolver: Resolver,
    text: str,
    one_voice: bool,
) -> list[Claim]:
    """The claims of one document's sentences; `text` is the document's (empty: unknown)."""
    out = []
    for i, sentence in enumerate(sentences):
        prev = sentences[i - 1] if i else None
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        if state.open_quote and prev is not None and quote_ended(text, prev, sentence):
            state.open_quote = False
        out.append(
            _claim(
                sentence, parsed.get(sentence.text), prev, nxt, state, resolver, one_voice=one_voice
            )
        )
    return quotes_named_after(out)


def _between_own(claims: list[Claim]) -> list[Claim]:
    """In a rendered statement, a run of at most _BETWEEN_RUN narrator sentences between two
    sentences of the same speaker is that speaker's too ("There are also wounded
    servicemen." between the ministry's lines), unless it reads as the journalist's recap."""
    out = list(claims)
    spoken = [i for i, c in enumerate(claims) if c.party not in (NARRATOR, OTHER)]
    for a, b in zip(spoken, spoken[1:], strict=False):
        before, after = claims[a], claims[b]
        if (before.speaker, before.party) != (after.speaker, after.party):
            continue
        run = range(a + 1, b)
        if not 0 < len(run) <= _BETWEEN_RUN or any(claims[i].party != NARRATOR for i in run):
            continue
        for i in run:
            if not recaps(claims[i].sentence.text):
                out[i] = replace(claims[i], speaker=before.speaker, party=before.party)
    return out


def _one_voice(claims: list[Claim]) -> bool:
    """Most of the document's attributed sentences are one party's: a statement rendered."""
    parties = [c.party for c in claims if c.party not in (NARRATOR, OTHER)]
    spoken = [c for c in claims if c.party != NARRATOR]
    if len(parties) < _ONE_VOICE_MIN:
        return False
    top = max(set(parties), key=parties.count)
    return parties.count(top) >= _ONE_VOICE_SHARE * len(spoken)


def needs_parse(text: str) -> bool:
    """Whether a sentence has a reporting cue (a reporting verb's form, "according to",
    quotation marks): only those are parsed."""
    if _QUOTE_CHARS.intersection(text) or text.rstrip().endswith(":"):
        return True
    return any(w.lower() in REPORT_FORMS for w in _WORD.findall(text))


def _parse(texts: list[str], parses: Parses | None) -> dict[str, Reading]:
    """The Reading of each text, parsed in batches; the parses are streamed, not kept (at
    1,000 articles they would hold some 350 MB), unless the run's cache has them already."""
    if not texts:
        return {}
    from briefer.nlp import Parses

    cache = parses if parses is not None else Parses()
    unique = list(dict.fromkeys(texts))
    return {t: read(doc) for t, doc in zip(unique, cache.stream(unique, ner=False), strict=True)}


def _outlet_name(document: Document | None, profile: Profile) -> str:
    if document is None:
        return ""
    found = outlet_def(document, profile)
    return found.name if found is not None else document.outlet


def _claim(
    sentence: Sentence,
    parse: Reading | None,
    prev: Sentence | None,
    nxt: Sentence | None,
    state: DocState,
    resolver: Resolver,
    *,
    one_voice: bool = False,
) -> Claim:
    scan = scan_quotes(sentence.text, state.open_quote)
    continuing = state.open_quote
    state.open_quote = scan.open_after
    # A sentence cut after "u.s." by the splitter is read with its neighbour (frames.py).
    broken = (prev is not None and _BROKEN_END.search(prev.text)) or (
        nxt is not None and _BROKEN_END.search(sentence.text)
    )
    found = None
    if broken:
        found, continuing = _from_frames(sentence, prev, nxt, state, resolver, scan, continuing)
    seen = False  # the parse saw a report, and rejected it: the frames do not get a say
    if found is None and parse is not None:
        found, seen = _from_parse(sentence, parse, state, resolver, open_quote=continuing)
    if found is None and not broken and not seen:
        found, continuing = _from_frames(sentence, prev, nxt, state, resolver, scan, continuing)
    if found is None:
        if parse is not None:
            _remember_introduced(sentence, parse, state, resolver)
        follows = state.last is not None and state.last_index == sentence.index - 1
        if _LIST_ITEM.match(sentence.text) and state.last is not None:
            follows = follows or state.last_index == sentence.index - 2  # items of a list
        carry = continuing or (scan.whole and follows) or own_voice_again(sentence, state)
        if state.last is not None and (
            carry
            or (
                follows
                # a statement rendered is a body's (a ministry's); a person quoted in an
                # article is followed by the journalist's account of the strikes
                and carries_on(sentence.text, one_voice=one_voice and body_speaks(state))
            )
        ):
            speaker, party = state.last
            state.last_index = sentence.index
            quote = scan.quoted_words >= _MIN_QUOTE_WORDS or continuing
            owned, told = asserted(sentence, (), parse.earlier if parse else ())
            return Claim(sentence, speaker, party, quote, (), topic_of(told), owned=owned)
        return Claim(sentence, "", NARRATOR, False, (), topic_of(sentence.text))
    if found.party == OTHER and resolver.unnamed(found.speaker):
        side = accuser(found.speaker, sentence.text, resolver.profile, resolver.matcher)
        found = replace(found, party=side or found.party)
    if found.party == NARRATOR:  # "both sides accused each other": nobody in particular
        return Claim(sentence, "", NARRATOR, False, (), topic_of(sentence.text))
    state.last = (found.speaker, found.party)
    state.last_index = sentence.index
    state.speakers.append((found.speaker, found.party))
    for voice in ((found.speaker, found.party), *((c.speaker, c.party) for c in found.clauses)):
        if voice[0] and resolver.is_media(voice[0]):
            state.outlets.append(voice)  # what "the newspaper" points back to
    resolver.learn_appositive(sentence.text, found.speaker, found.party, state)
    if parse is not None and parse.author:  # "X released the following statement:"
        _remember_introduced(sentence, parse, state, resolver)
    spans, owned = asserted(sentence, found.owned, parse.earlier if parse else ())
    topic = topic_of(scan_quotes(owned).masked if scan.quoted_words else owned) or topic_of(owned)
    return Claim(
        sentence,
        found.speaker,
        found.party,
        scan.quoted_words >= _MIN_QUOTE_WORDS,
        found.also,
        topic,
        owned=spans,
        clauses=found.clauses,
    )


def _remember_introduced(
    sentence: Sentence, parse: Reading, state: DocState, resolver: Resolver
) -> None:
    """A narrator's line ending in a colon that names whose text follows ("The following is
    the full text of the statement by the ministry:"): the lines after it are that speaker's."""
    author = parse.author
    if not author:
        return
    speaker, party = resolver.resolve(author, sentence.index, state)
    if party != NARRATOR:
        state.last = (speaker, party)
        state.last_index = sentence.index
        state.speakers.append((speaker, party))
        state.open_quote = True  # what follows is that text, as a quotation left open


def _from_parse(
    sentence: Sentence, parse: Reading, state: DocState, resolver: Resolver, *, open_quote: bool
) -> tuple[_Found | None, bool]:
    """The main speaker the parse finds, resolved to a party (None if there is none), and
    whether the parse judged a reporting verb (then the regex frames get no say)."""
    every = parse.reports(open_quote)
    seen = bool(every) or parse.judged
    if frames_an_event(sentence.text) and not _STATEMENT_FRAME.match(sentence.text):
        return None, seen  # "The move came days after X accused ...": the occasion, told
    live = [r for r in every if not r.negated]
    if any(r.negated and r.depth == 0 and not r.in_quote for r in every) and not any(
        r.depth == 0 and not r.in_quote for r in live
    ):
        return None, seen  # "Kabul has not mentioned any deaths": what is not said
    narration = reads_as_narration(sentence.text)
    live = [r for r in live if not (r.depth > 0 and (r.concessive or narration))]
    resolved = [
        (r, *resolve_report(r, parse, sentence.index, state, resolver, remember=False))
        for r in sorted(live, key=lambda r: (r.depth, r.verb_start))
    ]
    resolved = [x for x in resolved if x[2] != NARRATOR or x[1]]  # not "reports said"
    outside = [x for x in resolved if not x[0].in_quote]
    if not outside:
        return None, seen
    main = main_report(outside, resolved, resolver)
    if main[2] == OTHER:  # "..., Gen. Athar Abbas said" parsed twice: the fuller name decides
        fuller = [
            x
            for x in outside
            if x[0] is not main[0]
            and x[0].speaker.lower().endswith(main[0].speaker.lower())
            and x[2] != OTHER
        ]
        main = fuller[0] if fuller else main
    report = main[0]
    speaker, party = cited_source(
        sentence.text, report, sentence.index, state, resolver
    ) or resolve_report(report, parse, sentence.index, state, resolver, remember=True)
    others = [x for x in resolved if x[0] is not report]
    also = tuple(
        dict.fromkeys(p for r, _, p in others if r.denial and p not in (party, OTHER, NARRATOR))
    )
    owned = owned_spans(report, others, party, len(sentence.text))
    clauses = other_clauses(sentence.text, owned, others)
    relayed = report is not outside[0][0]  # an outlet's report of what the speaker said
    if (
        report.depth > 0
        and not relayed
        and any(
            c.party == NARRATOR and topic_of(sentence.text[c.start : c.end]) == "casualties"
            for c in clauses
        )
    ):
        return None, True  # the narrator's part states a toll: the sentence is the narrator's
    return _Found(speaker, party, owned, clauses, also), True


def _from_frames(
    sentence: Sentence,
    prev: Sentence | None,
    nxt: Sentence | None,
    state: DocState,
    resolver: Resolver,
    scan: object,
    continuing: bool,
) -> tuple[_Found | None, bool]:
    """The regex frames' speaker (frames.py), for text the parse finds none in."""
    masked = scan.masked  # type: ignore[attr-defined]
    names = functools.partial(name_at_end, matcher=resolver.matcher, state=state)
    frame = find_frame(masked, names)
    # A sentence cut after "u.s." by the splitter: read it together with its neighbour.
    if prev is not None and _BROKEN_END.search(prev.text):
        joined = scan_quotes(prev.text + " " + sentence.text).masked
        whole = find_frame(joined, names)
        cut = len(scan_quotes(prev.text).masked)
        if whole is not None and whole.verb_start > cut and (frame is None or whole.start < cut):
            frame = whole
        elif frame is None and state.last is not None and state.last_index == prev.index:
            continuing = True
    if frame is None and nxt is not None and _BROKEN_END.search(sentence.text):
        joined = scan_quotes(sentence.text + " " + nxt.text).masked
        whole = find_frame(joined, names)
        cut = len(masked)
        if (
            whole is not None
            and whole.verb_start > cut
            and joined[: whole.start].rstrip().endswith(",")
            and len(sentence.text.split()) > _MIN_FRAGMENT_WORDS
        ):
            frame = whole  # not a lone dateline fragment ("Peshawar, pakistan a u.s.")
    denials = later_frames(masked, frame.start if frame else -1)
    if frame is None and denials:
        frame, denials = denials[0], denials[1:]
    if frame is None:
        return None, continuing
    phrase = frame.speaker.strip(" ,")
    speaker, party = resolver.resolve(phrase, sentence.index, state)
    also = []
    for denial in denials:
        _, other = resolver.resolve(denial.speaker, sentence.index, state, remember=False)
        if other not in (party, OTHER, NARRATOR) and other not in also:
            also.append(other)
    return _Found(speaker, party, also=tuple(also)), continuing
