"""Training pieces: fusion pairs from references, the shared-weights model, the loop."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefer.train.pairs import align, clean_target, pairs_for_example, support


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "– A man was shot dead in kabul on monday, the ap reports.",
            "A man was shot dead in kabul on monday.",
        ),
        (
            "The death toll now stands at 40, reports the new york times.",
            "The death toll now stands at 40.",
        ),
        (
            "Per the guardian, police arrested three men in the city overnight.",
            "Police arrested three men in the city overnight.",
        ),
        (
            '"It was an awful night for all of us," he tells the ap.',
            '"It was an awful night for all of us," he says.',
        ),
        ("The washington post reports that the deal is off for now.", "The deal is off for now."),
        (
            "The storm hit the coast of florida overnight, police say.",
            "The storm hit the coast of florida overnight, police say.",
        ),
    ],
)
def test_outlet_tags_are_stripped_from_targets(raw: str, clean: str) -> None:
    assert clean_target(raw) == clean


def test_link_sentences_are_dropped() -> None:
    assert clean_target("Click for the full story at the times.") == ""


def test_alignment_picks_the_sentences_the_target_fuses() -> None:
    sources = [
        "The weather was fine in the capital.",
        "A drone strike killed eight people in north waziristan.",
        "The army said the target was a militant hideout.",
        "Football fans celebrated late into the night.",
    ]
    target = (
        "A drone strike on a militant hideout killed eight people in north waziristan, "
        "the army said."
    )
    assert align(target, sources) == [1, 2]


def test_support_is_zero_when_a_number_is_missing() -> None:
    assert support("Twelve people died, 12 in all.", ["Eight people died."]) == 0.0
    assert (
        support("Eight people died in the strike.", ["The strike killed eight people, who died."])
        == 1.0
    )


def test_pairs_keep_only_supported_targets() -> None:
    docs = [
        "A drone strike killed eight people in north waziristan. "
        "The army said the target was a hideout."
    ]
    reference = (
        "A drone strike killed eight people in north waziristan, the ap reports. "
        "Pakistani lawmakers demanded an inquiry into secret deals with foreign governments."
    )
    pairs = list(pairs_for_example(docs, reference, min_support=0.7))
    assert [p.target for p in pairs] == ["A drone strike killed eight people in north waziristan."]
    assert pairs[0].source == "A drone strike killed eight people in north waziristan."


def tiny_model():
    from transformers import BertConfig, EncoderDecoderConfig, EncoderDecoderModel

    from briefer.train.model import tie_encoder_decoder

    def bert(**extra):
        return BertConfig(
            vocab_size=60,
            hidden_size=16,
            num_hidden_layers=2,
            num_attention_heads=2,
            intermediate_size=32,
            max_position_embeddings=64,
            **extra,
        )

    config = EncoderDecoderConfig.from_encoder_decoder_configs(
        bert(), bert(is_decoder=True, add_cross_attention=True)
    )
    config.decoder_start_token_id, config.pad_token_id, config.eos_token_id = 2, 0, 3
    return tie_encoder_decoder(EncoderDecoderModel(config=config))


def test_tied_model_shares_encoder_and_decoder_weights() -> None:
    pytest.importorskip("torch")
    from briefer.train.model import count_parameters

    model = tiny_model()
    enc, dec = model.encoder.encoder.layer[0], model.decoder.bert.encoder.layer[0]
    assert enc.attention.self.query.weight is dec.attention.self.query.weight
    assert dec.crossattention.self.query.weight is not enc.attention.self.query.weight
    untied = sum(p.numel() for p in model.encoder.parameters()) + sum(
        p.numel() for p in model.decoder.parameters()
    )
    assert count_parameters(model) < untied


def test_saved_model_loads_back_tied_and_equal(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from briefer.train.model import load_model, save_model

    class Tok:
        def save_pretrained(self, folder: str) -> None:
            Path(folder, "vocab.txt").write_text("[PAD]\n")

    model = tiny_model().eval()
    save_model(model, Tok(), tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    ids = torch.tensor([[5, 6, 7, 3]])
    with torch.no_grad():
        a = model(input_ids=ids, decoder_input_ids=ids).logits
        b = loaded(input_ids=ids, decoder_input_ids=ids).logits
    assert torch.allclose(a, b, atol=1e-5)
    shared = loaded.decoder.bert.encoder.layer[1].output.dense.weight
    assert shared is loaded.encoder.encoder.layer[1].output.dense.weight


def test_training_steps_lower_the_loss_and_resume(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from briefer.train.loop import Encoded, batches, collate, loss_of

    torch.manual_seed(0)
    model = tiny_model().train()
    data = [Encoded([2, 5 + i % 7, 9, 3], [5 + i % 7, 9, 3]) for i in range(32)]
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    order = batches(data, 8, random.Random(0))
    assert sorted(j for b in order for j in b) == list(range(32))
    first = last = None
    for step in range(30):
        batch = collate([data[j] for j in order[step % len(order)]], 0, torch.device("cpu"))
        loss = loss_of(model, batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        first = first if first is not None else loss.item()
        last = loss.item()
    assert last < first


def test_tied_decoder_stays_causal() -> None:
    torch = pytest.importorskip("torch")
    model = tiny_model().eval()
    ids = torch.tensor([[5, 6, 7, 3]])
    with torch.no_grad():
        a = model(input_ids=ids, decoder_input_ids=torch.tensor([[2, 8, 9, 10]])).logits
        b = model(input_ids=ids, decoder_input_ids=torch.tensor([[2, 8, 9, 44]])).logits
    assert torch.allclose(a[0, :3], b[0, :3], atol=1e-6)  # a later token changes nothing before
