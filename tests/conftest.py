"""Shared test set-up: offline, isolated caches, small in-memory documents, fakes."""

from __future__ import annotations

import socket
from collections.abc import Sequence

import pytest

from briefer.data import Document, RankedSentence, SummarySentence


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reaches the network or writes to a real cache."""
    cache = tmp_path_factory.mktemp("cache")
    for var in ("HF_HOME", "XDG_CACHE_HOME", "TORCH_HOME"):
        monkeypatch.setenv(var, str(cache / var.lower()))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")

    real_connect = socket.socket.connect

    def loopback_only(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if sock.family == socket.AF_UNIX or host in _LOOPBACK:
            return real_connect(sock, address)
        raise RuntimeError(f"network access attempted during a test: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", loopback_only)


_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def _extractive_unless_marked(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Tests see no shipped model (so briefs default to extractive and stay fast), except
    those marked `model`, which run the shipped one."""
    if request.node.get_closest_marker("model") is None:
        monkeypatch.setenv("BRIEFER_MODELS", str(tmp_path_factory.mktemp("no-models")))
    else:
        monkeypatch.delenv("BRIEFER_MODELS", raising=False)


def make_document(text: str, doc_id: str = "d1", **fields: str) -> Document:
    """A small in-memory document for tests."""
    return Document(id=doc_id, text=text, **fields)


class FakeSummarizer:
    """Keeps the first sentences in rank order up to max_words: no model needed."""

    name = "fake"
    model_id = "fake"

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: object, max_words: int
    ) -> tuple[SummarySentence, ...]:
        out: list[SummarySentence] = []
        words = 0
        for ranked in sentences:
            n = len(ranked.sentence.text.split())
            if out and words + n > max_words:
                break
            out.append(SummarySentence(ranked.sentence.text, ranked.refs))
            words += n
        return tuple(out)


@pytest.fixture
def fake_summarizer() -> FakeSummarizer:
    return FakeSummarizer()
