"""Train briefer's Punkt sentence-splitter parameters and write them as plain JSON.

    .venv/bin/python scripts/train_punkt.py [--multinews PATH] [--out PATH]

The training text is the project's seed articles (seeds/*.txt) plus the cased Multi-News
sample in ../shared/data/multinews/. Only the learned parameters are written to
briefer/resources/punkt/params.json; the training text itself never enters the repository.
The curated abbreviations (abbreviations.txt) are added at load time by briefer.split.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews" / "cased_sample92.jsonl"
OUT = ROOT / "briefer" / "resources" / "punkt" / "params.json"
MIN_ORTHO_COUNT = 2  # word types seen once carry little evidence and bloat the file
# Learned "abbreviations" that are ordinary words or noise in the sample: a sentence ending
# in one of them would not be split.
NOT_ABBREVIATIONS = {"cod", "era", "fao", "ind", "kin", "mes", "mit", "oh", "ore", "sci", "se"}
NOT_ABBREVIATIONS |= {"tai", "xx", "lp", "vr", "q&a", "i.t"}


def training_texts(multinews: Path) -> Iterator[str]:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        yield seed.read_text(encoding="utf-8")
    if not multinews.is_file():
        raise SystemExit(f"{multinews}: not found (pass --multinews PATH)")
    with multinews.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield from row["documents"]
            yield row["summary"]


def train(texts: list[str]) -> dict:
    from nltk.tokenize.punkt import PunktLanguageVars, PunktTrainer

    trainer = PunktTrainer()
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()

    counts: dict[str, int] = {}
    lowercase: dict[str, int] = {}
    lang = PunktLanguageVars()
    for text in texts:
        for word in lang.word_tokenize(text):
            typ = word.lower().rstrip(".")
            counts[typ] = counts.get(typ, 0) + 1
            if word[:1].islower():
                lowercase[typ] = lowercase.get(typ, 0) + 1
    ortho = {
        typ: flags
        for typ, flags in params.ortho_context.items()
        if counts.get(typ.rstrip("."), 0) >= MIN_ORTHO_COUNT
    }
    abbrevs = {a for a in params.abbrev_types if _plausible_abbreviation(a)}
    # A capitalised word after an abbreviation that is also a "sentence starter" ends the
    # sentence, so names ("Mr. Trump") must not be starters: keep words mostly seen lowercase.
    starters = {
        w for w in params.sent_starters if w.isalpha() and lowercase.get(w, 0) * 2 > counts[w]
    }
    return {
        "format": "briefer-punkt-1",
        "trained_on": "seeds/*.txt + Multi-News cased sample (92 rows)",
        "abbrev_types": sorted(abbrevs),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(starters),
        "ortho_context": dict(sorted(ortho.items())),
    }


def _plausible_abbreviation(typ: str) -> bool:
    letters = typ.replace(".", "").replace("-", "")
    return typ not in NOT_ABBREVIATIONS and letters.isalpha() and letters.isascii()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multinews", type=Path, default=MULTINEWS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    params = train(list(training_texts(args.multinews)))
    args.out.write_text(json.dumps(params, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"{args.out}: {len(params['abbrev_types'])} abbreviations, "
        f"{len(params['collocations'])} collocations, {len(params['sent_starters'])} starters, "
        f"{len(params['ortho_context'])} ortho types"
    )


if __name__ == "__main__":
    main()
