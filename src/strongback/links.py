"""Links from content text to another page: `[side plank on knees](exercise:side-plank-knees)`
or `[the home strength routine](routine:home-strength)`.

Authors name the page by id, not by address, because the same text shows on several pages and on
paper. On the web the link becomes the page's address relative to the page it is on
(`web_links`); in print, where a link cannot be followed, the text names the sheet to look for
(`print_links`). The standards check flags an exercise named in text without such a link
(`checks/terms.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from strongback import urls

PAGE_LINK = re.compile(r"\[([^\]\n]+)\]\((exercise|routine):([a-z0-9]+(?:-[a-z0-9]+)*)\)")
"""`[text](exercise:<id>)` or `[text](routine:<id>)`: group 1 the text, 2 the kind, 3 the id."""

SCHEMES = frozenset({"exercise", "routine"})


def target(kind: str, key: str) -> str:
    """The page a link points to, relative to docs/."""
    return urls.exercise(key) if kind == "exercise" else urls.handout(key)


def web_links(markdown: str, page_src: str) -> str:
    """Every page link of a generated page's Markdown, as a link MkDocs resolves."""
    if "](exercise:" not in markdown and "](routine:" not in markdown:
        return markdown
    return PAGE_LINK.sub(
        lambda m: f"[{m.group(1)}]({urls.relative(target(m.group(2), m.group(3)), page_src)})",
        markdown,
    )


def print_links(markdown: str, sheet_name: Callable[[str, str], str | None]) -> str:
    """Every page link as text that names its sheet: 'bridge (see the “Glute bridge” sheet)', or
    'side plank on knees (see its sheet)' when the text is the sheet's title; `sheet_name(kind,
    id)` is the sheet's title (None: no sheet, the text stays)."""

    def name(match: re.Match[str]) -> str:
        text, kind, key = match.groups()
        title = sheet_name(kind, key)
        if title is None:
            return text
        if text.lower() == title.lower():
            return f"{text} (see its sheet)"
        return f"{text} (see the “{title}” sheet)"

    return PAGE_LINK.sub(name, markdown)


def sheet_names(
    exercises: Mapping[str, object], routines: Mapping[str, object]
) -> Callable[[str, str], str | None]:
    """`sheet_name` for `print_links`: the exercise's name or the routine's title."""

    def sheet_name(kind: str, key: str) -> str | None:
        found = (exercises if kind == "exercise" else routines).get(key)
        if found is None:
            return None
        return str(getattr(found, "name" if kind == "exercise" else "title"))

    return sheet_name
