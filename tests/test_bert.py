"""briefer's own BERT forward pass gives transformers' hidden states, and refuses what it lacks."""

from __future__ import annotations

import json

import pytest
import torch

from briefer.bert import BertEncoder
from briefer.errors import ModelError

TEXTS = [
    "Pakistani security officials said the strikes hit TTP hideouts.",
    "The Taliban government said 46 people were killed.",
    "",
    "Short.",
]


def _tiny_bert(folder, **overrides):
    from transformers import BertConfig, BertModel

    torch.manual_seed(0)
    settings = dict(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=32,
        max_position_embeddings=24,
    )
    settings.update(overrides)
    model = BertModel(BertConfig(**settings)).eval()
    model.save_pretrained(folder)
    return model


def _batch(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(r) for r in rows)
    ids = torch.tensor([r + [0] * (width - len(r)) for r in rows])
    mask = torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in rows])
    return ids, mask


def test_a_tiny_bert_gives_transformers_hidden_states_under_padding(tmp_path) -> None:
    reference = _tiny_bert(tmp_path)
    ids, mask = _batch([[2, 7, 9, 11, 3], [2, 5, 3], [2, 3]])
    with torch.inference_mode():
        expected = reference(input_ids=ids, attention_mask=mask).last_hidden_state
        got = BertEncoder(tmp_path)(ids, mask)
    assert got.shape == expected.shape
    real = mask.bool()
    assert torch.allclose(got[real], expected[real], atol=1e-5)


def test_relu_layers_and_a_bert_prefix_are_read(tmp_path) -> None:
    reference = _tiny_bert(tmp_path, hidden_act="relu")
    from safetensors.torch import load_file, save_file

    weights = load_file(str(tmp_path / "model.safetensors"))
    save_file({f"bert.{k}": v for k, v in weights.items()}, str(tmp_path / "model.safetensors"))
    ids, mask = _batch([[2, 4, 6, 3]])
    with torch.inference_mode():
        expected = reference(input_ids=ids, attention_mask=mask).last_hidden_state
        assert torch.allclose(BertEncoder(tmp_path)(ids, mask), expected, atol=1e-5)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("model_type", "roberta"),
        ("position_embedding_type", "relative_key"),
        ("hidden_act", "silu"),
    ],
)
def test_a_checkpoint_of_another_shape_is_refused_by_name(tmp_path, setting, value) -> None:
    _tiny_bert(tmp_path)
    config = json.loads((tmp_path / "config.json").read_text())
    config[setting] = value
    (tmp_path / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match=setting):
        BertEncoder(tmp_path)


def test_weights_without_the_embeddings_are_refused(tmp_path) -> None:
    _tiny_bert(tmp_path)
    from safetensors.torch import load_file, save_file

    weights = load_file(str(tmp_path / "model.safetensors"))
    del weights["embeddings.word_embeddings.weight"]
    save_file(weights, str(tmp_path / "model.safetensors"))
    with pytest.raises(ModelError, match="word_embeddings"):
        BertEncoder(tmp_path)


@pytest.mark.slow
def test_the_bundled_minilm_embeds_as_transformers_does() -> None:
    """The embedder (tokenizers + briefer.bert) against AutoTokenizer + AutoModel."""
    from transformers import AutoModel, AutoTokenizer

    from briefer.embed import MiniLMEmbedder

    embedder = MiniLMEmbedder(batch_size=3)
    long_text = "The ministry said " + "the strikes continued " * 60
    texts = [*TEXTS, long_text]
    ours = embedder.embed(texts)
    tokenizer = AutoTokenizer.from_pretrained(embedder.model_dir)
    model = AutoModel.from_pretrained(embedder.model_dir).eval()
    encoded = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
    with torch.inference_mode():
        hidden = model(**encoded).last_hidden_state
    weights = encoded["attention_mask"].unsqueeze(-1).float()
    pooled = ((hidden * weights).sum(1) / weights.sum(1)).numpy()
    pooled /= torch.linalg.norm(torch.from_numpy(pooled), dim=1, keepdim=True).numpy()
    assert abs(ours - pooled).max() < 1e-5
