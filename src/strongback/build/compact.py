"""Smaller pages without changing what they show: indentation out of the HTML, comments and
indentation out of the site's own stylesheets. Every exercise page must stay within its weight
budget (70 KB gzip with its CSS and JS, see benchmarks/), and template indentation is about
half a kilobyte of it.

Whitespace inside <pre>, <textarea>, <script> and <style> is kept as it is.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINES = re.compile(r"\n{2,}")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def compact_html(html: str) -> str:
    """Drop the indentation at the start of lines and blank lines, outside preformatted blocks.
    A line break stays a line break, so inline text keeps its spaces."""
    parts = _KEEP.split(html)
    out: list[str] = []
    # re.split with two groups yields: text, whole match, tag name, text, …
    for index in range(0, len(parts), 3):
        out.append(_BLANK_LINES.sub("\n", _INDENT.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def compact_css(css: str) -> str:
    """Comments, indentation and blank lines out; a stylesheet with no strings containing '/*'
    (this site's own) keeps its meaning."""
    css = _CSS_COMMENT.sub("", css)
    css = _INDENT.sub("\n", css)
    return _BLANK_LINES.sub("\n", css).strip() + "\n"
