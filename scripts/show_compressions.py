"""Every sentence a brief shows next to its source sentence, compressed ones marked.

    python scripts/show_compressions.py seeds/ samples/inputs/ [--summarizer trained]

For checking by eye that each compression reads as English and means what its source
means (issue 13): the brief is built as `make demo` builds it.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--summarizer", default=None)
    parser.add_argument("--date", default="2024-12-26")
    parser.add_argument("--length", default="standard")
    parser.add_argument("--profile", default="pak-afg")
    parser.add_argument("--max-words", type=int, default=None, help="the brief's budget")
    parser.add_argument(
        "--summary", type=int, default=0, help="also the summarizer's own N-word summary"
    )
    args = parser.parse_args()
    from briefer.pipeline import build_briefing
    from briefer.readers import load_documents
    from briefer.split import split_sentences

    documents = load_documents(args.inputs)
    by_ref = {s.ref: s.text.strip() for d in documents for s in split_sentences(d)}
    brief = build_briefing(
        documents,
        date=args.date,
        profile=args.profile,
        summarizer=args.summarizer,
        length=args.length,
        max_words=args.max_words,
        progress=False,
    )
    print(f"summarizer: {brief.run.summarizer} ({brief.run.model_id})\n")
    for statement in brief.shown():
        source = by_ref.get(statement.sources[0], "") if statement.sources else ""
        mark = "COMPRESSED" if statement.origin == "compressed" else statement.origin
        print(f"[{statement.place} | {mark}]\n  shown:  {statement.text}")
        if statement.origin == "compressed" or statement.text != source:
            print(f"  source: {source}")
        print()
    if args.summary:
        _summary(documents, args.summarizer, args.summary)


def _summary(documents: list, name: str | None, max_words: int) -> None:
    from briefer.prepare import prepare
    from briefer.summarize import resolve_summarizer

    context = prepare(documents)
    summarizer = resolve_summarizer(name)
    print(f"--- {summarizer.name} summary, {max_words} words ---\n")
    for out in summarizer.summarize(context.ranked, context=context, max_words=max_words):
        source = context.sentences[out.sources[0]].text.strip()
        print(f"[{out.origin}]\n  shown:  {out.text}")
        if out.text != source:
            print(f"  source: {source}")
        print()


if __name__ == "__main__":
    main()
