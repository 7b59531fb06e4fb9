"""The shipped weights of the trained summarizer, read into numpy (no torch at run time).

    models/briefer-extcomp-minilm/
        config.json          what the weights are (feature names, sizes, selection settings)
        model.safetensors    salience.* (a one-hidden-layer MLP) and deletion.* (a logistic
                             regression), each with the mean and scale of its inputs
        README.md            the model card

`Weights.salience(x)` and `Weights.deletion(x)` are probabilities; `save` writes a folder
that `load` reads back (training and the tests use both).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from briefer.errors import ModelError

__all__ = ["MODEL_TYPE", "Settings", "Weights", "load", "save"]

MODEL_TYPE = "briefer-extcomp"


@dataclass(frozen=True)
class Settings:
    """How the summarizer uses the weights; chosen on the validation files by training."""

    dim: int = 384  # the sentence vectors' size (MiniLM)
    hidden: int = 256
    alpha: float = 1.0  # selection key: salience / words ** (alpha * (1 - budget / input))
    redundancy: float = 0.7  # a candidate this close (cosine) to a pick is passed over
    delete_threshold: float = 0.5  # a unit whose deletion probability is above it goes
    shortlist: int = 12  # at most this many of the most salient sentences are parsed
    fill_budget: bool = False  # eval asks for the budget itself (True) or OVERSHOOT_WORDS more
    scalars: tuple[str, ...] = field(default=())
    unit_features: int = 0


@dataclass(frozen=True)
class Weights:
    settings: Settings
    tensors: dict[str, np.ndarray]

    def salience(self, x: np.ndarray) -> np.ndarray:
        t = self.tensors
        z = (x.astype(np.float32) - t["salience.mean"]) / t["salience.std"]
        h = z @ t["salience.w1"].T + t["salience.b1"]
        h = 0.5 * h * (1.0 + np.tanh(0.7978845608 * (h + 0.044715 * h**3)))  # GELU
        logits = h @ t["salience.w2"].T + t["salience.b2"]
        return 1.0 / (1.0 + np.exp(-logits[:, 0]))

    def deletion(self, x: np.ndarray) -> np.ndarray:
        t = self.tensors
        if x.shape[0] == 0:
            return np.zeros(0, dtype=np.float32)
        z = (x.astype(np.float32) - t["deletion.mean"]) / t["deletion.std"]
        logits = z @ t["deletion.coef"] + t["deletion.intercept"][0]
        return 1.0 / (1.0 + np.exp(-logits))


def save(folder: Path, weights: Weights, extra: dict | None = None) -> None:
    """Write config.json and model.safetensors to `folder`."""
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    tensors = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.tensors.items()}
    save_file(tensors, str(folder / "model.safetensors"))
    config = {"model_type": MODEL_TYPE, **asdict(weights.settings), **(extra or {})}
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def load(folder: str | Path) -> Weights:
    """The weights in `folder`; ModelError naming the file when they cannot be read."""
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    folder = Path(folder)
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(
            f"{folder / 'config.json'}: cannot read the model's config ({exc})"
        ) from None
    if config.get("model_type") != MODEL_TYPE:
        raise ModelError(f"{folder}: not a {MODEL_TYPE} model (pass the trained model folder)")
    names = Settings.__dataclass_fields__
    values = {k: v for k, v in config.items() if k in names}
    values["scalars"] = tuple(values.get("scalars", ()))
    try:
        tensors = load_file(str(folder / "model.safetensors"))
    except (OSError, SafetensorError) as exc:
        raise ModelError(
            f"{folder / 'model.safetensors'}: cannot read the weights ({exc})"
        ) from None
    return Weights(Settings(**values), tensors)
