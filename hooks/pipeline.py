"""MkDocs adapter for the strongback engine: each event is one call into the build session
(`strongback.build.engine`) plus registering files with MkDocs. Errors meant for the person
building (content, a PDF that does not fit, a setting) become one-line messages; any other error
keeps its traceback. Named `pipeline.py`, not `strongback.py`: MkDocs puts hooks/ first on
sys.path, and a hook file named after the package would shadow it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from strongback.build.engine import Session
from strongback.errors import StrongbackError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# `mkdocs serve` keeps this module alive between rebuilds: the session outlives each build.
SESSION = Session(logging.getLogger("mkdocs.plugins.strongback"))


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


@_one_line
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    settings = [config.site_url, config.extra, dict(config.theme), config.mdx_configs]
    SESSION.build.preview.list_pages(nav.items, files, settings)
    return nav


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    SESSION.build.preview.templates(env)
    return env


@_one_line
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    def link(src: str) -> str | None:  # a file's address from this page, as MkDocs gives it
        target = files.get_file_from_path(src)
        return target.url_relative_to(page.file) if target is not None else None

    markdown = SESSION.build.page(
        page.meta, page.file.src_uri, markdown, title=str(page.title), url=page.canonical_url,
        link=link,
    )  # fmt: skip
    return SESSION.build.preview.markdown(page, markdown, plugins=config.plugins)


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    SESSION.build.preview.indexed(page, config.plugins)
    return context


@_one_line
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return SESSION.build.post_page(output, page)


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
