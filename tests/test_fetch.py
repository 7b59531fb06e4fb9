"""`briefer fetch`: feeds and pages served from a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.errors import InputError, UsageError
from briefer.fetch import RECORD_NAME, Fetcher, fetch_feeds, read_sources
from briefer.readers import load_documents

ARTICLE = """<html><head><title>{title}</title></head><body>
<nav>Home | World | Sport | Subscribe</nav>
<article><h1>{title}</h1>
<p>{first}</p>
<p>Officials in the province said the crossing would stay closed until further notice and
that traders should not travel to the border before the talks had ended.</p>
<p>Residents said they had not been told how long the closure would last and that the markets
on both sides of the border had been empty since Monday.</p>
</article><footer>Copyright The Test Gazette</footer></body></html>"""


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{d}</pubDate></item>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title>'
        f"<link>http://127.0.0.1/</link>{entries}</channel></rss>"
    )


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
<entry><title>Atom story</title><id>urn:atom:1</id><link href="{base}/atom-story"/>
<updated>2031-03-05T08:00:00Z</updated></entry></feed>"""


class Site:
    """What the server serves (path -> (status, content type, body)) and what it was asked."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, float, str]] = []  # path, time, user agent
        self.base = ""

    def page(self, path: str, body: str, kind: str = "text/html", status: int = 200) -> None:
        self.pages[path] = (status, kind, body.encode("utf-8"))


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            site.requests.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
            status, kind, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def article(site: Site, path: str, title: str) -> tuple[str, str, str]:
    first = f"{title}, officials said on Tuesday in a statement read out at the border."
    site.page(path, ARTICLE.format(title=title, first=first))
    return title, site.base + path, "Tue, 04 Mar 2031 09:00:00 GMT"


@pytest.fixture
def feeds(site: Site, tmp_path: Path) -> Path:
    items = [article(site, f"/news/{i}", f"Crossing closed for day {i}") for i in (1, 2)]
    site.page("/feed.xml", rss(items), "application/rss+xml")
    sources = tmp_path / "sources.txt"
    sources.write_text(f"# my feeds\n{site.base}/feed.xml\n")
    return sources


def fast() -> Fetcher:
    return Fetcher(delay=0.0, timeout=5)


def test_items_are_saved_with_a_header_block_the_readers_parse(site, feeds, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = fetch_feeds(feeds, inbox, fetcher=fast())
    assert len(report.saved) == 2 and not report.failures
    text = report.saved[0].read_text()
    assert text.startswith("Title: Crossing closed for day 1\nSource: Test Gazette\nURL: ")
    assert "Date: 2031-03-04\n\n" in text and "Subscribe" not in text
    documents = load_documents([inbox])
    assert {d.outlet for d in documents} == {"Test Gazette"}
    assert {d.date for d in documents} == {"2031-03-04"}
    assert sorted(d.url for d in documents) == [f"{site.base}/news/1", f"{site.base}/news/2"]


def test_a_rerun_fetches_only_new_items(site, feeds, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fetch_feeds(feeds, inbox, fetcher=fast())
    items = [article(site, f"/news/{i}", f"Crossing closed for day {i}") for i in (1, 2, 3)]
    site.page("/feed.xml", rss(items), "application/rss+xml")
    site.requests.clear()
    report = fetch_feeds(feeds, inbox, fetcher=fast())
    assert [p.name.split("-")[-2] for p in report.saved] == ["3"] and report.known == 2
    assert [path for path, _, _ in site.requests] == ["/feed.xml", "/news/3"]
    record = json.loads((inbox / RECORD_NAME).read_text())
    assert len(record["items"]) == 3


def test_a_broken_feed_and_page_are_reported_by_url_and_the_rest_is_fetched(site, tmp_path) -> None:
    good = article(site, "/news/ok", "A good story about the crossing")
    missing = ("A page that is gone", site.base + "/news/gone", "Tue, 04 Mar 2031 09:00:00 GMT")
    site.page("/feed.xml", rss([good, missing]), "application/rss+xml")
    site.page("/broken.xml", "<html><body>no feed here", "text/html")
    site.page("/atom.xml", ATOM.format(base=site.base), "application/atom+xml")
    article(site, "/atom-story", "Atom story")
    sources = tmp_path / "sources.txt"
    sources.write_text(
        "\n".join(site.base + p for p in ("/broken.xml", "/nope.xml", "/feed.xml", "/atom.xml"))
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = fetch_feeds(sources, inbox, fetcher=fast())
    failed = dict(report.failures)
    assert set(failed) == {
        site.base + "/broken.xml",
        site.base + "/nope.xml",
        site.base + "/news/gone",
    }
    assert "HTTP 404" in failed[site.base + "/nope.xml"]
    assert sorted(p.read_text().splitlines()[0] for p in report.saved) == [
        "Title: A good story about the crossing",
        "Title: Atom story",
    ]
    assert sorted(p.name for p in inbox.iterdir() if not p.name.startswith(".")) == sorted(
        p.name for p in report.saved
    )  # nothing half-written: no temporary files left
    record = json.loads((inbox / RECORD_NAME).read_text())
    assert site.base + "/news/gone" not in record["items"]  # tried again next time


def test_a_page_over_the_size_limit_is_refused(site, feeds, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = fetch_feeds(feeds, inbox, fetcher=Fetcher(delay=0, max_bytes=400))
    assert report.saved == () and all("size limit" in why for _, why in report.failures)


def test_requests_to_one_host_wait_the_delay_and_name_briefer(site, feeds, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fetch_feeds(feeds, inbox, fetcher=Fetcher(delay=0.3))
    times = [t for _, t, _ in site.requests]
    assert len(times) == 3 and all(b - a >= 0.29 for a, b in zip(times, times[1:], strict=False))
    assert all(agent.startswith("briefer/") for _, _, agent in site.requests)


def test_opml_export_lists_its_feeds(tmp_path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="News"><outline type="rss" text="A" xmlUrl="https://a.test/rss"/>'
        '<outline type="rss" text="B" xmlUrl="http://b.test/atom"/></outline></body></opml>'
    )
    assert read_sources(opml) == ["https://a.test/rss", "http://b.test/atom"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("ftp://a.test/feed\n", r"not an http\(s\) feed URL"),
        ("# nothing\n", "lists no feeds"),
        ("<opml><body><outline", "not an OPML file"),
        ('<!DOCTYPE x [<!ENTITY a "b">]><opml/>', "declares XML entities"),
    ],
)
def test_bad_sources_are_one_input_error_naming_the_file(tmp_path, content, problem) -> None:
    path = tmp_path / "sources.txt"
    path.write_text(content)
    with pytest.raises(InputError, match=problem):
        read_sources(path)


def test_missing_inbox_is_a_usage_error(feeds, tmp_path) -> None:
    with pytest.raises(UsageError, match="--inbox"):
        fetch_feeds(feeds, tmp_path / "nope", fetcher=fast())


def test_fetch_command_reports_failures_and_exits_1(site, feeds, tmp_path) -> None:
    feeds.write_text(feeds.read_text() + f"{site.base}/missing.xml\n")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = CliRunner().invoke(
        app, ["fetch", str(feeds), "--inbox", str(inbox), "--delay", "0", "--quiet"]
    )
    assert result.exit_code == 1
    assert f"failed: {site.base}/missing.xml: HTTP 404" in result.output
    assert "2 new, 0 fetched before, 1 failed" in result.output
