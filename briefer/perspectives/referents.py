"""What a speaker phrase points back to in its document: earlier speakers, learned names.

    last_body(state)                    what "it" is: the latest ministry, army or outlet heard
    earlier_speaker(phrase, ...)        the earlier speaker "the ministry", "the two officials"
                                        point back to
    owner_hit(phrase, matcher, state)   the party an alias or a learned surname gives the head
    learn_name(name, party, state)      remember a named speaker's surname for the document
    name_at_end(text, ...)              a known name that ends a text

parties.py resolves a whole speaker phrase with these.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import get_close_matches

from briefer.data import OTHER
from briefer.perspectives.aliases import AliasMatcher
from briefer.perspectives.context import DocState
from briefer.perspectives.roles import (
    DEFINITE,
    GENERIC_HEADS,
    INDEFINITE,
    NOT_NAME_WORDS,
    ORG_HEADS,
    TITLES,
    is_body,
)

__all__ = [
    "NOT_OWNER_BEFORE",
    "earlier_speaker",
    "last_body",
    "learn_name",
    "name_at_end",
    "owner_hit",
    "word_before",
]

# "officials to Pakistan": an alias after these names whom the speaker addresses, not whose.
NOT_OWNER_BEFORE = frozenset("to against toward towards with about over into on than".split())


def last_body(state: DocState) -> tuple[str, str] | None:
    """The latest speaker that is a body (a ministry, an army, an outlet), not a person:
    what "it" points back to."""
    for speaker, party in reversed(state.speakers):
        if is_body(speaker):
            return speaker, party
    return None


def earlier_speaker(
    phrase: str, words: list[str], heads: list[str], state: DocState
) -> tuple[str, str] | None:
    """The latest speaker of the document that a generic phrase points back to.

    "the ministry", "the spokeswoman", "the two officials" match an earlier speaker by their
    head noun; "a ministry spokesman" matches by its organisation only ("a spokesman" alone
    may be someone new) and is named "a spokesman for <the ministry named before>".
    """
    if words[0] in DEFINITE:
        wanted = list(reversed(heads))
    elif words[0] in INDEFINITE:
        wanted = [h for h in heads[:-1] if h in ORG_HEADS]
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


def _referent(
    phrase: str,
    words: list[str],
    heads: list[str],
    earlier: str,
    matched: str,
    keys_of: Callable[[str], str],
) -> str:
    """How the briefing names the speaker a generic phrase points back to."""
    owner = re.search(r"\bfor\s+(.+)$", earlier)  # "a spokesman for the ministry"
    if owner and matched in {keys_of(w) for w in owner.group(1).lower().split()}:
        earlier = owner.group(1)
    last_head = [w for w in words if _head_key(w) in {_head_key(h) for h in heads}][-1:]
    if last_head and matched == keys_of(last_head[0]):
        return earlier
    if not any(w[:1].isupper() for w in earlier.split()[1:]) and not earlier[:1].isupper():
        return phrase  # "a government official" after "government sources": no name to give
    role = phrase.split()[-1]  # "a ministry spokesman": the role of the organisation
    article = "an" if words[0] in {"a", "an"} and role[:1].lower() in "aeiou" else words[0]
    return f"{article} {role} for {earlier}"


def _word_key(word: str) -> str:
    return word.strip(".,;:'’").removesuffix("s")


def _head_key(word: str) -> str:
    word = word.strip(".,;:'’")
    return TITLES.get(word, word).removesuffix("s")


def owner_hit(phrase: str, matcher: AliasMatcher, state: DocState) -> tuple[str, str] | None:
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
        key = _learned(w.group().lower().strip("'’"), state)
        if key and not any(a <= w.start() < b for a, b, _ in hits):
            hits.append((w.start(), w.end(), state.names[key]))
    hits = [h for h in hits if word_before(phrase, h[0]) not in NOT_OWNER_BEFORE] or hits
    if not hits:
        return None
    head = [h for h in hits if h[1] <= head_end]
    after = [h for h in hits if head_end <= h[0] < len(first)]
    chosen = head[-1] if head else after[0] if after else min(hits)
    if len(head) >= 2 and head[-2][2] != head[-1][2]:
        between = phrase[head[-2][1] : head[-1][0]]
        if head[-2][1] + 1 >= head[-1][0]:
            chosen = head[-2]  # "the Afghan Foreign Office": the nationality says whose office
        elif _POSSESSIVE.fullmatch(between) and _REPRESENTED_AT.fullmatch(
            phrase[head[-1][0] : head[-1][1]]
        ):
            chosen = head[-2]  # "Eritrea's U.N. ambassador": its envoy to the UN
    text = phrase[chosen[0] : chosen[1]]
    person = len(text.split()) >= 2 or text.lower() in matcher.surnames  # "Correa" alone
    return chosen[2], text if person else ""


_POSSESSIVE = re.compile(r"['’]s\s+")
# Bodies a country sends an envoy or a mission to: "Eritrea's U.N. ambassador" is Eritrea's.
_REPRESENTED_AT = re.compile(
    r"U\.?N\.?|United Nations|UN Security Council|Security Council|NATO|EU|European Union"
    r"|AU|African Union|OSCE|ASEAN|IAEA|OIC|Arab League",
    re.IGNORECASE,
)


def _learned(word: str, state: DocState) -> str:
    """The surname learned in this document that `word` is, also as copy misspells it
    ("Frooqui" for "Farooqui": a letter dropped or changed), or ""."""
    if word in state.names:
        return word
    if len(word) < 5 or not word.isalpha():
        return ""
    close = get_close_matches(word, [n for n in state.names if n[:1] == word[:1]], 1, 0.85)
    return close[0] if close else ""


def word_before(text: str, index: int) -> str:
    words = text[:index].split()
    return words[-1].lower() if words else ""


def learn_name(
    name: str, party: str, state: DocState, surnames: frozenset[str] = frozenset()
) -> None:
    """Remember the surname of a named speaker for this document ("Athar Abbas" -> "abbas";
    "Defense Ministry representative Artsrun Hovhannisyan" -> "hovhannisyan": the name
    after the role), or one of the profile's `surnames` named alone ("Correa": a person, not
    a body, whose statement does not carry on)."""
    words = name.split()
    if len(words) == 1 and name.lower() in surnames:
        state.names.setdefault(name.lower(), party)
        return
    if words and words[-1].lower().strip(".,'’") not in GENERIC_HEADS:
        tail = []
        for word in reversed(words):  # the capitalised words that end the phrase, not a role
            bare = word.lower().strip(".,'’")
            if not word[:1].isupper() or bare in GENERIC_HEADS or bare in TITLES:
                break
            tail.insert(0, word)
        words = tail if len(tail) >= 2 else words
    lowered = {w.lower() for w in words}
    last = words[-1].lower().strip(".,'’") if words else ""
    if (
        2 <= len(words) <= 5
        and not lowered & (NOT_NAME_WORDS | GENERIC_HEADS)
        and last.removesuffix("s") not in GENERIC_HEADS
        and len(last) > 2
    ):
        state.names.setdefault(last, party)


def name_at_end(text: str, *, matcher: AliasMatcher, state: DocState) -> str | None:
    """A known name (alias or a surname learned in this document) that ends `text`."""
    hits = matcher.find(text)
    if hits and hits[-1].end == len(text):
        return text[hits[-1].start :]
    last = text.split()[-1] if text.split() else ""
    if last.lower().strip(".,") in state.names:
        return last
    return None
