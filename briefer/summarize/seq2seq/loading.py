"""Loading a local seq2seq checkpoint folder, offline, safetensors only, once per process.

check_model_dir   the folder is one briefer can load (config, safetensors, tokenizer files)
load_checkpoint   tokenizer + weights (+ the task prefix), cached: a second brief in the
                  same process (daily, scripts) reuses them; one model in memory at most
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.errors import ModelError
from briefer.hf import LOAD_OPTIONS

__all__ = ["Loaded", "check_model_dir", "input_limit", "load_checkpoint", "lowercases"]

_TOKENIZER_FILES = {"tokenizer.json", "vocab.txt", "vocab.json", "spiece.model"}
_PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl")
FIX_FOLDER = "pass --model a folder written by save_pretrained(safe_serialization=True)"


@dataclass(frozen=True)
class Loaded:
    model: Any
    tokenizer: Any
    prefix: str  # the config's summarization prefix ("summarize: " for T5), or ""


_LOADED: dict[tuple[str, str, float], Loaded] = {}


def load_checkpoint(model_dir: Path, device: str) -> Loaded:
    """The model (fp32 on CPU, eval mode) and tokenizer of `model_dir`; ModelError if unusable."""
    key = (str(model_dir.resolve()), device, _weights_mtime(model_dir))
    if key in _LOADED:
        return _LOADED[key]
    from briefer.hf import quiet_transformers

    quiet_transformers()
    import torch
    from safetensors import SafetensorError
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer, EncoderDecoderModel

    options = LOAD_OPTIONS
    try:
        config = AutoConfig.from_pretrained(model_dir, **options)
        encoder_decoder = config.model_type == "encoder-decoder"
        cls = EncoderDecoderModel if encoder_decoder else AutoModelForSeq2SeqLM
        model = cls.from_pretrained(model_dir, use_safetensors=True, **options)
        tokenizer = AutoTokenizer.from_pretrained(model_dir, **options)
    except SafetensorError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"{model_dir / 'model.safetensors'}: corrupt weights ({first})"
            " (save the model again with save_pretrained(folder, safe_serialization=True))"
        ) from exc
    except (OSError, ValueError, KeyError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        raise ModelError(
            f"{model_dir}: cannot load the model: {message} ({FIX_FOLDER}, "
            "with its tokenizer saved beside it)"
        ) from exc
    if len(tokenizer) < 100:  # transformers builds an empty one when the files are unusable
        raise ModelError(
            f"{model_dir}: the tokenizer has only {len(tokenizer)} tokens"
            " (save the model's own tokenizer with tokenizer.save_pretrained(folder))"
        )
    _fill_special_ids(model, tokenizer)
    if device == "cpu" and model.dtype != torch.float32:
        model = model.float()  # fp16/bf16 weights run several times slower on CPU
    task = (getattr(config, "task_specific_params", None) or {}).get("summarization", {})
    prefix = task.get("prefix", "") if isinstance(task, dict) else ""
    loaded = Loaded(model.to(device).eval(), tokenizer, prefix)
    _LOADED.clear()  # keep one model in memory at most
    _LOADED[key] = loaded
    return loaded


def input_limit(model: Any, tokenizer: Any) -> int:
    """Tokens one input may hold, special tokens included: the smallest limit the tokenizer and
    the model's configs state, else 512."""
    limits = [tokenizer.model_max_length]
    config = model.config
    for part in (config, getattr(config, "encoder", None)):
        limits.append(getattr(part, "max_position_embeddings", None))
    known = [int(x) for x in limits if isinstance(x, int) and 0 < x < 100_000]
    return min(known) if known else 512


def lowercases(tokenizer: Any) -> bool:
    """Whether the tokenizer folds case (an uncased BERT vocabulary does)."""
    try:
        return tokenizer("Pakistan")["input_ids"] == tokenizer("pakistan")["input_ids"]
    except Exception:  # noqa: BLE001 - an odd tokenizer: assume it keeps case
        return False


def _weights_mtime(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.glob("*.safetensors")), default=0.0)


def check_model_dir(path: Path) -> dict[str, Any]:
    """The folder's config.json, once the folder is checked; ModelError naming what is missing."""
    if not path.is_dir():
        raise ModelError(f"{path}: no such model folder ({FIX_FOLDER})")
    config_file = path / "config.json"
    if not config_file.is_file():
        raise ModelError(
            f"{path}: no config.json, so not a Hugging Face model folder ({FIX_FOLDER})"
        )
    names = {p.name for p in path.iterdir() if p.is_file()}
    if not any(name.endswith(".safetensors") for name in names):
        pickles = sorted(n for n in names if n.endswith(_PICKLE_SUFFIXES))
        if pickles:
            raise ModelError(
                f"{path}: only a pickle checkpoint ({', '.join(pickles)}); briefer loads "
                "safetensors only (re-save with save_pretrained(safe_serialization=True))"
            )
        raise ModelError(f"{path}: no model.safetensors weights ({FIX_FOLDER})")
    if not (names & _TOKENIZER_FILES or any(name.endswith(".model") for name in names)):
        raise ModelError(
            f"{path}: no tokenizer files (tokenizer.json, vocab.txt, vocab.json or a"
            " sentencepiece .model) (save the tokenizer beside the weights with"
            " tokenizer.save_pretrained(folder))"
        )
    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{config_file}: not valid JSON ({exc}) ({FIX_FOLDER})") from exc
    if not isinstance(config, dict):
        raise ModelError(f"{config_file}: not a model configuration ({FIX_FOLDER})")
    return config


def _fill_special_ids(model: Any, tokenizer: Any) -> None:
    """Give a warm-started encoder-decoder the start/pad/end ids its tokenizer implies."""
    generation = getattr(model, "generation_config", None)
    defaults = {
        "decoder_start_token_id": tokenizer.cls_token_id
        if tokenizer.cls_token_id is not None
        else tokenizer.bos_token_id,
        "pad_token_id": tokenizer.pad_token_id,
        "eos_token_id": tokenizer.sep_token_id
        if tokenizer.eos_token_id is None
        else tokenizer.eos_token_id,
    }
    for key, value in defaults.items():
        if value is None:
            continue
        for target in (model.config, generation):
            if target is not None and getattr(target, key, None) is None:
                setattr(target, key, value)
