"""Finding a profile's parties and other voices in a phrase: longest alias match wins."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefer.perspectives.profiles import Profile
from briefer.perspectives.roles import GENERIC_HEADS

# Acronyms that are also English words ("US" / "us"): matched in their own case, or in
# lower-cased text only before a word that shows they name a state.
_WORD_ACRONYMS = {"us", "is", "it", "am", "as", "an", "at", "in", "on", "or", "so", "to", "we"}
_STATE_NOUNS = (
    "officials?|military|forces|troops|government|administration|drones?|embassy|ambassador"
    "|envoy|president|army|navy|defen[cs]e|intelligence|commanders?|soldiers?|spokes(?:man|woman)"
    "|diplomats?|lawmakers|senators?|congress|secretary|state department|authorities|aid"
)
# Words that mark an alias as an organisation or place, not a person with a surname.
_NOT_A_PERSON = {
    "emirate",
    "taliban",
    "ministry",
    "office",
    "corps",
    "intelligence",
    "relations",
    "directorate",
    "government",
    "council",
    "nations",
    "states",
    "house",
    "department",
    "network",
    "army",
    "state",
    "watch",
    "international",
    "press",
    "news",
    "times",
    "post",
    "journal",
    "tribune",
    "arabia",
    "union",
    "cross",
    "security",
    "public",
    "services",
    "province",
    "liberation",
    "agency",
    "forces",
    "military",
    "administration",
    "authorities",
    "foundation",
    "bureau",
    "war",
    "khorasan",
    "group",
    "party",
    "of",
    "the",
    "al",
    "e",
    # forces, bodies, media and places whose last word is no surname ("Israeli Air Force"
    # made "force" Israel's: "the air defense force" of Iran's army was read as Israel's)
    "force",
    "navy",
    "republic",
    "kingdom",
    "jihad",
    "mujahideen",
    "monitor",
    "today",
    "photo",
    "gazeta",
    "urdu",
    "defender",
    "ombudswoman",
    "ombudsman",
    "adom",
    "presse",
    "agence",
    "ispr",
    "dg",
    "new",
    "tel",
    "phnom",
    "kuala",
    # bodies: "Border Service" made "service" Kyrgyzstan's, and "the press service" of
    # Tajikistan's border troops was read as Kyrgyz
    "service",
    "committee",
    "center",
    "centre",
    "commission",
    "assembly",
    "border",
}
# Surnames shared by too many people to stand for one alias on their own.
_COMMON_SURNAMES = {
    "khan",
    "ali",
    "ahmed",
    "ahmad",
    "shah",
    "mohammad",
    "muhammad",
    "hussain",
    "hussein",
    "rehman",
    "rahman",
    "malik",
    "abbas",
    "aziz",
    "haqqani",
    "mehsud",
    "abdullah",
    "ullah",
    "zakaria",
    "akhtar",
    "hassan",
    "hasan",
    "iqbal",
}


@dataclass(frozen=True)
class AliasHit:
    start: int
    end: int
    owner: str  # a party id or an other-voice id
    is_party: bool


class AliasMatcher:
    """All alias occurrences in a text, longest first, without overlaps."""

    def __init__(self, profile: Profile) -> None:
        owners: dict[str, tuple[str, bool]] = {}
        word_acronyms: dict[str, tuple[str, bool]] = {}
        entries = [(p, True) for p in profile.parties] + [(o, False) for o in profile.others]
        for entry, is_party in entries:
            for alias in entry.aliases:
                if alias.lower() in _WORD_ACRONYMS and alias.isupper():
                    word_acronyms[alias] = (entry.id, is_party)
                else:
                    owners.setdefault(alias.lower(), (entry.id, is_party))
        # the surnames of people among the aliases, also where listed alone ("Correa"): a
        # person speaking, not a body (a ministry's statement carries on; a person's does not)
        self.surnames = frozenset(_surnames(entries))
        for surname, owner in _surnames(entries).items():
            owners.setdefault(surname, owner)
        self._owners = owners
        self._word_acronyms = word_acronyms
        alternation = "|".join(
            re.escape(a).replace(r"\ ", r"\s+") for a in sorted(owners, key=len, reverse=True)
        )
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
        acronyms = "|".join(re.escape(a) for a in sorted(word_acronyms, key=len, reverse=True))
        self._acronyms = (
            re.compile(
                rf"(?<![\w-])(?:(?:{acronyms})(?![\w-])"
                rf"|(?i:(?:{acronyms}))(?=\s+(?i:{_STATE_NOUNS})\b))"
            )
            if acronyms
            else None
        )

    def find(self, text: str) -> list[AliasHit]:
        hits = [self._hit(m, self._owners[_norm(m.group())]) for m in self._pattern.finditer(text)]
        if self._acronyms is not None:
            for m in self._acronyms.finditer(text):
                if not any(h.start < m.end() and m.start() < h.end for h in hits):
                    hits.append(self._hit(m, self._acronym_owner(m.group())))
        return sorted(hits, key=lambda h: h.start)

    def _acronym_owner(self, found: str) -> tuple[str, bool]:
        for alias, owner in self._word_acronyms.items():
            if alias.lower() == found.lower():
                return owner
        raise KeyError(found)

    @staticmethod
    def _hit(match: re.Match, owner: tuple[str, bool]) -> AliasHit:
        return AliasHit(match.start(), match.end(), owner[0], owner[1])


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _surnames(entries: list) -> dict[str, tuple[str, bool]]:
    """Last names of people among the aliases, when unambiguous ("Mohammad Sadiq" -> "sadiq")."""
    found: dict[str, set[tuple[str, bool]]] = {}
    for entry, is_party in entries:
        for alias in entry.aliases:
            words = alias.split()
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
                continue
            if any(w.lower().strip(".") in _NOT_A_PERSON for w in words):
                continue
            if words[-1].lower() in GENERIC_HEADS:  # "Border Troops", "Coast Guard"
                continue
            if any(re.search(r"-[a-z]-", w) for w in words):  # "Tehreek-e-Insaf" (a party)
                continue
            last = words[-1].lower()
            if last not in _COMMON_SURNAMES and len(last) > 3:
                found.setdefault(last, set()).add((entry.id, is_party))
    return {name: next(iter(o)) for name, o in found.items() if len(o) == 1}


@functools.lru_cache(maxsize=16)
def matcher_for(profile: Profile) -> AliasMatcher:
    return AliasMatcher(profile)


def mentions(text: str, phrase: str) -> bool:
    """`phrase` in `text` as whole words, in any case ("India" is not in "Indian rule")."""
    return bool(re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text, re.IGNORECASE))
