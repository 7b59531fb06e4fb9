"""From a speaker phrase to a party: aliases, roles, earlier speakers, the document's context.

    resolve("Pakistani security sources", ...)       -> ("Pakistani security sources", "pakistan")
    resolve("the official", ...)                     -> the latest speaker an "official" names
    resolve("security officials", ...)               -> the document's context party, if any
    resolve("Azerbaijani and Armenian ministries")   -> NARRATOR: both sides, so neither

Profile aliases decide which party a name belongs to. A speaker named only by a role
("officials", "a senior security official", "the ministry") is resolved by an earlier speaker
of the same document it points back to (referents.py), else by the document's context: the
dateline's country, the outlet's home (a profile's `outlets:`), the party the text mentions
most, the scene.
"""

from __future__ import annotations

import re

from briefer.data import NARRATOR, OTHER
from briefer.outlets import builtin_outlets
from briefer.perspectives.aliases import AliasMatcher, matcher_for, mentions
from briefer.perspectives.context import DocState, gazetteer
from briefer.perspectives.profiles import Profile
from briefer.perspectives.referents import (
    NOT_OWNER_BEFORE,
    earlier_speaker,
    last_body,
    learn_name,
    owner_hit,
    word_before,
)
from briefer.perspectives.roles import (
    BODY_SYNONYMS,
    DEFINITE,
    GENERIC_HEADS,
    MEDIA_HEADS,
    NO_SPEAKER,
    NON_STATE_HEADS,
    NON_STATE_QUALIFIERS,
    ROLE_WORDS,
    STATE_ITSELF,
    THE_OUTLET,
    THE_STATEMENT,
    TITLES,
    head_word,
    is_body,
    is_pronoun,
)

__all__ = ["Resolver", "is_pronoun"]

# ", Aisha Farooqui," after a role: the person holding it (two to four capitalised words).
_APPOSITIVE_NAME = (
    r",\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)\b(?=\s*(?:,|has|had|said|says|told))"
)
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-z])- (?=[a-z])")  # "of- ficial" in hard-wrapped copy


