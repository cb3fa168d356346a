"""What a review covers: a short hash of a page's reader-facing content.

`strongback review` stores the fingerprint in the file's `review:` block; the build and
`strongback check` compute it again, so a page edited after its review says "Changed since last
review on <date>".

What counts: every field of the record as validated (text, dose numbers, level, cautions,
claims and their grades, image alt text…), except the fields in `NOT_REVIEWED`: the review block
itself (recording a review must not change what was reviewed) and `poses:` (figure drawing data,
checked by the figure tooling, not read as text; adding or redrawing figures does not make every
page "changed"). Normalised: the validated values, not the YAML text, so comments, quoting, line
wrapping and key order do not count; runs of whitespace inside text count as one space; fields
left at their default value are left out, so a new optional field added to the model later does
not change the fingerprint of files that do not use it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from strongback.model.docs import DocMeta
from strongback.text import FRONT_MATTER

NOT_REVIEWED = frozenset({"review", "poses"})
"""Top-level fields a fingerprint leaves out (see the module docstring)."""

DOC_NOT_REVIEWED = NOT_REVIEWED | {"hide", "search", "template", "icon"}
"""Front-matter keys of a hand-written page that only steer the theme."""

LENGTH = 16
"""Hex digits kept: 64 bits, plenty to notice a change, short enough to read in a diff."""


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    return value


def _digest(data: Any) -> str:
    text = json.dumps(_normalise(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LENGTH]


def _fields(record: BaseModel, leave_out: frozenset[str]) -> dict[str, Any]:
    names = set(type(record).model_fields) & leave_out
    data: dict[str, Any] = record.model_dump(mode="json", exclude=names, exclude_defaults=True)
    return data


def fingerprint(record: BaseModel) -> str:
    """The fingerprint of a content record (a topic, the safety page, an exercise, a handout,
    site.yml)."""
    return _digest(_fields(record, NOT_REVIEWED))


def doc_fingerprint(meta: DocMeta, markdown: str) -> str:
    """The fingerprint of a hand-written page under docs/: its title, description and tags,
    and its body (the Markdown after the front matter)."""
    front = FRONT_MATTER.match(markdown)
    body = markdown[front.end() :] if front else markdown
    return _digest({**_fields(meta, DOC_NOT_REVIEWED), "body": body})
