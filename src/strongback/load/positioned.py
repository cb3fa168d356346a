"""YAML -> positioned data: plain Python values plus the line and column of every key and value.

Safe loading only (libyaml's CSafeLoader where available), duplicate keys and unsafe tags are
errors, and aliases are limited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from strongback.errors import ContentError, Path_, dotted
from strongback.load import messages, syntax

try:  # libyaml is ~8x faster on large files, and its nodes still carry marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 50_000
"""Nodes a file may expand to once aliases are followed: stops 'billion laughs' alias bombs."""

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}

_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Document:
    """One parsed YAML file: plain Python data plus the position of every value and key."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    reported: set[Path_] = field(default_factory=set)
    """Paths that already have a parse error, so validation does not report them twice."""

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that exists."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            if path[:end] in table:
                return table[path[:end]]
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def error(
        self, path: Path_, message: str, *, key: bool = False, at: Path_ | None = None
    ) -> ContentError:
        """An error about `path`, placed at `at` (default: `path` itself)."""
        line, column = self.position(path if at is None else at, key=key)
        return ContentError(self.file, line, column, dotted(path), message)


# --- YAML -> positioned data --------------------------------------------------------------------


class _Builder:
    """Turns composed nodes into plain data, recording positions and refusing what is unsafe."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.errors: list[ContentError] = []
        self.nodes = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(node)
        self.doc.values.setdefault(path, _mark(node))
        if node.tag not in _ALLOWED_TAGS:
            self.errors.append(
                self.doc.error(path, f"YAML tag {_short_tag(node.tag)!r} is not allowed")
            )
            self.doc.reported.add(path)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag == _STR_TAG:  # most values: what construct_object would return, faster
            return node.value
        try:
            return self.scalars.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError) as exc:
            self.errors.append(self.doc.error(path, f"invalid value {node.value!r}: {exc}"))
            self.doc.reported.add(path)
            return node.value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.errors.append(self.doc.error(path, "YAML merge keys ('<<') are not allowed"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(self.doc.error(path, "mapping keys must be plain words"))
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in first_seen:
                line, _ = first_seen[key]
                self.errors.append(
                    ContentError(
                        self.doc.file,
                        *_mark(key_node),
                        dotted(child),
                        f"duplicate key {key!r} (first defined on line {line})",
                    )
                )
                continue
            first_seen[key] = _mark(key_node)
            self.doc.keys[child] = _mark(key_node)
            result[key] = self.build(value_node, child)
        return result


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag


def parse_yaml(
    text: str, file: str, *, line_offset: int = 0, kind: type[BaseModel] | None = None
) -> tuple[Document, list[ContentError]]:
    """Parse one YAML text into a positioned `Document`; errors instead of exceptions."""
    doc = Document(file=file, data=None)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return doc, [ContentError(file, 1 + line_offset, 1, "", "file is empty")]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        places = messages.field_places(kind) if kind is not None else None
        line, col, message = syntax.explain(text, exc, places)
        return doc, [ContentError(file, line + line_offset, col, "", message)]
    except yaml.YAMLError as exc:
        return doc, [ContentError(file, 1 + line_offset, 1, "", f"YAML error: {exc}")]
    if root is None:
        return doc, [ContentError(file, 1 + line_offset, 1, "", "file is empty")]
    builder = _Builder(doc)
    try:
        doc.data = builder.build(root, ())
    except _TooBig as too_big:
        line, col = _mark(too_big.node)
        return doc, [
            ContentError(
                file,
                line + line_offset,
                col,
                "",
                f"file expands to more than {MAX_NODES} values through YAML aliases",
            )
        ]
    if line_offset:
        doc.values = {p: (ln + line_offset, c) for p, (ln, c) in doc.values.items()}
        doc.keys = {p: (ln + line_offset, c) for p, (ln, c) in doc.keys.items()}
        builder.errors = [
            ContentError(e.file, e.line + line_offset, e.column, e.field, e.message)
            for e in builder.errors
        ]
    return doc, builder.errors


def read_text(path: Path, file: str) -> tuple[str | None, list[ContentError]]:
    try:
        return path.read_bytes().decode("utf-8"), []
    except UnicodeDecodeError as exc:
        raw = path.read_bytes()[: exc.start]
        line = raw.count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n") + 1) + 1
        return None, [
            ContentError(
                file, line, column, "", f"file is not UTF-8 (byte 0x{exc.object[exc.start]:02x})"
            )
        ]
