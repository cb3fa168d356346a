"""The preview's incremental rebuild: under `mkdocs serve`, a page whose inputs did not change
since the last rebuild keeps its last output instead of being rendered again.

MkDocs rebuilds every page on every save (`--dirty` goes by file times, so generated pages are
always rebuilt and navigation titles and the search index go stale). Here each page is known by
its inputs instead of by a guess:

- the site's *shared* inputs, which every page's HTML depends on: mkdocs.yml, the templates
  (`overrides/`), site.yml, the navigation (its titles and addresses), the list of the site's
  files (which links resolve, and to where), and the builder's settings as pages see them. When
  any of them changes, every page is rendered again, and the log says why;
- each page's *own* inputs, once the engine has made its Markdown: the finished Markdown (its
  content, citations numbered, the exercises it lists with their names, doses and tags: the
  catalogue's dependencies are all in it), its metadata (review box, JSON-LD, tags, description),
  its address and edit link, and the figures its slots show (the exercises they draw).

A page whose key is unchanged is not rendered: the builder restores its last output and what
other pages and the search index read from it (`Rendered.state`, opaque to the engine). Only the
preview does this; published builds always render every page.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHARED_FILES = (("mkdocs.yml", "mkdocs.yml"), ("content/site.yml", "site.yml"))
"""Project files every page depends on (path, name in messages); the templates are `overrides/`."""

TEMPLATES = "overrides"

_FIGURE = re.compile(r'data-sb-figures?="([a-z0-9-]+)"')
"""A figure slot in a page (see `strongback.figures.web`): it shows that exercise's drawing."""


def digest(*parts: str) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def shared_inputs(root: Path, builder: Mapping[str, Any]) -> dict[str, str]:
    """A digest of each shared input, by the name a message gives it. `builder`: the builder's
    own (the navigation, the files, the settings pages see), by name."""
    found = {}
    for path, name in SHARED_FILES:
        file = root / path
        found[name] = digest(file.read_text("utf-8")) if file.is_file() else ""
    templates = root / TEMPLATES
    found["a template (overrides/)"] = digest(
        *(
            f"{path.relative_to(templates).as_posix()}\0{path.read_text('utf-8', 'replace')}"
            for path in sorted(templates.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        )
    )
    for name, value in builder.items():
        found[name] = digest(_json(value))
    return found


@dataclass(frozen=True)
class Rendered:
    """A page's last output and the inputs it was made from."""

    key: str
    output: str
    """The finished HTML page."""
    state: Any
    """What the builder restores for a page it does not render again (title, anchors, search
    entries): the engine only keeps it."""


@dataclass
class PageOutputs:
    """Every page's last output under one preview session (`Session.outputs`)."""

    shared: dict[str, str] = field(default_factory=dict)
    pages: dict[str, Rendered] = field(default_factory=dict)
    full: str | None = None
    """Why this rebuild renders every page ('first build', 'mkdocs.yml changed'); None when it
    renders only the pages whose inputs changed."""
    rendered: int = 0
    reused: int = 0
    started: float = 0.0

    def start(self) -> None:
        """A rebuild starts (the builder loads the content): its time counts from here."""
        self.started = time.monotonic()
        self.full = "no page was listed"
        self.rendered = self.reused = 0

    def begin(self, shared: Mapping[str, str]) -> None:
        """The pages are listed: compare the shared inputs with the last rebuild's."""
        changed = [name for name, value in shared.items() if self.shared.get(name) != value]
        if not self.shared:
            self.full = "first build"
        elif changed:
            self.full = f"{', '.join(changed)} changed"
        else:
            self.full = None
        if self.full is not None:
            self.pages = {}
        self.shared = dict(shared)
        self.rendered = self.reused = 0

    def key(
        self,
        markdown: str,
        meta: Mapping[str, Any],
        address: Iterable[str],
        figure: Callable[[str], str],
    ) -> str:
        """A page's own inputs, as one digest (see the module docstring); `figure(id)`: a digest
        of what an exercise's drawing is made from."""
        drawn = sorted(set(_FIGURE.findall(markdown)))
        return digest(markdown, _json(dict(meta)), *address, *(figure(key) for key in drawn))

    def reuse(self, src_uri: str, key: str) -> Rendered | None:
        """The page's last output when its inputs are the same, else None (render it)."""
        found = self.pages.get(src_uri)
        if self.full is None and found is not None and found.key == key:
            self.reused += 1
            return found
        self.rendered += 1
        return None

    def keep(self, src_uri: str, key: str, output: str, state: Any) -> None:
        self.pages[src_uri] = Rendered(key, output, state)

    def summary(self) -> str:
        """'rebuilt 3 of 1,111 pages in 0.9 s' (or why every page was rebuilt)."""
        total = self.rendered + self.reused
        seconds = time.monotonic() - self.started
        if self.full is not None:
            return f"rebuilt all {total:,} pages in {seconds:.1f} s ({self.full})"
        return f"rebuilt {self.rendered:,} of {total:,} pages in {seconds:.1f} s"
