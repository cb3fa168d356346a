"""The content model documents itself: every field of every content kind has a description and
an example, in the model and in the JSON Schemas editors read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, TypeAdapter

from strongback import model
from strongback.pages.content_reference import SCHEMA_KINDS, schema_for

from ..conftest import REPO


def schema_properties(schema: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object anywhere in a JSON Schema, with a readable location."""
    if isinstance(schema, dict):
        for name, prop in (schema.get("properties") or {}).items():
            yield f"{where}.{name}", prop
        for key, value in schema.items():
            yield from schema_properties(value, f"{where}/{key}" if key == "$defs" else where)
    elif isinstance(schema, list):
        for item in schema:
            yield from schema_properties(item, where)


def content_models() -> list[type[BaseModel]]:
    """Every model a content file is read into, reached from the schema kinds."""
    found: dict[str, type[BaseModel]] = {}
    todo: list[Any] = [*SCHEMA_KINDS.values(), model.DocMeta]
    while todo:
        cls = todo.pop()
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__name__ not in found:
            found[cls.__name__] = cls
            for info in cls.model_fields.values():
                todo.extend(_models_in(info.annotation))
    return [found[name] for name in sorted(found)]


def _models_in(annotation: Any) -> Iterator[Any]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


@pytest.mark.parametrize("kind", sorted(SCHEMA_KINDS))
def test_every_schema_property_has_a_description_and_an_example(kind: str) -> None:
    properties = list(schema_properties(schema_for(kind)))
    assert properties, "the schema has no properties"
    undescribed = [where for where, prop in properties if not prop.get("description")]
    without_example = [where for where, prop in properties if not prop.get("examples")]
    assert undescribed == [], f"{kind}: properties without a description"
    assert without_example == [], f"{kind}: properties without an example"


def test_the_committed_schemas_carry_the_descriptions() -> None:
    # The same walk over the files editors read (test_cli checks they are current).
    for kind in SCHEMA_KINDS:
        schema = json.loads((REPO / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
        described = [p for _, p in schema_properties(schema) if p.get("description")]
        assert described and len(described) == len(list(schema_properties(schema))), kind


def test_the_walk_reaches_every_content_model() -> None:
    names = {cls.__name__ for cls in content_models()}
    assert {"Exercise", "Dose", "Muscle", "Handout", "HandoutItem", "Reference", "Site"} <= names


@pytest.mark.parametrize("cls", content_models(), ids=lambda cls: cls.__name__)
def test_every_example_is_a_valid_value(cls: type[BaseModel]) -> None:
    """An example an author copies must pass validation (cross-file checks aside)."""
    for name, info in cls.model_fields.items():
        assert info.description, f"{cls.__name__}.{name} has no description"
        assert info.examples, f"{cls.__name__}.{name} has no example"
        annotation = (
            Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        )
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        for example in info.examples:
            adapter.validate_python(example)
