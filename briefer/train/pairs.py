"""Sentence-fusion training pairs (Lebanoff et al. 2019): source sentences -> one reference.

Each reference sentence is aligned to the 1-3 source sentences that best match it by ROUGE
(a greedy oracle that adds a sentence while the mean of ROUGE-1 and ROUGE-2 F improves).
A pair is kept only when its sources support the target (most of the target's content words,
every number and every outlet name occur in them), so the model learns to fuse, not to invent.
Multi-News references are written in a digest voice ("..., the AP reports"): those outlet tags
are stripped from targets first.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

SEP = " "  # as briefer.chunk.pack_inputs joins a group: Chunk.text
MAX_SOURCES = 3
MIN_TARGET_WORDS = 6

_TOKEN = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d[\d,.]*")
STOPWORDS = frozenset(
    """a an the and or but of to in on at for with by from as is was are were be been being it its
    this that these those he she they we you i his her their our your him them us has have had do
    does did not no so than then there here who whom which what when where why how all any some
    also just about into over after before up out s t will would can could should may might said
    says say""".split()
)

_KNOWN_OUTLETS = (
    r"ap|associated press|reuters|afp|cnn|bbc(?: news)?|npr|tmz|politico|bloomberg(?: news)?|"
    r"people|axios|vox|slate|salon|gawker|mashable|buzzfeed(?: news)?|variety|deadline|espn|"
    r"msnbc|cnbc|fox(?: news)?|abc(?: news)?|cbs(?: news)?|nbc(?: news)?|huffpost|"
    r"al jazeera|sky news|usa today|the hill|the atlantic|the verge|the times|the sun|wsj|nyt|"
    r"the daily beast|daily beast|the wrap|e! news|e! online|us weekly|fortune|forbes|wired|"
    r"engadget|techcrunch|quartz|mediaite|radar online|page six|[kw][a-z]{2,3}(?:-tv|-fm)?"
)
_OUTLET_NOUNS = (
    r"times|post|journal|news|tribune|herald|telegraph|guardian|independent|globe|chronicle|"
    r"reporter|insider|gazette|observer|examiner|inquirer|register|star|mail|mirror|magazine|"
    r"record|wire|blog|daily|today|press|sun|beast|monitor|bee|dispatch|enquirer|review|week|"
    r"weekly|online|station|affiliate|radio|tv|network|outlet|paper|newspaper|agency|site"
)
OUTLET = rf"(?:the |a )?(?:{_KNOWN_OUTLETS}|(?:[a-z.'&-]+ ){{0,4}}(?:{_OUTLET_NOUNS}))"
_VERB = r"(?:reports|reported|notes|noted|writes|wrote|explains|adds|points out|observes|says)"
_TAIL = re.compile(
    rf",?\s+(?:{OUTLET} {_VERB}|{_VERB} {OUTLET}|per {OUTLET}|via {OUTLET}|"
    rf"according to {OUTLET}|as {OUTLET} (?:reports|notes|puts it))(?=[\s.!?\"')]*$)"
)
_HEAD = re.compile(rf"^(?:{OUTLET} {_VERB} that |(?:per|according to|as) {OUTLET}(?: {_VERB})?, )")
_TELLS = re.compile(rf"\b(tells|told) {OUTLET}(?: (?:in|on) [a-z ]{{1,30}})?(?=\W)")
_JUNK = re.compile(
    r"click for|click here|read more|full story|more here|here's the|the full (?:article|piece)|"
    r"\(more\b|check out"
)
_OUTLET_MENTION = re.compile(
    r"\b(?:ap|associated press|reuters|afp|cnn|bbc|npr|tmz|politico|bloomberg|msnbc|cnbc|"
    r"fox news|abc news|cbs news|nbc news|huffington post|huffpost|washington post|"
    r"new york times|wall street journal|usa today|guardian|telegraph|daily mail|"
    r"los angeles times|la times|new york post|daily beast)\b"
)


@dataclass(frozen=True)
class Pair:
    source: str  # aligned source sentences in document order, joined with SEP
    target: str
    support: float  # share of the target's content words found in the sources
    n_sources: int


def format_source(sentences: Sequence[str]) -> str:
    """The model input for a group of source sentences (give them in document order)."""
    return SEP.join(" ".join(s.split()) for s in sentences)


def clean_target(sentence: str) -> str:
    """Strip outlet/digest tags from a reference sentence ("" when nothing is left)."""
    text = sentence.strip().lstrip("–—- ").strip()
    if _JUNK.search(text.lower()):
        return ""
    for _ in range(2):
        lower = text.lower()
        match = _TAIL.search(lower)
        if match:
            text = text[: match.start()].rstrip(" ,") + lower[match.end() :].strip()
            if not text.endswith((".", "!", "?", '"', "'")):
                text += "."
        lower = text.lower()
        match = _HEAD.match(lower)
        if match:
            rest = text[match.end() :]
            text = rest[:1].upper() + rest[1:]
    text = _TELLS.sub(lambda m: "says" if m.group(1) == "tells" else "said", text)
    text = _tidy_end(text)
    return text if len(text.split()) >= MIN_TARGET_WORDS else ""


def _tidy_end(text: str) -> str:
    """Drop the dangling quote mark Multi-News leaves at sentence ends, and ", ." debris."""
    text = text.strip()
    if text.endswith('"') and text.count('"') % 2:
        text = text[:-1].rstrip()
    text = re.sub(r"[\s,]+([.!?])$", r"\1", text)
    text = re.sub(r',\s*"\s*\.$', '."', text)
    return text


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def numbers(text: str) -> set[str]:
    return {n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(text)}


def split_text(text: str) -> list[tuple[int, int]]:
    """briefer's own splitter when present, so training sees the run-time sentences."""
    try:
        from briefer.split import split_text as briefer_split
    except ImportError:  # the splitter module is not there yet: plain Punkt
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        return list(PunktSentenceTokenizer().span_tokenize(text))
    return list(briefer_split(text))


