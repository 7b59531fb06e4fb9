"""Training the trained (extractive-compressive) summarizer: `train_extcomp(ExtCompConfig())`.

    1. features   Multi-News train_20k and NeuS train rows through prepare() (split, MiniLM,
                  rank), each ranked sentence's features and ROUGE oracle labels, cached
    2. salience   a one-hidden-layer MLP on the features, soft targets (oracle membership
                  mixed with the sentence's own ROUGE), the epoch chosen on validation R-2
    3. deletion   a logistic regression on deletable units of oracle sentences, labelled by
                  whether the reference keeps their content
    4. settings   selection alpha, redundancy and deletion threshold chosen on the
                  validation rows by the summarizer itself, scored as `briefer eval` scores
    5. export     safetensors + config + model card

Seeded; every stage's result is kept under `out_dir`, so a rerun resumes after the last
finished stage (delete the folder to start over). Validation rows: Multi-News
validation_2k rows from 1000 (eval uses the first 500) and NeuS train rows from 2252 (NeuS
val is the evaluation set).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.train.salience_data import Split, build_split, load_split

__all__ = ["ExtCompConfig", "train_extcomp"]

log = logging.getLogger("briefer.train")
DEFAULT_EXPORT = Path("models/briefer-extcomp-minilm")


@dataclass(frozen=True)
class ExtCompConfig:
    data_dir: Path = Path("../shared/data")
    out_dir: Path = Path("runs/extcomp")
    export_dir: Path | None = DEFAULT_EXPORT
    seed: int = 0
    multinews_rows: int = 20000  # Multi-News train_20k rows (the first ones): 1,500 -> 4,000
    # -> 10,000 -> 20,000 rows raised validation R-2 at 100 words each time (~6 rows/s)
    neus_rows: int = 2250  # NeuS train rows (from 2252 on: validation)
    epochs: int = 12
    hidden: int = 256
    input_dropout: float = 0.1
    dropout: float = 0.3
    lr: float = 5e-4
    weight_decay: float = 1e-2
    batch_size: int = 256
    soft_weight: float = 0.5  # share of the target from each sentence's own ROUGE
    neus_share: float = 0.5  # NeuS sentences' loss weight, in all, over Multi-News ones
    threads: int = 2
    multinews_validation_rows: int = 500
    neus_validation_rows: int = 200
    settings_rows: int = 200  # validation rows of each set the settings are chosen on
    multinews_validation_start: int = 1000  # validation_2k: eval scores rows 0-499
    neus_validation_start: int = 2252  # NeuS train: the rows after the training ones

    def splits(self) -> dict[str, Split]:
        return {
            "mn_sel": Split(
                "mn_sel",
                "multinews/validation_2k.jsonl",
                self.multinews_validation_start,
                self.multinews_validation_start + self.multinews_validation_rows,
            ),
            "neus_sel": Split(
                "neus_sel",
                "neus/train.jsonl",
                self.neus_validation_start,
                self.neus_validation_start + self.neus_validation_rows,
            ),
            "neus_train": Split("neus_train", "neus/train.jsonl", 0, self.neus_rows),
            "mn_train": Split("mn_train", "multinews/train_20k.jsonl", 0, self.multinews_rows),
        }


def train_extcomp(config: ExtCompConfig, *, embedder: Any = None) -> Path:
    """Run every stage not yet done under `config.out_dir`; the exported (or run) folder.

    `embedder` defaults to the bundled MiniLM (the one briefer runs with); tests pass a
    HashingEmbedder."""
    import torch

    from briefer.embed import MiniLMEmbedder
    from briefer.train import extcomp_fit

    torch.set_num_threads(config.threads)
    out = config.out_dir
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(_jsonable(config), indent=2), encoding="utf-8")
    times = _load_json(out / "times.json")
    cache = out / "cache"
    start = time.perf_counter()
    if "features" not in times:
        embedder = embedder or MiniLMEmbedder()
        for split in config.splits().values():
            build_split(split, config.data_dir, cache, embedder)
        times["features"] = time.perf_counter() - start
        _save_json(out / "times.json", times)
    rows = {name: load_split(cache, split) for name, split in config.splits().items()}
    log.info("rows: %s", {k: len(v) for k, v in rows.items()})
    for stage, fit in (
        ("salience", extcomp_fit.fit_salience),
        ("deletion", extcomp_fit.fit_deletion),
        ("settings", extcomp_fit.choose_settings),
    ):
        target = out / f"{stage}.pkl"
        if target.exists():
            continue
        t0 = time.perf_counter()
        result = fit(config, rows, out)
        with open(target.with_suffix(".tmp"), "wb") as f:
            pickle.dump(result, f)
        target.with_suffix(".tmp").replace(target)
        times[stage] = time.perf_counter() - t0
        _save_json(out / "times.json", times)
    folder = extcomp_fit.export(config, rows, out, times)
    return folder


def _jsonable(config: ExtCompConfig) -> dict:
    return {k: str(v) if isinstance(v, Path) else v for k, v in dataclasses.asdict(config).items()}


def _load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _save_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
