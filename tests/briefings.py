"""Briefings built by hand for the renderer tests: every section filled, no pipeline needed."""

from __future__ import annotations

import os
from pathlib import Path

from briefer.data import (
    OTHER,
    Briefing,
    Claim,
    Dispute,
    DisputeSide,
    Document,
    GuardReport,
    Neutrality,
    Party,
    PartyStats,
    Position,
    RunInfo,
    Sentence,
    Source,
    SummarySentence,
)


def sentence(doc_id: str, index: int, text: str) -> Sentence:
    return Sentence(doc_id=doc_id, index=index, start=0, end=len(text), text=text)


def claim(doc_id: str, index: int, text: str, **fields: object) -> Claim:
    return Claim(sentence=sentence(doc_id, index, text), **fields)  # type: ignore[arg-type]


PAK_STRIKE = claim(
    "ap", 3, "Pakistan's military said the strikes hit hideouts of the Pakistani Taliban.",
    speaker="Pakistan's military", party="pakistan", topic="targets", also=(("dawn", 2),),
)
PAK_TOLL = claim(
    "dawn", 5, "Security officials said several insurgents were killed and a training "
    "facility destroyed.",
    speaker="Security officials", party="pakistan", topic="casualties",
)
PAK_LEGAL = claim(
    "dawn", 7, "“We act against terrorists who use Afghan soil | nothing else,” the "
    "foreign office said.",
    speaker="the foreign office", party="pakistan", quote=True,
)
AFG_CIVILIANS = claim(
    "ap", 6, "The Afghan Defense Ministry said the bombing mostly hit civilians, including "
    "women and children.",
    speaker="The Afghan Defense Ministry", party="afghanistan", topic="targets",
    also_parties=("pakistan",),
)
AFG_TOLL = claim(
    "tolo", 2, "Eight people, including women and children, were killed.",
    speaker="Zabihullah Mujahid", party="afghanistan", topic="casualties",
)
AFG_AGGRESSION = claim(
    "tolo", 4, "The ministry called the strikes *a blatant act of aggression* against "
    "Afghanistan's sovereignty.",
    speaker="The ministry", party="afghanistan", topic="legality",
)
RESIDENT = claim(
    "ap", 9, "A resident of Barmal said the houses that were hit belonged to refugees from "
    "Waziristan.",
    speaker="A resident of Barmal", party=OTHER,
)
ANALYST = claim(
    "dawn", 11, "An analyst in Islamabad said the strikes signal a harder line on cross-border "
    "militancy.",
    speaker="An analyst in Islamabad", party=OTHER,
)


def summary(text: str, *refs: tuple[str, int], **fields: object) -> SummarySentence:
    return SummarySentence(text=text, sources=tuple(refs), **fields)  # type: ignore[arg-type]


