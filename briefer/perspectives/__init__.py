"""Perspectives: who said what, each party's claims, the disputed points, a neutral voice.

load_profile("pak-afg"), or resolve_profile("auto", documents): the built-in one that fits
    ─▶ attribute(sentences, profile) ─▶ Claims (one per sentence)
    ─▶ distinct_claims(claims, ranked): each claim once, every source credited
    ─▶ party_claims(...) per party ─▶ disputed_topics / contested_cues / contradicts
    attributed_text(claim), name_speaker(text, claim): a claim's words naming its speaker
    neutral_text / neutral_voice: loaded terms stay inside attributed quotes
    neutrality_report(shown statements, parties)
"""

from __future__ import annotations

from briefer.perspectives.attribution import attribute
from briefer.perspectives.choose import AUTO, choose_profile, resolve_profile
from briefer.perspectives.disputes import (
    DISPUTE_TOPICS,
    contested_cues,
    contradicts,
    disputed_topics,
    point_name,
    speaks_to,
)
from briefer.perspectives.metrics import BALANCE, claims_rows, neutrality_report
from briefer.perspectives.neutral import (
    Lexicon,
    according_to,
    load_lexicon,
    loaded_terms_in_narration,
    neutral_text,
    neutral_voice,
    reported_by,
)
from briefer.perspectives.positions import (
    attributed_text,
    content_words,
    distinct_claims,
    is_repeat,
    name_speaker,
    party_claims,
    speaker_key,
)
from briefer.perspectives.profiles import (
    DEFAULT_PROFILE,
    OtherDef,
    PartyDef,
    Profile,
    list_profiles,
    load_profile,
)

__all__ = [
    "AUTO",
    "BALANCE",
    "DEFAULT_PROFILE",
    "DISPUTE_TOPICS",
    "Lexicon",
    "OtherDef",
    "PartyDef",
    "Profile",
    "according_to",
    "attribute",
    "attributed_text",
    "choose_profile",
    "claims_rows",
    "contested_cues",
    "content_words",
    "contradicts",
    "disputed_topics",
    "distinct_claims",
    "is_repeat",
    "list_profiles",
    "load_lexicon",
    "load_profile",
    "loaded_terms_in_narration",
    "name_speaker",
    "neutral_text",
    "neutral_voice",
    "neutrality_report",
    "party_claims",
    "point_name",
    "reported_by",
    "resolve_profile",
    "speaker_key",
    "speaks_to",
]
