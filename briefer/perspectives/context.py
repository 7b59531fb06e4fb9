"""A document's context for attribution: whose officials an unqualified "officials said" means.

    document_context(sentences, profile, document) -> Context(place="pakistan", outlet=..., ...)

The dateline's place (a profile alias or a city of resources/places.yaml), the outlet's home
(the profile's `outlets:` or briefer's outlet table), the party the text mentions clearly
most, and last the party whose city or province the opening sentences name (the scene).
DocState is what attribution carries from one sentence of a document to the next.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from briefer.data import Document, Sentence
from briefer.outlets import OutletDef, outlet_of
from briefer.perspectives.aliases import AliasMatcher, matcher_for
from briefer.perspectives.profiles import Profile
from briefer.perspectives.roles import head_word

__all__ = ["Context", "DocState", "document_context", "gazetteer", "outlet_def"]

_DATELINE = re.compile(
    r"^\s*(?:reporting\s+from\s+)?[A-Za-z][\w .'-]{1,25},\s+[A-Za-z][\w.'-]+(?:\s[A-Za-z]+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Context:
    """Whose officials an unqualified "officials said" means in one document."""

    place: str | None = None  # the dateline's country, when it is a party
    outlet: str | None = None  # the outlet's home, when it is a party
    mentions: str | None = None  # the party the document mentions clearly most
    scene: str | None = None  # the party whose place the opening sentences name ("in Kandahar")

    @property
    def party(self) -> str | None:
        return self.place or self.outlet or self.mentions or self.scene


@dataclass
class DocState:
    """What attribution carries from one sentence of a document to the next."""

    context: Context
    last: tuple[str, str] | None = None  # (speaker, party) of the latest attributed sentence
    last_index: int = -10
    open_quote: bool = False
    speakers: list[tuple[str, str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # surname -> party learned in the doc
    outlets: list[tuple[str, str]] = field(default_factory=list)  # outlets heard, in order


def document_context(
    sentences: Sequence[Sentence], profile: Profile, document: Document | None = None
) -> Context:
    """The context party of a document: its dateline's place, its outlet's home, the party
    its text mentions clearly more than any other."""
    matcher = matcher_for(profile)
    place = None
    if document is not None and document.place:
        place = _place_party(document.place, matcher)
    if place is None and (document is None or not document.marks):
        for s in sentences[:3]:  # a dateline left in the text ("PESHAWAR, Pakistan — ...")
            m = _DATELINE.match(s.text)
            hits = [h for h in matcher.find(m.group(0)) if h.is_party] if m else []
            if hits:
                place = hits[0].owner
                break
    outlet = _outlet_party(document, profile, matcher) if document is not None else None
    return Context(place, outlet, _mentioned(sentences, matcher), _scene(sentences, matcher))


def outlet_def(document: Document, profile: Profile) -> OutletDef | None:
    """The outlet of a document: by its URL's domain, else by the name it gives."""
    return outlet_of(document.url, document.outlet, profile.outlets)


def _outlet_party(document: Document, profile: Profile, matcher: AliasMatcher) -> str | None:
    outlet = outlet_def(document, profile)
    if outlet is None or not outlet.home:
        return None
    if outlet.home in {p.id for p in profile.parties}:
        return outlet.home
    hits = [h for h in matcher.find(outlet.home) if h.is_party]
    return hits[0].owner if hits else None


def _place_party(place: str, matcher: AliasMatcher) -> str | None:
    hits = [h for h in matcher.find(place) if h.is_party]
    if hits:
        return hits[-1].owner  # "Peshawar, Pakistan": the country, after the city
    country = gazetteer().get(place.split(",")[0].strip().lower())
    if country:
        hits = [h for h in matcher.find(country) if h.is_party]
        return hits[0].owner if hits else None
    return None


@functools.cache
def gazetteer() -> dict[str, str]:
    """City -> country, from resources/places.yaml."""
    import yaml

    text = (resources.files("briefer") / "resources" / "places.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return {city.lower(): country for country, cities in data.items() for city in cities}


def _scene(sentences: Sequence[Sentence], matcher: AliasMatcher) -> str | None:
    """The party whose city or province the first sentences name ("... in Kandahar province
    on Thursday"): where the story is, whose officials an unqualified "officials say" are
    when nothing else tells."""
    places = gazetteer()
    for s in sentences[:3]:
        for m in _SCENE.finditer(s.text):
            country = places.get(m.group(1).lower())
            hits = [h for h in matcher.find(country) if h.is_party] if country else []
            if hits:
                return hits[0].owner
    return None


_SCENE = re.compile(r"\b(?:in|near|at)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")


def _mentioned(sentences: Sequence[Sentence], matcher: AliasMatcher) -> str | None:
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


def accuser(speaker: str, text: str, profile: Profile, matcher: AliasMatcher) -> str | None:
    """The party of an unnamed ministry or army that no context places ("The Defence Ministry
    has stated that Armenia uses artillery ...", in an outlet of unknown home): in a two-party
    profile, the side other than the one `text` tells as attacking or provoking; else None."""
    parties = [p.id for p in profile.parties]
    if len(parties) != 2 or head_word(speaker) not in _ORGANS:
        return None
    owners = {
        hit.owner
        for hit in matcher.find(text)
        if hit.is_party
        and (
            _ACTS.match(text, hit.end) or _PROVOKED.search(text[max(0, hit.start - 30) : hit.start])
        )
    }
    if len(owners) != 1 or (side := owners.pop()) not in parties:
        return None
    return parties[1 - parties.index(side)]


_ORGANS = frozenset("ministry army military government office department command".split())
_ACTS = re.compile(
    r"[^.,;:]{0,40}?\b(?:fired|opened fire|attacked|shelled|bombed|struck|uses?|used"
    r"|launched|violated|invaded|continues? (?:large-scale )?provocations|provocations?"
    r"|provoked|aggression|firing|shelling|attacking)\b",
    re.IGNORECASE,
)
_PROVOKED = re.compile(
    r"\b(?:provocations?|aggression|attack|shelling)\s+(?:by|of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
