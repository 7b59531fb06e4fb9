import yaml, sys
from pathlib import Path
from briefer.readers import load_documents
from briefer.pipeline import build_briefing
from briefer.render.json import to_dict
from briefer.since import Previous, best_similarities, mark_since
from briefer.embed import MiniLMEmbedder, HashingEmbedder
root = Path("tests/data/since")
new = set(yaml.safe_load((root/"new.yaml").read_text())["new"])
for emb in [MiniLMEmbedder(), HashingEmbedder()]:
    b1 = build_briefing(load_documents([root/"day1"]), profile="thai-cam", length="full", embedder=emb, summarizer="extractive")
    b2 = build_briefing(load_documents([root/"day2"]), profile="thai-cam", length="full", embedder=emb, summarizer="extractive")
    prev = [s.text for s in b1.statements if s.text.strip()]
    docs = {d.id: d for d in b2.documents}
    from briefer.split import split_sentences
    sents = {(d.id, s.index): s.text for d in b2.documents for s in split_sentences(d)}
    texts = [s.text for s in b2.statements if s.origin != "note"]
    sims = best_similarities(texts, prev, emb)
    print(type(emb).__name__)
    for s, sim in zip([s for s in b2.statements if s.origin != "note"], sims):
        src = sents.get(s.sources[0], "?")
        print(f"  {sim:.3f} {'NEW' if src in new else 'old'} {s.place:8} {s.text[:90]}")
