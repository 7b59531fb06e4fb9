"""Coverage of the dev set's checklists by briefer's brief: the right party, never the wrong one.

    .venv/bin/python scripts/eval_coverage.py                  # dev events, default length
    .venv/bin/python scripts/eval_coverage.py --split heldout  # the held-out events, at the end
    .venv/bin/python scripts/eval_coverage.py --events thai-cam-2025-07 --length short

For each event of `devset/events.yaml` whose texts are present (`devset/articles/`, a link to
/work/devtexts; an event without them is skipped, and the reason printed), the articles are
briefed with the event's profile and scored against `devset/checklists/<event>.yaml`:

- a core claim is **shown under the right party** when a statement the brief shows under that
  party (its table column, or the lede's statement for it) matches all its keyword groups;
- **under the other party or as fact** when a statement shown under another party, or among
  the facts (the facts section and the lede's narrator sentences), matches;
- a fact is **in the lede** when a lede statement matches it.

A keyword group matches when one of its alternatives is a case-insensitive substring. Also
checked: the body's words (everything above "## Sources", str.split()), sentences of eight or
more words printed twice, and whether the lede names every party with a statement. Each
document gets the outlet, URL and date that `events.yaml` records for it where its own text
gives none (a clipping tool's header would). Briefs (Markdown and DOCX) go to --out (never
into the repository: they hold the outlets' sentences).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "devset"
BODY_END = "\n## Sources"


@dataclass
class EventScore:
    event: str
    split: str
    claims: int = 0
    right: int = 0
    wrong: int = 0
    facts: int = 0
    in_lede: int = 0
    body_words: int = 0
    repeats: int = 0
    lede_names_parties: bool = True
    missed: list[str] = field(default_factory=list)
    misplaced: list[str] = field(default_factory=list)
    facts_missed: list[str] = field(default_factory=list)


def matches(text: str, keywords: list[list[str]]) -> bool:
    """Every group has an alternative that is a case-insensitive substring of `text`."""
    low = text.lower()
    return all(any(str(alt).lower() in low for alt in group) for group in keywords)


def score_brief(briefing, checklist: dict, markdown: str, split: str = "") -> EventScore:
    """The checklist's claims and facts against a composed Briefing and its Markdown."""
    from briefer.data import NARRATOR

    under: dict[str, list[str]] = {}
    for statement in briefing.lede:
        if statement.party != NARRATOR and statement.origin != "note":
            under.setdefault(statement.party, []).append(statement.text)
    for row in briefing.rows:
        for party, cell in zip(briefing.columns, row.cells, strict=True):
            under.setdefault(party, []).extend(s.text for s in cell)
    as_fact = [s.text for s in (*briefing.facts, *briefing.lede) if s.party == NARRATOR]
    lede = [s.text for s in briefing.lede]
    score = EventScore(checklist["event"], split)
    for claim in checklist.get("claims", []):
        score.claims += 1
        keywords = claim["keywords"]
        if any(matches(t, keywords) for t in under.get(claim["party"], [])):
            score.right += 1
        else:
            score.missed.append(claim["id"])
        elsewhere = [t for p, texts in under.items() if p != claim["party"] for t in texts]
        if any(matches(t, keywords) for t in (*elsewhere, *as_fact)):
            score.wrong += 1
            score.misplaced.append(claim["id"])
    for fact in checklist.get("facts", []):
        score.facts += 1
        if any(matches(t, fact["keywords"]) for t in lede):
            score.in_lede += 1
        else:
            score.facts_missed.append(fact["id"])
    body = markdown.split(BODY_END)[0]
    score.body_words = len(body.split())
    score.repeats = len(repeated_sentences(markdown))
    spoken = {s.party for s in briefing.shown() if s.party in {p.id for p in briefing.parties}}
    lede_parties = {s.party for s in briefing.lede}
    score.lede_names_parties = spoken <= lede_parties
    return score


