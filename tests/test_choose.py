"""briefer.perspectives.choose: --profile auto picks the built-in profile a story fits."""

from __future__ import annotations

from conftest import make_document

from briefer.embed import HashingEmbedder
from briefer.perspectives import AUTO, choose_profile, load_profile, resolve_profile
from briefer.stories import brief_stories

KASHMIR = (
    "Indian missiles struck sites in Pakistan overnight, Pakistan's army said. India's defence"
    " ministry said the strikes hit militant camps, not Pakistani military facilities."
    " Islamabad called the attack an act of war; New Delhi said it had acted with restraint."
)
BORDER = (
    "Afghan forces fired on a Pakistani border post near Chaman, Pakistan's military said."
    " The Taliban government in Kabul said Pakistani troops had crossed into Afghanistan."
    " India condemned the violence."
)
CAUCASUS = (
    "Azerbaijan's defence ministry said Armenian units shelled its positions near Kalbajar."
    " Armenia's defence ministry said Azerbaijani artillery hit the towns of Goris and Jermuk,"
    " and Yerevan asked its allies for help. Baku denied targeting civilians."
)


def test_each_conflict_gets_the_profile_of_the_parties_it_names() -> None:
    assert choose_profile([make_document(KASHMIR)]).name == "ind-pak"
    assert choose_profile([make_document(BORDER)]).name == "pak-afg"  # India named once
    assert choose_profile([make_document(CAUCASUS)]).name == "arm-aze"


def test_no_conflict_named_twice_on_both_sides_falls_back_to_the_default() -> None:
    weather = make_document("Heavy rain fell on the coast on Monday. Roads were closed.")
    one_side = make_document("Pakistan's cabinet met on Monday. Pakistan raised fuel prices.")
    assert choose_profile([weather]).name == "pak-afg"
    assert choose_profile([one_side]).name == "pak-afg"


def test_a_named_profile_or_a_loaded_one_is_used_as_given() -> None:
    kashmir = [make_document(KASHMIR)]
    assert resolve_profile("us-pak", kashmir).name == "us-pak"
    loaded = load_profile("thai-cam")
    assert resolve_profile(loaded, kashmir) is loaded
    assert resolve_profile(AUTO, kashmir).name == "ind-pak"


def test_a_digest_briefs_each_story_with_its_own_conflicts_parties() -> None:
    documents = [
        make_document(KASHMIR, "k1", title="India strikes Pakistan", date="2025-05-07"),
        make_document(KASHMIR.replace("overnight", "at night"), "k2", date="2025-05-07"),
        make_document(CAUCASUS, "c1", title="Clashes on Armenia border", date="2022-09-13"),
        make_document(CAUCASUS.replace("near", "close to"), "c2", date="2022-09-13"),
    ]
    digest = brief_stories(documents, embedder=HashingEmbedder(), summarizer="extractive")
    profiles = {b.run.profile for b in digest.stories}
    assert profiles == {"ind-pak", "arm-aze"}
    for story in digest.stories:
        names = {p.name for p in story.parties}
        assert not any("no statement" in p.note for p in story.parties), (names, story.parties)
