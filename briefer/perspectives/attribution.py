"""Who asserts each sentence, and for which party.

    sentence ─▶ quotes masked ─▶ speaker phrase (frames.py) ─▶ resolved to a profile party,
    an other voice, the previous speaker (pronouns, "the ministry"), or the narrator.

Speakers carry on within a document only: "They claimed ..." after "the Afghan Defense
Ministry condemned ..." is the ministry's; a sentence in the next document starts afresh.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefer.data import NARRATOR, OTHER, Claim, Sentence
from briefer.perspectives.aliases import AliasMatcher, matcher_for
from briefer.perspectives.frames import Frame, find_frame, is_pronoun, later_frames, scan_quotes
from briefer.perspectives.profiles import Profile
from briefer.perspectives.topics import topic_of

__all__ = ["attribute", "document_context"]

# Speakers named only by their role: whose they are comes from the context.
_GENERIC_HEADS = frozenset(
    "official officials authorities authority spokesman spokeswoman spokesperson spokesmen police"
    " army military government ministry minister officer officers commander commanders source"
    " sources intelligence administration embassy diplomat diplomats envoy ambassador president"
    " statement forces troops soldiers governor chief agency department office investigators"
    " prosecutors court officer prime premier cabinet general captain major colonel lieutenant"
    " head".split()
)
# "officials to Pakistan": an alias after these names whom the speaker addresses, not whose.
_NOT_OWNER_BEFORE = frozenset("to against toward towards with about over into on than".split())
_DATELINE = re.compile(
    r"^\s*(?:reporting\s+from\s+)?[A-Za-z][\w .'-]{1,25},\s+[A-Za-z][\w.'-]+(?:\s[A-Za-z]+)?",
    re.IGNORECASE,
)
_BROKEN_END = re.compile(r"(?:^|\s)(?:[A-Za-z]\.){2,}$")
_TITLES = {"gen": "general", "gen.": "general", "capt": "captain", "maj": "major",
           "col": "colonel", "lt": "lieutenant", "spokesperson": "spokesman",
           "spokeswoman": "spokesman"}
_NOT_NAME_WORDS = frozenset("the a an of for from in at to on and with by this that".split())
_ROLE_WORDS = frozenset("head chief spokesman spokeswoman spokesperson minister commander general"
                        " official ambassador envoy president leader director".split())
_MIN_QUOTE_WORDS = 3
_DEFINITE = frozenset("the its this that these those".split())
_INDEFINITE = frozenset("a an another".split())
# Generic heads that name an organisation, not a person speaking for it.
_ORG_HEADS = frozenset("ministry office embassy government administration army military police"
                       " agency department court cabinet intelligence forces".split())


@dataclass
class _DocState:
    context: str | None
    last: tuple[str, str] | None = None  # (speaker, party) of the latest attributed sentence
    last_index: int = -10
    open_quote: bool = False
    speakers: list[tuple[str, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # surname -> party learned in the doc


def attribute(sentences: Sequence[Sentence], profile: Profile) -> tuple[Claim, ...]:
    """One Claim per sentence, in the same order: speaker, party, quote flag, topic."""
    matcher = matcher_for(profile)
    by_doc: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    claims: dict[tuple[str, int], Claim] = {}
    for doc_sentences in by_doc.values():
        state = _DocState(document_context(doc_sentences, profile))
        for i, sentence in enumerate(doc_sentences):
            prev = doc_sentences[i - 1] if i else None
            nxt = doc_sentences[i + 1] if i + 1 < len(doc_sentences) else None
            claims[sentence.ref] = _claim(sentence, prev, nxt, state, matcher)
    return tuple(claims[s.ref] for s in sentences)


def document_context(sentences: Sequence[Sentence], profile: Profile) -> str | None:
    """The party whose officials an unqualified "officials said" most likely means.

    The dateline's country ("PESHAWAR, Pakistan —") when there is one, else a party the
    document mentions clearly more than any other.
    """
    if not sentences:
        return None
    matcher = matcher_for(profile)
    for s in sentences[:3]:
        m = _DATELINE.match(s.text)
        if m:
            hits = [h for h in matcher.find(m.group(0)) if h.is_party]
            if hits:
                return hits[0].owner
    counts: dict[str, int] = {}
    for s in sentences:
        for h in matcher.find(s.text):
            if h.is_party:
                counts[h.owner] = counts.get(h.owner, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def _claim(
    sentence: Sentence,
    prev: Sentence | None,
    nxt: Sentence | None,
    state: _DocState,
    matcher: AliasMatcher,
) -> Claim:
    scan = scan_quotes(sentence.text, state.open_quote)
    continuing = state.open_quote
    state.open_quote = scan.open_after
    topic = topic_of(scan.masked if scan.quoted_words else sentence.text) or topic_of(
        sentence.text
    )
    names = functools.partial(_name_at_end, matcher=matcher, state=state)
    frame = find_frame(scan.masked, names)
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
        cut = len(scan.masked)
        if whole is not None and whole.verb_start > cut and joined[:whole.start].rstrip(
        ).endswith(","):
            frame = whole
    denials = later_frames(scan.masked, frame.start if frame else -1)
    if frame is None and denials:
        frame, denials = denials[0], denials[1:]
    if frame is None:
        follows_speaker = state.last is not None and state.last_index == sentence.index - 1
        if state.last is not None and (continuing or (scan.whole and follows_speaker)):
            speaker, party = state.last
            state.last_index = sentence.index
            return Claim(sentence, speaker, party, True, (), topic)
        return Claim(sentence, "", NARRATOR, False, (), topic)
    speaker, party = _resolve(frame, sentence.index, state, matcher)
    state.last = (speaker, party)
    state.last_index = sentence.index
    state.speakers.append((speaker, party))
    also: list[str] = []
    for denial in denials:
        _, other = _resolve(denial, sentence.index, state, matcher, remember=False)
        if other not in (party, OTHER, NARRATOR) and other not in also:
            also.append(other)
    quote = scan.quoted_words >= _MIN_QUOTE_WORDS
    return Claim(sentence, speaker, party, quote, tuple(also), topic)


def _name_at_end(text: str, *, matcher: AliasMatcher, state: _DocState) -> str | None:
    """A known name (alias or a surname learned in this document) that ends `text`."""
    hits = matcher.find(text)
    if hits and hits[-1].end == len(text):
        return text[hits[-1].start:]
    last = text.split()[-1] if text.split() else ""
    if last.lower().strip(".,") in state.names:
        return last
    return None


def _resolve(
    frame: Frame, index: int, state: _DocState, matcher: AliasMatcher, *, remember: bool = True
) -> tuple[str, str]:
    """(speaker as the briefing names it, party id / OTHER) for a speaker phrase."""
    phrase = frame.speaker.strip(" ,")
    if is_pronoun(phrase):
        return state.last if state.last is not None else (phrase, OTHER)
    speaker, party = _resolve_phrase(phrase, index, state, matcher, remember=remember)
    if remember and party != OTHER:
        _learn_name(phrase.split(",")[0], party, state)
    first, _, rest = speaker.partition(" ")
    if first in {"The", "A", "An", "Its", "Their", "His", "Her"} and rest:
        speaker = f"{first.lower()} {rest}"  # "The ministry" at a sentence start
    return speaker, party


def _resolve_phrase(
    phrase: str, index: int, state: _DocState, matcher: AliasMatcher, *, remember: bool
) -> tuple[str, str]:
    hit = _owner_hit(phrase, matcher, state)
    if hit is not None:
        party = hit[0]
        if remember and hit[1]:
            _learn_name(hit[1], party, state)
        return phrase, party
    words = [w.lower().strip(".,'’") for w in phrase.split()]
    heads = [_TITLES.get(w, w) for w in words if _TITLES.get(w, w) in _GENERIC_HEADS
             or w.removesuffix("s") in _GENERIC_HEADS]
    if heads:
        earlier = _earlier_speaker(phrase, words, heads, state)
        if earlier is not None:
            return earlier
        if state.context is not None:
            return phrase, state.context
        return phrase, OTHER
    named = [w for w in phrase.split() if w[:1].isupper()]
    if (named and state.last is not None and state.last_index == index - 1
            and state.last[1] != OTHER and _ROLE_WORDS.intersection(state.last[0].lower().split())):
        # "The head of the Afghan army said ... Gen Sher Mohammad Karimi said ...": the
        # lead names a role, the next sentence the person holding it.
        return phrase, state.last[1]
    return phrase, OTHER


def _earlier_speaker(
    phrase: str, words: list[str], heads: list[str], state: _DocState
) -> tuple[str, str] | None:
    """The latest speaker of the document that a generic phrase points back to.

    "the ministry", "the spokeswoman", "the two officials" match an earlier speaker by their
    head noun; "a ministry spokesman" matches by its organisation only ("a spokesman" alone
    may be someone new) and is named "a spokesman for <the ministry named before>".
    """
    if words[0] in _DEFINITE:
        wanted = list(reversed(heads))
    elif words[0] in _INDEFINITE:
        wanted = [h for h in heads[:-1] if h in _ORG_HEADS]
    else:
        return None
    surface = [w for w in words if _head_key(w) in {_head_key(h) for h in wanted}]
    # "the spokeswoman" is first sought as written, then as any spokesperson
    for keys_of in (_word_key, _head_key):
        targets = [keys_of(w) for w in reversed(surface)]
        for earlier, party in reversed(state.speakers):
            earlier_keys = {keys_of(w) for w in earlier.lower().split()}
            matched = [h for h in targets if h in earlier_keys]
            if matched:
                return _referent(phrase, words, heads, earlier, matched[0], keys_of), party
    return None


def _referent(phrase: str, words: list[str], heads: list[str], earlier: str, matched: str,
              keys_of: Callable[[str], str]) -> str:
    """How the briefing names the speaker a generic phrase points back to."""
    owner = re.search(r"\bfor\s+(.+)$", earlier)  # "a spokesman for the ministry"
    if owner and matched in {keys_of(w) for w in owner.group(1).lower().split()}:
        earlier = owner.group(1)
    last_head = [w for w in words if _head_key(w) in {_head_key(h) for h in heads}][-1:]
    if last_head and matched == keys_of(last_head[0]):
        return earlier
    role = phrase.split()[-1]  # "a ministry spokesman": the role of the organisation
    return f"{words[0]} {role} for {earlier}"


def _word_key(word: str) -> str:
    return word.strip(".,;:'’").removesuffix("s")


def _head_key(word: str) -> str:
    word = word.strip(".,;:'’")
    return _TITLES.get(word, word).removesuffix("s")


def _owner_hit(phrase: str, matcher: AliasMatcher, state: _DocState) -> tuple[str, str] | None:
    """(party, person name or "") for the head of a speaker phrase, if any alias names it.

    The head comes first ("Pakistan's envoy to Kabul" is Pakistan's), then the phrase after
    it ("a spokesman for Pakistan's military"), then an appositive after a comma.
    """
    first, _, rest = phrase.partition(",")
    head_end = len(first)
    m = re.search(r"\s(?:of|for|from|at|in|with|to|on|based)\s", first, re.IGNORECASE)
    if m:
        head_end = m.start()
    hits = [(h.start, h.end, h.owner if h.is_party else OTHER) for h in matcher.find(phrase)]
    for w in re.finditer(r"[\w'’-]+", phrase):
        key = w.group().lower().strip("'’")
        if key in state.names and not any(a <= w.start() < b for a, b, _ in hits):
            hits.append((w.start(), w.end(), state.names[key]))
    hits = [h for h in hits if _word_before(phrase, h[0]) not in _NOT_OWNER_BEFORE] or hits
    if not hits:
        return None
    head = [h for h in hits if h[1] <= head_end]
    after = [h for h in hits if head_end <= h[0] < len(first)]
    chosen = head[-1] if head else after[0] if after else min(hits)
    text = phrase[chosen[0]:chosen[1]]
    return chosen[2], text if len(text.split()) >= 2 else ""


def _word_before(text: str, index: int) -> str:
    words = text[:index].split()
    return words[-1].lower() if words else ""


def _learn_name(name: str, party: str, state: _DocState) -> None:
    """Remember the surname of a named speaker for this document ("Athar Abbas" -> "abbas")."""
    words = name.split()
    lowered = {w.lower() for w in words}
    last = words[-1].lower().strip(".,'’") if words else ""
    if (2 <= len(words) <= 5 and not lowered & (_NOT_NAME_WORDS | _GENERIC_HEADS)
            and last.removesuffix("s") not in _GENERIC_HEADS and len(last) > 2):
        state.names.setdefault(last, party)
