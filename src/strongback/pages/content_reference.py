"""What authors read about the content model: JSON Schemas for their editor and the "Content
reference" page, both generated from the pydantic models, so neither can drift from the loader."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from strongback import model, urls
from strongback.load.loader import FOLDERS, OPTIONAL_FILES, SINGLE_FILES
from strongback.pages.templating import render

SCHEMA_KINDS: dict[str, type[model.StrictModel]] = {
    **SINGLE_FILES,
    **OPTIONAL_FILES,
    "exercise": FOLDERS["exercises"],
    "handout": FOLDERS["handouts"],
}
"""Schema file name -> model: one per single file, and one for each file in a folder."""

PAGE = urls.CONTENT_REFERENCE
"""Where the reference appears in the `mkdocs serve` preview (never in the public build)."""

README = "content/README.md"
"""The same reference as a file beside the content, for reading on GitHub or in an editor."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_KINDS = (
    "site", "benefits", "safety", "exercise", "handout", "glossary", "references", "docs",
)  # fmt: skip
"""The kinds the reference documents, in the order an author meets them ('docs': the front
matter of hand-written pages)."""

_TITLES = {"benefits": "Topic pages", "docs": "Page front matter"}


def schema_for(kind: str) -> dict[str, Any]:
    schema = SCHEMA_KINDS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Strong Back {kind}"
    return schema


def write_schemas(target: Path) -> list[Path]:
    """One JSON Schema per content kind, for editors (`# yaml-language-server: $schema=...`)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMA_KINDS:
        path = target / f"{kind}.json"
        text = json.dumps(schema_for(kind), indent=2, sort_keys=True) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


@dataclass(frozen=True)
class FieldDoc:
    name: str
    kind: str
    """What the value is, in words: 'text', 'whole number (1-10)', 'list of [Claim](#claim)'."""
    required: bool
    description: str
    example: str
    """The example as one line of YAML, e.g. `reps: 8`."""


@dataclass(frozen=True)
class ModelDoc:
    anchor: str
    title: str
    description: str
    fields: list[FieldDoc]


def content_reference(pictures: bool = False) -> str:
    """The "Content reference" page: every field of every content kind, as Markdown, then each
    angle a pose can set and the poses to copy; with `pictures` (the page in the `mkdocs serve`
    preview) each drawn inline, without (content/README.md, read on GitHub) in words."""
    from strongback.figures.authoring import conventions, starters

    return render(
        "authoring/content-reference.md.jinja",
        models=model_docs(),
        conventions=conventions(),
        starters=starters(),
        pictures=pictures,
    )


def write_reference(root: Path) -> Path:
    path = root / README
    path.write_text(content_reference(), encoding="utf-8")
    return path


def model_docs() -> list[ModelDoc]:
    """Each top-level kind, then each part (a mapping inside one), each documented once."""
    docs: list[ModelDoc] = []
    seen: set[str] = set()
    queue: list[tuple[str, str]] = []
    for kind in _KINDS:
        cls = SCHEMA_KINDS.get(kind, model.DocMeta)
        schema = schema_for(kind) if kind in SCHEMA_KINDS else cls.model_json_schema()
        defs = schema.get("$defs", {})
        title = _TITLES.get(kind, cls.__name__)
        docs.append(_model_doc(title, cls, schema, defs, queue))
        seen.add(cls.__name__)
        for name in [name for name, _ in queue]:
            _document_part(name, defs, docs, seen, queue)
    return docs


def _document_part(
    name: str, defs: dict[str, Any], docs: list[ModelDoc], seen: set[str], queue: list[Any]
) -> None:
    if name in seen:
        return
    seen.add(name)
    docs.append(_model_doc(name, _model_named(name), defs[name], defs, queue))
    for child, _ in list(queue):
        _document_part(child, defs, docs, seen, queue)


def _model_named(name: str) -> type[BaseModel]:
    """The model class behind a schema definition (pydantic names them after the class)."""
    todo: list[Any] = list(SCHEMA_KINDS.values())
    while todo:
        cls = todo.pop()
        if isinstance(cls, type) and issubclass(cls, BaseModel):
            if cls.__name__ == name:
                return cls
            todo += [info.annotation for info in cls.model_fields.values()]
        todo += list(getattr(cls, "__args__", ()))
    raise KeyError(name)


def _model_doc(
    title: str,
    cls: type[BaseModel],
    schema: dict[str, Any],
    defs: dict[str, Any],
    queue: list[Any],
) -> ModelDoc:
    required = set(schema.get("required", []))
    fields = [
        FieldDoc(
            name=name,
            kind=_without_repeat(_kind(prop, defs, queue), info.description or ""),
            required=name in required,
            description=info.description or "",
            example=_example(name, info.examples or []),
        )
        for name, prop in schema.get("properties", {}).items()
        if (info := cls.model_fields[name])
    ]
    return ModelDoc(
        anchor=title.lower().replace(" ", "-"),
        title=title,
        description=" ".join((cls.__doc__ or "").split()),
        fields=fields,
    )


def _kind(prop: dict[str, Any], defs: dict[str, Any], queue: list[Any]) -> str:
    """A JSON Schema property in words, queueing the models it names for their own section."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    words = [_kind_of(p, defs, queue) for p in options]
    return " or ".join(words)


def _kind_of(prop: dict[str, Any], defs: dict[str, Any], queue: list[Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        if (name, None) not in queue:
            queue.append((name, None))
        article = "an" if name[0] in "AEIOU" else "a"
        return f"{article} [{name}](#{name.lower()})"
    if "enum" in prop or "const" in prop:
        values = prop.get("enum", [prop.get("const")])
        return "one of " + ", ".join(f"`{value}`" for value in values)
    kind = prop.get("type")
    limits = _limits(prop)
    if kind == "array":
        item = _kind_of(prop.get("items", {}), defs, queue)
        return f"list of {item.removeprefix('a ').removeprefix('an ')}{limits}"
    if kind == "string" and prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "object":
        return "mapping"
    names = {"string": "text", "integer": "whole number", "boolean": "`true` or `false`"}
    return names.get(str(kind), str(kind or "any")) + limits


def _without_repeat(kind: str, description: str) -> str:
    """'whole number (1-10)' -> 'whole number' when the description already gives the range."""
    limits = re.search(r" \(([^)]*)\)$|, up to (\d+ characters)$", kind)
    said = limits and (limits.group(1) or limits.group(2)) in description
    return kind[: limits.start()] if limits and said else kind


def _limits(prop: dict[str, Any]) -> str:
    low = prop.get("minimum", prop.get("minItems"))
    high = prop.get("maximum", prop.get("maxItems"))
    if prop.get("maxLength"):
        return f", up to {prop['maxLength']} characters"
    if low is not None and high is not None:
        return f" ({low}-{high})"
    if low is not None and low > 1 and prop.get("type") == "array":
        return f" (at least {low})"
    return ""


def _example(name: str, examples: list[Any]) -> str:
    """The first example as one line of YAML, written the way an author would type it."""
    if not examples:
        return ""
    value = _dates(examples[0])
    flow = isinstance(value, dict | list)
    text = yaml.safe_dump(
        {name: value}, default_flow_style=flow, sort_keys=False, allow_unicode=True, width=10_000
    ).strip()
    return text[1:-1] if flow else text


def _dates(value: Any) -> Any:
    # Examples hold dates as text (JSON has no dates); YAML writes a date unquoted.
    if isinstance(value, str) and _DATE.fullmatch(value):
        return date.fromisoformat(value)
    if isinstance(value, dict):
        return {key: _dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates(item) for item in value]
    return value
