"""Placeholder text from `strongback new`: the scaffold templates mark it with `# TODO`, and a
file that still holds it fails `strongback check` and the build, so it is never published."""

from __future__ import annotations

from functools import cache
from typing import Any

from strongback.load.loader import parse_yaml
from strongback.pages.templating import render

KINDS = ("exercise", "handout")
MARKER = "# TODO"


def render_scaffold(kind: str, **context: Any) -> str:
    """A new content file of this kind (see templates/scaffold/)."""
    return render(f"scaffold/{kind}.yml.jinja", **context)


@cache
def placeholder_texts() -> frozenset[str]:
    """Every text the scaffolds mark as a placeholder."""
    found: set[str] = set()
    for kind in KINDS:
        text = render_scaffold(
            kind, id="example", name="Example", exercises=["a", "b"], today="2026-01-01"
        )
        marked = {
            n for n, line in enumerate(text.splitlines(), 1) if line.rstrip().endswith(MARKER)
        }
        doc, _ = parse_yaml(text, f"scaffold/{kind}")
        for path, (line, _column) in doc.values.items():
            value = _at(doc.data, path)
            if line in marked and isinstance(value, str):
                found.add(value)
    return frozenset(found)


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def placeholder_message(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return f"placeholder text from `strongback new` is still here: {shown!r}; write your own"
