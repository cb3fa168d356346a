"""MkDocs adapter for the strongback engine: each event is one call into the build session
(`strongback.build.engine`) plus registering files with MkDocs. Errors meant for the person
building (content, a PDF that does not fit, a setting) become one-line messages; any other error
keeps its traceback. Named `pipeline.py`, not `strongback.py`: MkDocs puts hooks/ first on
sys.path, and a hook file named after the package would shadow it."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from strongback.build.engine import TRUST_LINKS, Session
from strongback.errors import StrongbackError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# `mkdocs serve` keeps this module alive between rebuilds: the session outlives each build.
SESSION = Session(logging.getLogger("mkdocs.plugins.strongback"))

REUSED_TEMPLATE = "sb-reused.html"
"""Under serve, the template of a page that keeps its last output (it renders nothing)."""


@dataclasses.dataclass
class _Reuse:
    """Under serve, this rebuild's pages (see strongback.build.incremental): by src_uri, their
    key, the last output of those that keep it, the search entries of those rendered; and where
    the search index's entries for the page being built start."""

    keys: dict[str, str] = dataclasses.field(default_factory=dict)
    reused: dict[str, Any] = dataclasses.field(default_factory=dict)
    entries: dict[str, list[Any]] = dataclasses.field(default_factory=dict)
    mark: int = 0


REUSE = _Reuse()


def _search_entries(config: MkDocsConfig) -> list[Any] | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    return getattr(index, "entries", None)


def _listing(config: MkDocsConfig) -> str:
    """How a page asks Material's tags plugin for a listing of tagged pages."""
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    directive = getattr(getattr(tags, "config", None), "listings_directive", "material/tags")
    return f"<!-- {directive}"


def _restore(page: Page, state: dict[str, Any], config: MkDocsConfig, files: Files) -> None:
    """Instead of rendering a page's Markdown: what its last render left for other pages (the
    title, anchors and anchor links the build validates). Its HTML is its last output."""
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


def _one_line(event: Callable[..., Any]) -> Any:
    """The engine's own errors as MkDocs' one-line messages, without a traceback."""

    @functools.wraps(event)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return event(*args, **kwargs)
        except StrongbackError as error:
            raise PluginError(str(error)) from None

    return run


def on_startup(*, command: str, dirty: bool) -> None:
    SESSION.start(command, dirty=dirty)


@_one_line
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline")
    build = SESSION.begin(
        config,
        config_file=Path(config.config_file_path),
        docs_dir=Path(config.docs_dir),
        site_url=config.site_url,
        dev_addr=str(config.dev_addr),
        offline=bool(offline and offline.config.enabled),
    )
    build.configure(config.theme, config.extra, config.extra_css, config.extra_javascript)
    config.extra_css, config.extra_javascript = [], []  # pages link the bundles instead
    return config


@_one_line
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for f in files.documentation_pages():
        f.edit_uri = f"docs/{f.src_uri}"

    def read(src: str) -> str | None:
        found = files.get_file_from_path(src)
        return found.content_string if found is not None else None

    for out in SESSION.build.outputs([f.src_uri for f in files], read):
        if out.replaces and (old := files.get_file_from_path(out.path)) is not None:
            files.remove(old)
        if out.text is None:
            added = File.generated(config, out.path, abs_src_path=str(out.file))
        else:
            added = File.generated(config, out.path, content=out.text)
        if out.source is not None:
            added.edit_uri = out.source
        files.append(added)
    SESSION.build.pages = len(files.documentation_pages())
    return files


def _nav_items(items: list[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        file = getattr(item, "file", None)
        # A title the navigation does not set comes from the page's text.
        title = item.title if file is None or item.title else file.content_string
        found.append([title, getattr(item, "url", None), _nav_items(item.children or [])])
    return found


@_one_line
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global REUSE
    REUSE = _Reuse()
    SESSION.build.list_pages(
        {
            "the navigation": _nav_items(nav.items),
            "the list of files": sorted((f.src_uri, f.url) for f in files),
            "a setting": [config.site_url, config.extra, config.theme._vars, config.mdx_configs],
        }
    )
    return nav


@_one_line
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    links = {
        f"{name}_url": target.url_relative_to(page.file)
        for name, src in TRUST_LINKS
        if (target := files.get_file_from_path(src)) is not None
    }
    build = SESSION.build
    src = page.file.src_uri
    markdown = build.page(
        page.meta, src, markdown, title=str(page.title), url=page.canonical_url, links=links
    )
    address = [page.url, page.canonical_url or "", page.edit_url or "", page.file.dest_uri]
    # A tags listing (Material's tags plugin) lists every tagged page: rendered every time.
    listing = _listing(config)
    key, reused = build.reuse(src, markdown, page.meta, address, always=listing in markdown)
    if key:
        REUSE.keys[src] = key
    if reused is not None:  # under serve, unchanged: keep its last output
        REUSE.reused[src] = reused
        page.meta["template"] = REUSED_TEMPLATE
        page.render = functools.partial(_restore, page, reused.state)  # type: ignore[method-assign]
    return markdown


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Under serve, the search index's entries for a page that keeps its last output are its
    last entries (Material's search plugin ran before this, on an empty page)."""
    src = page.file.src_uri
    entries = _search_entries(config)
    if src in REUSE.keys and entries is not None:
        reused = REUSE.reused.get(src)
        if reused is not None:
            del entries[REUSE.mark :]
            entries.extend(reused.state["entries"])
        else:
            REUSE.entries[src] = entries[REUSE.mark :]
        REUSE.mark = len(entries)
    return context


@_one_line
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    src = page.file.src_uri
    reused = REUSE.reused.get(src)
    if reused is not None:
        finished: str = reused.output
        return finished
    html = SESSION.build.post_page(output)
    if src in REUSE.keys:
        links = page.links_to_anchors
        state = {
            "toc": page.toc,
            "title": page._title_from_render,
            "anchors": set(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: v for f, v in links.items()},
            "entries": REUSE.entries.get(src, []),
        }
        SESSION.build.keep(src, REUSE.keys[src], html, state)
    return html


@_one_line
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return SESSION.build.post_template(template_name, output_content)


@_one_line
def on_post_build(*, config: MkDocsConfig) -> None:
    SESSION.finished()


def on_build_error(*, error: Exception) -> None:
    SESSION.failed()


def on_shutdown() -> None:
    SESSION.shutdown()
