"""Content errors in an author's words: what is wrong, where, and how to fix it.

The loader finds the problems (`load.py`); this module words them. Nothing here reads files or
raises: each function turns what the parser or the model reported into one sentence.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from strongback.load.suggest import did_you_mean

Path_ = tuple[str | int, ...]

REFERENCES_FILE = "content/references.yml"
"""Where citation keys are defined (named in every unknown-citation message)."""

LIST_NOUNS = {
    "steps": "step",
    "key_points": "key point",
    "claims": "claim",
    "sections": "section",
    "exercises": "exercise",
    "references": "reference",
    "authors": "author",
    "reviewers": "reviewer",
    "notes": "note",
    "cautions": "caution",
    "regressions": "regression",
    "progressions": "progression",
    "other_names": "other name",
    "primary": "primary muscle",
    "secondary": "secondary muscle",
    "tags": "tag",
}
"""What one item of a list is called, so an error says "step 4" where an author counts steps.
Lists without a natural noun read "stop_if item 2"."""


def field_label(path: Path_) -> str:
    """A field path as an author counts: ('dose', 'reps') -> 'dose.reps'; ('steps', 3) ->
    'step 4'; ('claims', 0, 'text') -> 'claim 1, text'; ('stop_if', 1) -> 'stop_if item 2'."""
    parts: list[str] = []
    after_item = False
    for part in path:
        if isinstance(part, int):
            key = parts.pop() if parts else ""
            name = key.rsplit(".", 1)[-1]
            head = key[: -len(name)].rstrip(".")
            noun = LIST_NOUNS.get(name, f"{name} item" if name else "item")
            if head:
                parts.append(head)
            parts.append(f"{noun} {part + 1}")
            after_item = True
        elif parts and not after_item:
            parts[-1] += f".{part}"
        else:
            parts.append(str(part))
            after_item = False
    return ", ".join(parts)


# --- values -------------------------------------------------------------------------------------


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "...'"


PATTERN_NAMES = {
    "doi": "a DOI like 10.1000/xyz123",
    "pmid": "a PubMed id (digits only, like 29573870)",
    "pmcid": "a PMC id like PMC7719906",
    "url": "an http(s) web address",
    "source": "an http(s) web address",
    "feedback_url": "an http(s) web address",
    "email": "an email address",
    "id": "a lower-case id with hyphens, like bird-dog",
    "key": "a lower-case key like hayden2021",
    "src": "an image path ending in .png, .jpg, .svg or .webp",
    "language": "a language code like en or en-GB",
}


MAPPING_KINDS = ("dict_type", "model_type", "model_attributes_type")
NUMBER_KINDS = ("int_parsing", "int_type", "int_from_float", "float_parsing", "float_type")
_RANGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\b")
"""'20-30', '20 to 30 seconds': a range where one number goes."""


def validation_message(kind: str, err: Any, value: Any, example: Any = None) -> str:
    """One pydantic error (other than unknown or missing fields) in an author's words.
    `example`: the field's documented example, shown where a mapping was expected."""
    got = describe(value)
    ctx = err.get("ctx") or {}
    name = err["loc"][-1] if err.get("loc") else None
    if kind in MAPPING_KINDS and isinstance(name, str):
        return mapping_expected(name, got, example)
    if kind in NUMBER_KINDS and isinstance(value, str) and _RANGE.match(value):
        return range_given(value, whole=kind.startswith("int"))
    split = _colon_split(value) if kind == "string_type" else None
    if split is not None:
        return unquoted_colon(split, in_list=isinstance(err["loc"][-1], int))
    if kind == "string_type" and isinstance(value, bool):
        return (
            f"expected text, got {value}: YAML reads a bare yes, no, on, off, true or false "
            "as true or false; put the text in quotes"
        )
    messages = {
        "int_parsing": f"expected a whole number, got {got}",
        "int_type": f"expected a whole number, got {got}",
        "int_from_float": f"expected a whole number, got {got}",
        "float_parsing": f"expected a number, got {got}",
        "float_type": f"expected a number, got {got}",
        "bool_parsing": f"expected true or false, got {got}",
        "bool_type": f"expected true or false, got {got}",
        "string_type": f"expected text, got {got}",
        "list_type": f"expected a list, got {got}",
        "dict_type": f"expected a mapping of fields, got {got}",
        "model_type": f"expected a mapping of fields, got {got}",
        "model_attributes_type": f"expected a mapping of fields, got {got}",
        "date_parsing": f"expected a date like 2026-01-31, got {got}",
        "date_from_datetime_parsing": f"expected a date like 2026-01-31, got {got}",
        "date_type": f"expected a date like 2026-01-31, got {got}",
        "string_too_short": "must not be empty",
        "string_too_long": f"must be at most {ctx.get('max_length')} characters",
        "too_short": f"needs at least {ctx.get('min_length')} item(s)",
        "too_long": f"allows at most {ctx.get('max_length')} item(s)",
        "greater_than_equal": f"must be at least {ctx.get('ge')}, got {got}",
        "less_than_equal": f"must be at most {ctx.get('le')}, got {got}",
    }
    if kind == "string_pattern_mismatch":
        expected = PATTERN_NAMES.get(str(err["loc"][-1]), f"text matching {ctx.get('pattern')}")
        return f"expected {expected}, got {got}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, got {got}"
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return messages.get(kind, str(err["msg"]))


