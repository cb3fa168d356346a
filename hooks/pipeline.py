"""MkDocs adapter for the strongback engine: each event is a few lines calling the package.

Named `pipeline.py`, not `strongback.py`: MkDocs puts hooks/ first on sys.path, and a hook file
named after the package would shadow it.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from strongback import (
    assets,
    atomic,
    compact,
    fonts,
    handouts,
    jsonld,
    publish,
    reference,
    settings,
    urls,
)  # fmt: skip
from strongback.figures.sheet import figures_preview
from strongback.figures.web import fill_figure_slots
from strongback.load import ContentErrors
from strongback.preview import Preview, Recovery, recovery_message
from strongback.site import SiteBuild

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.strongback")

# `mkdocs serve` keeps this module alive between rebuilds: on_config resets it every time.
_build: SiteBuild | None = None
_serving = False
"""Under `mkdocs serve`, PDFs come from the cache only (STRONGBACK_PDF, see the README)."""
_last_good: SiteBuild | None = None
"""Under `mkdocs serve`: the last content that loaded without errors."""
_preview = Preview()
_recovered: Recovery | None = None
"""After an invalid edit is fixed: what was fixed and changed since the last valid build."""
_pages = 0
_announced = False
_command = ""
_dirty = False
_warned: set[str] = set()
"""Placeholder settings already reported by this process (a preview rebuilds many times)."""


class _Staging:
    """`mkdocs build` and `gh-deploy` build into a staging folder; `on_shutdown` swaps it in for
    site/ only if the build succeeded (strict-mode warnings included: MkDocs raises their Abort
    inside build(), so on_build_error sees it)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.final = Path(config.site_dir)
        self.staged = atomic.staging_folder(self.final)
        self.built = False
        self.failed = False
        if _dirty and self.final.is_dir():  # --dirty builds on top of the previous site
            import shutil

            shutil.copytree(self.final, self.staged, dirs_exist_ok=True)
        config.site_dir = str(self.staged)

    def finish(self) -> None:
        # gh-deploy reads config.site_dir after on_shutdown: point it at the real folder again.
        self.config.site_dir = str(self.final)
        if self.built and not self.failed:
            atomic.replace_folder(self.final, self.staged)
            log.info("strongback: published the new site to %s", self.final)
        else:
            atomic.discard(self.staged)
            print(
                f"strongback: the build failed; {self.final} was left exactly as it was.",
                file=sys.stderr,
            )


_staging: _Staging | None = None


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("strongback: content was not loaded (on_config did not run)")
    return _build


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving, _command, _dirty
    _serving = command == "serve"
    _command, _dirty = command, dirty


