"""Blocks of pages converted from Markdown once per build (and per preview session), apart from
their pages, and put into the finished HTML.

- Every exercise and routine page has the same safety block (the "When to see a doctor" list and
  the "Get help now" box) and a tick-box log, one of a few shapes: about a third of
  Python-Markdown's time on an exercise page (7 of 22 ms), and a thousand copies of the same
  words in the search index, where the warning-signs page already has them.
- The finder and the routine builder show a card per exercise: each card is a block, so the
  page's Markdown is small, an edit to one exercise converts one card again under the preview,
  and the search plugin, which leaves the cards out of the index anyway, does not parse them.

The page templates mark such a block: `<!-- sb-block -->` and `<!-- /sb-block -->`, each on a
line of its own, around Markdown with no heading (a heading stays in the page, for its table of
contents). When a page is finished (`cut`), each block becomes an empty slot,
`<div data-sb-block="<digest>"></div>`, and its Markdown is kept by its digest; when the HTML
page is finished (`fill`), the slot gets the block converted with the site's own Markdown
settings, once per distinct block. The page shows the same HTML as if Markdown had converted
the block in place; the search index does not have it (as for figures, `figures.web`).

A block is converted apart from its page, so the builder cannot resolve its links: `cut` gives
each link to a page or file the address the builder gives it from that page. The builder does
not check those links (nor their anchors): a block links only to pages the catalogue makes.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown

from strongback.files import digest

_BLOCK = re.compile(r"^<!-- sb-block -->\n(.*?)\n<!-- /sb-block -->$", re.DOTALL | re.MULTILINE)
_SLOT = re.compile(r'<div data-sb-block="([0-9a-f]{32})"></div>')
_LINK = re.compile(r"\]\(([^()\s#]+\.md)(#[^()\s]*)?\)")
"""A Markdown link to a page, as the templates write it: `](../warning-signs.md#part)`."""


@dataclass
class Blocks:
    """The shared blocks of a builder's run (`engine.Session`): their Markdown by digest, kept
    across the preview's rebuilds (a reused page's Markdown still names its blocks), and their
    HTML, made again when the Markdown settings change."""

    texts: dict[str, str] = field(default_factory=dict)
    html: dict[str, str] = field(default_factory=dict)
    settings: str = ""
    extensions: Sequence[Any] = ()
    configs: Mapping[str, Any] = field(default_factory=dict)
    _converter: markdown.Markdown | None = None

    def configure(self, config: Any) -> None:
        """The site's Markdown extensions and their settings, from the builder's configuration
        (mkdocs.yml's `markdown_extensions`, as MkDocs has them: `markdown_extensions` and
        `mdx_configs`)."""
        extensions = getattr(config, "markdown_extensions", None) or []
        configs = getattr(config, "mdx_configs", None) or {}
        settings = digest(json.dumps([list(extensions), dict(configs)], default=str))
        if settings != self.settings:
            self.settings, self.extensions, self.configs = settings, extensions, configs
            self.html.clear()
            self._converter = None

    def cut(self, text: str, src_uri: str, link: Callable[[str], str | None]) -> str:
        """`text` (the Markdown of the page `src_uri`) with each marked block replaced by its
        slot. A block's links to pages and files (`[…](other.md#part)`, relative to the page,
        as the templates write them) get their addresses from `link(src)`, the builder's
        address of a file from this page (as MkDocs would have resolved them in place)."""
        folder = posixpath.dirname(src_uri)

        def resolved(match: re.Match[str]) -> str:
            found = link(posixpath.normpath(posixpath.join(folder, match.group(1))))
            return f"]({found}{match.group(2) or ''})" if found is not None else match.group(0)

        def slot(match: re.Match[str]) -> str:
            block = _LINK.sub(resolved, match.group(1))
            key = digest(block)[:32]
            self.texts[key] = block
            return f'<div data-sb-block="{key}"></div>'

        return _BLOCK.sub(slot, text) if "<!-- sb-block -->" in text else text

    def expanded(self, text: str) -> str:
        """`text` (cut) with each slot holding its block's Markdown again."""
        if 'data-sb-block="' not in text:
            return text
        return _SLOT.sub(lambda match: self.texts.get(match.group(1), match.group(0)), text)

    def fill(self, html: str) -> str:
        """A finished HTML page with each slot holding its block (a slot this run did not cut
        stays as it is)."""
        if 'data-sb-block="' not in html:
            return html
        return _SLOT.sub(lambda match: self._converted(match.group(1), match.group(0)), html)

    def _converted(self, key: str, slot: str) -> str:
        found = self.html.get(key)
        if found is None:
            text = self.texts.get(key)
            if text is None:
                return slot
            if self._converter is None:
                self._converter = markdown.Markdown(
                    extensions=list(self.extensions), extension_configs=dict(self.configs)
                )
            found = self.html[key] = self._converter.reset().convert(text)
        return found
