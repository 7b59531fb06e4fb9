"""`briefer train --summarizer trained` end to end on tiny rows, with hashed vectors."""

from __future__ import annotations

import json
from pathlib import Path

from test_evaluate import MULTINEWS_ROWS, NEUS_ROWS

from briefer.embed import HashingEmbedder
from briefer.summarize.trained import TrainedSummarizer
from briefer.train.extcomp import ExtCompConfig, train_extcomp


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "multinews").mkdir(parents=True)
    (data / "neus").mkdir()
    lines = "".join(json.dumps(r) + "\n" for r in MULTINEWS_ROWS)
    for name in ("train_20k.jsonl", "validation_2k.jsonl"):
        (data / "multinews" / name).write_text(lines, encoding="utf-8")
    (data / "neus" / "train.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in NEUS_ROWS * 2), encoding="utf-8"
    )
    return data


def test_training_exports_a_model_that_summarizes_and_a_rerun_resumes(tmp_path: Path) -> None:
    config = ExtCompConfig(
        data_dir=_data(tmp_path),
        out_dir=tmp_path / "run",
        export_dir=tmp_path / "model",
        multinews_rows=2,
        neus_rows=1,
        multinews_validation_rows=2,
        neus_validation_rows=1,
        multinews_validation_start=0,
        neus_validation_start=1,
        epochs=2,
        hidden=4,
    )
    folder = train_extcomp(config, embedder=HashingEmbedder())
    assert {p.name for p in folder.iterdir()} == {"config.json", "model.safetensors", "README.md"}
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert "Training time:" in card and "| set @ words |" in card
    summarizer = TrainedSummarizer(folder)
    assert summarizer.settings.dim == HashingEmbedder().dim
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "run").glob("*.pkl")}
    assert set(stamps) == {"salience.pkl", "deletion.pkl", "settings.pkl"}
    train_extcomp(config, embedder=HashingEmbedder())  # resumes: nothing is fitted again
    assert stamps == {p.name: p.stat().st_mtime_ns for p in (tmp_path / "run").glob("*.pkl")}