class Resolver:
    """Speaker phrases of one profile to (speaker as the briefing names it, party)."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.matcher = matcher_for(profile)
        self._media = {o.id for o in profile.others if o.id == "media"}
        names = {
            re.sub(r"\s*\(.*\)$", "", o.name.lower())
            for o in (*profile.outlets, *builtin_outlets())
        }
        names = {n.removeprefix("the ") for n in names if n}
        self._outlet_names = names
        self._outlet_pattern = re.compile(
            r"(?<![\w-])(?:the\s+)?(?:"
            + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")(?![\w-])"
        )

    def resolve(
        self, phrase: str, index: int, state: DocState, *, remember: bool = True
    ) -> tuple[str, str]:
        # not the quote that closed before it: "” Col. Sansern Kaewkamnerd" after "...,”"
        phrase = _LINE_BREAK_HYPHEN.sub("", phrase.strip(" ,-–—•*").lstrip("”’\"' "))
        # not when or why it spoke: "the Iranian UN mission following the launch of ..."
        phrase = _ADJUNCT.split(phrase, maxsplit=1)[0]
        if phrase.lower() == "it":
            body = last_body(state)  # "It also said": a ministry or an outlet, not a person
            if body is not None:
                return body
        if is_pronoun(phrase):
            return state.last if state.last is not None else (phrase, OTHER)
        if THE_STATEMENT.fullmatch(phrase):
            if state.last is not None and state.last[0]:
                return state.last
            if not state.speakers:
                # "According to the official statement, ..." opening the text: whose, it does
                # not say (the copy begins after the sentence that named its author)
                return phrase, OTHER
        if THE_OUTLET.fullmatch(phrase):
            if state.outlets:  # "The newspaper said", after "Pakistan-based The Nation reported"
                return state.outlets[-1]
        if NO_SPEAKER.search(phrase):
            if _MEDIA_WORDS.search(phrase):
                return phrase, OTHER  # "local media", "some media reports": the press, unnamed
            return "", NARRATOR
        speaker, party = self._phrase(phrase, index, state, remember=remember)
        if STATE_ITSELF.fullmatch(phrase) and party not in (OTHER, NARRATOR):
            speaker = self.profile.party_name(party)  # "The country also said ..."
        if remember and party != OTHER:
            learn_name(phrase.split(",")[0], party, state)
        first, _, rest = speaker.partition(" ")
        if first in {"The", "A", "An", "Its", "Their", "His", "Her"} and rest:
            speaker = f"{first.lower()} {rest}"  # "The ministry" at a sentence start
        return speaker, party

    def learn_appositive(self, text: str, speaker: str, party: str, state: DocState) -> None:
        """Remember the name set after a speaker's role in `text` ("The spokesperson of the
        Foreign Office, Aisha Farooqui, has said ..."): a later "Aisha Frooqui said" is hers."""
        if party in (OTHER, NARRATOR) or not speaker:
            return
        found = re.search(f"(?i:{re.escape(speaker)})" + _APPOSITIVE_NAME, text)
        if found:
            learn_name(found.group(1), party, state)

    def unnamed(self, phrase: str) -> bool:
        """A role without a name or nationality: "police", "officials", "the spokesman"."""
        return not self.matcher.find(phrase) and _place_in(phrase, self.matcher) is None

    def is_media(self, phrase: str) -> bool:
        """A news outlet: a media alias, a known outlet, "the newspaper", "Army Radio"."""
        hits = self.matcher.find(phrase)
        if any(h.owner in self._media for h in hits):
            return True
        lowered = phrase.lower().removeprefix("the ").strip()
        named = self._outlet_pattern.search(lowered)
        if named is not None and (named.end() == len(lowered) or lowered in self._outlet_names):
            return True  # "Pakistan-based The Nation", "Dawn"
        head = head_word(phrase)
        if head == "agency" and re.search(r"\bnews\s+agency\b", lowered):
            return True
        return (
            (head in MEDIA_HEADS or head.removesuffix("s") in MEDIA_HEADS)  # "media outlets"
            and "state" not in lowered.split()
            and not any(
                w in lowered for w in ("ministry", "military agency", "intelligence agency")
            )
        )

    def _only_nationality(self, phrase: str) -> bool:
        """Sources named by a country alone ("the Afghan sources", "sources in Afghanistan"),
        not by an office ("IAF sources", "Pakistani security sources"): the press's unnamed
        sources, not the state speaking."""
        hits = [h for h in self.matcher.find(phrase) if h.is_party]
        if not hits or any(
            len(phrase[h.start : h.end].split()) > 1 or phrase[h.start : h.end].isupper()
            for h in hits
        ):
            return False  # an office: "IAF sources", "Foreign Office sources"
        rest = phrase
        for hit in sorted(hits, key=lambda h: h.start, reverse=True):
            rest = rest[: hit.start] + " " + rest[hit.end :]
        words = {w.strip(".,'’").lower() for w in rest.split()}
        return words <= _BARE_SOURCE_WORDS

    def _phrase(
        self, phrase: str, index: int, state: DocState, *, remember: bool
    ) -> tuple[str, str]:
        owners = self._parties_named(phrase)
        if len(owners) >= 2 and _coordinated(phrase):
            return "", NARRATOR  # "Azerbaijani and Armenian Defense Ministries"
        head = head_word(phrase)
        if NON_STATE_QUALIFIERS.search(phrase) or head in NON_STATE_HEADS:
            hit = owner_hit(phrase, self.matcher, state)
            if hit is None or self._is_party(hit[0]):
                return phrase, OTHER  # "hospital official Wasim Baig", "Azerbaijani bloggers"
        if head == "sources" and self._only_nationality(phrase):
            return phrase, OTHER  # "Afghan sources", "sources in Afghanistan": no office named
        hit = owner_hit(phrase, self.matcher, state)
        if hit is not None:
            party = hit[0]
            if self.is_media(phrase) and not self._state_voice(phrase, party):
                return phrase, OTHER  # an outlet speaking in its own name
            if remember and hit[1]:
                learn_name(hit[1], party, state, self.matcher.surnames)
            return phrase, party
        if self.is_media(phrase):
            return phrase, OTHER
        placed = _place_in(phrase, self.matcher)
        if placed is not None:
            return phrase, placed  # "Officials of the Khost province", "Chaman police"
        words = [re.sub(r"['’]s$", "", w.lower()).strip(".,'’") for w in phrase.split()]
        heads = [
            TITLES.get(w, w)
            for w in words
            if TITLES.get(w, w) in GENERIC_HEADS or w.removesuffix("s") in GENERIC_HEADS
        ]
        if heads:
            earlier = earlier_speaker(phrase, words, heads, state)
            if earlier is not None:
                return earlier
            if words[0] in DEFINITE:
                earlier_party = next(
                    (sp for sp in reversed(state.speakers) if self._is_party(sp[1])), None
                )
                if earlier_party is not None:
                    if len(words) == 2 and head in BODY_SYNONYMS and is_body(earlier_party[0]):
                        return earlier_party  # "the agency says", after "Armenian MoD reports"
                    return phrase, earlier_party[1]
            relay = self._relay_home(index, state)
            if relay is not None:
                return phrase, relay  # "Afghanistan-based Tolo News ... quoted an official"
            if state.context.party is not None:
                return phrase, state.context.party
            return phrase, OTHER
        earlier = _named_before(phrase, state)
        if earlier is not None:
            return phrase, earlier  # "Wang said", after "Foreign Minister Wang Yi said"
        named = [w for w in phrase.split() if w[:1].isupper()]
        if (
            named
            and state.last is not None
            and state.last_index == index - 1
            and state.last[1] != OTHER
            and ROLE_WORDS.intersection(state.last[0].lower().split())
        ):
            # "The head of the Afghan army said ... Gen Sher Mohammad Karimi said ...": the
            # lead names a role, the next sentence the person holding it.
            return phrase, state.last[1]
        return phrase, OTHER

    def _relay_home(self, index: int, state: DocState) -> str | None:
        """The party whose country the outlet that spoke in the sentence before is based in
        ("Afghanistan-based Tolo News reported ...", a profile outlet): an official it goes
        on to quote unnamed is of that country, as one the document's own outlet quotes."""
        last = state.last
        if last is None or state.last_index != index - 1 or last[1] != OTHER:
            return None
        if not self.is_media(last[0]):
            return None
        based = re.match(r"\s*(?:the\s+)?([\w ]+?)-based\s+", last[0], re.IGNORECASE)
        if based:
            homes = [h.owner for h in self.matcher.find(based.group(1)) if h.is_party]
            return homes[0] if homes else None
        key = re.sub(r"\W", "", last[0].lower().removeprefix("the "))
        for outlet in self.profile.outlets:
            if outlet.home and re.sub(r"\W", "", outlet.name.lower()) == key:
                return outlet.home if self._is_party(outlet.home) else None
        return None

    def _state_voice(self, phrase: str, party: str) -> bool:
        """State media speak for the state: "Iran's state news agency", "Iranian television",
        "Israeli Army Radio", "the website of the Armenian government"."""
        if not self._is_party(party) or _state_media(phrase):
            return self._is_party(party)
        if re.search(
            r"(?<!pro-)\b(?:government|ministry|army|military|presiden\w*)\b", phrase, re.I
        ):
            return True  # not "pro-military media outlets": aligned with it, not its voice
        head = head_word(phrase)
        if head.endswith("s") and head[:-1] in MEDIA_HEADS:
            return False  # "media outlets in Pakistan", "Afghan newspapers": several, not one
        named = [w for w in re.findall(r"[A-Z][\w'’-]*", phrase) if w not in {"The", "A"}]
        aliases = {phrase[h.start : h.end] for h in self.matcher.find(phrase) if h.is_party}
        words = {w for a in aliases for w in a.split()}
        return all(w in words or w.lower() in MEDIA_HEADS for w in named)

    def _parties_named(self, phrase: str) -> set[str]:
        hits = [h for h in self.matcher.find(phrase) if h.is_party]
        kept = [h for h in hits if word_before(phrase, h.start) not in NOT_OWNER_BEFORE]
        return {h.owner for h in kept}

    def _is_party(self, party: str) -> bool:
        return party not in (OTHER, NARRATOR)


