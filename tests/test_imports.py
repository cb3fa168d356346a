"""The engine's shape: no import cycles between its modules, and publishing stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

SOURCE = REPO / "src"


def _module(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports outside functions: at the top and in `if TYPE_CHECKING:` or `try:` blocks."""
    found: list[ast.Import | ast.ImportFrom] = []
    waiting: list[ast.AST] = list(tree.body)
    while waiting:
        node = waiting.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If | ast.Try):
            waiting += [*node.body, *node.orelse, *getattr(node, "handlers", [])]
        elif isinstance(node, ast.ExceptHandler):
            waiting += node.body
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {_module(path): path for path in SOURCE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str] = set()
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif node.module:
                targets.add(node.module)
                targets |= {f"{node.module}.{alias.name}" for alias in node.names}
        graph[name] = {target for target in targets if target in paths and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        for target in sorted(graph[node]):
            if target in path:
                cycle = path[path.index(target) :]
                if cycle not in found and min(cycle) == cycle[0]:
                    found.append(cycle)
            else:
                visit(target, [*path, target])

    for start in sorted(graph):
        visit(start, [start])
    return found


def test_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_imports_another_that_imports_it_back() -> None:
    # Type-only imports count too: a cycle there is a cycle of ideas.
    graph = import_graph()
    assert "strongback.citations" in graph and "strongback.model" in graph["strongback.load"]
    assert cycles(graph) == []


def test_publishing_loads_neither_the_standards_check_nor_textstat() -> None:
    code = "import sys, strongback.publish; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "strongback.publish" in loaded
    assert "strongback.checks" not in loaded
    assert not [name for name in loaded if name.split(".")[0] == "textstat"]


def test_the_engine_packages_are_covered_and_small() -> None:
    graph = import_graph()
    for package in ("checks", "handouts"):
        modules = {name for name in graph if name.startswith(f"strongback.{package}.")}
        assert len(modules) >= 5, package
        for path in (SOURCE / "strongback" / package).glob("*.py"):
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
    assert {"strongback.catalogue", "strongback.sourcemap"} <= set(graph)
    # The source map and the catalogue stay below the checks and the pages that read them.
    assert not [name for name in graph["strongback.catalogue"] if ".checks" in name]
    assert "strongback.load" not in graph["strongback.sourcemap"]