_REFS = re.compile(r"\s*\[\d+(?:, \d+)*\]")
_MARKUP = re.compile(r"^\s*(?:#+|[-*]|\d+\.)\s+|\\(?=[\\`*_\[\]<>~|&#])|[*|]|^\s*-{3,}\s*$", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def sentences(markdown: str) -> list[str]:
    """The brief's sentences, markup and source numbers removed, whitespace collapsed."""
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-|#])", markdown):
        text = _REFS.sub("", block)
        for cell in text.split(" | "):
            plain = " ".join(_MARKUP.sub(" ", cell).split())
            out.extend(s.strip() for s in _SENTENCE_END.split(plain) if s.strip())
    return out


def repeated_sentences(markdown: str, min_words: int = 8) -> list[str]:
    """Sentences of `min_words` or more that the brief prints more than once."""
    counts = Counter(s.lower() for s in sentences(markdown) if len(s.split()) >= min_words)
    return sorted(s for s, n in counts.items() if n > 1)


def load_event_profile(event: dict):
    """The event's profile: a file under devset/profiles/, or the built-in one with the
    dev set's outlets merged in."""
    from briefer.outlets import parse_outlets
    from briefer.perspectives import load_profile

    name = event["profile"]
    path = DEVSET / "profiles" / name
    if path.is_file():
        return load_profile(path)
    profile = load_profile(name)
    extra = DEVSET / "profiles" / f"{name}-outlets.yaml"
    if extra.is_file():
        import yaml

        outlets = parse_outlets(yaml.safe_load(extra.read_text("utf-8"))["outlets"], str(extra))
        profile = dataclasses.replace(profile, outlets=(*outlets, *profile.outlets))
    return profile


def event_documents(event: dict, articles: Path) -> list:
    """The event's articles read together (as `briefer brief` reads a folder: copies of one
    article collapsed), each with events.yaml's outlet, URL and date where it has none."""
    from briefer.readers import load_documents

    entries = {str((articles / a["file"]).resolve()): a for a in event["articles"]}
    documents = load_documents([articles / a["file"] for a in event["articles"]])
    out = []
    for doc in documents:
        entry = entries.get(str(Path(doc.path).resolve()), {})
        out.append(
            dataclasses.replace(
                doc,
                outlet=doc.outlet or entry.get("outlet", ""),
                url=doc.url or entry.get("url", ""),
                date=doc.date or str(entry.get("date") or ""),
            )
        )
    return out


def missing_texts(event: dict, articles: Path) -> str:
    absent = [a["file"] for a in event["articles"] if not (articles / a["file"]).is_file()]
    if not absent:
        return ""
    return f"{len(absent)} of {len(event['articles'])} texts absent (first: {absent[0]})"


def run(args: argparse.Namespace) -> list[EventScore]:
    import yaml

    from briefer.pipeline import build_briefing
    from briefer.render import render
    from briefer.render.markdown import render_markdown

    events = yaml.safe_load((DEVSET / "events.yaml").read_text("utf-8"))["events"]
    chosen = [
        e
        for e in events
        if (e["id"] in args.events if args.events else args.split in ("all", e["split"]))
    ]
    embedder = None
    if args.embedder == "hashing":
        from briefer.embed import HashingEmbedder

        embedder = HashingEmbedder()
    scores = []
    for event in chosen:
        why = missing_texts(event, args.articles)
        checklist = DEVSET / "checklists" / f"{event['id']}.yaml"
        if not why and not checklist.is_file():
            why = f"no checklist {checklist.relative_to(ROOT)}"
        if why:
            print(f"skipped {event['id']}: {why}", file=sys.stderr)
            continue
        briefing = build_briefing(
            event_documents(event, args.articles),
            profile=load_event_profile(event),
            date=str(event["dates"][-1]),
            length=args.length,
            summarizer=args.summarizer,
            embedder=embedder,
        )
        markdown = render_markdown(briefing)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{event['id']}.md").write_text(markdown, encoding="utf-8")
            (args.out / f"{event['id']}.docx").write_bytes(render(briefing, "docx"))
        spec = yaml.safe_load(checklist.read_text("utf-8"))
        scores.append(score_brief(briefing, spec, markdown, event["split"]))
    return scores


def table(scores: list[EventScore], detail: bool = True) -> str:
    lines = [
        "| event | split | claims right | wrong party or fact | facts in lede | body words "
        "| repeats | lede names parties |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def share(n: int, d: int) -> str:
        return f"{n}/{d} ({n / d:.2f})" if d else "-"

    for s in scores:
        lines.append(
            f"| {s.event} | {s.split} | {share(s.right, s.claims)} | {s.wrong} | "
            f"{share(s.in_lede, s.facts)} | {s.body_words} | {s.repeats} | "
            f"{'yes' if s.lede_names_parties else 'no'} |"
        )
    for split in sorted({s.split for s in scores}):
        group = [s for s in scores if s.split == split]
        claims, right = sum(s.claims for s in group), sum(s.right for s in group)
        facts, lede = sum(s.facts for s in group), sum(s.in_lede for s in group)
        lines.append(
            f"| **pooled {split}** ({len(group)} events) | {split} | {share(right, claims)} | "
            f"{sum(s.wrong for s in group)} | {share(lede, facts)} | "
            f"max {max(s.body_words for s in group)} | {sum(s.repeats for s in group)} | "
            f"{sum(s.lede_names_parties for s in group)}/{len(group)} |"
        )
    if detail:
        for s in scores:
            if s.missed or s.misplaced or s.facts_missed:
                lines.append(
                    f"\n{s.event}: missed {s.missed}; misplaced {s.misplaced}; "
                    f"facts not in lede {s.facts_missed}"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    parser.add_argument("--events", nargs="*", default=[], help="event ids (any split)")
    parser.add_argument("--length", default="standard")
    parser.add_argument("--summarizer", default=None, help="default: briefer's default")
    parser.add_argument("--embedder", default="minilm", choices=["minilm", "hashing"])
    parser.add_argument("--articles", type=Path, default=DEVSET / "articles")
    parser.add_argument("--out", type=Path, default=None, help="folder for the briefs (.md, .docx)")
    parser.add_argument("--json", action="store_true", help="scores as JSON")
    args = parser.parse_args(argv)
    if not (DEVSET / "events.yaml").is_file():
        print(f"skipped: no {DEVSET / 'events.yaml'} (the dev set is not here)")
        return 0
    if not args.articles.is_dir():
        print(f"skipped: no article texts at {args.articles} (link it to /work/devtexts)")
        return 0
    scores = run(args)
    if not scores:
        print("skipped: no event with its texts and checklist")
        return 0
    if args.json:
        print(json.dumps([dataclasses.asdict(s) for s in scores], indent=2))
    else:
        print(table(scores, detail=args.split != "heldout"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
