"""`python -m briefer.train [export] [--gpu] [--field value ...]`.

Without `export`: run `train(TrainConfig(...))`. With it: export the best checkpoint of
`--out-dir` to `--export-dir` (fp16, with the model card), e.g. while training still runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import typing
from pathlib import Path

from briefer.train import TrainConfig, export_best, train


def main(argv: list[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(prog="python -m briefer.train")
    parser.add_argument("action", nargs="?", choices=["train", "export"], default="train")
    parser.add_argument("--evaluation", default="", help="export: a Markdown file of scores")
    parser.add_argument("--samples", default="", help="export: a Markdown file of samples")
    parser.add_argument("--gpu", action="store_true", help="the CUDA preset")
    hints = typing.get_type_hints(TrainConfig)
    for field in dataclasses.fields(TrainConfig):
        parser.add_argument("--" + field.name.replace("_", "-"), dest=field.name, default=None)
    args = parser.parse_args(argv)
    config = TrainConfig().gpu() if args.gpu else TrainConfig()
    changes = {}
    for field in dataclasses.fields(TrainConfig):
        value = getattr(args, field.name)
        if value is not None:
            changes[field.name] = _convert(value, hints[field.name])
    config = dataclasses.replace(config, **changes)
    if args.action == "export":
        return export_best(config, evaluation=_read(args.evaluation), samples=_read(args.samples))
    return train(config)


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8") if path else ""


def _convert(value: str, hint: object) -> object:
    if value.lower() == "none":
        return None
    text = str(hint)
    if "bool" in text:
        return value.lower() in ("1", "true", "yes")
    if "Path" in text:
        return Path(value)
    if "int" in text:
        return int(value)
    if "float" in text:
        return float(value)
    return value


if __name__ == "__main__":
    print(main())
