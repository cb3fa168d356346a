"""Load content/: YAML -> positioned values -> validated models, collecting every error at once.

Each problem becomes a `ContentError` naming file, line and column, so an author sees all their
mistakes in one run, and the build stops before MkDocs touches `site/`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from strongback import model
from strongback.citations import citation_positions
from strongback.errors import ContentError as ContentError
from strongback.errors import ContentErrors as ContentErrors
from strongback.errors import Path_ as Path_
from strongback.errors import dotted as dotted
from strongback.figures.kinematics import contact_problems
from strongback.figures.moves import moved_problems
from strongback.load import messages
from strongback.load.positioned import Document as Document
from strongback.load.positioned import parse_yaml as parse_yaml
from strongback.load.positioned import read_text as read_text
from strongback.load.sourcemap import SourceFile, SourceMap
from strongback.load.suggest import did_you_mean
from strongback.load.validation import content_errors
from strongback.model.pose import MOVE_CHECK, POSE_CHECK
from strongback.text import FRONT_MATTER

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
OPTIONAL_FILES: dict[str, type[model.StrictModel]] = {
    "glossary": model.Glossary,
}
"""Files a project may leave out: the content then has an empty one."""
FOLDERS: dict[str, type[model.StrictModel]] = {
    "exercises": model.Exercise,
    "handouts": model.Handout,
}


@dataclass
class LoadCache:
    """Kept between the preview's rebuilds (`build.engine.Session`): each content file as parsed
    and as validated, by its text. A load with it still reads every file, but parses again only
    the files whose text changed, and validates again only those, or all of them when the ids
    and keys files may name (the validation context) changed. The records it returns for an
    unchanged file are the same objects as the last load's."""

    parsed: dict[tuple[str, str], tuple[Document, SourceFile, list[ContentError]]] = field(
        default_factory=dict
    )
    validated: dict[tuple[str, str, str], tuple[Any, list[ContentError]]] = field(
        default_factory=dict
    )
    used: set[tuple[str, ...]] = field(default_factory=set)
    context: tuple[Mapping[str, Any], str] | None = None

    def parse(
        self, file: str, text: str, kind: type[BaseModel]
    ) -> tuple[Document, SourceFile, list[ContentError]]:
        key = (file, text)
        found = self.parsed.get(key)
        if found is None:
            doc, errors = parse_yaml(text, file, kind=kind)
            found = self.parsed[key] = (doc, SourceFile.of(file, text, doc), errors)
        self.used.add(key)
        return found

    def validate(
        self, doc: Document, cls: type[model.StrictModel], context: Mapping[str, Any], text: str
    ) -> Any:
        if self.context is None or self.context[0] is not context:
            self.context = (context, _context_digest(context))  # once per load
        key = (doc.file, text, self.context[1])
        found = self.validated.get(key)
        if found is None:
            found = self.validated[key] = validate(doc, cls, context)
        self.used.add(key)
        return found

    def forget_unused(self) -> None:
        """After a load: keep only what it used."""
        self.parsed = {k: v for k, v in self.parsed.items() if k in self.used}
        self.validated = {k: v for k, v in self.validated.items() if k in self.used}
        self.used = set()
        self.context = None


def _context_digest(context: Mapping[str, Any]) -> str:
    ids = {k: sorted(v) for k, v in context.items() if isinstance(v, set | frozenset)}
    return json.dumps(ids, sort_keys=True)


def load_content(
    content_dir: Path, docs_dir: Path | None = None, *, cache: LoadCache | None = None
) -> model.Content:
    """Load and validate everything under `content_dir` (and docs front matter).

    Raises `ContentErrors` listing every problem in every file. File names in messages are
    relative to the project root (the parent of `content_dir`). The content keeps every file's
    text and positions as read (`Content.positions`), for the checks that run later. `cache`:
    under the preview, what the last load parsed and validated (see `LoadCache`).
    """
    try:
        return _load_content(content_dir, docs_dir, cache)
    finally:
        if cache is not None:
            cache.forget_unused()


