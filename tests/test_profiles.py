"""Party profiles: built-ins, user files, one-line errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.errors import ProfileError
from briefer.perspectives import list_profiles, load_profile


def test_default_profile_has_pakistan_then_afghanistan() -> None:
    profile = load_profile("pak-afg")
    assert [p.id for p in profile.parties] == ["pakistan", "afghanistan"]
    assert "TTP" in {a for o in profile.others for a in o.aliases}


def test_list_profiles_names_both_builtins() -> None:
    names = dict(list_profiles())
    assert {"pak-afg", "us-pak"} <= set(names)
    assert all(names.values())


def test_user_profile_loads_from_path(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: x\nparties:\n  - {id: a, name: A, aliases: [Aland]}\n")
    profile = load_profile(path)
    assert profile.name == "x" and profile.parties[0].aliases == ("Aland",)
    assert profile.others == ()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("parties: nope\n", "'parties'"),
        ("name: x\n", "'parties'"),
        ("parties:\n  - {id: a, name: A}\n", "parties[0].aliases"),
        ("parties:\n  - {id: Bad Id, name: A, aliases: [x]}\n", "parties[0].id"),
        ("parties:\n  - {id: other, name: A, aliases: [x]}\n", "reserved"),
        (
            "parties:\n  - {id: a, name: A, aliases: [x]}\n  - {id: a, name: B, aliases: [y]}\n",
            "used twice",
        ),
        ("parties: [\n", "not valid YAML"),
        ("partys: []\n", "unknown key 'partys'"),
    ],
)
def test_malformed_profile_gets_one_line_naming_the_key(
    tmp_path: Path, text: str, key: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert key in message and "\n" not in message and str(path) in message


def test_unknown_profile_name_lists_builtins() -> None:
    with pytest.raises(ProfileError, match="pak-afg"):
        load_profile("no-such-profile")


def test_only_a_persons_alias_lends_its_surname_as_an_alias() -> None:
    from briefer.perspectives.aliases import matcher_for

    matcher = matcher_for(load_profile("isr-iran"))
    assert [h.owner for h in matcher.find("Hagari said the jets returned safely.")] == ["israel"]
    # "Israeli Air Force" and "Tel Aviv" are no people: "force", "aviv" are no surnames
    assert matcher.find("The air defense force said the strikes caused limited damage.") == []
    assert [h.owner for h in matcher.find("Sirens sounded in Tel Aviv.")] == ["israel"]


def test_a_bodys_alias_lends_no_surname_and_a_press_service_points_back(tmp_path: Path) -> None:
    from briefer.data import Document
    from briefer.perspectives import attribute
    from briefer.perspectives.aliases import AliasMatcher
    from briefer.split import split_sentences

    path = tmp_path / "p.yaml"
    path.write_text(
        "name: x\nparties:\n"
        "  - {id: north, name: Northland, aliases: [Northland, Border Service, Maya Orrin]}\n"
        "  - {id: south, name: Southland, aliases: [Southland, Southland border troops]}\n"
    )
    profile = load_profile(path)
    matcher = AliasMatcher(profile)
    assert matcher.find("the press service said") == []  # "Border Service" is no person
    assert [h.owner for h in matcher.find("Orrin said so.")] == ["north"]
    text = (
        "The press center of the Southland border troops said Northland forces shelled Kesh."
        ' According to the press service, "the shelling went on until noon."'
    )
    doc = Document("d1", text)
    claims = attribute(split_sentences(doc), profile, documents=[doc])
    assert [c.party for c in claims] == ["south", "south"]


def test_a_surname_listed_alone_is_a_person_whose_statement_does_not_carry_on(
    tmp_path: Path,
) -> None:
    from briefer.data import Document
    from briefer.perspectives import attribute
    from briefer.split import split_sentences

    path = tmp_path / "p.yaml"
    path.write_text(
        "name: x\nparties:\n"
        "  - {id: north, name: Northland, aliases: [Northland, Kesh]}\n"
        "  - {id: south, name: Southland, aliases: [Southland, Maya Orrin, Orrin]}\n"
    )
    text = (
        '"Our territory was bombed by an air attack," Orrin told a news conference.'
        ' "I have ordered troops to the border," Orrin said.'
        " Orrin also said he had called for a meeting of the regional body."
        " The Northland army killed a rebel leader and 16 fighters in an attack on a camp"
        " in Southland on Saturday."
    )
    doc = Document("d1", text)
    claims = attribute(split_sentences(doc), load_profile(path), documents=[doc])
    assert [c.party for c in claims] == ["south", "south", "south", "narrator"]
