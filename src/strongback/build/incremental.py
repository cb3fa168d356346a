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
  its address and edit link, and the figures its slots show (the exercises they draw). Figures
  go in after Markdown and the theme: a page whose figures alone changed (an exercise's poses or
  steps, in the finder's thumbnails) is finished again from its last rendering, not rendered.

A page whose key is unchanged is not rendered: the builder restores its last output and what
other pages and the search index read from it (`Rendered.state`, opaque to the engine). Only the
preview does this; published builds always render every page.

The engine never imports the builder: `Rebuild` reads and restores MkDocs 1.6's pages (and
ProperDocs', the same) by the attributes `Page.render` sets, and Material's search index by its
list of entries, as `engine.Theme` does for the theme settings.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import jinja2

from strongback.build.rebuild_costs import Templates
from strongback.files import digest
from strongback.pages.blocks import Blocks
from strongback.pages.markdown import exercise_tags

SHARED_FILES = (("mkdocs.yml", "mkdocs.yml"), ("content/site.yml", "site.yml"))
"""Project files every page depends on (path, name in messages); the templates are `overrides/`."""

TEMPLATES = "overrides"

_FIGURE = re.compile(r'data-sb-figures?="([a-z0-9-]+)"')
"""A figure slot in a page (see `strongback.figures.web`): it shows that exercise's drawing."""


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
    figures: str
    """A digest of what its figures are drawn from: they go in after Markdown and the theme
    (`figures.web`), so a change to them alone finishes the page again from `rendered`."""
    output: str
    """The finished HTML page."""
    rendered: str
    """The page as the theme rendered it, before it was finished (figures, blocks, …)."""
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
    listed: bool = False
    """The builder listed this rebuild's pages (`begin`)."""
    templates: Templates = field(default_factory=lambda: Templates())
    made: dict[str, tuple[str, str, dict[str, Any]]] = field(default_factory=dict)
    """Each page's Markdown as the engine finished it, and the metadata it added, by its
    inputs (`Rebuild.made_key`)."""

    def start(self) -> None:
        """A rebuild starts (the builder loads the content): its time counts from here."""
        self.started = time.monotonic()
        self.listed = False
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
            self.pages, self.made = {}, {}
        self.shared = dict(shared)
        self.rendered = self.reused = 0
        self.listed = True

    def key(
        self,
        markdown: str,
        shown: str,
        meta: Mapping[str, Any],
        address: Iterable[str],
        figure: Callable[[str], str],
    ) -> tuple[str, str]:
        """A page's own inputs as two digests (see the module docstring): what Markdown and the
        theme render it from, and what its figures are drawn from (the figure slots of `shown`,
        the Markdown with its shared blocks in place; `figure(id)`: a digest of what an
        exercise's drawing is made from)."""
        drawn = sorted(set(_FIGURE.findall(shown)))
        return digest(markdown, _json(dict(meta)), *address), digest(*map(figure, drawn))

    def reuse(self, src_uri: str, key: str) -> Rendered | None:
        """The page's last output when it renders from the same inputs, else None (render
        it). Its figures may have changed: see `Rebuild.finished`."""
        found = self.pages.get(src_uri)
        if self.full is None and found is not None and found.key == key:
            self.reused += 1
            return found
        self.rendered += 1
        return None

    def keep(
        self, src_uri: str, key: tuple[str, str], output: str, rendered: str, state: Any
    ) -> None:
        self.pages[src_uri] = Rendered(key[0], key[1], output, rendered, state)

    def summary(self) -> str | None:
        """'rebuilt 3 of 1,111 pages in 0.9 s' (or why every page was rebuilt); None when the
        builder did not list this rebuild's pages."""
        if not self.listed:
            return None
        total = self.rendered + self.reused
        seconds = time.monotonic() - self.started
        if self.full is not None:
            return f"rebuilt all {total:,} pages in {seconds:.1f} s ({self.full})"
        return f"rebuilt {self.rendered:,} of {total:,} pages in {seconds:.1f} s"


REUSED_TEMPLATE = "sb-reused.html"
"""The template of a page that keeps its last output: it renders nothing (overrides/)."""


class Page(Protocol):
    """A builder's page as `Page.render` leaves it (MkDocs 1.6, ProperDocs 1.6)."""

    @property
    def file(self) -> Any: ...

    @property
    def url(self) -> str: ...

    @property
    def canonical_url(self) -> str | None: ...

    @property
    def edit_url(self) -> str | None: ...

    meta: MutableMapping[str, Any]
    content: str | None
    toc: Any
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[Any, dict[str, str]] | None
    _title_from_render: str | None


def _nav(items: Iterable[Any]) -> list[Any]:
    """The navigation as every page shows it: titles (a page's own text when the navigation
    gives none), addresses, sections."""
    found: list[Any] = []
    for item in items:
        file = getattr(item, "file", None)
        title = item.title if file is None or item.title else file.content_string
        found.append([title, getattr(item, "url", None), _nav(item.children or [])])
    return found


@dataclass
class Rebuild:
    """One preview rebuild's pages, as the builder renders them: which keep their last output
    (by src_uri, their key and last output), the search entries of those rendered, and where
    the entries of the page being built start in the search index. Inactive (`active` False)
    outside the preview: every method then leaves the page as the builder made it."""

    outputs: PageOutputs
    root: Path
    source: Callable[[str], str | None]
    """An exercise's file text, for the figures a page draws."""
    active: bool
    site: Any = None
    """The build's content and catalogue (`site_build.SiteBuild`)."""
    blocks: Blocks = field(default_factory=Blocks)
    """The shared blocks cut out of pages (`pages.blocks`): a page's figures may be in them."""
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)
    reused: dict[str, Rendered] = field(default_factory=dict)
    entries: dict[str, list[Any]] = field(default_factory=dict)
    mark: int = 0
    figures: dict[str, str] = field(default_factory=dict)
    shared: str | None = None

    def made_key(
        self,
        site: Any,
        src_uri: str,
        markdown: str,
        meta: Mapping[str, Any],
        address: Any,
    ) -> str:
        """What the engine finishes a page from (`engine.Build.page`): its Markdown and
        metadata, title, address and links, the files its record and its review are written in,
        and the single content files (site, references, …) and the date. '' for a list page
        (what it shows comes from many files) and outside the preview."""
        page = site.catalogue.get(src_uri)
        if not self.active or page is None or page.record is None:
            return ""
        content = site.content
        if self.shared is None:
            files = sorted(content.sources.values())
            self.shared = digest(
                site.today.isoformat(), *(content.positions.text(f) or "" for f in files)
            )
        own = [content.positions.text(file) or "" for file in (page.source, page.review_source)]
        return digest(self.shared, src_uri, markdown, _json([dict(meta), address]), *own)

    def finished_markdown(
        self,
        site: Any,
        src_uri: str,
        markdown: str,
        meta: MutableMapping[str, Any],
        address: Any,
        make: Callable[[], str],
    ) -> str:
        """`make()`: the page's finished Markdown, which also fills its metadata; under the
        preview, what it gave last time when the page's inputs are the same (`made_key`)."""
        key = self.made_key(site, src_uri, markdown, meta, address)
        found = self.outputs.made.get(src_uri)
        if key and found is not None and found[0] == key:
            meta.update(found[2])
            return found[1]
        before = dict(meta)
        finished = make()
        if key:
            added = {name: value for name, value in meta.items() if before.get(name) != value}
            self.outputs.made[src_uri] = (key, finished, added)
        return finished

    def templates(self, env: jinja2.Environment) -> None:
        """The builder's template environment for this build: its compiled templates are kept
        for the next rebuild (`Templates`)."""
        if self.active:
            env.bytecode_cache = self.outputs.templates

    def list_pages(self, nav: Iterable[Any], files: Iterable[Any], settings: Any) -> None:
        """The site's pages are listed: compare what every page depends on with the last
        rebuild's (the navigation, every file's address, the settings pages see)."""
        if self.active:
            listed = sorted((f.src_uri, f.url) for f in files)
            builder = {"the navigation": _nav(nav), "the list of files": listed}
            self.outputs.begin(shared_inputs(self.root, builder | {"a setting": settings}))

    def _tagged(self) -> str:
        """What a tags listing shows: every tagged page's address, title and tags."""
        tagged = []
        for page in self.site.catalogue:
            if page.kind == "exercise":
                tagged.append([page.src_uri, page.title, exercise_tags(page.record)])
            elif page.kind == "page" and getattr(page.record, "tags", None):
                tagged.append([page.src_uri, page.title, page.record.tags])
        return digest(_json(tagged))

    def _figure(self, exercise: str) -> str:
        found = self.figures.get(exercise)
        if found is None:
            found = self.figures[exercise] = digest(exercise, self.source(exercise) or "")
        return found

    def markdown(self, page: Page, markdown: str, *, plugins: Mapping[str, Any]) -> str:
        """A page's finished Markdown: when its key is unchanged, it keeps its last output (the
        builder renders it with the empty template and restores, instead of rendering, what
        other pages read from it). A page with a listing of Material's tags plugin lists every
        tagged page: it is rendered again when a tagged page's address, title or tags change."""
        if not self.active:
            return markdown
        tags = plugins.get("material/tags")
        listing = f"<!-- {tags.config.listings_directive if tags else 'material/tags'}"
        src = page.file.src_uri
        address = [page.url, page.canonical_url or "", page.edit_url or "", page.file.dest_uri]
        shown = self.blocks.expanded(markdown)  # the figures of its blocks are the page's too
        key, figures = self.outputs.key(markdown, shown, page.meta, address, self._figure)
        if listing in markdown:
            key = digest(key, self._tagged())
        self.keys[src] = (key, figures)
        reused = self.outputs.reuse(src, key)
        if reused is not None:
            self.reused[src] = reused
            page.meta["template"] = REUSED_TEMPLATE
            setattr(page, "render", partial(_restore, page, reused.state))  # noqa: B010
        return markdown

    def indexed(self, page: Page, plugins: Mapping[str, Any]) -> None:
        """The search index has the page (Material's search plugin ran just before): a page
        that keeps its last output gets its last entries, a rendered page's are kept."""
        index = getattr(plugins.get("material/search"), "search_index", None)
        entries: list[Any] | None = getattr(index, "entries", None)
        src = page.file.src_uri
        if not self.active or entries is None or src not in self.keys:
            return
        reused = self.reused.get(src)
        if reused is not None:
            del entries[self.mark :]
            entries.extend(reused.state["entries"])
        else:
            self.entries[src] = entries[self.mark :]
        self.mark = len(entries)

    def finished(self, page: Page, html: str, finish: Callable[[str], str]) -> str:
        """The finished page: its last output, or `finish(html)` kept for the next rebuild. A
        page whose figures alone changed (an exercise's steps or poses, in the finder) is
        finished again from its last rendering, not rendered again."""
        src = page.file.src_uri
        reused = self.reused.get(src)
        if reused is not None:
            if reused.figures == self.keys[src][1]:
                return reused.output
            output = finish(reused.rendered)
            self.outputs.keep(src, self.keys[src], output, reused.rendered, reused.state)
            self.outputs.reused, self.outputs.rendered = (
                self.outputs.reused - 1,
                self.outputs.rendered + 1,
            )  # its output changed: counted as rebuilt
            return output
        rendered, html = html, finish(html)
        if src in self.keys:
            links = page.links_to_anchors
            state = {
                "toc": page.toc,
                "title": page._title_from_render,
                "anchors": set(page.present_anchor_ids or ()),
                "links": None if links is None else {f.src_uri: v for f, v in links.items()},
                "entries": self.entries.get(src, []),
            }
            self.outputs.keep(src, self.keys[src], html, rendered, state)
        return html


def _restore(page: Page, state: dict[str, Any], config: Any, files: Any) -> None:
    """In place of `Page.render` for a page that keeps its last output: what other pages and
    the build's checks read from it (its title, anchors and links to anchors)."""
    page.content = ""
    page.toc = state["toc"]
    page._title_from_render = state["title"]
    page.present_anchor_ids = set(state["anchors"])
    links = state["links"]
    page.links_to_anchors = None if links is None else {
        target: dict(anchors)
        for src, anchors in links.items()
        if (target := files.get_file_from_path(src)) is not None
    }  # fmt: skip
