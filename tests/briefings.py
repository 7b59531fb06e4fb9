"""Briefings built by hand for the renderer tests: every section filled, no pipeline needed."""

from __future__ import annotations

import os
from pathlib import Path

from briefer.data import (
    BACKGROUND,
    FACTS,
    LEDE,
    OTHER,
    TABLE,
    VOICES,
    Briefing,
    Coverage,
    Document,
    GuardReport,
    HomeCount,
    Neutrality,
    Party,
    PartyStats,
    Row,
    RunInfo,
    Source,
    Statement,
)


def statement(sid: str, text: str, *refs: tuple[str, int], **fields: object) -> Statement:
    return Statement(id=sid, text=text, sources=tuple(refs), **fields)  # type: ignore[arg-type]


LEDE_FACT = statement(
    "s1",
    "Pakistani aircraft struck the Barmal district of Paktika province on Tuesday night.",
    ("ap", 1),
    ("dawn", 1),
    ("tolo", 1),
    place=LEDE,
    support="corroborated",
)
LEDE_PAK = statement(
    "s2",
    "Pakistan's military said the strikes hit hideouts of the Pakistani Taliban.",
    ("ap", 3),
    ("dawn", 2),
    party="pakistan",
    speaker="Pakistan's military",
    topic="targets",
    place=LEDE,
)
LEDE_AFG = statement(
    "s3",
    "The Afghan Defense Ministry said the bombing mostly hit civilians, including women "
    "and children.",
    ("ap", 6),
    party="afghanistan",
    speaker="The Afghan Defense Ministry",
    topic="targets",
    place=LEDE,
)
LEDE_TTP = statement(
    "s4",
    "The sources carry no statement from the Pakistani Taliban (TTP).",
    party="ttp",
    origin="note",
    place=LEDE,
)
PAK_TOLL = statement(
    "s5",
    "Security officials said several insurgents were killed and a training facility destroyed.",
    ("dawn", 5),
    party="pakistan",
    speaker="Security officials",
    topic="casualties",
    place=TABLE,
)
AFG_TOLL = statement(
    "s6",
    "According to Zabihullah Mujahid, eight people, including women and children, were killed.",
    ("tolo", 2),
    party="afghanistan",
    speaker="Zabihullah Mujahid",
    topic="casualties",
    origin="compressed",
    place=TABLE,
)
AFG_AGGRESSION = statement(
    "s7",
    "The ministry called the strikes *a blatant act of aggression* against Afghanistan's "
    "sovereignty.",
    ("tolo", 4),
    party="afghanistan",
    speaker="The ministry",
    topic="legality",
    place=TABLE,
)
PAK_LEGAL = statement(
    "s8",
    "“We act against terrorists who use Afghan soil | nothing else,” the foreign office said.",
    ("dawn", 7),
    party="pakistan",
    speaker="the foreign office",
    place=TABLE,
)
FACT_CORROBORATED = statement(
    "s9",
    "The district lies in mountains along the border with Pakistan.",
    ("ap", 2),
    ("tolo", 1),
    place=FACTS,
    support="corroborated",
)
FACT_SINGLE = statement(
    "s10",
    "AP reports that it is the second such strike since March.",
    ("ap", 4),
    place=FACTS,
    support="single",
)
RESIDENT = statement(
    "s11",
    "A resident of Barmal said the houses that were hit belonged to refugees from Waziristan.",
    ("ap", 9),
    party=OTHER,
    speaker="A resident of Barmal",
    place=VOICES,
)
ANALYST = statement(
    "s12",
    "An analyst in Islamabad said the strikes signal a harder line on cross-border militancy.",
    ("dawn", 11),
    party=OTHER,
    speaker="An analyst in Islamabad",
    place=VOICES,
)
HISTORY = statement(
    "s13",
    "Relations between the two neighbours have worsened since the Taliban returned to "
    "power in 2021.",
    ("dawn", 12),
    place=BACKGROUND,
    support="single",
)
UNSHOWN = statement(
    "s14",
    "Pakistan's military said the operation was based on intelligence reports.",
    ("dawn", 3),
    party="pakistan",
    speaker="Pakistan's military",
)


def sample_briefing() -> Briefing:
    """A briefing with every section, including a party with no statement in the sources."""
    rows = (
        Row("casualties", "Casualty figures", True, ((PAK_TOLL,), (AFG_TOLL,))),
        Row("legality", "Legality and sovereignty", True, ((), (AFG_AGGRESSION,))),
        Row("", "General", False, ((PAK_LEGAL,), ())),
    )
    lede = (LEDE_FACT, LEDE_PAK, LEDE_AFG, LEDE_TTP)
    shown = (
        *lede,
        PAK_TOLL,
        AFG_TOLL,
        AFG_AGGRESSION,
        PAK_LEGAL,
        FACT_CORROBORATED,
        FACT_SINGLE,
        RESIDENT,
        ANALYST,
        HISTORY,
    )
    return Briefing(
        title="Pakistani airstrikes in Paktika province",
        date="2026-11-23",
        lede=lede,
        parties=(
            Party("pakistan", "Pakistan"),
            Party("afghanistan", "Afghanistan (Taliban government)"),
            Party(
                "ttp",
                "Pakistani Taliban (TTP)",
                note="The sources carry no statement from the Pakistani Taliban (TTP).",
            ),
        ),
        columns=("pakistan", "afghanistan"),
        rows=rows,
        facts=(FACT_CORROBORATED, FACT_SINGLE),
        other_voices=(RESIDENT, ANALYST),
        background=(HISTORY,),
        statements=(*shown, UNSHOWN),
        sources=(
            Source(
                1,
                "dawn",
                title="Airstrikes target TTP in Paktika",
                outlet="Dawn",
                date="2026-11-22",
                path="samples/inputs/dawn.html",
                home="Pakistan",
                party="pakistan",
            ),
            Source(
                2,
                "tolo",
                title="Defense Ministry condemns Pakistani strikes",
                outlet="TOLOnews",
                date="2026-11-22",
                path="samples/inputs/tolo.txt",
                home="Afghanistan (Taliban government)",
                party="afghanistan",
            ),
            Source(
                3,
                "ap",
                title="Pakistan strikes suspected militant hideouts in Afghanistan",
                outlet="AP",
                date="2026-11-21",
                url="https://apnews.com/article/pakistan-afghanistan-airstrikes",
                home="United States",
            ),
        ),
        coverage=Coverage(
            first="2026-11-21",
            last="2026-11-22",
            homes=(
                HomeCount("Pakistan", "pakistan", 1),
                HomeCount("Afghanistan (Taliban government)", "afghanistan", 1),
                HomeCount("United States", "", 1),
            ),
            notes=("Pakistan's statements rest on one outlet, Dawn.",),
        ),
        run=RunInfo(
            briefer_version="0.1.0",
            summarizer="abstractive",
            model_id="briefer-bart-small",
            profile="pak-afg",
            date="2026-11-23",
            input_count=3,
            length="standard",
            max_words=520,
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
            warnings=("Parties without a statement in the sources: Pakistani Taliban (TTP).",),
        ),
        guard=GuardReport(generated=2, kept=1, replaced=1),
    )


def minimal_briefing() -> Briefing:
    """Only a lede and its sources: every optional section empty."""
    only = statement("s1", "Something happened.", ("d1", 0), place=LEDE, support="single")
    return Briefing(
        title="Minimal",
        date="2026-01-02",
        lede=(only,),
        statements=(only,),
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