def _previewing(config: MkDocsConfig) -> bool:
    # `mkdocs serve` builds into a temporary mkdocs_* folder (as "build" under --clean).
    site_dir = Path(config.site_dir)
    return _serving or (
        site_dir.name.startswith("mkdocs_") and site_dir.parent == Path(tempfile.gettempdir())
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _last_good, _recovered, _staging
    _build = None
    if _command in ("build", "gh-deploy") and not _previewing(config) and _staging is None:
        _staging = _Staging(config)
    root = Path(config.config_file_path).parent
    try:
        _build = SiteBuild.load(root, Path(config.docs_dir), preview=_serving)
    except ContentErrors as errors:
        count = len(errors.errors)
        message = f"Content has {count} error{'s' if count != 1 else ''}:\n{errors}"
        if not (_serving and _last_good):
            raise PluginError(message) from None
        # MkDocs' server hangs every request after a failed rebuild; rebuilding the last good
        # content instead keeps the preview usable while the author fixes the file.
        print(f"{message}\nStill serving the last valid content.", file=sys.stderr)
        _build = _last_good
        _preview.failed(error.file for error in errors.errors)
    else:
        if _serving:
            _last_good = _build
            _recovered = _preview.valid(root)
    _author_links(config)
    _public_polyfills(config)
    _warn_placeholders(config, _build)
    _bundle_assets(config)
    for warning in _build.warnings:
        log.warning(str(warning))
    return config


_placeholder_log = logging.getLogger("strongback.placeholders")


def _warn_placeholders(config: MkDocsConfig, build: SiteBuild) -> None:
    """One warning per example setting still in place. Not counted by --strict, so a fresh
    clone builds; `strongback check --publish` (run before publishing) fails on them."""
    if not _placeholder_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        _placeholder_log.addHandler(handler)
        _placeholder_log.propagate = False
    for message in settings.placeholder_settings(_public(config), build.content):
        if message not in _warned:
            _warned.add(message)
            _placeholder_log.warning("Placeholder setting: %s", message)


def _public(config: MkDocsConfig) -> settings.Settings:
    """The public settings: under `mkdocs serve`, config.site_url is the preview's address."""
    return settings.read_settings(Path(config.config_file_path))


def _author_links(config: MkDocsConfig) -> None:
    """Edit links and the repository link mean nothing to a reader: the public build shows them
    only when `extra.source_links` is true in mkdocs.yml. `mkdocs serve` keeps the edit link
    (to the YAML source) for authors; the repository link follows the setting there too
    (overrides/partials/source.html)."""
    if config.extra.get("source_links") or _serving:
        return
    features = config.theme["features"]
    config.theme["features"] = [f for f in features if not f.startswith("content.action.")]


def _public_polyfills(config: MkDocsConfig) -> None:
    """The iframe-worker shim only matters from file:// (the offline copy): public pages do not
    download it."""
    offline = config.plugins.get("material/offline")
    if offline and offline.config.enabled:
        return
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in p]


_bundles: dict[str, list[str]] = {}
"""Published file -> the files it joins: mkdocs.yml's extra_css and extra_javascript."""


def _bundle_assets(config: MkDocsConfig) -> None:
    # Pages link the bundles (overrides/main.html), not each file: see strongback/assets.py.
    global _bundles
    _bundles = assets.bundles(
        [str(path) for path in config.extra_css], [str(path) for path in config.extra_javascript]
    )
    config.extra_css = []
    config.extra_javascript = []


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = _current()
    for f in files.documentation_pages():
        f.edit_uri = f"docs/{f.src_uri}"
    pages = build.pages
    for warning in pages.warnings:
        log.warning(warning)
    for page in pages.pages:
        generated = File.generated(config, page.src_uri, content=page.markdown)
        generated.edit_uri = page.source
        files.append(generated)
    files.append(File.generated(config, "robots.txt", content=publish.robots_txt(config.site_url)))
    listed = {f.src_uri for f in files.documentation_pages()}
    moved = publish.redirect_pages(
        config.site_url, directory_urls=config.use_directory_urls, pages=listed
    )
    for path, html in moved.items():
        text = publish.with_security_policy(html) if _with_policy(config) else html
        files.append(File.generated(config, path, content=text))
    for css in [f for f in files if assets.own_stylesheet(f.src_uri)]:
        files.remove(css)
        text = assets.published(css.src_uri, css.content_string)
        files.append(File.generated(config, css.src_uri, content=text))
    # The bundled font, with its licence, where docs/css/strongback.css looks for it.
    for font in fonts.published():
        files.append(
            File.generated(config, f"{fonts.SITE_FOLDER}/{font.name}", abs_src_path=str(font))
        )

    def read(src: str) -> str | None:
        found = files.get_file_from_path(src)
        return found.content_string if found is not None else None

    try:
        bundled = assets.joined(_bundles, read)
    except assets.MissingParts as error:
        raise PluginError(str(error)) from None
    for target, text in bundled.items():
        files.append(File.generated(config, target, content=text))
    if _serving:  # the content reference is for authors: in the preview, never published
        files.append(File.generated(config, reference.PAGE, content=reference.content_reference()))
        # So is the figures' contact sheet.
        for name, text in figures_preview(build.content).items():
            files.append(File.generated(config, name, content=text))
        log.info("strongback: figure contact sheet at /figures/contact-sheet.html")
    # Static files are copied before pages render, so the PDF links validate like any file.
    for site_path, pdf in _handout_pdfs(build, config).items():
        files.append(File.generated(config, site_path, abs_src_path=str(pdf)))
    global _pages
    _pages = len(files.documentation_pages())
    return files


