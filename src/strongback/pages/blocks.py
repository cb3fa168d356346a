"""Blocks many pages share, converted from Markdown once per build instead of once per page.

Every exercise and routine page has the same safety block (the "When to see a doctor" list and
the "Get help now" box) and a tick-box log, one of a few shapes. Python-Markdown and Material's
search plugin cost about a third of a whole exercise page on them (2 KB of a 10 KB page, with a
list, an admonition and a table of empty cells), and they add a thousand copies of the same
words to the search index, where the warning-signs page already has them.

The page templates mark such a block: `<!-- sb-block -->` and `<!-- /sb-block -->`, each on a
line of its own, around Markdown with no heading (a heading stays in the page, for its table of
contents). When a page is finished (`cut`), each block becomes an empty slot,
`<div data-sb-block="<digest>"></div>`, and its Markdown is kept by its digest; when the HTML
page is finished (`fill`), the slot gets the block converted with the site's own Markdown
settings, once per distinct block. The page shows the same HTML as if Markdown had converted
the block in place; the search index does not have it (as for figures, `figures.web`).

A block is converted apart from its page, so its links cannot be resolved by the builder: the
engine gives `cut` the address of each page a block may link to, relative to the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown

from strongback import urls
from strongback.files import digest

_BLOCK = re.compile(r"^<!-- sb-block -->\n(.*?)\n<!-- /sb-block -->$", re.DOTALL | re.MULTILINE)
_SLOT = re.compile(r'<div data-sb-block="([0-9a-f]{32})"></div>')


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

    def cut(self, text: str, src_uri: str, links: Mapping[str, str]) -> str:
        """`text` (the Markdown of the page `src_uri`) with each marked block replaced by its
        slot. `links`: the address the builder gives each of `urls.PAGE_LINKS` from this page,
        as `<name>_url`; a block links to them as the templates write it (a .md file, relative
        to the page)."""
        targets = {
            urls.relative(path, src_uri): links[f"{name}_url"]
            for name, path in urls.PAGE_LINKS
            if f"{name}_url" in links
        }

        def slot(match: re.Match[str]) -> str:
            block = match.group(1)
            for target, address in targets.items():
                block = block.replace(f"]({target})", f"]({address})")
            key = digest(block)[:32]
            self.texts[key] = block
            return f'<div data-sb-block="{key}"></div>'

        return _BLOCK.sub(slot, text) if "<!-- sb-block -->" in text else text

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
