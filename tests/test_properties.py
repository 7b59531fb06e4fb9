"""Properties that hold for any input (hypothesis): splitter, chunker, pipeline, readers."""

from __future__ import annotations

import io
import json
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import FakeSummarizer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.chunk import chunk_sentences
from briefer.data import Document, Sentence
from briefer.embed import HashingEmbedder
from briefer.errors import BrieferError, UsageError
from briefer.pipeline import build_briefing
from briefer.readers.docx import read_docx
from briefer.readers.html import read_html
from briefer.readers.records import read_json, read_jsonl
from briefer.readers.text import read_markdown, read_text
from briefer.split import split_sentences, split_text

WORDS = [
    "Pakistan",
    "Afghanistan",
    "Taliban",
    "officials",
    "said",
    "the",
    "strikes",
    "killed",
    "eight",
    "civilians",
    "militants",
    "Mr.",
    "Dr.",
    "U.S.",
    "Jan.",
    "No.",
    "3.5",
    "46",
    "Kabul",
    "denied",
    "claimed",
    "residents",
    "ministry",
    "spokesman",
    "border",
    "camp",
    "“We",
    "condemn”",
    "(Reuters)",
    "—",
    "-",
    "e.g.",
    "etc.",
    "...",
    "i.e.",
    "St.",
    "a.m.",
]
PUNCT = [".", "!", "?", "…", ".”", '?"', ".)", ",", ";", ":", ""]
SPACE = [" ", " ", " ", "\n", "\n\n", "\t", "  ", "\u00a0", "\u2028", "\r\n", " \n \n"]


@st.composite
def prose(draw: st.DrawFn, max_sentences: int = 12, min_sentences: int = 0) -> str:
    """News-like text: words, abbreviations, punctuation, odd spacing, lists and headings."""
    parts: list[str] = []
    for _ in range(draw(st.integers(min_sentences, max_sentences))):
        prefix = draw(st.sampled_from(["", "", "", "- ", "* ", "1. ", "# ", "KABUL — "]))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
        parts.append(prefix + " ".join(words) + draw(st.sampled_from(PUNCT)))
        parts.append(draw(st.sampled_from(SPACE)))
    return "".join(parts)


any_text = st.one_of(prose(), st.text(max_size=300))


# ---------------------------------------------------------------------------------------------
# splitter


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_splitter_covers_every_non_space_character_once_in_order(text):
    spans = split_text(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    covered = "".join(text[start:end] for start, end in spans)
    assert [c for c in covered if not c.isspace()] == [c for c in text if not c.isspace()]


@settings(max_examples=100, deadline=None)
@given(prose())
def test_sentences_carry_their_exact_spans(text):
    sentences = split_sentences(Document("d1", text))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


# ---------------------------------------------------------------------------------------------
# chunker


def count_words(text: str) -> int:
    return len(text.split())


@st.composite
def sentence_lists(draw: st.DrawFn) -> list[Sentence]:
    sentences = []
    for doc in range(draw(st.integers(1, 4))):
        text = draw(prose(max_sentences=8))
        sentences.extend(split_sentences(Document(f"d{doc + 1}", text)))
        if draw(st.booleans()):  # an over-long sentence, and one enormous "word"
            long = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=20, max_size=80)))
            sentences.append(Sentence(f"d{doc + 1}", 99, 0, len(long), long))
            blob = "x" * draw(st.integers(1, 200))
            sentences.append(Sentence(f"d{doc + 1}", 100, 0, len(blob), blob))
    return sentences


@settings(max_examples=200, deadline=None)
@given(sentence_lists(), st.integers(1, 40), st.integers(0, 3))
def test_no_chunk_exceeds_its_token_budget(sentences, budget, overlap):
    chunks = chunk_sentences(sentences, count_tokens=count_words, budget=budget, overlap=overlap)
    for chunk in chunks:
        assert chunk.n_tokens <= budget
        assert sum(count_words(s.text) for s in chunk.sentences) <= budget
        assert len(chunk.doc_ids) == 1
    without_overlap = chunk_sentences(sentences, count_tokens=count_words, budget=budget)
    words = [w for chunk in without_overlap for s in chunk.sentences for w in s.text.split()]
    assert words == [w for s in sentences for w in s.text.split()]  # nothing lost or repeated


# ---------------------------------------------------------------------------------------------
# pipeline