def sentences_of(text: str, *, min_words: int = 4) -> list[str]:
    out = []
    for start, end in split_text(text):
        sentence = " ".join(text[start:end].split())
        if len(sentence.split()) >= min_words:
            out.append(sentence)
    return out


class _Grams:
    __slots__ = ("uni", "bi", "content")

    def __init__(self, toks: Sequence[str]) -> None:
        self.uni = Counter(toks)
        self.bi = Counter(zip(toks, toks[1:], strict=False))
        self.content = {t for t in toks if t not in STOPWORDS}


def _f1(cand: Counter, ref: Counter) -> float:
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def _score(chosen: Sequence[_Grams], ref: _Grams) -> float:
    uni, bi = Counter(), Counter()
    for g in chosen:
        uni.update(g.uni)
        bi.update(g.bi)
    return (_f1(uni, ref.uni) + _f1(bi, ref.bi)) / 2


def align(target: str, sources: Sequence[str], *, shortlist: int = 8) -> list[int]:
    """Indices of the 1-3 source sentences the greedy ROUGE oracle picks for `target`."""
    ref = _Grams(tokens(target))
    grams = [_Grams(tokens(s)) for s in sources]
    overlap = [len(g.content & ref.content) for g in grams]
    candidates = sorted(range(len(grams)), key=lambda i: -overlap[i])[:shortlist]
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < MAX_SOURCES:
        scored = [
            (_score([grams[j] for j in [*chosen, i]], ref), i)
            for i in candidates
            if i not in chosen
        ]
        if not scored:
            break
        score, pick = max(scored)
        if score <= best:
            break
        best, chosen = score, [*chosen, pick]
    return sorted(chosen)


def support(target: str, sources: Sequence[str]) -> float:
    """Share of the target's content words (and all its numbers) present in the sources."""
    source_text = " ".join(sources)
    have = set(tokens(source_text))
    want = [t for t in tokens(target) if t not in STOPWORDS]
    if not want:
        return 0.0
    if not numbers(target) <= numbers(source_text):
        return 0.0
    if set(_OUTLET_MENTION.findall(target.lower())) - set(
        _OUTLET_MENTION.findall(source_text.lower())
    ):
        return 0.0
    return sum(t in have for t in want) / len(want)


def pairs_for_example(
    documents: Sequence[str], reference: str, *, min_support: float
) -> Iterator[Pair]:
    """Fusion pairs of one multi-document example."""
    sources = [s for doc in documents for s in sentences_of(doc)]
    if not sources:
        return
    for raw in sentences_of(reference):
        target = clean_target(raw)
        if not target or len(target.split()) > 60:
            continue
        picked = align(target, sources)
        if not picked:
            continue
        chosen = [sources[i] for i in picked]
        sup = support(target, chosen)
        if sup >= min_support:
            yield Pair(format_source(chosen), target, round(sup, 3), len(chosen))


def read_example(row: dict) -> tuple[list[str], str]:
    """(documents, reference) of a Multi-News or a NeuS row."""
    if "target_summary" in row:
        return [d["text"] for d in row["documents"]], row["target_summary"]
    docs = row["documents"]
    kept = row.get("kept_doc_indices") or []
    if kept:
        docs = [docs[i] for i in kept if i < len(docs)]
    return list(docs), row["summary"]


def iter_rows(path: str | Path, limit: int | None = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            if line.strip():
                yield json.loads(line)


def _row_pairs(args: tuple[dict, float]) -> list[Pair]:
    row, min_support = args
    docs, reference = read_example(row)
    return list(pairs_for_example(docs, reference, min_support=min_support))


def build_pairs(
    path: str | Path, *, min_support: float = 0.7, limit: int | None = None, workers: int = 1
) -> list[Pair]:
    """All fusion pairs of a JSONL file, in row order (deterministic for any `workers`)."""
    jobs = ((row, min_support) for row in iter_rows(path, limit))
    if workers <= 1:
        return [p for job in jobs for p in _row_pairs(job)]
    from multiprocessing import Pool

    with Pool(workers) as pool:
        return [p for chunk in pool.imap(_row_pairs, jobs, chunksize=64) for p in chunk]


def write_pairs(pairs: Iterable[Pair], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def read_pairs(path: str | Path) -> list[Pair]:
    with open(path, encoding="utf-8") as f:
        return [Pair(**json.loads(line)) for line in f if line.strip()]
