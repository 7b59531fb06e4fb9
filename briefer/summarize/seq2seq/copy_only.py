"""Copy-only decoding: an output may use only its input's tokens, over a shortlist vocabulary.

allowed_ids       tokens any output may use besides its input's: punctuation, function words
limited_mask      whole-word tokens (content words, figures) no output may repeat more often
                  than its input does (the guard would replace "women and children and
                  children")
constrained       `generate` settings with the constraint as a logits processor
SourceVocabulary  that logits processor
Shortlist         the decoder's embeddings and LM head cut to the batch's own tokens
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "FUNCTION_WORDS",
    "Shortlist",
    "SourceVocabulary",
    "allowed_ids",
    "constrained",
    "has_bert_decoder",
    "limited_mask",
]

# Words an output may use although its input lacks them (with punctuation and special tokens):
# what a rewrite needs to join, attribute and inflect, and nothing that names or counts.
FUNCTION_WORDS = (
    ". , ; : ' \" ( ) - — ’ s a an the and or but of to in on at for with by from as that which"
    " who whom whose this these those it its they them their he him his she her we our is are"
    " was were be been has have had will would not also after before while when where said says"
    " say told added according than then there"
).split()


def allowed_ids(tokenizer: Any) -> list[int]:
    """Token ids every output may use besides its input's: punctuation, function words."""
    ids = set(tokenizer.all_special_ids)
    for word in FUNCTION_WORDS:
        for variant in (word, " " + word, word.capitalize(), " " + word.capitalize()):
            ids.update(tokenizer(variant, add_special_tokens=False)["input_ids"])
    return sorted(ids)


def limited_mask(tokenizer: Any) -> Any:
    """A mask over the vocabulary of the whole-word tokens the guard counts (content words
    and figures, `guard.limited`): an output that repeats one more often than its input
    would be replaced, so decoding does not write it."""
    import torch

    from briefer.guard import limited

    tokens = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    return torch.tensor([t is not None and t.isalnum() and limited(t.lower()) for t in tokens])


def constrained(
    input_ids: Any,
    kwargs: Mapping[str, Any],
    *,
    always: Sequence[int],
    limited: Any,
    default_penalty: float | None,
) -> dict[str, Any]:
    """The `generate` settings `kwargs` for these inputs, with the copy-only constraint.

    `always` are the ids any output may use, `limited` a mask of the ids an output may use at
    most as often as its input does. The constraint renormalizes each output's scores over
    the tokens it may use, and the repetition penalty (`kwargs`', else `default_penalty`, the
    model's own) then applies to those: it runs after the constraint, so it is passed as a
    processor, not as a setting, and a beam's score is the same whether the vocabulary was
    the whole one or a batch's shortlist.
    """
    settings = dict(kwargs)
    processors: list[Any] = [SourceVocabulary(input_ids, always, kwargs, limited)]
    penalty = settings.get("repetition_penalty", default_penalty)
    if penalty is not None and penalty != 1.0:
        from transformers import RepetitionPenaltyLogitsProcessor

        processors.append(RepetitionPenaltyLogitsProcessor(float(penalty)))
    # 1.0, not left out: the model's generation_config would add its own before ours
    return {**settings, "repetition_penalty": 1.0, "logits_processor": processors}


class SourceVocabulary:
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


class Shortlist:
    """Decode over the batch's own vocabulary: vocabulary selection for copy-only decoding.

    Copy-only outputs use only their inputs' tokens and the always-allowed ones, a thousand
    or two of the 30,522, yet the LM head, the softmax, the beam's top-k and every logits
    processor work over the whole vocabulary at every step. Inside this context the
    decoder's word embeddings and LM head hold only the shortlist's rows, so `generate`
    works in shortlist ids (`to_short`, `special_ids`, `always`), and `to_full` maps its
    output back. The softmax then normalizes over the shortlist, but `SourceVocabulary`
    renormalizes each output over its own tokens, so the outputs are those of decoding over
    the whole vocabulary. A BERT2BERT decoder only (`has_bert_decoder`); with `on=False`
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

    def __enter__(self) -> Shortlist:
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


def has_bert_decoder(model: Any) -> bool:
    """A BERT2BERT decoder whose embeddings and LM head `Shortlist` can swap."""
    decoder = getattr(model, "decoder", None)
    embeddings = getattr(getattr(decoder, "bert", None), "embeddings", None)
    head = getattr(getattr(decoder, "cls", None), "predictions", None)
    if embeddings is None or not hasattr(head, "decoder"):
        return False
    # one module for both: swapping the decoder's would swap the encoder's
    return embeddings is not getattr(getattr(model, "encoder", None), "embeddings", None)
