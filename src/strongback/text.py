"""Text helpers shared by pages, PDFs, JSON-LD and the standards check: the one front-matter
pattern, Markdown -> plain text, blocks, sentences and words.

Pure and light (the standard library only), so publishing code can use them without loading the
standards check or its readability library.
"""

from __future__ import annotations

import html
import re

FRONT_MATTER = re.compile(r"^---[ \t]*\n(.*?\n)?---[ \t]*(\n|$)", re.DOTALL)
"""YAML front matter at the top of a Markdown page; group 1 is the YAML."""

CITATION_MARK = re.compile(r"\s*\[@[^\]]*\]")
"""A `[@key]` citation and the space before it."""
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_TAG = re.compile(r"<[^>]+>")
_ATTRIBUTES = re.compile(r"\{\s*[:#.][^}]*\}")
_EMPHASIS = re.compile(r"\*\*|__|\*|~~|`|(?<!\w)_|_(?!\w)")
_BLOCK_START = re.compile(r"^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+|>\s?)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|")
_SKIPPED_LINE = re.compile(r"^\s*(!!!|\?\?\?|<|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|\[[^\]]+\]:\s)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def plain_text(markdown: str) -> str:
    """Inline Markdown as a reader sees it: no citations, links, tags or emphasis marks."""
    text = CITATION_MARK.sub("", markdown)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub("", text)
    text = _TAG.sub("", text)
    text = _ATTRIBUTES.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(html.unescape(text).split())


def markdown_blocks(markdown: str) -> list[tuple[int, str]]:
    """Paragraphs, list items and headings of `markdown` as (start offset, Markdown text).

    Code, raw HTML lines, link definitions and admonition markers are left out: they are not
    prose. A list item, heading or table row is a block of its own, so it reads as one sentence.
    """
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    offset = 0
    fence: str | None = None

    def flush() -> None:
        if current:
            blocks.append((start, " ".join(current)))
            current.clear()

    for line in markdown.splitlines(keepends=True):
        here, offset = offset, offset + len(line)
        fenced = _FENCE.match(line)
        if fence is not None:
            if fenced and fenced.group(1) == fence:
                fence = None
            continue
        if fenced:
            flush()
            fence = fenced.group(1)
            continue
        if not line.strip() or _SKIPPED_LINE.match(line):
            flush()
            continue
        if _TABLE_ROW.match(line):
            # Each row reads as one unit; the |---| row has no words and drops out later.
            flush()
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if any(ch.isalnum() for ch in line):
                blocks.append((here + len(line) - len(line.lstrip()), "; ".join(cells)))
            continue
        opening = _BLOCK_START.match(line)
        if opening:
            flush()
            start = here + opening.end()
            current.append(line[opening.end() :].strip())
            if _HEADING.match(line):
                flush()
            continue
        if not current:
            start = here + len(line) - len(line.lstrip())
        current.append(line.strip())
    flush()
    return blocks


def sentences(text: str) -> list[str]:
    """Sentences of plain text (see `plain_text`)."""
    return [part for part in _SENTENCE_BREAK.split(text) if part.strip()]


_ALNUM = re.compile(r"[^\W_]")
"""One character for which str.isalnum() is true (re's `\\w` is exactly those, plus `_`)."""


def words(text: str) -> list[str]:
    """Words of plain text: anything between spaces with a letter or digit in it."""
    return [token for token in text.split() if _ALNUM.search(token)]
