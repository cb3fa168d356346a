"""pydantic's validation errors as content errors: positioned, worded for authors, and with
one error per mistake (a misspelt or misplaced field is not also reported as missing)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from strongback.load import messages

if TYPE_CHECKING:
    from strongback.errors import ContentError, Path_
    from strongback.load.positioned import Document


def content_errors(doc: Document, cls: type[BaseModel], errors: list[Any]) -> list[ContentError]:
    """pydantic's errors as content errors. A misspelt required field is one error, at the
    misspelling ("did you mean"), not also a "missing" one at the parent."""
    cleaned = []
    for err in errors:
        # pydantic appends the tag of a union member ('int', 'function-after[...]'); drop those.
        path = tuple(p for p in err["loc"] if isinstance(p, int) or not _is_pydantic_tag(p))
        if not any(path[: len(p)] == p for p in doc.reported):
            cleaned.append((path, err))
    missing: dict[Path_, list[str]] = {}
    for path, err in cleaned:
        if err["type"] == "missing":
            missing.setdefault(path[:-1], []).append(str(path[-1]))
    places = messages.field_places(cls)
    result = []
    replaced: set[Path_] = set()
    for path, err in cleaned:
        if err["type"] != "extra_forbidden":
            continue
        here, name = path[:-1], str(path[-1])
        absent = missing.get(here, [])
        message = messages.unknown_field(
            name, here, messages.fields_at(cls, here), absent, places.get(name, [])
        )
        for field_name in absent:  # a misspelling of a required field: one error, not two
            if f"did you mean {field_name!r}" in message:
                replaced.add((*here, field_name))
        if " belongs " in message:  # a field in the wrong place, missing where it belongs
            homes = [p for p, names in missing.items() if name in names and _fits(p, places[name])]
            replaced.update((*home, name) for home in homes)
            message += _line_up_hint(doc, homes, places[name])
        result.append(doc.error(path, message, key=True))
    for path, err in cleaned:
        if err["type"] == "missing" and path not in replaced:
            result.append(doc.error(path, f"missing required field {path[-1]!r}", at=path[:-1]))
        elif err["type"] not in ("missing", "extra_forbidden"):
            example = messages.field_example(cls, path)
            message = messages.validation_message(err["type"], err, err.get("input"), example)
            result.append(doc.error(path, message))
    return result


def _fits(path: Path_, places: list[messages.Place]) -> bool:
    return tuple(None if isinstance(p, int) else p for p in path) in places


def _line_up_hint(doc: Document, homes: list[Path_], places: list[messages.Place]) -> str:
    """Where the field's right parent is in this file: ' (line it up with `primary:` on
    line 10)'. `homes`: parents that miss the field, tried first."""
    parents = homes + [key for key in doc.values if _fits(key, places)]
    for parent in parents:
        siblings = [key for key in doc.keys if key[:-1] == parent]
        if siblings:
            line, _ = doc.keys[siblings[0]]
            return f" (line it up with `{siblings[0][-1]}:` on line {line})"
    return ""


def _is_pydantic_tag(part: str) -> bool:
    return bool(
        re.match(r"^(function-[a-z]+\[|constrained-|int$|str$|float$|bool$|date$|list\[)", part)
    )
