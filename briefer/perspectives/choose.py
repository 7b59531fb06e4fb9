"""Which built-in profile fits a story (`--profile auto`): the parties its articles name.

A desk's inbox holds stories of several conflicts, and a story briefed with another
conflict's profile files every claim under "other voices" and says that neither party
spoke. So, for each built-in profile, the aliases of its parties are counted in the story's
titles and opening text (OPENING characters of each document): the profile's fit is the
count of its least-named party, since both sides of a conflict are named in its coverage (a
Pakistan-Afghanistan story names India now and then, an India-Pakistan story names India
throughout); a tie goes to more names in all. When no profile has every party named at least
MIN_NAMES times, the default profile (pak-afg) is used, as without "auto".
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

from briefer.data import Document
from briefer.perspectives.aliases import AliasMatcher, matcher_for
from briefer.perspectives.profiles import DEFAULT_PROFILE, Profile, list_profiles, load_profile

__all__ = ["AUTO", "MIN_NAMES", "choose_profile", "resolve_profile"]

AUTO = "auto"
MIN_NAMES = 2  # every party named at least this often, or the profile does not fit
OPENING = 4000  # characters of each document read: a story names its parties early


@functools.cache
def _builtins() -> tuple[tuple[Profile, AliasMatcher], ...]:
    profiles = (load_profile(name) for name, _ in list_profiles())
    return tuple((p, matcher_for(p)) for p in profiles)


def choose_profile(documents: Sequence[Document]) -> Profile:
    """The built-in profile whose parties `documents` name most (see the module docstring)."""
    texts = [f"{d.title}\n{d.text[:OPENING]}" for d in documents]
    best: tuple[int, int] = (MIN_NAMES - 1, 0)
    chosen: Profile | None = None
    for profile, matcher in _builtins():
        named = Counter(hit.owner for t in texts for hit in matcher.find(t) if hit.is_party)
        fit = (min(named[p.id] for p in profile.parties), sum(named.values()))
        if fit > best:
            best, chosen = fit, profile
    return chosen or load_profile(DEFAULT_PROFILE)


def resolve_profile(profile: object, documents: Sequence[Document]) -> Profile:
    """A loaded Profile as it is; "auto": the one that fits `documents`; a built-in name or
    a YAML path: loaded."""
    if isinstance(profile, Profile):
        return profile
    if str(profile) == AUTO:
        return choose_profile(documents)
    return load_profile(profile)  # type: ignore[arg-type]