def _handout_pdfs(build: SiteBuild, config: MkDocsConfig) -> dict[str, Path]:
    root = Path(config.config_file_path).parent
    try:
        mode = handouts.pdf_mode(os.environ.get("STRONGBACK_PDF"), serving=_serving)
        pdfs = handouts.build_pdfs(
            build.content,
            # The public address, also under `mkdocs serve`: a PDF is the same file in the
            # preview and in the build, so each finds the other's PDFs in the cache.
            site_url=_public(config).site_url,
            cache=handouts.cache_dir(root),
            today=build.today,
            mode=mode,
            catalogue=build.catalogue,
        )
    except ValueError as error:
        raise PluginError(str(error)) from None
    except handouts.PdfErrors as errors:
        if not _previewing(config):
            raise PluginError(str(errors)) from None
        # The preview keeps serving: the sheet that stopped fitting shows as its too-long PDF.
        print(f"{errors}\nThe preview keeps serving; the build would stop here.", file=sys.stderr)
        pdfs = errors.partial
        pdfs.files.update({path: too_long.path for path, too_long in errors.overflowing.items()})
        for spec in handouts.pdf_specs(build.content, _public(config).site_url, build.catalogue):
            pdfs.files.setdefault(spec.site_path, handouts.placeholder_pdf())
    log.info("strongback: %s", pdfs.summary())
    return pdfs.files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    links = {
        f"{name}_url": target.url_relative_to(page.file)
        for name, src in (("disclaimer", urls.DISCLAIMER), ("about", urls.ABOUT))
        if (target := files.get_file_from_path(src)) is not None
    }
    page.meta["sb_trust"] = build.trust(page.file.src_uri) | links
    facts = jsonld.page_facts(
        build, page.file.src_uri, markdown, title=str(page.title), url=page.canonical_url
    )
    page.meta.setdefault("description", facts.description)
    page.meta["sb_jsonld"] = jsonld.script_text(
        jsonld.page_jsonld(facts, build.content, config.site_url)
    )
    return build.finish(markdown)


def _with_policy(config: MkDocsConfig) -> bool:
    # Not from file:// (the offline search shim writes inline scripts), nor under `mkdocs serve`
    # (its live-reload script is inline and added after this hook runs).
    offline = config.plugins.get("material/offline")
    return not (_serving or (offline and offline.config.enabled))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Figures go in last: Markdown and the search index never read their SVG.
    output = fill_figure_slots(compact.compact_html(output), _current().content.exercises)
    return publish.with_security_policy(output) if _with_policy(config) else output


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is a theme template, not a page: it gets the same policy.
    if template_name.endswith(".html") and _with_policy(config):
        return publish.with_security_policy(compact.compact_html(output_content))
    return output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    global _recovered, _announced
    if _staging is not None:
        _staging.built = True
    if _recovered is not None:  # the author fixed an invalid edit: say so, and what was rebuilt
        log.info(recovery_message(_recovered, _pages))
        _recovered = None
    if _serving and not _announced:
        mount = urlsplit(config.site_url or "/").path.rstrip("/")
        address = f"http://{config.dev_addr}{mount}/{urls.page_url(reference.PAGE)}"
        log.info("Every content field, described for authors: %s", address)
        _announced = True


def on_build_error(*, error: Exception) -> None:
    if _staging is not None:
        _staging.failed = True


def on_shutdown() -> None:
    global _staging
    if _staging is not None:
        staging, _staging = _staging, None
        staging.finish()