@st.composite
def document_sets(draw: st.DrawFn) -> list[Document]:
    texts = draw(st.lists(prose(max_sentences=10, min_sentences=1), min_size=1, max_size=4))
    return [Document(f"d{n}", text, title=f"T{n}") for n, text in enumerate(texts, 1)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document_sets(), st.integers(60, 600), st.sampled_from(["short", "standard", "full"]))
def test_every_statement_references_existing_sources_and_shows_once(documents, max_words, length):
    try:
        briefing = build_briefing(
            documents,
            date="2024-12-26",
            summarizer=FakeSummarizer(),
            embedder=HashingEmbedder(),
            length=length,
            max_words=max_words,
        )
    except UsageError as error:  # no sentences at all: refused, not crashed
        assert "no sentences" in str(error)
        return
    existing = {s.ref for doc in documents for s in split_sentences(doc)}
    numbered = {source.doc_id for source in briefing.sources}
    for statement in briefing.statements:
        if statement.origin == "note":
            continue
        assert statement.sources, statement
        assert set(statement.sources) <= existing, statement
        assert {doc_id for doc_id, _ in statement.sources} <= numbered
    shown = [s.id for s in briefing.shown()]
    assert len(shown) == len(set(shown))
    assert sorted(s.number for s in briefing.sources) == list(range(1, len(documents) + 1))


# ---------------------------------------------------------------------------------------------
# readers on arbitrary bytes

READERS = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "docx": read_docx,
    "json": read_json,
    "jsonl": read_jsonl,
}
PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"PK\x03\x04",
    b"<html><body><p>",
    b"<!DOCTYPE html><div>" * 3,
    b'{"text": ',
    b'[{"text": "',
    b"---\ntitle: ",
    "KABUL — ".encode(),
]


def _json_values() -> st.SearchStrategy:
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(["text", "title", "date", "source", "url", "x"]), inner, max_size=4
            )
        ),
        max_leaves=10,
    )


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


JSONISH = '{}[]":,. 0123456789-eE\\ntrufalsetextitledaourcl\n\u00e9\u2014'
raw_bytes = st.one_of(  # cheap to generate: the 10,000-case test uses these
    st.binary(max_size=200),
    st.builds(lambda p, b: p + b, st.sampled_from(PREFIXES), st.binary(max_size=200)),
    st.builds(
        lambda p, t: p + t.encode("utf-8", "surrogatepass"),
        st.sampled_from(PREFIXES),
        st.text(max_size=200),
    ),
    st.text(JSONISH, max_size=120).map(str.encode),
)
structured_bytes = st.one_of(  # valid JSON of any shape, zips with docx-like members
    _json_values().map(lambda v: json.dumps(v).encode()),
    st.lists(_json_values().map(json.dumps), max_size=4).map(lambda ls: "\n".join(ls).encode()),
    st.dictionaries(
        st.sampled_from(["[Content_Types].xml", "word/document.xml", "_rels/.rels"]),
        st.binary(max_size=80),
        max_size=3,
    ).map(_zip_of),
    st.builds(lambda p, t: p + t.encode(), st.sampled_from(PREFIXES), prose()),
)


def assert_reads_or_refuses(kind: str, data: bytes) -> None:
    """A reader either returns non-empty documents or raises a BrieferError naming the file."""
    try:
        result = READERS[kind](data, f"fuzz.{kind}")
    except BrieferError as error:
        assert str(error).startswith(f"fuzz.{kind}: ")
        return
    documents = result if isinstance(result, list) else [result]
    assert documents
    for document in documents:
        assert isinstance(document, Document) and document.text.strip()


@pytest.mark.filterwarnings("ignore::UnicodeWarning")
@settings(
    max_examples=10_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw_bytes)
def test_readers_raise_only_briefer_errors_on_10000_arbitrary_byte_strings(data):
    for kind in ("text", "markdown", "docx", "json", "jsonl"):
        assert_reads_or_refuses(kind, data)


@pytest.mark.filterwarnings("ignore::UnicodeWarning")
@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(raw_bytes, structured_bytes))
def test_every_reader_html_included_raises_only_briefer_errors_on_structured_bytes(data):
    for kind in READERS:  # trafilatura takes milliseconds a page: fewer cases here
        assert_reads_or_refuses(kind, data)


# near-repeat filters: indexed, and the same as comparing every pair ---------------------------

