"""YAML syntax errors in an author's words: an unquoted colon, a line out of line, a tab, an
unclosed bracket or quote. PyYAML says where it gave up; this says which line to change and how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from strongback.load.messages import Place

_KEY = re.compile(r"([^\s:#'\"{\[][^:#]*?):(?:\s|$)")
"""A `key:` at the start of a line's content."""


@dataclass(frozen=True)
class _Anchor:
    """Something a line can line up with: a key, or the dash of a list item."""

    column: int
    line: int
    key: str | None
    """The key's name; None for the dash of a list item."""


def explain(
    text: str, exc: yaml.MarkedYAMLError, places: dict[str, list[Place]] | None = None
) -> tuple[int, int, str]:
    """(line, column, message) for a YAML syntax error in `text`, both 1-based."""
    lines = text.splitlines()
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    index, column = (mark.line, mark.column) if mark else (0, 0)
    opened = exc.context_mark
    if "cannot start any token" in problem and "\t" in _line(lines, index):
        return index + 1, column + 1, "this line is indented with a tab; use spaces only"
    if problem.startswith("mapping values are not allowed"):
        colon = _colon_in_value(_line(lines, index), column)
        if colon is not None:
            return index + 1, colon[0], colon[1]
        return _indentation(lines, index, places or {}) or _fallback(index, column, exc)
    if problem.startswith(("did not find expected key", "expected <block end>")) or (
        "'-' indicator" in problem
    ):
        return _indentation(lines, index, places or {}) or _fallback(index, column, exc)
    if opened is not None and "flow sequence" in context:
        return _unclosed(opened, "[", "]", "list", "- item")
    if opened is not None and "flow mapping" in context:
        return _unclosed(opened, "{", "}", "group of fields", "field: value")
    if opened is not None and "quoted scalar" in context:
        quote = _line(lines, opened.line)[opened.column : opened.column + 1] or '"'
        return (
            opened.line + 1,
            opened.column + 1,
            f"the text that starts with {quote} here has no closing {quote}; "
            f"end the text with {quote}",
        )
    return _fallback(index, column, exc)


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _fallback(index: int, column: int, exc: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    context = f" {exc.context}" if exc.context else ""
    return index + 1, column + 1, f"YAML syntax error: {exc.problem or 'invalid YAML'}{context}"


def _colon_in_value(line: str, column: int) -> tuple[int, str] | None:
    """`purpose: Note: this…`: a key earlier on the line, so the colon is inside its text."""
    start = len(line) - len(line.lstrip(" "))
    content = line[start:]
    dash = re.match(r"-\s+", content)
    offset = start + (dash.end() if dash else 0)
    key = _KEY.match(line, offset)
    if key is None or key.end() > column:
        return None
    value = line[key.end() :].strip()
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    return (
        key.end() + 1,
        f"the text after `{key.group(1)}:` has a colon followed by a space, so YAML reads "
        f'it as a field; put the text in quotes: {key.group(1)}: "{quoted}"',
    )


def _unclosed(
    opened: yaml.Mark, bracket: str, closing: str, what: str, one_line: str
) -> tuple[int, int, str]:
    return (
        opened.line + 1,
        opened.column + 1,
        f"the {what} opened with `{bracket}` here is not closed: end it with `{closing}` on "
        f"the same line, or drop the `{bracket}` and write one `{one_line}` per line",
    )


def _indentation(
    lines: list[str], index: int, places: dict[str, list[Place]]
) -> tuple[int, int, str] | None:
    """Which line is out of line, and what it should line up with."""
    line = _line(lines, index)
    indent = len(line) - len(line.lstrip(" "))
    content = line[indent:]
    is_item = content.startswith("-") and content[1:2] in ("", " ")
    key = None if is_item else _KEY.match(content)
    if not is_item and key is None:
        return None
    chain = _enclosing(lines, index)
    wanted = [a for a in chain if (a.key is None) == is_item and a.column != indent]
    if not wanted:
        return None
    if key is not None and key.group(1) in places:
        fits = [a for a in wanted if _parents(chain, a) in _keys_only(places[key.group(1)])]
        wanted = fits or wanted
    best = min(wanted, key=lambda a: (abs(a.column - indent), -a.column))
    what = f"`{key.group(1)}:`" if key else "this `- ` item"
    target = f"`{best.key}:`" if best.key else "the `- ` item"
    return (
        index + 1,
        indent + 1,
        f"line {index + 1} is indented {_spaces(indent)}, so YAML cannot tell where it "
        f"belongs; line {what} up with {target} on line {best.line} ({_spaces(best.column)})",
    )


def _spaces(count: int) -> str:
    return "no spaces" if count == 0 else f"{count} space{'s' if count != 1 else ''}"


def _enclosing(lines: list[str], index: int) -> list[_Anchor]:
    """The anchors of the lines above that enclose this one, nearest first: each line with
    less indentation than every line between it and this one."""
    anchors: list[_Anchor] = []
    limit = 10**6
    for number in range(index - 1, -1, -1):
        text = lines[number]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        if indent >= limit:
            continue
        content = text[indent:]
        dash = re.match(r"-(\s+|$)", content)
        if dash:
            inner = _KEY.match(content, dash.end())
            if inner and indent + dash.end() < limit:
                anchors.append(_Anchor(indent + dash.end(), number + 1, inner.group(1)))
            anchors.append(_Anchor(indent, number + 1, None))
        else:
            key = _KEY.match(content)
            if key:
                anchors.append(_Anchor(indent, number + 1, key.group(1)))
        limit = indent
        if indent == 0:
            break
    return anchors


def _parents(chain: list[_Anchor], anchor: _Anchor) -> tuple[str, ...]:
    """The keys that enclose `anchor`, outermost first."""
    return tuple(a.key for a in reversed(chain) if a.column < anchor.column and a.key)


def _keys_only(places: list[Place]) -> list[tuple[str, ...]]:
    return [tuple(key for key in place if key is not None) for place in places]
