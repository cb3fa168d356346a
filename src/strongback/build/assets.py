"""The site's own stylesheets and scripts as published: each stylesheet without comments and the
spaces it does not need, each script without its comment lines and indentation, and joined into
one stylesheet and one script per page.

One file instead of one per stylesheet: each render-blocking request delays the first paint on a
slow phone, and each file costs its own gzip overhead. Exercise pages load `css/site.css`; the
home page, the finder and routine pages `css/site-pages.css`, which adds their layouts
(`docs/css/pages.css`). overrides/main.html links them; mkdocs.yml lists the parts in
`extra_css` and `extra_javascript`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from strongback.build.compact import compact_css, compact_js
from strongback.errors import StrongbackError

PAGES_CSS = "css/pages.css"


def bundles(css: Sequence[str], js: Sequence[str]) -> dict[str, list[str]]:
    """Published file -> the files it joins, in order."""
    return {
        "css/site.css": list(css),
        "css/site-pages.css": [*css, PAGES_CSS],
        "js/site.js": list(js),
    }


def own_stylesheet(path: str) -> bool:
    """A stylesheet of the site's own (docs/css/), published compacted."""
    return path.startswith("css/") and path.endswith(".css")


def own_script(path: str) -> bool:
    """A script of the site's own (docs/js/), published compacted."""
    return path.startswith("js/") and path.endswith(".js")


def published(path: str, text: str) -> str:
    """A file of docs/ as the site publishes it: the site's own stylesheets and scripts
    compacted."""
    if own_stylesheet(path):
        return compact_css(text)
    return compact_js(text) if own_script(path) else text


class MissingParts(StrongbackError):
    """mkdocs.yml lists a stylesheet or script that is not under docs/."""


def joined(parts: Mapping[str, Sequence[str]], read: Callable[[str], str | None]) -> dict[str, str]:
    """Each bundle's text, from `read(path)`: a file's text as published (see `published`), or
    None when docs/ has no such file. The site's own stylesheets and scripts are already
    compacted: they are joined as they are, not compacted a second time."""
    out: dict[str, str] = {}
    for target, sources in parts.items():
        texts = [read(src) for src in sources]
        missing = [src for src, text in zip(sources, texts, strict=True) if text is None]
        if missing:
            raise MissingParts(f"mkdocs.yml lists {', '.join(missing)}, not found under docs/")
        if target.endswith(".css"):
            # Each part ends with one line break once compacted: joined, they are compact.
            out[target] = "".join(
                text if own_stylesheet(src) else compact_css(text)
                for src, text in zip(sources, texts, strict=True)
                if text is not None
            )
        else:
            out[target] = "\n".join(text for text in texts if text is not None)
    return out