def flow_yaml(value: Any) -> str:
    """A value as YAML on one line: {sets: 3, hold_seconds: 20}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow_yaml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_yaml(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def mapping_expected(name: str, got: str, example: Any) -> str:
    """A field that takes named fields, given as text or a list."""
    shown = f"`{name}: {flow_yaml(example)}`" if isinstance(example, dict) else None
    form = f"write it as {shown}, or" if shown else "write"
    return (
        f"expected a mapping of fields, got {got}: {form} one field a line, indented under "
        f"`{name}:`; every field is described in content/README.md"
    )


def range_given(value: str, *, whole: bool) -> str:
    """A range ('20-30') where one number goes."""
    found = _RANGE.match(value)
    assert found is not None
    low, high = found.groups()
    kind = "whole number" if whole else "number"
    return (
        f"expected one {kind}, got a range {value!r}: give one number, such as {low}, and say "
        f"'up to {high}' in words, in a step (or in a routine's `note:` for this exercise)"
    )


def _colon_split(value: Any) -> str | None:
    """The text an author wrote when YAML split it at ': ' into a one-field mapping."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, rest),) = value.items()
        if isinstance(key, str) and isinstance(rest, str | int | float) and rest is not True:
            return f"{key}: {rest}"
    return None


def unquoted_colon(text: str, *, in_list: bool) -> str:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    dash = "- " if in_list else ""
    return (
        "this text has a colon followed by a space, so YAML reads it as a field; "
        f'put the text in quotes: {dash}"{quoted}"'
    )


# --- cross-file names ---------------------------------------------------------------------------


def unknown_citation(key: str, known: Iterable[str]) -> str:
    """An unknown [@key]: the nearest keys, and where keys are defined."""
    keys = sorted(known)
    close = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
    if close:
        hint = f" (did you mean {_or(close)}?)"
    else:
        nearest = difflib.get_close_matches(key, keys, n=3, cutoff=0.0)
        hint = f"; the nearest keys are {_or(nearest, 'and')}" if nearest else ""
    return f"unknown citation key {key!r}{hint}; keys are defined in {REFERENCES_FILE}"


