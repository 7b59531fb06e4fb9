"""Perspectives: who said what, each party's position, the disputes, and a neutral voice.

    load_profile("pak-afg") ─▶ attribute(sentences, profile) ─▶ Claims (one per sentence)
        ─▶ analyze(claims, ranked, profile, summarizer, max_words=..., max_claims=5)
           ─▶ Perspectives (positions in profile order, disputes, other voices, key facts,
              background); attributed_text(claim) names a claim's speaker in its sentence
        ─▶ neutral_voice(summary, claims) ─▶ neutrality_report(summary, positions, claims)
"""

from __future__ import annotations

from briefer.perspectives.attribution import attribute
from briefer.perspectives.disputes import find_disputes
from briefer.perspectives.metrics import claims_rows, neutrality_report
from briefer.perspectives.neutral import (
    Lexicon,
    load_lexicon,
    loaded_terms_in_narration,
    neutral_voice,
)
from briefer.perspectives.positions import Perspectives, analyze, attributed_text, name_speaker
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
    "Lexicon",
    "OtherDef",
    "PartyDef",
    "Perspectives",
    "Profile",
    "analyze",
    "attribute",
    "attributed_text",
    "name_speaker",
    "claims_rows",
    "find_disputes",
    "list_profiles",
    "load_lexicon",
    "load_profile",
    "loaded_terms_in_narration",
    "neutral_voice",
    "neutrality_report",
]
