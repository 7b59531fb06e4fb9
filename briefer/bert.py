"""A BERT encoder in plain torch: the forward pass all-MiniLM-L6-v2 needs, nothing more.

Why not `transformers.AutoModel`: importing transformers and building a model through
`from_pretrained` takes about 5 s on two cores, twice the time of importing torch itself,
and every `briefer brief` pays it before the first sentence is embedded. This module reads a
BERT checkpoint (`config.json` and `model.safetensors`, the layout `save_pretrained` writes,
with or without the `bert.` prefix) and computes the same last hidden states
(tests/test_bert.py compares the two on the bundled model):

    embeddings (word + position + token type) -> LayerNorm
    each layer: self-attention (query, key and value as one fused matrix) -> add & LayerNorm
                -> feed-forward (GELU) -> add & LayerNorm

Only what BERT checkpoints of this shape use is supported: absolute positions, GELU or ReLU,
post-layer-norm. Anything else is refused with a ModelError naming the setting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from briefer.errors import ModelError

__all__ = ["BertConfig", "BertEncoder"]

_ACTIVATIONS = {"gelu": F.gelu, "relu": F.relu}


@dataclass(frozen=True)
class BertConfig:
    hidden: int
    heads: int
    layers: int
    eps: float
    activation: str

    @classmethod
    def read(cls, folder: Path) -> BertConfig:
        path = folder / "config.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            config = cls(
                hidden=int(raw["hidden_size"]),
                heads=int(raw["num_attention_heads"]),
                layers=int(raw["num_hidden_layers"]),
                eps=float(raw.get("layer_norm_eps", 1e-12)),
                activation=str(raw.get("hidden_act", "gelu")),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{path}: not a BERT configuration ({exc})") from exc
        unsupported = {
            "model_type": raw.get("model_type", "bert") != "bert",
            "position_embedding_type": raw.get("position_embedding_type", "absolute") != "absolute",
            "hidden_act": config.activation not in _ACTIVATIONS,
        }
        for name, bad in unsupported.items():
            if bad:
                raise ModelError(f"{path}: {name} {raw.get(name)!r} is not supported (BERT only)")
        if config.hidden % config.heads:
            raise ModelError(f"{path}: hidden_size is not a multiple of num_attention_heads")
        return config


class BertEncoder:
    """`BertEncoder(folder)(input_ids, attention_mask)` -> (batch, length, hidden) floats."""

    def __init__(self, folder: str | Path) -> None:
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        self.folder = Path(folder)
        self.config = BertConfig.read(self.folder)
        path = self.folder / "model.safetensors"
        try:
            raw = load_file(str(path))
        except (SafetensorError, OSError) as exc:
            raise ModelError(f"{path}: corrupt weights ({exc})") from exc
        self.weights = _prepare({k.removeprefix("bert."): v for k, v in raw.items()}, self.config)
        self.max_positions = int(self.weights["embeddings.position_embeddings.weight"].shape[0])

    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        w, c = self.weights, self.config
        batch, length = input_ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][input_ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _norm(x, w, "embeddings.LayerNorm", c.eps)
        mask = attention_mask.bool()[:, None, None, :]
        act = _ACTIVATIONS[c.activation]
        head_dim = c.hidden // c.heads
        for i in range(c.layers):
            p = f"encoder.layer.{i}."
            qkv = F.linear(x, w[p + "qkv.weight"], w[p + "qkv.bias"])
            q, k, v = (
                t.view(batch, length, c.heads, head_dim).transpose(1, 2)
                for t in qkv.split(c.hidden, dim=-1)
            )
            attended = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            attended = attended.transpose(1, 2).reshape(batch, length, c.hidden)
            out = F.linear(
                attended,
                w[p + "attention.output.dense.weight"],
                w[p + "attention.output.dense.bias"],
            )
            x = _norm(x + out, w, p + "attention.output.LayerNorm", c.eps)
            h = act(
                F.linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"])
            )
            out = F.linear(h, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = _norm(x + out, w, p + "output.LayerNorm", c.eps)
        return x


def _norm(x: torch.Tensor, w: dict[str, torch.Tensor], name: str, eps: float) -> torch.Tensor:
    return F.layer_norm(x, x.shape[-1:], w[name + ".weight"], w[name + ".bias"], eps)


def _prepare(weights: dict[str, Any], config: BertConfig) -> dict[str, torch.Tensor]:
    """The weights as float32, each layer's query, key and value fused into one matrix."""
    out = {k: v.float() for k, v in weights.items() if not k.startswith("pooler.")}
    try:
        for i in range(config.layers):
            p = f"encoder.layer.{i}."
            parts = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
            out[p + "qkv.weight"] = torch.cat([out.pop(n + ".weight") for n in parts])
            out[p + "qkv.bias"] = torch.cat([out.pop(n + ".bias") for n in parts])
        for name in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
            out[f"embeddings.{name}.weight"]  # noqa: B018 - present, or a KeyError below
    except KeyError as exc:
        raise ModelError(
            f"the BERT weights have no {exc.args[0]} (not a BertModel checkpoint)"
        ) from None
    return out