def _or(words: list[str], joiner: str = "or") -> str:
    quoted = [repr(word) for word in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {joiner} {quoted[-1]}"


# --- raw HTML -----------------------------------------------------------------------------------

_MARKDOWN_FOR = {
    ("b", "strong"): "write **bold** instead",
    ("i", "em"): "write *italic* instead",
    ("a",): "write a link as [the words](https://…) instead",
    ("br",): "end the sentence and start a new one, or make a new list item, instead",
    ("p", "div", "span"): "leave a blank line between paragraphs instead",
    ("ul", "ol", "li"): "make each point its own list item (a line starting with '- ') instead",
    ("h1", "h2", "h3", "h4", "h5", "h6"): "write a plain sentence; the page makes its own headings",
    ("code", "tt", "kbd"): "write `code` between backticks instead",
    ("img",): "show a picture with an exercise's `image:` field instead",
    ("u", "mark", "font", "small", "big", "sup", "sub", "center"): "write plain text instead",
}
_DANGEROUS = {"script", "iframe", "style", "object", "embed", "form", "input", "link", "meta"}


def raw_html(tag: str) -> str:
    """Raw HTML found in a text field, with the Markdown to write instead."""
    name_match = re.match(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)", tag)
    name = name_match.group(1).lower() if name_match else ""
    found = f"raw HTML is not allowed in text, found {tag!r}"
    href = re.search(r"""href\s*=\s*["']?([^"'\s>]+)""", tag)
    if name == "a" and href:
        return f"{found}; write a link as [the words]({href.group(1)}) instead"
    if name in _DANGEROUS:
        return f"{found}; remove it: text cannot hold scripts, frames, styles or forms"
    for names, fix in _MARKDOWN_FOR.items():
        if name in names:
            return f"{found}; {fix}"
    return f"{found}; remove the tag and use Markdown: **bold**, *italic*, [a link](https://…)"


# --- unknown, misplaced and misspelt fields -----------------------------------------------------

Place = tuple[str | None, ...]
"""Where a field is allowed, as the keys above it; None stands for 'each item of a list'."""


def field_places(cls: type[BaseModel]) -> dict[str, list[Place]]:
    """Every field name allowed anywhere in a file of this kind, with every place it may go."""
    places: dict[str, list[Place]] = {}

    def visit(model: type[BaseModel], where: Place, depth: int) -> None:
        for name, info in model.model_fields.items():
            places.setdefault(name, []).append(where)
            inner, in_list = _model_in(info.annotation)
            if inner is not None and depth < 6:
                visit(inner, (*where, name, None) if in_list else (*where, name), depth + 1)

    visit(cls, (), 0)
    return places


def fields_at(cls: type[BaseModel], path: Path_) -> list[str]:
    """The field names of the model found at `path` inside `cls` (for 'did you mean')."""
    found = _resolve(cls, path)
    current = found[0] if found is not None else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def field_example(cls: type[BaseModel], path: Path_) -> Any:
    """The first documented example of the field at `path` inside `cls`, or None."""
    found = _resolve(cls, path)
    info = found[1] if found is not None else None
    return info.examples[0] if info is not None and info.examples else None


def _resolve(cls: type[BaseModel], path: Path_) -> tuple[Any, FieldInfo | None] | None:
    """What `path` leads to inside `cls`: the model there (None for a plain value) and the
    field that holds it (None at the top); None when the path is not in the models."""
    current: Any = cls
    info = None
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current, _ = _model_in(info.annotation)
    return current, info


def _model_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside Optional[...] / list[...] / Annotated[...], and whether in a list."""
    in_list = False
    while True:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation, in_list
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin is list and args:
            in_list, annotation = True, args[0]
        elif origin in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
        else:
            return None, in_list


def unknown_field(
    name: str, here: Path_, allowed: list[str], missing: list[str], places: list[Place]
) -> str:
    """An unknown key: a misspelling of a field that belongs here, or a known field in the
    wrong place (said where it belongs), or simply unknown."""
    misspelt = did_you_mean(name, missing) or did_you_mean(name, allowed)
    if misspelt:
        return f"unknown field {name!r}{misspelt}"
    here_place = tuple(None if isinstance(p, int) else p for p in here)
    elsewhere = [place for place in places if place != here_place]
    if elsewhere:
        return f"{name!r} does not go here: it belongs {_or_places(elsewhere)}"
    if not allowed or len(allowed) > 12:
        return f"unknown field {name!r}; every field is described in content/README.md"
    return f"unknown field {name!r}; the fields here are {', '.join(allowed)}"


def _or_places(places: list[Place]) -> str:
    return " or ".join(dict.fromkeys(describe_place(place) for place in places[:3]))


def describe_place(place: Place) -> str:
    if not place:
        return "at the top level of the file, with no indent"
    keys = [key for key in place if key is not None]
    last = f"`{keys[-1]}:`"
    inside = f" (inside `{keys[-2]}:`)" if len(keys) > 1 else ""
    where = f"in each item of {last}" if place[-1] is None else f"under {last}"
    return where + inside


def line_up_hint(sibling: str, line: int) -> str:
    return f" (line it up with `{sibling}:` on line {line})"
