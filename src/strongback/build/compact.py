"""Smaller pages without changing what they show: indentation out of the HTML, comments and
the spaces nothing needs out of the site's own stylesheets, comment lines and indentation out of
its own scripts. Every exercise page must stay within its weight budget (70 KB gzip with its CSS
and JS: tests/test_build.py checks every one, benchmarks/ measures a typical one).

Whitespace inside <pre>, <textarea>, <script> and <style> is kept as it is.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_BREAK = re.compile(r"\n(?:[ \t]*\n)*[ \t]*")
"""A line break with the indentation after it and any blank lines: one line break is enough."""
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_STRING = re.compile(r"(\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')")
_CSS_SPACE = re.compile(r"\s+")
_CSS_AROUND = re.compile(r" ?([{};,>]) ?")
_JS_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)
_JS_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def compact_html(html: str) -> str:
    """Drop the indentation at the start of lines and blank lines, outside preformatted blocks.
    A line break stays a line break, so inline text keeps its spaces."""
    parts = _KEEP.split(html)
    out: list[str] = []
    # re.split with two groups yields: text, whole match, tag name, text, …
    for index in range(0, len(parts), 3):
        out.append(_BREAK.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def compact_css(css: str) -> str:
    """Comments out, and every space CSS does not need: around braces, semicolons, commas and
    the child combinator, and after a colon (a space before one is kept: `.a :focus` is not
    `.a:focus`). Strings are kept as they are, and each rule ends its line, so stylesheets
    compacted one by one and joined equal the joined ones compacted. For a stylesheet with no
    comment marks inside strings (this site's own), the meaning is kept."""
    parts = _CSS_STRING.split(_CSS_COMMENT.sub("", css))
    out = []
    for index, part in enumerate(parts):
        if index % 2:  # a string
            out.append(part)
            continue
        part = _CSS_AROUND.sub(r"\1", _CSS_SPACE.sub(" ", part))
        out.append(part.replace(": ", ":").replace(";}", "}").replace("}", "}\n"))
    text = "".join(out).strip()
    return text + "\n" if text else ""


def compact_js(js: str) -> str:
    """Whole-line `//` comments and indentation out of a script. Only where no string can span
    lines (no template literal, no line ending in a backslash): there a line that starts with
    `//` is a comment and leading spaces mean nothing. Otherwise the script is kept as it is."""
    if "`" in js or re.search(r"\\\n", js):
        return js
    return _JS_INDENT.sub("", _JS_COMMENT_LINE.sub("", js))
