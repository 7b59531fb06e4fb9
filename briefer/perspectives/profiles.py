"""Party profiles: who the parties are, and the other voices to keep apart from them.

A profile is a YAML file:

    name: pak-afg
    description: one line shown by `briefer profiles`
    parties:                      # in the order the briefing shows them
      - id: pakistan
        name: Pakistan
        aliases: [Pakistan, Pakistani, Islamabad, ISPR, Mohammad Sadiq]
    others:                       # optional: voices that belong to neither party
      - id: ttp
        name: Pakistani Taliban (TTP)
        aliases: [Pakistani Taliban, TTP]
    outlets:                      # optional: outlets, their domains and where they are based
      - name: Dawn
        domains: [dawn.com]
        home: pakistan            # a party id, or any other country

Built-in profiles live in `briefer/resources/profiles/`; `load_profile` takes their name or
the path of a user's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from briefer.data import NARRATOR, OTHER
from briefer.errors import ProfileError
from briefer.outlets import OutletDef, OutletSpecError, parse_outlets

__all__ = [
    "DEFAULT_PROFILE",
    "OtherDef",
    "PartyDef",
    "Profile",
    "list_profiles",
    "load_profile",
]

DEFAULT_PROFILE = "pak-afg"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_RESERVED = {OTHER, NARRATOR}


@dataclass(frozen=True)
class PartyDef:
    """A party of the profile: an id, the name the briefing shows, and its aliases."""

    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OtherDef:
    """A voice that belongs to neither party (residents, analysts, armed groups...)."""

    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    name: str
    parties: tuple[PartyDef, ...]
    others: tuple[OtherDef, ...] = ()
    description: str = ""
    outlets: tuple[OutletDef, ...] = ()

    def party_name(self, party_id: str) -> str:
        for party in self.parties:
            if party.id == party_id:
                return party.name
        return party_id


def _builtin_folder():  # noqa: ANN202 - an importlib Traversable
    return resources.files("briefer") / "resources" / "profiles"


def list_profiles() -> list[tuple[str, str]]:
    """The built-in profiles as (name, description), sorted by name."""
    out = []
    for entry in sorted(_builtin_folder().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            profile = _parse(entry.read_text(encoding="utf-8"), entry.name)
            out.append((entry.name.removesuffix(".yaml"), profile.description))
    return out


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    """A built-in profile by name ("pak-afg", "us-pak") or a user's YAML file by path."""
    text_name = str(name_or_path)
    builtin = _builtin_folder() / f"{text_name}.yaml"
    looks_like_path = isinstance(name_or_path, Path) or "/" in text_name or "\\" in text_name
    if not looks_like_path and not text_name.endswith((".yaml", ".yml")) and builtin.is_file():
        return _parse(builtin.read_text(encoding="utf-8"), f"{text_name}.yaml")
    path = Path(name_or_path)
    if not path.is_file():
        names = ", ".join(name for name, _ in list_profiles())
        raise ProfileError(
            f"--profile {text_name}: no such built-in profile or file (built-in: {names})"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            f"{path}: cannot be read ({exc.__class__.__name__}); give a UTF-8 YAML file"
        ) from None
    return _parse(text, str(path))


def _parse(text: str, where: str) -> Profile:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise ProfileError(f"{where}: not valid YAML{at} (check indentation and colons)") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: must be a mapping with keys name, parties and others")
    unknown = sorted(set(data) - {"name", "description", "parties", "others", "outlets"})
    if unknown:
        raise ProfileError(
            f"{where}: unknown key '{unknown[0]}'"
            " (allowed: name, description, parties, others, outlets)"
        )
    name = data.get("name", Path(where).stem)
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(f"{where}: 'name' must be a non-empty string (e.g. name: us-pak)")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ProfileError(f"{where}: 'description' must be a string on one line")
    if "parties" not in data:
        raise ProfileError(f"{where}: missing key 'parties' (a list of id, name, aliases)")
    parties = _entries(data["parties"], "parties", where, PartyDef)
    if not parties:
        raise ProfileError(f"{where}: 'parties' is empty (list at least one party)")
    others = _entries(data.get("others") or [], "others", where, OtherDef)
    seen: set[str] = set()
    for i, entry in enumerate((*parties, *others)):
        key = "parties" if i < len(parties) else "others"
        if entry.id in seen:
            raise ProfileError(f"{where}: {key} id '{entry.id}' is used twice (make ids unique)")
        seen.add(entry.id)
    try:
        outlets = parse_outlets(data.get("outlets") or [], where)
    except OutletSpecError as exc:
        raise ProfileError(str(exc)) from None
    return Profile(name.strip(), parties, others, description.strip(), outlets)


def _entries(value: object, key: str, where: str, kind: type) -> tuple:
    if not isinstance(value, list):
        raise ProfileError(f"{where}: '{key}' must be a list of entries with id, name, aliases")
    out = []
    for i, item in enumerate(value):
        at = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise ProfileError(f"{where}: {at} must be a mapping with keys id, name, aliases")
        unknown = sorted(set(item) - {"id", "name", "aliases"})
        if unknown:
            raise ProfileError(
                f"{where}: {at} has unknown key '{unknown[0]}' (allowed: id, name, aliases)"
            )
        ident = item.get("id")
        if not isinstance(ident, str) or not _ID.match(ident):
            raise ProfileError(
                f"{where}: {at}.id must be a lower-case word such as 'pakistan' "
                "(letters, digits, '-' or '_')"
            )
        if ident in _RESERVED:
            raise ProfileError(f"{where}: {at}.id '{ident}' is reserved (choose another id)")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(
                f"{where}: {at}.name must be a non-empty string (e.g. name: Pakistan)"
            )
        aliases = item.get("aliases")
        if (
            not isinstance(aliases, list)
            or not aliases
            or not all(isinstance(a, str) and a.strip() for a in aliases)
        ):
            raise ProfileError(
                f"{where}: {at}.aliases must be a non-empty list of strings "
                "(e.g. aliases: [Pakistan, Islamabad])"
            )
        out.append(kind(ident, name.strip(), tuple(a.strip() for a in aliases)))
    return tuple(out)