def sample_briefing() -> Briefing:
    """A briefing with every section, including a party with no statement in the sources."""
    return Briefing(
        title="Pakistani airstrikes in Paktika province",
        date="2026-11-23",
        summary=(
            summary("Pakistan carried out airstrikes in Afghanistan's Paktika province on "
                    "Tuesday.", ("ap", 1), ("dawn", 1), ("tolo", 1)),
            summary("Pakistan's military says the strikes hit Pakistani Taliban hideouts.",
                    ("ap", 3), ("dawn", 2), origin="generated", party="pakistan"),
            summary("Afghanistan's Defense Ministry says most of those hit were civilians.",
                    ("ap", 6), party="afghanistan"),
            summary("The number of dead is disputed.", ("dawn", 5), ("tolo", 2)),
        ),
        key_facts=(
            summary("The strikes took place in the mountainous Barmal district of Paktika, "
                    "which borders Pakistan.", ("ap", 2), ("tolo", 1)),
            summary("It is the second such strike since March.", ("ap", 4)),
        ),
        parties=(
            Party("pakistan", "Pakistan"),
            Party("afghanistan", "Afghanistan (Taliban government)"),
            Party("ttp", "Pakistani Taliban (TTP)"),
        ),
        positions=(
            Position(
                party="afghanistan",
                name="Afghanistan (Taliban government)",
                summary=(
                    summary("Afghanistan's Defense Ministry says the strikes killed civilians "
                            "and calls them an act of aggression.", ("ap", 6), ("tolo", 4),
                            party="afghanistan", speaker="Defense Ministry"),
                ),
                claims=(AFG_CIVILIANS, AFG_TOLL, AFG_AGGRESSION),
            ),
            Position(
                party="pakistan",
                name="Pakistan",
                summary=(
                    summary("Pakistan's military says the strikes targeted militant hideouts "
                            "and killed insurgents.", ("ap", 3), ("dawn", 5),
                            party="pakistan", speaker="Pakistan's military"),
                ),
                claims=(PAK_STRIKE, PAK_TOLL, PAK_LEGAL),
            ),
            Position(
                party="ttp",
                name="Pakistani Taliban (TTP)",
                note="The sources carry no statement from the Pakistani Taliban (TTP).",
            ),
        ),
        disputes=(
            Dispute(
                point="casualties",
                sides=(
                    DisputeSide("pakistan", (PAK_TOLL,)),
                    DisputeSide("afghanistan", (AFG_TOLL,)),
                ),
            ),
            Dispute(
                point="who was hit",
                sides=(
                    DisputeSide("pakistan", (PAK_STRIKE,)),
                    DisputeSide("afghanistan", (AFG_CIVILIANS,)),
                ),
            ),
        ),
        other_voices=(RESIDENT, ANALYST),
        background=(
            summary("Relations between the two neighbours have worsened since the Taliban "
                    "returned to power in 2021.", ("dawn", 12)),
            summary("Pakistan accuses Kabul of sheltering the TTP, which Kabul denies.",
                    ("dawn", 13), ("tolo", 8)),
        ),
        sources=(
            Source(1, "ap", title="Pakistan strikes suspected militant hideouts in Afghanistan",
                   outlet="AP", date="2026-11-21",
                   url="https://apnews.com/article/pakistan-afghanistan-airstrikes"),
            Source(2, "dawn", title="Airstrikes target TTP in Paktika", outlet="Dawn",
                   date="2026-11-22", path="samples/inputs/dawn.html"),
            Source(3, "tolo", title="Defense Ministry condemns Pakistani strikes",
                   outlet="TOLOnews", date="2026-11-22", path="samples/inputs/tolo.txt"),
        ),
        run=RunInfo(
            briefer_version="0.1.0", summarizer="abstractive", model_id="briefer-bart-small",
            profile="pak-afg", date="2026-11-23", input_count=3,
        ),
        documents=(Document(id="ap", text="…"),),
        neutrality=Neutrality(
            parties=(
                PartyStats("pakistan", claims=3, words=41, sources=2),
                PartyStats("afghanistan", claims=3, words=46, sources=2),
                PartyStats("ttp"),
            ),
            balance_ratio=0.89,
            loaded_terms=(),
            referenced_share=1.0,
            warnings=("No statement from Pakistani Taliban (TTP) in the sources.",),
        ),
        guard=GuardReport(generated=2, kept=1, replaced=1),
    )


def minimal_briefing() -> Briefing:
    """Only a summary and its sources: every optional section empty."""
    return Briefing(
        title="Minimal",
        date="2026-01-02",
        summary=(summary("Something happened.", ("d1", 0)),),
        sources=(Source(1, "d1", title="Report", outlet="Wire", path="in/d1.txt"),),
        run=RunInfo(briefer_version="0.1.0", summarizer="extractive"),
        parties=(Party("a", "A"), Party("b", "B")),
        neutrality=Neutrality(),
        guard=GuardReport(),
    )


GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; BRIEFER_UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("BRIEFER_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"
