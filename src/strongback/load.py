"""Load content/: YAML -> positioned values -> validated models, collecting every error at once.

Each problem becomes a `ContentError` naming file, line and column, so an author sees all their
mistakes in one run, and the build stops before MkDocs touches `site/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from strongback import messages, model, syntax
from strongback.citations import citation_positions
from strongback.suggest import did_you_mean
from strongback.validation import content_errors

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

Path_ = tuple[str | int, ...]

dotted = messages.field_label
"""A field path as authors count: ('steps', 3) -> 'step 4' (see `messages.field_label`)."""

FRONT_MATTER = re.compile(r"^---[ \t]*\n(.*?\n)?---[ \t]*(\n|$)", re.DOTALL)
"""YAML front matter at the top of a Markdown page; group 1 is the YAML."""


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, printed as `file:line:col: field: message`."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentErrors(Exception):
    """Raised with every problem found; `str()` lists them one per line."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


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


# --- data -> models -----------------------------------------------------------------------------


def validate(doc: Document, cls: type[model.StrictModel], context: Mapping[str, Any]) -> Any:
    """Validate a document against a model; returns (model or None, errors)."""
    if not isinstance(doc.data, dict):
        got = messages.describe(doc.data)
        return None, [doc.error((), f"expected a mapping of fields, got {got}")]
    try:
        return cls.model_validate(doc.data, context=dict(context)), []
    except ValidationError as exc:
        return None, content_errors(doc, cls, list(exc.errors()))


# --- the whole content folder -------------------------------------------------------------------

SINGLE_FILES: dict[str, type[model.StrictModel]] = {
    "site": model.Site,
    "references": model.References,
    "benefits": model.Topic,
    "causes": model.Topic,
    "diet": model.Topic,
    "safety": model.Safety,
}
FOLDERS: dict[str, type[model.StrictModel]] = {
    "exercises": model.Exercise,
    "handouts": model.Handout,
}


