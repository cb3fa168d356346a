"""The one place that knows where every page and file lives in the built site."""

from __future__ import annotations

import posixpath
from functools import cache

HOME = "index.md"
DISCLAIMER = "disclaimer.md"
BENEFITS = "benefits.md"
CAUSES = "causes.md"
DIET = "diet.md"
WARNING_SIGNS = "warning-signs.md"
EXERCISES = "exercises/index.md"
HANDOUTS = "handouts/index.md"
REFERENCES = "references.md"
ABOUT = "about.md"
TAGS = "tags.md"
ROUTINE_BUILDER = "routines/make.md"
"""The "Make a routine" page for clinicians (strongback.pages.routine_builder)."""


def routine_with(exercise_id: str) -> str:
    """The "Make a routine" page holding one exercise at its own dose: the address fragment of
    format version 1 (see strongback.pages.routine_builder). The page's hidden copy of the
    exercise's figures carries the same id, so MkDocs' anchor check finds it."""
    return f"{ROUTINE_BUILDER}#r1.{exercise_id}"


CONTENT_REFERENCE = "authoring/content-reference.md"
AUTHORING_FIGURES = "authoring/figures"
"""Each exercise's figures, large, for its author: `<id>.md` in the preview only."""
"""The content reference for authors: in the `mkdocs serve` preview only."""


def exercise(exercise_id: str) -> str:
    return f"exercises/{exercise_id}.md"


MOVED: dict[str, str] = {
    # Renamed 2026-12: the exercise is a gentle tightening, not bracing.
    exercise("deep-abdominal-brace"): exercise("deep-tummy-tightening"),
}
"""Pages that were renamed: old page -> new page (both relative to docs/). The old address keeps
a small page that sends readers and bookmarks on to the new one (`publish.redirect_pages`)."""


def moved_files(directory_urls: bool) -> dict[str, tuple[str, str]]:
    """Each old page's file in the built site -> the link from it to its new page, and the new
    page's address from the site root."""
    files = {}
    for old, new in MOVED.items():
        if directory_urls:
            path, target = page_url(old) + "index.html", page_url(new)
        else:
            path, target = old.removesuffix(".md") + ".html", new.removesuffix(".md") + ".html"
        link = posixpath.relpath(target, posixpath.dirname(path) or ".")
        files[path] = (link + "/" if target.endswith("/") else link, target)
    return files


def handout(handout_id: str) -> str:
    return f"handouts/{handout_id}.md"


def handout_pdf(handout_id: str, paper: str) -> str:
    """Site-relative path of a handout PDF; `paper` is 'a4' or 'letter'."""
    return f"handouts/{handout_id}-{paper}.pdf"


def exercise_pdf(exercise_id: str, paper: str) -> str:
    return f"exercises/{exercise_id}-{paper}.pdf"


def page_url(src_uri: str) -> str:
    """Directory-style URL of a page, relative to the site root ('exercises/bird-dog/')."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@cache  # pure, and called for every link of every page: posixpath.relpath is slow
def relative(target: str, from_src: str) -> str:
    """A Markdown link from page `from_src` to `target` (both paths relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")
