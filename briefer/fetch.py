"""`briefer fetch`: new items of news feeds saved as articles in an inbox folder.

    SOURCES (feed URLs, one a line, or an OPML export) ─▶ each feed (feedparser)
        ─▶ items not in the record ─▶ the page (urllib: timeout, size limit, user agent,
           a polite delay per host) ─▶ main text (trafilatura)
        ─▶ INBOX/<date>-<title>-<id>.txt with a header block (Title:, Source:, URL:, Date:)
           that briefer's readers parse, written atomically ─▶ the record

The record (INBOX/.briefer-fetched.json, hidden from the readers) lists every item saved, so
a rerun fetches only new ones. A feed or page that fails is reported by its URL and tried
again next time; the others go on, and nothing is written half.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from briefer import __version__
from briefer.errors import InputError, UsageError
from briefer.output import write_atomic

__all__ = ["FetchReport", "Fetcher", "fetch_feeds", "read_sources"]

USER_AGENT = f"briefer/{__version__} (news briefings; feed reader)"
RECORD_NAME = ".briefer-fetched.json"
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class FetchError(Exception):
    """One URL could not be fetched or read; the message says why."""


@dataclass(frozen=True)
class FetchReport:
    """What a run saved (new files), how many items it had already, what failed (URL, why)."""

    saved: tuple[Path, ...] = ()
    known: int = 0
    failures: tuple[tuple[str, str], ...] = ()


@dataclass
class Fetcher:
    """HTTP(S) GETs with a user agent, a timeout, a size limit and a delay per host."""

    delay: float = DEFAULT_DELAY
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str) -> tuple[bytes, str]:
        """The body of `url` and its content type; FetchError saying what went wrong."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchError("not an http(s) URL")
        self._wait(parts.hostname)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            raise FetchError(f"HTTP {error.code} {error.reason}") from None
        except urllib.error.URLError as error:
            raise FetchError(f"cannot connect ({error.reason})") from None
        except TimeoutError:
            raise FetchError(f"no answer within {self.timeout:g} s") from None
        except OSError as error:
            raise FetchError(f"cannot read ({error})") from None
        finally:
            self._last[parts.hostname] = time.monotonic()
        if len(body) > self.max_bytes:
            raise FetchError(f"larger than {self.max_bytes:,} bytes (the size limit)")
        return body, kind

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            time.sleep(max(0.0, self.delay - (time.monotonic() - last)))


def read_sources(path: Path) -> list[str]:
    """The feed URLs of SOURCES: one a line (# comments), or the outlines of an OPML file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(
            path, "no such file", "give a file of feed URLs or an OPML export"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read ({type(error).__name__})") from None
    if text.lstrip().startswith("<"):
        urls = _opml_urls(path, text)
    else:
        urls = [line.strip() for line in text.splitlines()]
        urls = [u for u in urls if u and not u.startswith("#")]
    for url in urls:
        if urlsplit(url).scheme not in {"http", "https"}:
            raise InputError(path, f"{url!r} is not an http(s) feed URL", "fix or remove that line")
    if not urls:
        raise InputError(path, "lists no feeds", "add feed URLs, one a line, or give an OPML file")
    return list(dict.fromkeys(urls))


def _opml_urls(path: Path, text: str) -> list[str]:
    if "<!ENTITY" in text:  # no entity expansion from a file off the internet
        raise InputError(path, "declares XML entities", "export the OPML again")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise InputError(path, f"not an OPML file ({error})", "give an OPML export") from None
    return [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl")]


def fetch_feeds(
    sources: Path,
    inbox: Path,
    *,
    fetcher: Fetcher | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> FetchReport:
    """Fetch the new items of every feed in `sources` into `inbox`."""
    if not inbox.is_dir():
        raise UsageError(f"--inbox {inbox}: the folder does not exist (create it first)")
    fetcher = fetcher or Fetcher()
    urls = read_sources(sources)
    record = _load_record(inbox)
    saved: list[Path] = []
    failures: list[tuple[str, str]] = []
    known = 0

    def fail(url: str, why: str) -> None:
        failures.append((url, why))
        if on_failure is not None:
            on_failure(url, why)

    for feed_url in urls:
        try:
            outlet, items = _feed(fetcher, feed_url)
        except FetchError as error:
            fail(feed_url, str(error))
            continue
        for item in items:
            if item.key in record:
                known += 1
                continue
            try:
                path = _save(fetcher, item, outlet, inbox)
            except FetchError as error:
                fail(item.url, str(error))
                continue
            record[item.key] = {"url": item.url, "file": path.name, "feed": feed_url}
            _write_record(inbox, record)  # after each item: an interrupted run loses none
            saved.append(path)
    return FetchReport(saved=tuple(saved), known=known, failures=tuple(failures))


@dataclass(frozen=True)
class _Item:
    key: str  # the feed's id for the item, else its link
    url: str
    title: str
    date: str  # ISO day or ""


def _feed(fetcher: Fetcher, url: str) -> tuple[str, list[_Item]]:
    import feedparser

    body, _ = fetcher.get(url)
    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FetchError(f"not an RSS or Atom feed ({type(reason).__name__})")
    outlet = _one_line(parsed.feed.get("title", "")) or (urlsplit(url).hostname or "")
    items = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if urlsplit(link).scheme not in {"http", "https"}:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*stamp[:3]).isoformat() if stamp else ""
        key = (entry.get("id") or link).strip()
        items.append(_Item(key=key, url=link, title=_one_line(entry.get("title", "")), date=date))
    return outlet, items


def _save(fetcher: Fetcher, item: _Item, outlet: str, inbox: Path) -> Path:
    import trafilatura

    body, kind = fetcher.get(item.url)
    if kind not in {"text/html", "application/xhtml+xml", "text/plain"}:
        raise FetchError(f"not a web page ({kind})")
    html = body.decode("utf-8", "replace")
    text = html if kind == "text/plain" else trafilatura.extract(html, url=item.url)
    if not text or not text.strip():
        raise FetchError("no article text found on the page")
    header = [f"Title: {item.title}"] if item.title else []
    header += [f"Source: {outlet}"] if outlet else []
    header += [f"URL: {item.url}"] + ([f"Date: {item.date}"] if item.date else [])
    path = inbox / _file_name(item)
    write_atomic(path, ("\n".join(header) + "\n\n" + text.strip() + "\n").encode("utf-8"))
    return path


def _file_name(item: _Item) -> str:
    ascii_title = unicodedata.normalize("NFKD", item.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-")
    digest = hashlib.sha1(item.key.encode("utf-8")).hexdigest()[:8]
    return f"{item.date or 'undated'}-{slug or 'item'}-{digest}.txt"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def _load_record(inbox: Path) -> dict[str, dict]:
    path = inbox / RECORD_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return dict(data["items"])
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(
            path,
            "is not briefer's record of fetched items",
            "move it away to fetch everything again",
        ) from None


def _write_record(inbox: Path, record: dict[str, dict]) -> None:
    data = {"version": 1, "items": record}
    write_atomic(
        inbox / RECORD_NAME, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode()
    )
