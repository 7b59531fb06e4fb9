"""Loaded terms in the narrator's voice on NeuS validation stories (three outlets each).

    .venv/bin/python scripts/eval_neutrality.py [--data ../shared/data] [--max-words 80]
    .venv/bin/python scripts/eval_neutrality.py --briefings     # the whole pipeline instead

Per story: split the three articles, attribute every sentence (pak-afg profile: the parties
rarely appear, so most sentences are the narrator's), take a simple extractive summary (the
first sentences of each article, round robin, up to --max-words; no model), pass it through
`neutral_voice`, and count lexicon terms left in the narrator's voice. Prints the share of
stories with none (target 1.0), before and after `neutral_voice`.

With `--briefings`, each story is briefed by `build_briefing` (shipped model, guard, neutral
voice: what `briefer brief` does) and the share of briefings whose neutrality report lists
no loaded term is printed, with the balance ratios.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from briefer.data import Document, SummarySentence
from briefer.perspectives import attribute, load_profile, loaded_terms_in_narration, neutral_voice
from briefer.split import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def lead_summary(per_doc: list[list], max_words: int) -> list[SummarySentence]:
    """Round robin over the documents' leading sentences: a model-free extractive summary."""
    out, words, depth = [], 0, 0
    while words < max_words and any(depth < len(d) for d in per_doc):
        for sentences in per_doc:
            if depth < len(sentences) and words < max_words:
                s = sentences[depth]
                out.append(SummarySentence(s.text, (s.ref,)))
                words += len(s.text.split())
        depth += 1
    return out


def documents(story: dict) -> list[Document]:
    return [
        Document(f"{story['id']}:{i}", d["text"], title=d.get("title", ""))
        for i, d in enumerate(story["documents"])
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--max-words", type=int, default=80)
    parser.add_argument("--profile", default="pak-afg")
    parser.add_argument("--briefings", action="store_true", help="brief with the pipeline")
    args = parser.parse_args()
    profile = load_profile(args.profile)
    stories = [json.loads(line) for line in (args.data / "neus" / "val.jsonl").open()]
    if args.briefings:
        return briefings(stories, profile, args.max_words)
    clean_before = clean_after = dropped = 0
    terms_before: Counter = Counter()
    terms_after: Counter = Counter()
    for story in stories:
        docs = documents(story)
        per_doc = [list(split_sentences(d)) for d in docs]
        claims = attribute([s for d in per_doc for s in d], profile)
        summary = lead_summary(per_doc, args.max_words)
        before = loaded_terms_in_narration(summary, claims)
        neutral = neutral_voice(summary, claims)
        after = loaded_terms_in_narration(neutral, claims)
        dropped += len(summary) - len(neutral)
        clean_before += not before
        clean_after += not after
        terms_before.update(before)
        terms_after.update(after)
    n = len(stories)
    print(f"{n} NeuS validation stories, summaries of about {args.max_words} words")
    print(
        f"stories with no loaded term in the narrator's voice: before neutral_voice "
        f"{clean_before / n:.3f}, after {clean_after / n:.3f}"
    )
    print(f"terms found before: {dict(terms_before.most_common(12))}")
    print(f"terms left after: {dict(terms_after)}; sentences left out: {dropped}")


def briefings(stories: list[dict], profile: object, max_words: int) -> None:
    from briefer.embed import MiniLMEmbedder
    from briefer.pipeline import build_briefing

    embedder = MiniLMEmbedder()
    clean = generated = kept = 0
    found: Counter = Counter()
    summarizers: Counter = Counter()
    for story in stories:
        docs = documents(story)
        briefing = build_briefing(
            docs, date="2024-01-01", profile=profile, max_words=max_words, embedder=embedder
        )
        terms = briefing.neutrality.loaded_terms
        clean += not terms
        found.update(terms)
        generated += briefing.guard.generated
        kept += briefing.guard.kept
        summarizers[briefing.run.model_id] += 1
    n = len(stories)
    print(f"{n} NeuS validation stories briefed by build_briefing ({dict(summarizers)})")
    print(f"briefings with no loaded term in the narrator's voice: {clean / n:.3f}")
    print(f"terms found: {dict(found)}; guard kept {kept} of {generated} generated sentences")


if __name__ == "__main__":
    main()
