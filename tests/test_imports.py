"""The engine's shape: no import cycles between its modules, none over 400 lines, no MkDocs
anywhere under src/ (hooks/pipeline.py is the adapter), and publishing stays light."""

from __future__ import annotations

import ast
import re
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


def _imported(name: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The modules an import statement in module `name` may load (a name imported from a
    package may be a module of it); relative imports are resolved against `name`."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    module = node.module or ""
    if node.level:
        package = name if is_package else name.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        module = f"{package}.{module}" if module else package
    return {module} | {f"{module}.{alias.name}" for alias in node.names}


def import_graph() -> dict[str, set[str]]:
    paths = {_module(path): path for path in SOURCE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str] = set()
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets |= _imported(name, path.name == "__init__.py", node)
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


def test_relative_imports_are_resolved() -> None:
    def imported(name: str, is_package: bool, statement: str) -> set[str]:
        node = ast.parse(statement).body[0]
        assert isinstance(node, ast.Import | ast.ImportFrom)
        return _imported(name, is_package, node)

    fields = {"strongback.model.fields", "strongback.model.fields.Slug"}
    assert imported("strongback.model.exercise", False, "from .fields import Slug") == fields
    assert imported("strongback.model", True, "from .fields import Slug") == fields
    assert imported("strongback.cli.parser", False, "from .. import export") == {
        "strongback",
        "strongback.export",
    }


def test_no_module_under_src_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(SOURCE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(SOURCE.rglob("*.py"))
    }
    assert len(sizes) > 50
    assert {path: size for path, size in sizes.items() if size > 400} == {}


def test_the_split_packages_are_covered() -> None:
    graph = import_graph()
    for package in ("model", "cli"):
        modules = {name for name in graph if name.startswith(f"strongback.{package}.")}
        assert len(modules) >= 5, package
        # Their modules import one another, never the package that re-exports them
        # (`python -m strongback.cli` runs `cli/__main__.py`, which nothing imports).
        inward = [name for name in modules if f"strongback.{package}" in graph[name]]
        assert [name for name in inward if not name.endswith(".__main__")] == [], package
    assert {"strongback.model.exercise", "strongback.model.fields"} <= graph["strongback.model"]
    figures = {"geometry", "figure", "props", "kinematics"}
    assert {f"strongback.figures.{name}" for name in figures} <= set(graph)
    assert "strongback.figures.kinematics" not in graph["strongback.figures.props"]


BUILD_TOOLS = ("mkdocs", "properdocs", "material")
"""The builders and the theme: only hooks/pipeline.py and the tests import them."""


def test_no_module_under_src_imports_mkdocs() -> None:
    # Anywhere in a module, inside functions too: hooks/pipeline.py is the only adapter.
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                if any(name.split(".")[0] in BUILD_TOOLS for name in names):
                    found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert found == []


def test_the_command_line_loads_no_mkdocs() -> None:
    code = "import sys, strongback.cli; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "strongback.cli" in loaded and "strongback.cli.parser" in loaded
    assert not [name for name in loaded if name.split(".")[0] in BUILD_TOOLS]


def test_the_readme_lists_every_module_once() -> None:
    # The contributors' architecture table: one row per module, none missing, none gone.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Architecture (for contributors)", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE)
    package = SOURCE / "strongback"
    modules = sorted(str(path.relative_to(package)) for path in package.rglob("*.py"))
    assert len(rows) == len(set(rows)), "a module is listed twice"
    assert sorted(rows) == modules
