"""The engine's shape: no import cycles between its modules (imports inside functions count), none
over 400 lines, no MkDocs anywhere under src/ (hooks/pipeline.py is the adapter), the content
model free of figures, and publishing stays light."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

SOURCE = REPO / "src"


def _module(path: Path, source: Path = SOURCE) -> str:
    parts = path.relative_to(source).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement: at the top, in `if TYPE_CHECKING:` or `try:` blocks, and inside
    functions and classes (an import inside a function is a dependency too: it only runs later)."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


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


def import_graph(source: Path = SOURCE) -> dict[str, set[str]]:
    paths = {_module(path, source): path for path in source.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets |= _imported(name, path.name == "__init__.py", node)
        # Importing a.b.c runs a/__init__.py and a/b/__init__.py first: a package that re-exports
        # its modules is a dependency of every import from it (except its own modules' imports).
        own = {name.rsplit(".", depth)[0] for depth in range(name.count(".") + 1)}
        targets |= {
            target.rsplit(".", depth)[0]
            for target in set(targets)
            for depth in range(1, target.count(".") + 1)
        } - own
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


def test_a_cycle_through_an_import_inside_a_function_is_found(tmp_path: Path) -> None:
    # The shape of the two cycles this test once missed (figures.pose <-> figures.kinematics,
    # templating <-> figures.web): one side imports at the top, the other inside a function.
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "pose.py").write_text("from pkg.kinematics import solve\n", encoding="utf-8")
    (package / "kinematics.py").write_text(
        "def solve():\n    from pkg.pose import expand_parts\n", encoding="utf-8"
    )
    assert cycles(import_graph(tmp_path)) == [["pkg.kinematics", "pkg.pose"]]


def test_no_module_imports_another_that_imports_it_back() -> None:
    # Type-only imports and imports inside functions count too: a cycle there is one of ideas.
    graph = import_graph()
    assert "strongback.citations" in graph and "strongback.model" in graph["strongback.load.loader"]
    assert cycles(graph) == []


def test_publishing_loads_neither_the_standards_check_nor_textstat() -> None:
    code = "import sys, strongback.build.publish; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "strongback.build.publish" in loaded
    assert "strongback.standards" not in loaded
    assert not [name for name in loaded if name.split(".")[0] == "textstat"]


def test_the_engine_packages_are_covered_and_small() -> None:
    graph = import_graph()
    for package in ("load", "standards", "pages", "pdf", "build"):
        modules = {name for name in graph if name.startswith(f"strongback.{package}.")}
        assert len(modules) >= 5, package
        for path in (SOURCE / "strongback" / package).glob("*.py"):
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
    assert {"strongback.catalogue", "strongback.load.sourcemap"} <= set(graph)
    # The source map and the catalogue stay below the checks and the pages that read them.
    assert not [name for name in graph["strongback.catalogue"] if ".standards" in name]
    assert "strongback.load.loader" not in graph["strongback.load.sourcemap"]


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


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    waiting = [start]
    while waiting:
        for target in graph[waiting.pop()] - seen:
            seen.add(target)
            waiting.append(target)
    return seen


def test_the_content_model_imports_nothing_from_figures_or_pages() -> None:
    # A pose is data in the model; solving it is the figures' (the loader passes the check in).
    graph = import_graph()
    model = sorted(name for name in graph if name.split(".")[:2] == ["strongback", "model"])
    assert "strongback.model.pose" in model
    for name in model:
        above = {
            target
            for target in _reachable(graph, name)
            if target.split(".")[1] in ("figures", "pages", "standards", "pdf", "build", "cli")
        }
        assert above == set(), name


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
