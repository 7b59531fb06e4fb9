"""The abstractive summarizer: any local Hugging Face seq2seq checkpoint folder, offline.

BART, T5, PEGASUS (AutoModelForSeq2SeqLM) and warm-started encoder-decoders such as BERT2BERT
(EncoderDecoderModel) load from a folder written by `save_pretrained`, safetensors only, with no
network and no remote code. The top ranked sentences are grouped with their closest relatives
(sentence fusion, Lebanoff et al. 2019), each group packed into one input by the chunker, the
inputs generated in batches, and every generated sentence credits the sources of its input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from briefer.chunk import pack_inputs, token_counter
from briefer.data import RankedSentence, SentenceRef, SummarySentence
from briefer.errors import ModelError
from briefer.hf import LOAD_OPTIONS

__all__ = ["GENERATION_KWARGS", "Seq2SeqSummarizer"]

GENERATION_KWARGS: dict[str, Any] = {
    "no_repeat_ngram_size": 3,
    "repetition_penalty": 1.2,
    "length_penalty": 1.0,
    "min_new_tokens": 5,
}
"""Decoding settings for every `generate` call; the model issue tunes them here."""

SOURCE_WORDS_PER_WORD = 2.0  # source words rewritten per output word (the model shortens, the
# guard drops some; 1.3 left NeuS briefs 20% short of their budget)
TOKENS_PER_WORD = 1.6  # subword tokens per English word, with margin
MIN_NEW_TOKENS = 64  # room for one whole sentence: a cut-off sentence is worse than none
_TOKENIZER_FILES = {"tokenizer.json", "vocab.txt", "vocab.json", "spiece.model"}
_PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl")
_FIX_FOLDER = "pass --model a folder written by save_pretrained(safe_serialization=True)"
_WORD = re.compile(r"\w+")


class Seq2SeqSummarizer:
    """Summarizes with a local seq2seq checkpoint folder; weights load on first use.

    The folder is checked when the summarizer is made (it exists, has config.json and
    safetensors weights), so a wrong `--model` fails at once; torch and the weights load on
    the first `summarize`/`generate` (or `load()`).

    `vectors` (sentence embeddings by ref, optional) decide which sentences are grouped into
    one input; without them, shared words do. `max_input_tokens` defaults to the model's
    own limit.
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
        vectors: Mapping[SentenceRef, np.ndarray] | None = None,
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
        config = _check_model_dir(self.model_dir)
        origin = str(config.get("_name_or_path") or "")
        folder = self.model_dir.resolve().name
        keep_origin = origin and Path(origin).name != folder
        self.model_id = f"{folder} ({origin})" if keep_origin else folder
        self.batch_size = batch_size
        self.num_beams = num_beams
        self.device = device
        self.vectors = vectors
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
        key = (str(self.model_dir.resolve()), self.device, _weights_mtime(self.model_dir))
        if key in _LOADED:  # a second brief in the same process (daily, scripts) reuses it
            self._model, self._tokenizer, self._prefix = _LOADED[key]
            self._lowercase = _lowercases(self._tokenizer)
            self._wordpiece = _is_wordpiece(self._tokenizer)
            return
        from briefer.hf import quiet_transformers

        quiet_transformers()
        import torch
        from transformers import (
            AutoConfig,
            AutoModelForSeq2SeqLM,
            AutoTokenizer,
            EncoderDecoderModel,
        )

        options = LOAD_OPTIONS
        try:
            config = AutoConfig.from_pretrained(self.model_dir, **options)
            cls = (
                EncoderDecoderModel
                if config.model_type == "encoder-decoder"
                else AutoModelForSeq2SeqLM
            )
            model = cls.from_pretrained(self.model_dir, use_safetensors=True, **options)
            tokenizer = AutoTokenizer.from_pretrained(self.model_dir, **options)
        except (OSError, ValueError, KeyError) as exc:
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            raise ModelError(
                f"{self.model_dir}: cannot load the model: {message} ({_FIX_FOLDER}, "
                "with its tokenizer saved beside it)"
            ) from exc
        if len(tokenizer) < 100:  # transformers builds an empty one when the files are unusable
            raise ModelError(
                f"{self.model_dir}: the tokenizer has only {len(tokenizer)} tokens"
                " (save the model's own tokenizer with tokenizer.save_pretrained(folder))"
            )
        _fill_special_ids(model, tokenizer)
        if self.device == "cpu" and model.dtype != torch.float32:
            model = model.float()  # fp16/bf16 weights run several times slower on CPU
        self._model = model.to(self.device).eval()
        self._lowercase = _lowercases(tokenizer)
        self._wordpiece = _is_wordpiece(tokenizer)
        self._tokenizer = tokenizer
        task = (getattr(config, "task_specific_params", None) or {}).get("summarization", {})
        self._prefix = task.get("prefix", "") if isinstance(task, dict) else ""
        _LOADED.clear()  # keep one model in memory at most
        _LOADED[key] = (self._model, self._tokenizer, self._prefix)

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
        limits = [self._tokenizer.model_max_length]
        config = self._model.config
        for part in (config, getattr(config, "encoder", None)):
            limits.append(getattr(part, "max_position_embeddings", None))
        known = [int(x) for x in limits if isinstance(x, int) and 0 < x < 100_000]
        return min(known) if known else 512

    # generation --------------------------------------------------------------------------

    def generate(self, texts: Sequence[str], *, max_new_tokens: int, **overrides: Any) -> list[str]:
        """Generate one output per input text, in batches sorted by length; order preserved."""
        if not texts:
            return []
        self.load()
        import torch

        kwargs = self.settings(max_new_tokens, **overrides)
        copy_only = kwargs.pop("copy_only", self.copy_only)
        shortlist = self.shortlist and copy_only and _has_bert_decoder(self._model)
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
                with _Shortlist(self._model, input_ids, self._allowed_ids(), on=shortlist) as vocab:
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
        if self._wordpiece:
            text = self._detokenize(ids, source)
        else:
            text = self._tokenizer.decode(
                ids, skip_special_tokens=True, clean_up_tokenization_spaces=True
            )
        return " ".join(text.split())

    def _detokenize(self, ids: Sequence[int], source: str) -> str:
        """Wordpiece ids to text, spaced as the source spaces the same token pairs.

        The wordpiece decoder puts a space between any two whole tokens ("u. s.", "biden ’ s",
        "$ 100", "9 / 11"); a copy-only output mostly repeats its input's token pairs, so
        each pair is joined as the input joins it, and an unseen pair by punctuation rules.
        """
        tokenizer = self._tokenizer
        encoded = tokenizer(source, add_special_tokens=False, return_offsets_mapping=True)
        pairs = zip(encoded["input_ids"], encoded["input_ids"][1:], strict=False)
        spans = zip(encoded["offset_mapping"], encoded["offset_mapping"][1:], strict=False)
        glued: dict[tuple[int, int], bool] = {}
        for pair, (a, b) in zip(pairs, spans, strict=False):
            glued.setdefault(pair, a[1] == b[0])
        special = set(tokenizer.all_special_ids)
        ids = [i for i in ids if i not in special]
        tokens = tokenizer.convert_ids_to_tokens(ids)
        out: list[str] = []
        for k, token in enumerate(tokens):
            if token.startswith("##"):
                out.append(token[2:])
                continue
            if k:
                before, after = tokens[k - 1], tokens[k + 1] if k + 1 < len(tokens) else ""
                default = (
                    token in _NO_SPACE_BEFORE
                    or before in _NO_SPACE_AFTER
                    or (token in _APOSTROPHES and after in _CLITICS)  # "trump ' s"
                    or (before in _APOSTROPHES and token in _CLITICS)
                )
                if not glued.get((ids[k - 1], ids[k]), default):
                    out.append(" ")
            out.append(token)
        return _HALF_SPACED_HYPHEN.sub(r"\1-\2", "".join(out))  # "assault -led": one pair unseen

    def decoding(
        self,
        input_ids: Any,
        kwargs: Mapping[str, Any],
        *,
        copy_only: bool | None = None,
        always: Sequence[int] | None = None,
        limited: Any = None,
    ) -> dict[str, Any]:
        """The `generate` settings `kwargs` for these inputs, with the copy-only constraint.

        `always` are the ids any output may use, `limited` a mask of the ids an output may
        use at most as often as its input does (`_limited_ids`); by default both for the
        whole vocabulary. The constraint renormalizes each output's scores over the tokens it
        may use, and the repetition penalty then applies to those (it runs after the
        constraint, so it is passed as a processor, not as a setting): a beam's score is the
        same whether the vocabulary was the whole one or a batch's shortlist.
        """
        if not (self.copy_only if copy_only is None else copy_only):
            return dict(kwargs)
        always = self._allowed_ids() if always is None else always
        limited = self._limited_ids() if limited is None else limited
        settings = dict(kwargs)
        processors: list[Any] = [_SourceVocabulary(input_ids, always, kwargs, limited)]
        penalty = settings.get(
            "repetition_penalty", getattr(self._model.generation_config, "repetition_penalty", None)
        )
        if penalty is not None and penalty != 1.0:
            from transformers import RepetitionPenaltyLogitsProcessor

            processors.append(RepetitionPenaltyLogitsProcessor(float(penalty)))
        # 1.0, not left out: the model's generation_config would add its own before ours
        return {**settings, "repetition_penalty": 1.0, "logits_processor": processors}

    def _allowed_ids(self) -> list[int]:
        """Token ids every output may use besides its input's: punctuation, function words."""
        if self._always_ids is None:
            tokenizer = self._tokenizer
            ids = set(tokenizer.all_special_ids)
            for word in _FUNCTION_WORDS:
                for variant in (word, " " + word, word.capitalize(), " " + word.capitalize()):
                    ids.update(tokenizer(variant, add_special_tokens=False)["input_ids"])
            self._always_ids = sorted(ids)
        return self._always_ids

    def _limited_ids(self) -> Any:
        """A mask over the vocabulary of the whole-word tokens the guard counts (content words
        and figures, `guard.limited`): an output that repeats one more often than its input
        would be replaced, so decoding does not write it."""
        if self._limited_mask is None:
            import torch

            from briefer.guard import limited

            tokens = self._tokenizer.convert_ids_to_tokens(list(range(len(self._tokenizer))))
            self._limited_mask = torch.tensor(
                [t is not None and t.isalnum() and limited(t.lower()) for t in tokens]
            )
        return self._limited_mask

    # summarizing -------------------------------------------------------------------------

    def summarize(
        self, sentences: Sequence[RankedSentence], *, max_words: int
    ) -> tuple[SummarySentence, ...]:
        if not sentences or max_words < 1:
            return ()
        self.load()
        groups = self._group(sentences, max_words)
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
        words_each = max_words / max(1, len(groups))
        max_new = int(min(256, max(MIN_NEW_TOKENS, words_each * TOKENS_PER_WORD + 10)))
        generated = self.generate(texts, max_new_tokens=max_new)
        if self._lowercase:  # an uncased model writes "pakistan": take the sources' casing
            from briefer.summarize.truecase import casing_table, restore_case

            table = casing_table(r.sentence.text for r in sentences)
            generated = [restore_case(text, table) for text in generated]
        return _fit_words(
            [
                (split_generated(output), refs, original)
                for output, refs, original in zip(generated, sources, originals, strict=True)
            ],
            max_words,
        )

    def _input_budget(self, count: Any) -> int:
        limit = self.max_input_tokens - self._tokenizer.num_special_tokens_to_add(pair=False)
        limit -= count(self._prefix) if self._prefix else 0
        return max(1, limit - max(2, limit // 50))  # margin: joined text may count a bit more

    def _group(
        self, ranked: Sequence[RankedSentence], max_words: int
    ) -> list[list[RankedSentence]]:
        """Seeds picked like the extractive summary (MMR), each with its closest relatives.

        The seeds cover `max_words * SOURCE_WORDS_PER_WORD` source words, since the model
        shortens what it rewrites; `_fit_words` later cuts the output to `max_words`.
        """
        source_words = int(max_words * SOURCE_WORDS_PER_WORD)
        if self.vectors is not None and all(r.sentence.ref in self.vectors for r in ranked):
            from briefer.rank import mmr_select

            seeds = list(mmr_select(ranked, self.vectors, max_words=source_words))
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
        similar = self._similarity(pool)
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

    def _similarity(self, pool: Sequence[RankedSentence]) -> np.ndarray:
        if self.vectors is not None and all(r.sentence.ref in self.vectors for r in pool):
            matrix = np.stack([np.asarray(self.vectors[r.sentence.ref], np.float32) for r in pool])
            return matrix @ matrix.T
        bags = [{w for w in _WORD.findall(r.sentence.text.lower()) if len(w) > 3} for r in pool]
        sims = np.zeros((len(pool), len(pool)))
        for i, a in enumerate(bags):
            for j in range(i + 1, len(bags)):
                union = len(a | bags[j])
                sims[i, j] = sims[j, i] = len(a & bags[j]) / union if union else 0.0
        return sims * 2.5  # Jaccard runs lower than cosine: put both on one scale


_MIN_MATE_SIMILARITY = 0.5
_LOADED: dict[tuple[str, str, float], tuple[Any, Any, str]] = {}


def _weights_mtime(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.glob("*.safetensors")), default=0.0)


# Words an output may use although its input lacks them (with punctuation and special tokens):
# what a rewrite needs to join, attribute and inflect, and nothing that names or counts.
_FUNCTION_WORDS = (
    ". , ; : ' \" ( ) - — ’ s a an the and or but of to in on at for with by from as that which"
    " who whom whose this these those it its they them their he him his she her we our is are"
    " was were be been has have had will would not also after before while when where said says"
    " say told added according than then there"
).split()


class _SourceVocabulary:
    """A logits processor that lets each output use only its input's tokens (and a few more).

    Lexically constrained, copy-only decoding: the model may delete, reorder and join, but it
    cannot bring in a word, name or figure its input lacks. Nor may it use a `limited` token
    (a content word or figure) more often than its input does: "women and children and
    children" would fail the guard. The scores are renormalized over the tokens left, so
    beams compete on the probability of what they may say (vocabulary selection normalizes
    the same way), and a batch's shortlist gives the same scores as the whole vocabulary.
    Beams of one input share a row.
    """

    def __init__(
        self,
        input_ids: Any,
        always: Sequence[int],
        kwargs: Mapping[str, Any],
        limited: Any = None,
    ) -> None:
        import torch

        self.beams = int(kwargs.get("num_beams", 1) or 1)
        vocab = max(int(input_ids.max()) + 1, max(always) + 1)
        self.allowed = torch.zeros((input_ids.shape[0], vocab), dtype=bool)
        self.allowed.scatter_(1, input_ids, True)
        self.allowed[:, list(always)] = True
        self.blocked: Any = None
        self.limit: Any = None  # per input row: how often each limited token may occur
        self.limit_rows: Any = None  # the same per beam row, built with `blocked`
        if limited is not None:
            counts = torch.zeros((input_ids.shape[0], vocab), dtype=torch.int32)
            counts.scatter_add_(1, input_ids, torch.ones_like(input_ids, dtype=torch.int32))
            width = min(vocab, len(limited))
            counts[:, width:] = 0
            counts[:, :width] *= limited[:width].to(counts.device, torch.int32)
            self.limit = counts

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        if self.blocked is None or self.blocked.shape != scores.shape:  # built once per batch
            rows = self.allowed.repeat_interleave(self.beams, dim=0)[: scores.shape[0]]
            self.blocked = torch.ones_like(scores, dtype=torch.bool)
            width = min(rows.shape[1], scores.shape[1])
            self.blocked[:, :width] = ~rows[:, :width].to(scores.device)
            if self.limit is not None:
                limit = self.limit.repeat_interleave(self.beams, dim=0)[: scores.shape[0]]
                self.limit_rows = limit[:, :width].to(scores.device)
        blocked = self.blocked
        if self.limit is not None:
            limit = self.limit_rows
            width = limit.shape[1]
            used = torch.zeros_like(limit).scatter_add_(
                1, input_ids.clamp(max=width - 1), torch.ones_like(input_ids, dtype=limit.dtype)
            )
            spent = torch.zeros_like(blocked)
            spent[:, :width] = (limit > 0) & (used >= limit)
            blocked = blocked | spent
        scores = scores.masked_fill(blocked, float("-inf"))
        # log-probabilities over the tokens this output may use, whatever the vocabulary
        total = torch.logsumexp(scores, dim=-1, keepdim=True)
        return scores - torch.where(torch.isfinite(total), total, torch.zeros_like(total))


class _Shortlist:
    """Decode over the batch's own vocabulary: vocabulary selection for copy-only decoding.

    Copy-only outputs use only their inputs' tokens and the always-allowed ones, a thousand
    or two of the 30,522, yet the LM head, the softmax, the beam's top-k and every logits
    processor work over the whole vocabulary at every step. Inside this context the
    decoder's word embeddings and LM head hold only the shortlist's rows, so `generate`
    works in shortlist ids (`to_short`, `special_ids`, `always`), and `to_full` maps its
    output back. The softmax then normalizes over the shortlist, but `_SourceVocabulary`
    renormalizes each output over its own tokens, so the outputs are those of decoding over
    the whole vocabulary. A BERT2BERT decoder only (`_has_bert_decoder`); with `on=False`
    everything passes through.
    """

    def __init__(self, model: Any, input_ids: Any, always: Sequence[int], *, on: bool) -> None:
        import torch

        self.model, self.on = model, on
        self.always: Sequence[int] = always
        self.special_ids: dict[str, int] = {}
        if not on:
            return
        device = input_ids.device
        self.ids = torch.unique(
            torch.cat([input_ids.flatten(), torch.tensor(always, device=device)])
        )
        vocab = int(self.ids.max()) + 1
        self.position = torch.full((vocab,), -1, dtype=torch.long, device=device)
        self.position[self.ids] = torch.arange(len(self.ids), device=device)
        self.always = self.to_short(torch.tensor(always, device=device)).tolist()
        config = model.generation_config
        for key in ("decoder_start_token_id", "bos_token_id", "eos_token_id", "pad_token_id"):
            value = getattr(config, key, None)
            if isinstance(value, int) and value < vocab and self.position[value] >= 0:
                self.special_ids[key] = int(self.position[value])

    def __enter__(self) -> _Shortlist:
        if self.on:
            import torch

            decoder = self.model.decoder
            embeddings, head = decoder.bert.embeddings, decoder.cls.predictions
            self._saved = (embeddings.word_embeddings, head.decoder)
            short_head = torch.nn.Linear(head.decoder.in_features, len(self.ids))
            short_head.weight = torch.nn.Parameter(head.decoder.weight[self.ids], False)
            bias = head.decoder.bias if head.decoder.bias is not None else head.bias
            short_head.bias = torch.nn.Parameter(bias[self.ids], False)
            short_embeddings = torch.nn.Embedding(
                len(self.ids), embeddings.word_embeddings.embedding_dim
            )
            short_embeddings.weight = torch.nn.Parameter(
                embeddings.word_embeddings.weight[self.ids], False
            )
            embeddings.word_embeddings = short_embeddings
            head.decoder = short_head
        return self

    def __exit__(self, *exc: object) -> None:
        if self.on:
            decoder = self.model.decoder
            decoder.bert.embeddings.word_embeddings, decoder.cls.predictions.decoder = self._saved

    def select(self, mask: Any) -> Any:
        """A mask over the whole vocabulary, in shortlist ids."""
        return mask[self.ids.to(mask.device)] if self.on else mask

    def to_short(self, ids: Any) -> Any:
        return self.position[ids] if self.on else ids

    def to_full(self, ids: Any) -> Any:
        return self.ids[ids] if self.on else ids


def _has_bert_decoder(model: Any) -> bool:
    """A BERT2BERT decoder whose embeddings and LM head `_Shortlist` can swap."""
    decoder = getattr(model, "decoder", None)
    embeddings = getattr(getattr(decoder, "bert", None), "embeddings", None)
    head = getattr(getattr(decoder, "cls", None), "predictions", None)
    if embeddings is None or not hasattr(head, "decoder"):
        return False
    # one module for both: swapping the decoder's would swap the encoder's
    return embeddings is not getattr(getattr(model, "encoder", None), "embeddings", None)


def split_generated(text: str) -> list[str]:
    """Split generated text into sentences with briefer's Punkt splitter.

    Generated text may be lower-case, so a regex keyed on capitals would miss boundaries.
    """
    from briefer.split import split_text

    return [text[start:end] for start, end in split_text(text)]


def _fit_words(
    units: Sequence[tuple[Sequence[str], tuple[SentenceRef, ...], str | None]],
    max_words: int,
) -> tuple[SummarySentence, ...]:
    """The summary from (generated sentences, sources, original sentence) per input, in rank
    order: compressed only as much as `max_words` demands.

    Inputs are taken, rewritten, while they fit. Where words are left over, the best-ranked
    inputs whose original sentence still fits are given it back verbatim (origin
    "extracted"): a rewrite that cut words the budget had room for lost content for nothing.
    """
    lengths = [sum(len(text.split()) for text in generated) for generated, _, _ in units]
    words = 0
    taken: list[int] = []
    for i, n in enumerate(lengths):
        if n and words + n <= max_words:
            taken.append(i)
            words += n
    restored: set[int] = set()
    for i in taken:
        original = units[i][2]
        if original is None:
            continue
        extra = len(original.split()) - lengths[i]
        if 0 < extra <= max_words - words:
            restored.add(i)
            words += extra
    out: list[SummarySentence] = []
    seen: set[str] = set()
    for i in taken:
        generated, refs, original = units[i]
        if i in restored:
            candidates = [(str(original), "extracted")]
        else:
            candidates = [(text, "generated") for text in generated]
        for text, origin in candidates:
            key = " ".join(_WORD.findall(text.lower()))
            if key and key not in seen:
                seen.add(key)
                out.append(SummarySentence(text, refs, origin=origin))
    if not out:  # no rewrite fits: the first, cut to the budget
        for generated, refs, _ in units:
            for text in generated:
                if _WORD.search(text):
                    cut = " ".join(text.split()[:max_words])
                    return (SummarySentence(cut, refs, origin="generated"),)
    return tuple(out)


_NO_SPACE_BEFORE = frozenset(",.;:!?)]%")
_NO_SPACE_AFTER = frozenset("([$")
_APOSTROPHES = frozenset("'’")
_HALF_SPACED_HYPHEN = re.compile(r"(\w)(?: -|- )(\w)")
_CLITICS = frozenset("s t d m ve re ll".split())


def _is_wordpiece(tokenizer: Any) -> bool:
    """Whether the tokenizer is a (fast) WordPiece one, decoded by `_detokenize`."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    return type(getattr(backend, "decoder", None)).__name__ == "WordPiece"


def _lowercases(tokenizer: Any) -> bool:
    """Whether the tokenizer folds case (an uncased BERT vocabulary does)."""
    try:
        return tokenizer("Pakistan")["input_ids"] == tokenizer("pakistan")["input_ids"]
    except Exception:  # noqa: BLE001 - an odd tokenizer: assume it keeps case
        return False


def _check_model_dir(path: Path) -> dict[str, Any]:
    if not path.is_dir():
        raise ModelError(f"{path}: no such model folder ({_FIX_FOLDER})")
    config_file = path / "config.json"
    if not config_file.is_file():
        raise ModelError(
            f"{path}: no config.json, so not a Hugging Face model folder ({_FIX_FOLDER})"
        )
    names = {p.name for p in path.iterdir() if p.is_file()}
    if not any(name.endswith(".safetensors") for name in names):
        pickles = sorted(n for n in names if n.endswith(_PICKLE_SUFFIXES))
        if pickles:
            raise ModelError(
                f"{path}: only a pickle checkpoint ({', '.join(pickles)}); briefer loads "
                "safetensors only (re-save with save_pretrained(safe_serialization=True))"
            )
        raise ModelError(f"{path}: no model.safetensors weights ({_FIX_FOLDER})")
    if not (names & _TOKENIZER_FILES or any(name.endswith(".model") for name in names)):
        raise ModelError(
            f"{path}: no tokenizer files (tokenizer.json, vocab.txt, vocab.json or a"
            " sentencepiece .model) (save the tokenizer beside the weights with"
            " tokenizer.save_pretrained(folder))"
        )
    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{config_file}: not valid JSON ({exc}) ({_FIX_FOLDER})") from exc
    if not isinstance(config, dict):
        raise ModelError(f"{config_file}: not a model configuration ({_FIX_FOLDER})")
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