SMALL_VOCABULARY = ["strike", "Kabul", "border", "camp", "denied", "killed", "eight", "civilians"]
near_copies = st.lists(
    st.lists(st.sampled_from(SMALL_VOCABULARY), min_size=0, max_size=12).map(" ".join),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(near_copies)
def test_duplicate_collapsing_keeps_what_comparing_every_pair_keeps(texts: list[str]) -> None:
    from briefer.readers.dedup import NEAR_DUPLICATE, collapse_duplicates, shingles, similarity

    docs = [Document(id=f"d{i}", text=t, path=f"d{i}.txt") for i, t in enumerate(texts)]
    expected: list[tuple[str, list[str]]] = []  # (kept path, absorbed paths), first kept wins
    for doc in docs:
        grams = shingles(doc.text)
        for kept, absorbed in expected:
            if similarity(grams, shingles(texts[int(kept[1:-4])])) >= NEAR_DUPLICATE:
                absorbed.append(doc.path)
                break
        else:
            expected.append((doc.path, []))
    got = [(d.path, list(d.duplicates)) for d in collapse_duplicates(docs)]
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(near_copies, st.lists(st.sampled_from(["narrator", "pakistan"]), min_size=12, max_size=12))
def test_distinct_claims_fold_what_comparing_every_pair_folds(texts: list[str], parties) -> None:
    from briefer.data import Claim, RankedSentence
    from briefer.perspectives import distinct_claims, is_repeat

    claims = [Claim(Sentence("d", i, 0, len(t), t), party=parties[i]) for i, t in enumerate(texts)]
    ranked = [RankedSentence(c.sentence, 1.0 - i / 100) for i, c in enumerate(claims)]
    expected: list[tuple[int, list[int]]] = []  # (kept index, folded indexes)
    for i, claim in enumerate(claims):
        for kept, folded in expected:
            if claims[kept].party == claim.party and is_repeat(
                claims[kept].sentence.text, claim.sentence.text
            ):
                folded.append(i)
                break
        else:
            expected.append((i, []))
    got = [(c.sentence.index, [ref[1] for ref in c.also]) for c in distinct_claims(claims, ranked)]
    assert got == expected


# hostile characters through the readers, then the whole pipeline (issue 16) -----------------

HOSTILE = [
    "\ud800",
    "\udfff",
    "\udbff",
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x1b]0;pwned\x07",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\u202e",
    "e\u0301",
    "\r",
    "\r\n",
    "\t",
    "<script>",
    "</p>",
    "=SUM(1)",
    "`",
    "|",
    "[x](javascript:1)",
    "&#0;",
    "&#xD800;",
    "\\u0000",
]


@st.composite
def hostile_prose(draw: st.DrawFn) -> str:
    text = draw(prose(max_sentences=4, min_sentences=1))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
    return text


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes) of any supported kind carrying control characters and surrogates."""
    text = draw(hostile_prose())
    kind = draw(st.sampled_from(["txt", "md", "html", "json", "jsonl"]))
    if kind in ("json", "jsonl"):  # json.dumps writes lone surrogates as \ud800 escapes
        record = {
            "text": text,
            "title": draw(hostile_prose()),
            "url": draw(
                st.sampled_from(
                    ["", "https://example.org/a", "javascript:alert(1)", "https://x.org/\n<script>"]
                )
            ),
        }
        return f"fuzz.{kind}", json.dumps(record).encode()
    if kind == "html":
        text = f"<html><body><article><p>{text}</p></article></body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    errors = "surrogatepass" if encoding != "cp1252" else "replace"
    return f"fuzz.{kind}", text.encode(encoding, errors)


def _markup_is_inert(markdown: str) -> None:
    from markdown_it import MarkdownIt

    assert not [ch for ch in markdown if unicodedata.category(ch) in ("Cc", "Cs") and ch != "\n"]
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in html and 'href="javascript' not in html


@pytest.mark.filterwarnings("ignore::UnicodeWarning")
@settings(
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_files(), st.one_of(st.none(), hostile_prose()), st.integers(0, 39))
def test_pipeline_raises_only_briefer_errors_on_2000_hostile_inputs(file, title, docx_roll):
    """Readers, then the whole extractive pipeline and the renderers: a BrieferError or a
    briefing whose Markdown and JSON hold no control character and no live markup."""
    from briefer.readers import load_documents
    from briefer.render import render

    name, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            documents = load_documents([path])
            briefing = build_briefing(
                documents,
                title=title,
                date="2024-12-26",
                summarizer="extractive",
                embedder=HashingEmbedder(),
            )
        except BrieferError:
            return
    _markup_is_inert(render(briefing, "md").decode("utf-8"))
    json.loads(render(briefing, "json"))
    if docx_roll == 0:  # DOCX takes a tenth of a second: one example in forty
        assert render(briefing, "docx")[:2] == b"PK"
