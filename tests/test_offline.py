"""A full brief with the real embedding model and every socket blocked."""

import socket
from pathlib import Path

import pytest

from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.render import save

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_full_brief_makes_no_network_access(monkeypatch, tmp_path):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    documents = load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])
    briefing = build_briefing(documents, date="2024-12-26")
    for suffix in ("md", "json", "docx"):
        save(briefing, tmp_path / f"brief.{suffix}")

    assert attempts == []
    assert briefing.lede and all(s.sources for s in briefing.lede if s.origin != "note")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "brief.json", "brief.md"]
