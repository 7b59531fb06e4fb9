"""The import graph: renderers depend on the data model only, and no module imports in a circle.

Every `import` counts, those inside functions too (they are how `import briefer` stays fast,
not a way around a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "briefer"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def imports_of(name: str) -> set[str]:
    """The briefer modules `name` imports, anywhere in its code."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from pkg import submodule" imports the submodule; "from pkg import name", pkg
            subs = [f"{node.module}.{a.name}" for a in node.names]
            targets = [t for t in subs if t in MODULES]
            if len(targets) < len(subs):
                targets.append(node.module)
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t != name}
    return found


def package_of(name: str) -> str:
    """'briefer.render.markdown' -> 'briefer.render'; 'briefer.data' stays itself."""
    return ".".join(name.split(".")[:2])


def module_graph() -> dict[str, set[str]]:
    """Who imports whom; the `briefer` facade (lazy re-exports of the public API) left out."""
    return {name: imports_of(name) - {"briefer"} for name in MODULES if name != "briefer"}


def in_cycles(graph: dict[str, set[str]]) -> list[str]:
    """The nodes of `graph` that can reach themselves."""

    def reachable(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    return sorted(node for node in graph if node in reachable(node))


def test_the_data_model_imports_nothing_of_briefer():
    assert imports_of("briefer.data") == set()


def test_renderers_import_only_the_data_model_errors_and_output():
    allowed = {"briefer.data", "briefer.errors", "briefer.output"}
    for name in MODULES:
        if package_of(name) == "briefer.render":
            outside = {m for m in imports_of(name) if package_of(m) != "briefer.render"}
            assert outside <= allowed, (name, outside - allowed)


def test_perspectives_and_composition_never_import_renderers_or_the_pipeline():
    for name in MODULES:
        if package_of(name) in ("briefer.perspectives", "briefer.compose"):
            bad = {
                m
                for m in imports_of(name)
                if package_of(m) in ("briefer.render", "briefer.pipeline", "briefer.cli")
            }
            assert not bad, (name, bad)


def test_no_module_imports_itself_through_others():
    assert in_cycles(module_graph()) == []


def test_the_cycle_check_finds_a_circle_and_nothing_else():
    assert in_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c"]
    assert in_cycles({"a": {"b"}, "b": set()}) == []