def load_content(content_dir: Path, docs_dir: Path | None = None) -> model.Content:
    """Load and validate everything under `content_dir` (and docs front matter).

    Raises `ContentErrors` listing every problem in every file. File names in messages are
    relative to the project root (the parent of `content_dir`).
    """
    root = content_dir.parent
    errors: list[ContentError] = []
    docs: dict[str, Document] = {}

    def display(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    for name in SINGLE_FILES:
        path = content_dir / f"{name}.yml"
        if not path.is_file():
            errors.append(ContentError(display(path), 1, 1, "", "required content file is missing"))
            continue
        doc, errs = _read_document(path, display(path), SINGLE_FILES[name])
        errors += errs
        if doc is not None:
            docs[name] = doc
    folder_docs: dict[str, list[Document]] = {folder: [] for folder in FOLDERS}
    for folder in FOLDERS:
        for path in sorted((content_dir / folder).glob("*")):
            if path.suffix not in (".yml", ".yaml") or not path.is_file():
                continue
            doc, errs = _read_document(path, display(path), FOLDERS[folder])
            errors += errs
            if doc is not None:
                folder_docs[folder].append(doc)
    errors += _stray_files(content_dir, display)

    stems = {p.stem for p in (content_dir / "exercises").glob("*.y*ml")}
    context = _context(docs, folder_docs, stems)
    errors += _duplicate_ids(folder_docs)
    errors += _duplicate_ids_in_references(docs.get("references"))

    records: dict[str, Any] = {}
    for name, cls in SINGLE_FILES.items():
        if name in docs:
            record, errs = validate(docs[name], cls, context)
            errors += errs
            records[name] = record
    exercises: dict[str, model.Exercise] = {}
    handouts: dict[str, model.Handout] = {}
    sources = {name: doc.file for name, doc in docs.items()}
    for folder, target in (("exercises", exercises), ("handouts", handouts)):
        for doc in folder_docs[folder]:
            record, errs = validate(doc, FOLDERS[folder], context)
            errors += errs
            if record is not None and record.id not in target:
                target[record.id] = record
                sources[f"{folder[:-1]}:{record.id}"] = doc.file

    doc_meta: dict[str, model.DocMeta] = {}
    if docs_dir is not None:
        for path in sorted(docs_dir.rglob("*.md")):
            src_uri = path.relative_to(docs_dir).as_posix()
            meta, errs = load_front_matter(path, display(path), context)
            errors += errs
            if meta is not None:
                doc_meta[src_uri] = meta
                sources[f"doc:{src_uri}"] = display(path)

    if errors or any(records.get(name) is None for name in SINGLE_FILES):
        raise ContentErrors(errors)
    references = records["references"].references
    return model.Content(
        site=records["site"],
        benefits=records["benefits"],
        causes=records["causes"],
        diet=records["diet"],
        safety=records["safety"],
        exercises=exercises,
        handouts=handouts,
        references={ref.key: ref for ref in references},
        sources=sources,
        docs=doc_meta,
    )


def _read_document(
    path: Path, file: str, kind: type[BaseModel]
) -> tuple[Document | None, list[ContentError]]:
    text, errors = read_text(path, file)
    if text is None:
        return None, errors
    doc, errors = parse_yaml(text, file, kind=kind)
    return (doc if doc.data is not None else None), errors


def load_front_matter(
    path: Path, file: str, context: Mapping[str, Any]
) -> tuple[model.DocMeta | None, list[ContentError]]:
    """Validate the YAML front matter of a hand-written Markdown page."""
    text, errors = read_text(path, file)
    if text is None:
        return None, errors
    errors = list(_unknown_citations(text, file, context.get("reference_keys")))
    match = FRONT_MATTER.match(text)
    if not match or not (match.group(1) or "").strip():
        return model.DocMeta(), errors
    doc, parse_errors = parse_yaml(match.group(1), file, line_offset=1, kind=model.DocMeta)
    if parse_errors:
        return None, errors + parse_errors
    meta, meta_errors = validate(doc, model.DocMeta, context)
    return meta, errors + meta_errors


def _unknown_citations(text: str, file: str, known: set[str] | None) -> Iterator[ContentError]:
    if known is None:
        return
    for key, line, column in citation_positions(text):
        if key not in known:
            yield ContentError(file, line, column, "", messages.unknown_citation(key, known))


def _stray_files(content_dir: Path, display: Any) -> Iterator[ContentError]:
    expected = {f"{name}.yml" for name in SINGLE_FILES} | set(FOLDERS)
    for path in sorted(content_dir.iterdir()):
        if path.name.startswith(".") or path.name in expected or path.name == "README.md":
            continue
        known = sorted(expected)
        yield ContentError(
            display(path),
            1,
            1,
            "",
            f"unknown content file{did_you_mean(path.name, known)}; expected {', '.join(known)}",
        )


def _context(
    docs: dict[str, Document], folder_docs: dict[str, list[Document]], exercise_stems: set[str]
) -> dict[str, Any]:
    """Ids other files may name. A kind whose file failed to parse is left out, so its
    references are not checked (no cascade of 'unknown' errors from one typo)."""
    context: dict[str, Any] = {}
    refs = _field_values(docs.get("references"), ("references",), "key")
    if refs is not None:
        context["reference_keys"] = refs
    site = docs.get("site")
    for kind in ("authors", "reviewers"):
        ids = _field_values(site, (kind,), "id")
        if ids is not None:
            context[f"{kind[:-1]}_ids"] = ids
        elif site is not None and isinstance(site.data, dict) and kind == "reviewers":
            context["reviewer_ids"] = set()
    # File names count too, so an exercise file that fails to parse does not also make every
    # handout naming it fail.
    context["exercise_ids"] = exercise_stems | {
        doc.data["id"]
        for doc in folder_docs["exercises"]
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str)
    }
    return context


def _field_values(doc: Document | None, path: tuple[str, ...], name: str) -> set[str] | None:
    if doc is None or not isinstance(doc.data, dict):
        return None
    items: Any = doc.data
    for part in path:
        items = items.get(part) if isinstance(items, dict) else None
    if items is None:
        return set()
    if not isinstance(items, list):
        return None
    return {
        item[name] for item in items if isinstance(item, dict) and isinstance(item.get(name), str)
    }


def _duplicate_ids(folder_docs: dict[str, list[Document]]) -> Iterator[ContentError]:
    for docs in folder_docs.values():
        seen: dict[str, Document] = {}
        for doc in docs:
            if not isinstance(doc.data, dict) or not isinstance(doc.data.get("id"), str):
                continue
            ident = doc.data["id"]
            if ident in seen:
                first = seen[ident]
                line, column = first.position(("id",))
                yield doc.error(
                    ("id",), f"duplicate id {ident!r}, already used in {first.file}:{line}:{column}"
                )
            else:
                seen[ident] = doc


def _duplicate_ids_in_references(doc: Document | None) -> Iterator[ContentError]:
    if doc is None or not isinstance(doc.data, dict):
        return
    items = doc.data.get("references")
    if not isinstance(items, list):
        return
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            continue
        key = item["key"]
        if key in seen:
            line, column = doc.position(("references", seen[key], "key"))
            yield doc.error(
                ("references", index, "key"),
                f"duplicate reference key {key!r}, already used at line {line}:{column}",
            )
        else:
            seen[key] = index
