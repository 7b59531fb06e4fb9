"""Perspectives: who said what, each party's position, the disputes, and a neutral voice.

    load_profile("pak-afg") ─▶ attribute(sentences) ─▶ Claims
        ─▶ analyze(claims, ranked, ...) ─▶ positions, disputes, other voices, key facts
        ─▶ neutral_voice(summary, claims) ─▶ neutrality_report(...)
"""

from __future__ import annotations

from briefer.perspectives.attribute import attribute
from briefer.perspectives.profiles import (
    DEFAULT_PROFILE,
    OtherDef,
    PartyDef,
    Profile,
    list_profiles,
    load_profile,
)

__all__ = [
    "DEFAULT_PROFILE",
    "OtherDef",
    "PartyDef",
    "Profile",
    "attribute",
    "list_profiles",
    "load_profile",
]
