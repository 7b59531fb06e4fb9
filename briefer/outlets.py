"""News outlets by web domain: the name to show, where the outlet is based, wire or not.

    outlet_for_url("https://www.dawn.com/news/1") -> OutletDef("Dawn", ("dawn.com",), "Pakistan")

The built-in table is `resources/outlets.yaml`; a profile's `outlets:` entries come first.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

__all__ = [
    "OutletDef",
    "builtin_outlets",
    "domain_of",
    "outlet_for_url",
    "outlet_of",
    "parse_outlets",
]


@dataclass(frozen=True)
class OutletDef:
    """An outlet: its name, its web domains, where it is based, and whether it is a wire."""

    name: str
    domains: tuple[str, ...] = ()
    home: str = ""  # a country name or a profile party id; "" when not known
    wire: bool = False


class OutletSpecError(ValueError):
    """An `outlets:` entry is malformed (the profile loader turns it into a ProfileError)."""


def parse_outlets(value: object, where: str) -> tuple[OutletDef, ...]:
    """`outlets:` entries (a list of mappings with name, domains, home, wire), checked."""
    if not isinstance(value, list):
        raise OutletSpecError(f"{where}: 'outlets' must be a list of entries with name, domains")
    out = []
    for i, item in enumerate(value):
        at = f"{where}: outlets[{i}]"
        if not isinstance(item, dict):
            raise OutletSpecError(f"{at} must be a mapping with keys name, domains, home, wire")
        unknown = sorted(set(item) - {"name", "domains", "home", "wire"})
        if unknown:
            raise OutletSpecError(
                f"{at} has unknown key '{unknown[0]}' (allowed: name, domains, home, wire)"
            )
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise OutletSpecError(f"{at}.name must be a non-empty string (e.g. name: Dawn)")
        domains = item.get("domains", [])
        if not isinstance(domains, list) or not all(isinstance(d, str) and d for d in domains):
            raise OutletSpecError(f"{at}.domains must be a list of domains (e.g. [dawn.com])")
        home = item.get("home", "")
        if not isinstance(home, str):
            raise OutletSpecError(f"{at}.home must be a country or party id (e.g. home: Pakistan)")
        wire = item.get("wire", False)
        if not isinstance(wire, bool):
            raise OutletSpecError(f"{at}.wire must be true or false")
        cleaned = tuple(_bare(d) for d in domains)
        out.append(OutletDef(name.strip(), cleaned, home.strip(), wire))
    return tuple(out)


@functools.cache
def builtin_outlets() -> tuple[OutletDef, ...]:
    import yaml

    text = (resources.files("briefer") / "resources" / "outlets.yaml").read_text("utf-8")
    return parse_outlets(yaml.safe_load(text), "outlets.yaml")


def domain_of(url: str) -> str:
    """The host of `url` without "www." and a port, lower-cased; "" when it has none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return _bare(host)


def outlet_for_url(url: str, outlets: Iterable[OutletDef] = ()) -> OutletDef | None:
    """The outlet whose domain `url` is on (a subdomain counts; the longest domain wins),
    `outlets` before the built-in table."""
    host = domain_of(url)
    if not host:
        return None
    for table in (tuple(outlets), builtin_outlets()):
        matches = [
            (len(domain), outlet)
            for outlet in table
            for domain in outlet.domains
            if host == domain or host.endswith("." + domain)
        ]
        if matches:
            return max(matches, key=lambda m: m[0])[1]
    return None


def outlet_of(url: str, name: str = "", outlets: Iterable[OutletDef] = ()) -> OutletDef | None:
    """The outlet of an article: by its URL's domain, else by the name (or domain) it gives;
    `outlets` (a profile's) before the built-in table."""
    outlets = tuple(outlets)
    if url:
        found = outlet_for_url(url, outlets)
        if found is not None:
            return found
    key = _name_key(name)
    if not key:
        return None
    for outlet in (*outlets, *builtin_outlets()):
        if (
            _name_key(outlet.name) == key
            or key in outlet.domains
            or domain_of(key) in outlet.domains
        ):
            return outlet
    return None


def _name_key(name: str) -> str:
    """ "The Express Tribune" and "express  tribune" name one outlet."""
    return " ".join(name.lower().split()).removeprefix("the ")


def _bare(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host
