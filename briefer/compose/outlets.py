"""Who published each document: the outlet, where it is based, whether it is a wire; and
which sources are not independent of each other (the same wire copy, a reprint).

    outlets_of(documents, profile)  doc id -> Outlet (the profile's `outlets:` first, then the
                                     built-in table; by URL, else by the outlet's name)
    Independence(claims, outlets)   .voices(refs): how many independent outlets report a claim
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefer.data import Claim, Document, SentenceRef
from briefer.outlets import outlet_of
from briefer.perspectives import Profile
from briefer.perspectives.aliases import matcher_for

__all__ = ["Independence", "Outlet", "home_party", "outlets_of", "speaker_home"]

NEAR_IDENTICAL = 0.8  # word-set Jaccard of two sentences that are one copy
REPRINT_SENTENCES = 3  # near-identical sentences that make two documents one copy
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Outlet:
    name: str = ""  # as the brief names it; "" when not known
    home: str = ""  # a party's name or a country; "" when not known
    party: str = ""  # the party id of `home`, "" when not a party's country
    wire: bool = False  # a wire service: a neutral source whose copy others reprint


def outlets_of(documents: Sequence[Document], profile: Profile) -> dict[str, Outlet]:
    """The outlet of every document (an empty Outlet when nothing is known)."""
    out = {}
    for doc in documents:
        known = outlet_of(doc.url, doc.outlet, profile.outlets)
        name = (known.name if known else "") or doc.outlet.strip()
        home = known.home if known else ""
        party = home_party(home, profile)
        shown_home = profile.party_name(party) if party else home
        out[doc.id] = Outlet(name, shown_home, party, bool(known and known.wire))
    return out


def speaker_home(speaker: str, profile: Profile) -> str:
    """The party whose country a news outlet named as a speaker is based in ("the Khmer Times
    newspaper", "Azerbaijan's APA news agency"): the country it is named with, else the
    outlet's home in the profile's or briefer's outlet table; "" when neither is known."""
    named = [h.owner for h in matcher_for(profile).find(speaker) if h.is_party]
    if named:
        return named[0]
    name = _OUTLET_WORDS.sub("", speaker).strip(" ,")
    known = outlet_of("", name, profile.outlets)
    return home_party(known.home, profile) if known else ""


# What names an outlet beside its name: "the ... newspaper", "... news agency".
_OUTLET_WORDS = re.compile(
    r"^the\s+|\s+(?:newspaper|daily|news\s+agency|agency|television|TV|channel|radio"
    r"|broadcaster|website)$",
    re.IGNORECASE,
)


def home_party(home: str, profile: Profile) -> str:
    """The party whose country `home` is (matched to its id, name or aliases), or ""."""
    key = home.strip().lower()
    if not key:
        return ""
    for party in profile.parties:
        if key in {party.id, party.name.lower(), *(a.lower() for a in party.aliases)}:
            return party.id
    return ""


class Independence:
    """How many independent outlets stand behind a claim.

    Documents of the same outlet count once. Two documents whose sentences for the claim are
    near-identical count once when one of them is a wire (the other prints its copy) or when
    the two share REPRINT_SENTENCES near-identical sentences (one reprints the other).
    """

    def __init__(self, claims: Sequence[Claim], outlets: dict[str, Outlet]) -> None:
        self.outlets = outlets
        self.words = {c.sentence.ref: _words(c.sentence.text) for c in claims}
        self.reprints = _reprint_pairs(claims)

    def voices(self, refs: Iterable[SentenceRef]) -> int:
        refs = [r for r in dict.fromkeys(refs) if r in self.words]
        parent = {r[0]: r[0] for r in refs}

        def find(doc: str) -> str:
            while parent[doc] != doc:
                doc = parent[doc]
            return doc

        for i, a in enumerate(refs):
            for b in refs[i + 1 :]:
                if a[0] != b[0] and self._same_copy(a, b):
                    parent[find(a[0])] = find(b[0])
        return len({find(doc) for doc in parent})

    def _same_copy(self, a: SentenceRef, b: SentenceRef) -> bool:
        oa, ob = self.outlets.get(a[0], Outlet()), self.outlets.get(b[0], Outlet())
        if oa.name and oa.name == ob.name:
            return True
        if _jaccard(self.words[a], self.words[b]) < NEAR_IDENTICAL:
            return False
        return oa.wire or ob.wire or frozenset((a[0], b[0])) in self.reprints


def _reprint_pairs(claims: Sequence[Claim]) -> set[frozenset[str]]:
    """Pairs of documents sharing REPRINT_SENTENCES sentences word for word (as words)."""
    docs_of: dict[tuple[str, ...], set[str]] = {}
    for claim in claims:
        key = tuple(w.lower() for w in _WORD.findall(claim.sentence.text))
        if len(key) >= 8:
            docs_of.setdefault(key, set()).add(claim.sentence.doc_id)
    shared: dict[frozenset[str], int] = {}
    for docs in docs_of.values():
        ordered = sorted(docs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pair = frozenset((a, b))
                shared[pair] = shared.get(pair, 0) + 1
    return {pair for pair, n in shared.items() if n >= REPRINT_SENTENCES}


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0