def _place_in(phrase: str, matcher: AliasMatcher) -> str | None:
    """The party whose country a place in the phrase lies in ("Chaman District Police")."""
    places = gazetteer()
    lowered = phrase.lower()
    for city, country in places.items():
        if mentions(lowered, city):
            hits = [h for h in matcher.find(country) if h.is_party]
            if hits:
                return hits[0].owner
    return None


def _coordinated(phrase: str) -> bool:
    return re.search(r"\b(?:and|&|both)\b", phrase, re.IGNORECASE) is not None


_BARE_SOURCE_WORDS = frozenset(
    "the some several local unnamed anonymous other sources source in from".split()
)
_ADJUNCT = re.compile(r"(?<=\w\w)\s+(?=(?:following|amid|during|despite)\s+the\s)")
_MEDIA_WORDS = re.compile(r"\b(?:media|press|tv|television)\b", re.IGNORECASE)


def _state_media(phrase: str) -> bool:
    return re.search(r"\bstate(?:-run|-owned)?\b|\bofficial\b", phrase, re.IGNORECASE) is not None


def _named_before(phrase: str, state: DocState) -> str | None:
    """The party of an earlier speaker of the document whose name holds `phrase`, a bare
    name ("Wang" after "State Councilor and Foreign Minister Wang Yi"; a family name may
    come first), when one party's speakers alone hold it."""
    if len(phrase.split()) != 1 or not phrase[:1].isupper() or len(phrase) < 3:
        return None
    word = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
    parties = {p for sp, p in state.speakers if p not in (OTHER, NARRATOR) and word.search(sp)}
    return parties.pop() if len(parties) == 1 else None
