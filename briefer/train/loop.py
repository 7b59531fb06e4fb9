"""A plain, seeded PyTorch training loop for the fusion model.

Length-bucketed batches, AdamW with linear warm-up and decay, gradient clipping, label
smoothing, a validation loss on fixed validation subsets every `eval_every` steps, the best
checkpoint kept on validation loss only, and a `last/` checkpoint to resume from.
On a CUDA GPU the same loop runs in bf16 autocast.
"""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.train.model import load_model, save_model

log = logging.getLogger("briefer.train")


@dataclass(frozen=True)
class Encoded:
    source: list[int]
    labels: list[int]  # target ids ending with [SEP], no [CLS]


def encode(tokenizer: Any, pairs: Sequence[Any], max_source: int, max_target: int) -> list[Encoded]:
    src = tokenizer([p.source for p in pairs], truncation=True, max_length=max_source)["input_ids"]
    tgt = tokenizer([p.target for p in pairs], truncation=True, max_length=max_target + 1)[
        "input_ids"
    ]
    return [Encoded(s, t[1:]) for s, t in zip(src, tgt, strict=True)]


def batches(data: Sequence[Encoded], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar source length (less padding, same randomness per seed)."""
    order = list(range(len(data)))
    rng.shuffle(order)
    mega = batch_size * 50
    out: list[list[int]] = []
    for i in range(0, len(order), mega):
        block = sorted(order[i : i + mega], key=lambda j: len(data[j].source))
        out.extend(block[k : k + batch_size] for k in range(0, len(block), batch_size))
    rng.shuffle(out)
    return [b for b in out if len(b) == batch_size] or out


def collate(items: Sequence[Encoded], pad_id: int, device: Any) -> dict[str, Any]:
    import torch

    n_src = max(len(x.source) for x in items)
    n_tgt = max(len(x.labels) for x in items)
    ids = torch.full((len(items), n_src), pad_id, dtype=torch.long)
    mask = torch.zeros((len(items), n_src), dtype=torch.long)
    labels = torch.full((len(items), n_tgt), -100, dtype=torch.long)
    for i, x in enumerate(items):
        ids[i, : len(x.source)] = torch.tensor(x.source)
        mask[i, : len(x.source)] = 1
        labels[i, : len(x.labels)] = torch.tensor(x.labels)
    return {
        "input_ids": ids.to(device),
        "attention_mask": mask.to(device),
        "labels": labels.to(device),
    }


def _decoder_inputs(labels: Any, start_id: int, pad_id: int) -> Any:
    shifted = labels.new_full(labels.shape, pad_id)
    shifted[:, 1:] = labels[:, :-1].clamp(min=0)
    shifted[:, 1:][labels[:, :-1] == -100] = pad_id
    shifted[:, 0] = start_id
    return shifted


def loss_of(model: Any, batch: dict[str, Any], *, smoothing: float = 0.0) -> Any:
    import torch.nn.functional as F

    cfg = model.config
    logits = model(
        input_ids=batch["input_ids"],
        attention_mask=batch["attention_mask"],
        decoder_input_ids=_decoder_inputs(
            batch["labels"], cfg.decoder_start_token_id, cfg.pad_token_id
        ),
    ).logits
    return F.cross_entropy(
        logits.float().reshape(-1, logits.size(-1)),
        batch["labels"].reshape(-1),
        ignore_index=-100,
        label_smoothing=smoothing,
    )


def validation_loss(
    model: Any, data: Sequence[Encoded], *, batch_size: int, pad_id: int, device: Any, autocast: Any
) -> float:
    import torch

    model.eval()
    total, tokens = 0.0, 0
    order = sorted(range(len(data)), key=lambda j: len(data[j].source))
    with torch.no_grad(), autocast():
        for k in range(0, len(order), batch_size):
            batch = collate([data[j] for j in order[k : k + batch_size]], pad_id, device)
            n = int((batch["labels"] != -100).sum())
            total += float(loss_of(model, batch)) * n
            tokens += n
    model.train()
    return total / max(tokens, 1)


def lr_at(step: int, *, peak: float, warmup: int, total: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    return peak * max(0.0, (total - step) / max(1, total - warmup))


@dataclass
class StageState:
    stage: str
    step: int = 0
    best: float = math.inf
    best_step: int = -1
    history: list | None = None


def run_stage(
    *,
    name: str,
    model: Any,
    tokenizer: Any,
    train: Sequence[Encoded],
    val_sets: dict[str, Sequence[Encoded]],
    out_dir: Path,
    steps: int,
    batch_size: int,
    lr: float,
    warmup: int,
    weight_decay: float,
    clip: float,
    smoothing: float,
    eval_every: int,
    seed: int,
    device: Any,
    bf16: bool,
    max_seconds: float | None = None,
) -> Path:
    """Train one stage; returns the folder of its best checkpoint (by mean validation loss)."""
    import contextlib

    import torch

    stage_dir = out_dir / name
    last, best_dir = stage_dir / "last", stage_dir / "best"
    state = StageState(name, history=[])
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=weight_decay
    )
    if (last / "state.json").exists():
        saved = json.loads((last / "state.json").read_text())
        state = StageState(**saved)
        model.load_state_dict(load_model(last).state_dict())
        optimizer.load_state_dict(torch.load(last / "optimizer.pt", weights_only=True))
        log.info(
            "%s: resumed at step %d (best %.4f at %d)",
            name,
            state.step,
            state.best,
            state.best_step,
        )
    if state.step >= steps:
        return best_dir
    model.to(device).train()

    def autocast() -> Any:
        if bf16:
            return torch.autocast(device_type=device.type, dtype=torch.bfloat16)
        return contextlib.nullcontext()

    pad_id = tokenizer.pad_token_id
    epoch_batches: list[list[int]] = []
    epoch = -1
    per_epoch = max(1, len(train) // batch_size)
    started = time.monotonic()
    window, window_start = [], time.monotonic()
    for step in range(state.step, steps):
        if step // per_epoch != epoch:
            epoch = step // per_epoch
            epoch_batches = batches(train, batch_size, random.Random(seed * 1000 + epoch))
        idx = epoch_batches[(step % per_epoch) % len(epoch_batches)]
        batch = collate([train[j] for j in idx], pad_id, device)
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step, peak=lr, warmup=warmup, total=steps)
        with autocast():
            loss = loss_of(model, batch, smoothing=smoothing)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        window.append(loss.detach().item())
        done = step + 1
        if done % 25 == 0:
            log.info(
                "%s step %d loss %.4f lr %.2e %.2fs/step",
                name,
                done,
                sum(window) / len(window),
                optimizer.param_groups[0]["lr"],
                (time.monotonic() - window_start) / len(window),
            )
            window, window_start = [], time.monotonic()
        out_of_time = max_seconds is not None and time.monotonic() - started > max_seconds
        if done % eval_every == 0 or done == steps or out_of_time:
            losses = {
                k: validation_loss(
                    model,
                    v,
                    batch_size=batch_size * 2,
                    pad_id=pad_id,
                    device=device,
                    autocast=autocast,
                )
                for k, v in val_sets.items()
            }
            mean = sum(losses.values()) / len(losses)
            state.step = done
            state.history.append(
                {
                    "step": done,
                    "val": losses,
                    "mean": mean,
                    "minutes": round((time.monotonic() - started) / 60, 1),
                }
            )
            improved = mean < state.best
            if improved:
                state.best, state.best_step = mean, done
                _checkpoint(model, tokenizer, optimizer, state, best_dir, with_optimizer=False)
            _checkpoint(model, tokenizer, optimizer, state, last, with_optimizer=True)
            log.info(
                "%s step %d validation %s mean %.4f%s",
                name,
                done,
                {k: round(v, 4) for k, v in losses.items()},
                mean,
                " (best)" if improved else "",
            )
        if out_of_time:
            log.info("%s: time budget reached at step %d", name, done)
            break
    return best_dir


def _checkpoint(
    model: Any,
    tokenizer: Any,
    optimizer: Any,
    state: StageState,
    folder: Path,
    *,
    with_optimizer: bool,
) -> None:
    import torch

    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    save_model(model, tokenizer, tmp)
    if with_optimizer:
        torch.save(optimizer.state_dict(), tmp / "optimizer.pt")
    (tmp / "state.json").write_text(json.dumps(state.__dict__, indent=1))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