def _load_content(
    content_dir: Path, docs_dir: Path | None, cache: LoadCache | None
) -> model.Content:
    root = content_dir.parent
    errors: list[ContentError] = []
    docs: dict[str, Document] = {}
    kept: dict[str, SourceFile] = {}

    def display(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    for name in SINGLE_FILES:
        path = content_dir / f"{name}.yml"
        if not path.is_file():
            errors.append(ContentError(display(path), 1, 1, "", "required content file is missing"))
            continue
        doc, errs = _read_document(path, display(path), SINGLE_FILES[name], kept, cache)
        errors += errs
        if doc is not None:
            docs[name] = doc
    for name, cls in OPTIONAL_FILES.items():
        path = content_dir / f"{name}.yml"
        if path.is_file():
            doc, errs = _read_document(path, display(path), cls, kept, cache)
            errors += errs
            if doc is not None:
                docs[name] = doc
    folder_docs: dict[str, list[Document]] = {folder: [] for folder in FOLDERS}
    for folder in FOLDERS:
        for path in sorted((content_dir / folder).glob("*")):
            if path.suffix not in (".yml", ".yaml") or not path.is_file():
                continue
            doc, errs = _read_document(path, display(path), FOLDERS[folder], kept, cache)
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
            record, errs = _validate(docs[name], cls, context, kept, cache)
            errors += errs
            records[name] = record
    for name, cls in OPTIONAL_FILES.items():
        if name in docs:
            record, errs = _validate(docs[name], cls, context, kept, cache)
            errors += errs
            records[name] = record
    exercises: dict[str, model.Exercise] = {}
    handouts: dict[str, model.Handout] = {}
    sources = {name: doc.file for name, doc in docs.items()}
    files: dict[str, dict[str, str]] = {"exercises": {}, "handouts": {}, "docs": {}}
    for folder, target in (("exercises", exercises), ("handouts", handouts)):
        for doc in folder_docs[folder]:
            record, errs = _validate(doc, FOLDERS[folder], context, kept, cache)
            errors += errs
            if record is not None and record.id not in target:
                target[record.id] = record
                files[folder][record.id] = doc.file

    doc_meta: dict[str, model.DocMeta] = {}
    if docs_dir is not None:
        for path in sorted(docs_dir.rglob("*.md")):
            src_uri = path.relative_to(docs_dir).as_posix()
            meta, errs = load_front_matter(path, display(path), context, kept)
            errors += errs
            if meta is not None:
                doc_meta[src_uri] = meta
                files["docs"][src_uri] = display(path)

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
        glossary=records.get("glossary") or model.Glossary(),
        sources=sources,
        docs=doc_meta,
        exercise_files=files["exercises"],
        handout_files=files["handouts"],
        doc_files=files["docs"],
        positions=SourceMap(kept),
    )


def _read_document(
    path: Path,
    file: str,
    kind: type[BaseModel],
    kept: dict[str, SourceFile],
    cache: LoadCache | None = None,
) -> tuple[Document | None, list[ContentError]]:
    text, errors = read_text(path, file)
    if text is None:
        return None, errors
    if cache is not None:
        doc, kept[file], errors = cache.parse(file, text, kind)
        return (doc if doc.data is not None else None), list(errors)
    doc, errors = parse_yaml(text, file, kind=kind)
    kept[file] = SourceFile.of(file, text, doc)
    return (doc if doc.data is not None else None), errors


def _validate(
    doc: Document,
    cls: type[model.StrictModel],
    context: Mapping[str, Any],
    kept: Mapping[str, SourceFile],
    cache: LoadCache | None,
) -> Any:
    if cache is None:
        return validate(doc, cls, context)
    record, errors = cache.validate(doc, cls, context, kept[doc.file].text)
    return record, list(errors)


def load_front_matter(
    path: Path, file: str, context: Mapping[str, Any], kept: dict[str, SourceFile] | None = None
) -> tuple[model.DocMeta | None, list[ContentError]]:
    """Validate the YAML front matter of a hand-written Markdown page; `kept` receives the page
    as read (its whole text, and the positions in its front matter)."""
    text, errors = read_text(path, file)
    if text is None:
        return None, errors
    errors = list(_unknown_citations(text, file, context.get("reference_keys")))
    match = FRONT_MATTER.match(text)
    if not match or not (match.group(1) or "").strip():
        if kept is not None:
            kept[file] = SourceFile.of(file, text, Document(file, None))
        return model.DocMeta(), errors
    doc, parse_errors = parse_yaml(match.group(1), file, line_offset=1, kind=model.DocMeta)
    if kept is not None:
        kept[file] = SourceFile.of(file, text, doc)
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
    expected = {f"{name}.yml" for name in (*SINGLE_FILES, *OPTIONAL_FILES)} | set(FOLDERS)
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
    # Poses are data in the model; whether the body reaches what a pose says it touches is the
    # figures' geometry, checked where the pose is validated so its errors keep their position.
    context: dict[str, Any] = {POSE_CHECK: contact_problems, MOVE_CHECK: moved_problems}
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
    context["handout_ids"] = {
        doc.data["id"]
        for doc in folder_docs["handouts"]
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
