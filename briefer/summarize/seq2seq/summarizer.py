"""The abstractive summarizer: any local Hugging Face seq2seq checkpoint folder, offline.

BART, T5, PEGASUS (AutoModelForSeq2SeqLM) and warm-started encoder-decoders such as BERT2BERT
(EncoderDecoderModel) load from a folder written by `save_pretrained`, safetensors only, with no
network and no remote code (`loading`). The top ranked sentences are grouped with their closest
relatives (sentence fusion, Lebanoff et al. 2019), each group packed into one input by the
chunker, the inputs generated in batches sorted by length with copy-only decoding
(`copy_only`), decoded with the source's spacing (`spacing`), and fitted to the word budget
(`briefer.summarize.length`); every generated sentence credits the sources of its input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from briefer.chunk import pack_inputs, token_counter
from briefer.data import RankedSentence, SentenceRef, SummarySentence
from briefer.summarize.base import SummaryContext
from briefer.summarize.length import SOURCE_WORDS_PER_WORD, fit_words, max_new_tokens
from briefer.summarize.seq2seq import copy_only as copy_only_rules
from briefer.summarize.seq2seq import spacing
from briefer.summarize.seq2seq.loading import (
    check_model_dir,
    input_limit,
    load_checkpoint,
    lowercases,
)

__all__ = ["GENERATION_KWARGS", "Seq2SeqSummarizer"]

GENERATION_KWARGS: dict[str, Any] = {
    "no_repeat_ngram_size": 3,
    "repetition_penalty": 1.2,
    "length_penalty": 1.0,
    "min_new_tokens": 5,
}
"""Decoding settings for every `generate` call; the model issue tunes them here."""

_WORD = re.compile(r"\w+")
_MIN_MATE_SIMILARITY = 0.5


class Seq2SeqSummarizer:
    """Summarizes with a local seq2seq checkpoint folder; weights load on first use.

    The folder is checked when the summarizer is made (it exists, has config.json and
    safetensors weights), so a wrong `--model` fails at once; torch and the weights load on
    the first `summarize`/`generate` (or `load()`).

    The context's vectors decide which sentences are grouped into one input; without them,
    shared words do. `max_input_tokens` defaults to the model's own limit.
    """

    name = "abstractive"

    def __init__(
        self,
        model_dir: str | Path,
        *,
        batch_size: int = 16,
        num_beams: int = 4,
        max_input_tokens: int | None = None,
        device: str = "cpu",
        sentences_per_input: int = 1,
        copy_only: bool = True,
        shortlist: bool = True,
    ) -> None:
        for option, value in (
            ("batch_size", batch_size),
            ("num_beams", num_beams),
            ("sentences_per_input", sentences_per_input),
        ):
            if value < 1:
                raise ValueError(f"{option} must be at least 1, not {value}")
        if max_input_tokens is not None and max_input_tokens < 8:
            raise ValueError(f"max_input_tokens must be at least 8, not {max_input_tokens}")
        self.model_dir = Path(model_dir)
        config = check_model_dir(self.model_dir)
        origin = str(config.get("_name_or_path") or "")
        folder = self.model_dir.resolve().name
        keep_origin = origin and Path(origin).name != folder
        self.model_id = f"{folder} ({origin})" if keep_origin else folder
        self.batch_size = batch_size
        self.num_beams = num_beams
        self.device = device
        self.sentences_per_input = sentences_per_input
        self._max_input_tokens = max_input_tokens
        self._model: Any = None
        self._tokenizer: Any = None
        self._prefix = ""
        self._lowercase = False
        self._always_ids: list[int] | None = None
        self._limited_mask: Any = None
        self._wordpiece = False
        self.copy_only = copy_only
        self.shortlist = shortlist

    # loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Load the tokenizer and weights now (otherwise on first use)."""
        if self._model is not None:
            return
        loaded = load_checkpoint(self.model_dir, self.device)
        self._model, self._tokenizer, self._prefix = loaded.model, loaded.tokenizer, loaded.prefix
        self._lowercase = lowercases(self._tokenizer)
        self._wordpiece = spacing.is_wordpiece(self._tokenizer)

    @property
    def tokenizer(self) -> Any:
        self.load()
        return self._tokenizer

    @property
    def max_input_tokens(self) -> int:
        """Tokens one input may hold, special tokens included."""
        if self._max_input_tokens is not None:
            return self._max_input_tokens
        self.load()
        return input_limit(self._model, self._tokenizer)

    # generation --------------------------------------------------------------------------

    def generate(self, texts: Sequence[str], *, max_new_tokens: int, **overrides: Any) -> list[str]:
        """Generate one output per input text, in batches sorted by length; order preserved."""
        if not texts:
            return []
        self.load()
        import torch

        kwargs = self.settings(max_new_tokens, **overrides)
        copy_only = kwargs.pop("copy_only", self.copy_only)
        shortlist = self.shortlist and copy_only and copy_only_rules.has_bert_decoder(self._model)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        outputs: list[str] = [""] * len(texts)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                encoded = self._tokenizer(
                    [self._prefix + texts[i] for i in batch],
                    padding=True,
                    truncation=True,
                    max_length=self.max_input_tokens,
                    return_tensors="pt",
                )
                input_ids = encoded["input_ids"].to(self.device)
                vocabulary = copy_only_rules.Shortlist(
                    self._model, input_ids, self._allowed_ids(), on=shortlist
                )
                with vocabulary as vocab:
                    generated = vocab.to_full(
                        self._model.generate(
                            input_ids=input_ids,
                            attention_mask=encoded["attention_mask"].to(self.device),
                            max_new_tokens=max_new_tokens,
                            **vocab.special_ids,
                            **self.decoding(
                                vocab.to_short(input_ids),
                                kwargs,
                                copy_only=copy_only,
                                always=vocab.always,
                                limited=vocab.select(self._limited_ids()),
                            ),
                        )
                    )
                for i, row in zip(batch, generated, strict=True):
                    outputs[i] = self.decode(row.tolist(), texts[i])
        return outputs

    def settings(self, max_new_tokens: int, **overrides: Any) -> dict[str, Any]:
        """The `generate` settings for outputs of up to `max_new_tokens` tokens."""
        kwargs = {**GENERATION_KWARGS, "num_beams": self.num_beams, **overrides}
        kwargs["min_new_tokens"] = min(kwargs.get("min_new_tokens", 0), max_new_tokens)
        if kwargs["num_beams"] > 1:
            kwargs.setdefault("early_stopping", True)
        return kwargs

    def decode(self, ids: Sequence[int], source: str) -> str:
        """The text of generated token `ids`, spaced as in `source` for a wordpiece model."""
        return spacing.decode(self._tokenizer, ids, source, wordpiece=self._wordpiece)

    def decoding(
        self,
        input_ids: Any,
        kwargs: Mapping[str, Any],
        *,
        copy_only: bool | None = None,
        always: Sequence[int] | None = None,
        limited: Any = None,
    ) -> dict[str, Any]:
        """The `generate` settings `kwargs` for these inputs, with the copy-only constraint
        (`copy_only.constrained`); `always` and `limited` default to the whole vocabulary's."""
        if not (self.copy_only if copy_only is None else copy_only):
            return dict(kwargs)
        return copy_only_rules.constrained(
            input_ids,
            kwargs,
            always=self._allowed_ids() if always is None else always,
            limited=self._limited_ids() if limited is None else limited,
            default_penalty=getattr(self._model.generation_config, "repetition_penalty", None),
        )

    def _allowed_ids(self) -> list[int]:
        if self._always_ids is None:
            self._always_ids = copy_only_rules.allowed_ids(self._tokenizer)
        return self._always_ids

    def _limited_ids(self) -> Any:
        if self._limited_mask is None:
            self._limited_mask = copy_only_rules.limited_mask(self._tokenizer)
        return self._limited_mask

    # summarizing -------------------------------------------------------------------------

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: SummaryContext, max_words: int
    ) -> tuple[SummarySentence, ...]:
        if not sentences or max_words < 1:
            return ()
        self.load()
        groups = self._group(sentences, max_words, context)
        count = token_counter(self._tokenizer)
        budget = self._input_budget(count)
        texts, sources, originals = [], [], []
        for group in groups:
            by_doc: dict[str, list] = {}
            for ranked in group:
                by_doc.setdefault(ranked.sentence.doc_id, []).append(ranked.sentence)
            chunk = pack_inputs(by_doc, count_tokens=count, budget=budget)
            kept = {s.ref for s in chunk.sentences}
            refs = [ref for r in group if r.sentence.ref in kept for ref in r.refs]
            texts.append(chunk.text)
            sources.append(tuple(dict.fromkeys(refs)))
            alone = len(group) == 1 and group[0].sentence.ref in kept
            originals.append(group[0].sentence.text.strip() if alone else None)
        generated = self.generate(texts, max_new_tokens=max_new_tokens(max_words, len(groups)))
        if self._lowercase:  # an uncased model writes "pakistan": take the sources' casing
            from briefer.summarize.truecase import casing_table, restore_case

            table = casing_table(r.sentence.text for r in sentences)
            generated = [restore_case(text, table) for text in generated]
        return fit_words(
            [
                (spacing.split_generated(output), refs, original)
                for output, refs, original in zip(generated, sources, originals, strict=True)
            ],
            max_words,
        )

    def _input_budget(self, count: Any) -> int:
        limit = self.max_input_tokens - self._tokenizer.num_special_tokens_to_add(pair=False)
        limit -= count(self._prefix) if self._prefix else 0
        return max(1, limit - max(2, limit // 50))  # margin: joined text may count a bit more

    def _group(
        self, ranked: Sequence[RankedSentence], max_words: int, context: SummaryContext
    ) -> list[list[RankedSentence]]:
        """Seeds picked like the extractive summary (MMR), each with its closest relatives.

        The seeds cover `max_words * SOURCE_WORDS_PER_WORD` source words, since the model
        shortens what it rewrites; `_fit_words` later cuts the output to `max_words`.
        """
        source_words = int(max_words * SOURCE_WORDS_PER_WORD)
        if context.has_vectors(ranked):
            from briefer.rank import mmr_select

            seeds = list(mmr_select(ranked, context.vectors, max_words=source_words))
        else:
            seeds, words = [], 0
            for r in ranked:
                if words >= source_words:
                    break
                seeds.append(r)
                words += len(r.sentence.text.split())
        if self.sentences_per_input == 1:
            return [[seed] for seed in seeds]
        seed_refs = {r.sentence.ref for r in seeds}
        pool = seeds + [r for r in ranked[: len(seeds) * 3] if r.sentence.ref not in seed_refs]
        similar = _similarity(pool, context.vectors)
        used = np.zeros(len(pool), dtype=bool)
        groups: list[list[RankedSentence]] = []
        for seed in range(len(seeds)):
            if used[seed]:
                continue
            used[seed] = True
            sims = np.where(used, -np.inf, similar[seed])
            mates = [j for j in np.argsort(-sims, kind="stable") if sims[j] >= _MIN_MATE_SIMILARITY]
            mates = mates[: self.sentences_per_input - 1]
            used[mates] = True
            members = sorted([seed, *mates], key=lambda j: pool[j].sentence.ref)
            groups.append([pool[j] for j in members])
        return groups


def _similarity(
    pool: Sequence[RankedSentence], vectors: Mapping[SentenceRef, np.ndarray]
) -> np.ndarray:
    if vectors and all(r.sentence.ref in vectors for r in pool):
        matrix = np.stack([np.asarray(vectors[r.sentence.ref], np.float32) for r in pool])
        return matrix @ matrix.T
    bags = [{w for w in _WORD.findall(r.sentence.text.lower()) if len(w) > 3} for r in pool]
    sims = np.zeros((len(pool), len(pool)))
    for i, a in enumerate(bags):
        for j in range(i + 1, len(bags)):
            union = len(a | bags[j])
            sims[i, j] = sims[j, i] = len(a & bags[j]) / union if union else 0.0
    return sims * 2.5  # Jaccard runs lower than cosine: put both on one scale
