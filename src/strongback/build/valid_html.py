"""Attributes that mean something to the build but not in HTML, taken out of a finished page:

- `markdown` (Markdown in HTML): md_in_html removes it from the blocks it processes, but an inline
  element (`<span markdown="span">`) keeps it, and the attribute is not HTML;
- `role="presentation"` on an `<svg>`: a decorative drawing is hidden from assistive technology
  with `aria-hidden="true"`.

Templates should not write either (they do not); a hand-written page may, and its text is under
review (a page changed since its review says so), so the published page is corrected here instead
of its source. Every other byte of the page is left as it was.
"""

from __future__ import annotations

import re

_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_ATTRIBUTE = re.compile(rf"""(\s+)([^\s"'>/=]+)(?:\s*=\s*({_VALUE}))?""")
_TAG = re.compile(
    rf"""<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*{_VALUE})?)*)(\s*/?>)"""
)


_WORDS = (b"markdown", b"presentation")
"""The words a tag to fix holds, in lower case (see `_words`)."""


def _fixed(tag: re.Match[str]) -> str:
    name, attributes, end = tag.groups()
    svg = name.lower() == "svg"
    if "markdown" not in attributes.lower() and not (svg and "presentation" in attributes):
        return tag.group(0)
    found = list(_ATTRIBUTE.finditer(attributes))
    keys = {attribute.group(2).lower() for attribute in found}
    kept = []
    for attribute in found:
        space, key, value = attribute.group(1), attribute.group(2).lower(), attribute.group(3)
        if key == "markdown":
            continue
        if svg and key == "role" and (value or "").strip("\"'") == "presentation":
            if "aria-hidden" not in keys:
                kept.append(f'{space}aria-hidden="true"')
            continue
        kept.append(attribute.group(0))
    return f"<{name}{''.join(kept)}{end}"


def _words(html: str) -> list[int]:
    """Where `markdown` or `presentation` starts in `html`, in any case. Found in the page's
    UTF-8 bytes lower-cased (ASCII letters only, so every byte stays where it was): a
    case-insensitive pattern over the text is about ten times slower, and every page has the
    word once (Material's search results list is `role="presentation"`)."""
    data = html.encode("utf-8", "surrogatepass")
    lowered = data.lower()
    starts = []
    for word in _WORDS:
        at = lowered.find(word)
        while at >= 0:
            starts.append(at)
            at = lowered.find(word, at + len(word))
    found = []
    byte = char = 0
    for start in sorted(starts):
        char += len(data[byte:start].decode("utf-8", "surrogatepass"))
        byte = start
        found.append(char)
    return found


def valid_html(html: str) -> str:
    """`html` without `markdown` attributes, its `<svg role="presentation">` hidden with
    `aria-hidden="true"` instead."""
    out: list[str] = []
    done = 0
    for word in _words(html):
        if word < done:
            continue  # inside a tag already fixed
        # Only a tag that holds one of the words can change: match from its "<" rather than
        # running the tag pattern over the whole page.
        start = html.rfind("<", done, word)
        tag = _TAG.match(html, start) if start >= 0 else None
        if tag is None or tag.end() <= word:
            continue  # the word is in text, or in a comment
        out += [html[done:start], _fixed(tag)]
        done = tag.end()
    return "".join(out) + html[done:] if out else html
