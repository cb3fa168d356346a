"""The engine that runs a build; a builder (hooks/pipeline.py for MkDocs) only connects it.

A `Session` is one run of the builder: `mkdocs build`, `gh-deploy`, or `mkdocs serve` with all
its rebuilds. It outlives each build and keeps what a preview needs across them: the last valid
content, what an author fixed since, the placeholder settings already reported, the staging folder
of a published build. Each build is a `Build`, made once from the project folder, the settings
(read once) and the mode (build, serve, offline); it knows every file it adds to the site with the
source each comes from, each page's metadata (review box, JSON-LD, description), how a finished
page is post-processed, and the PDF error policy. State lives on these two objects only.

Every error meant for the person running the build is a `StrongbackError` (content errors, a PDF
that does not fit, a setting, a missing asset) and becomes one line in the builder; anything else
is a programming error and keeps its traceback.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from strongback import fonts, pdf, urls
from strongback.build import assets, publish
from strongback.build.compact import compact_html
from strongback.build.incremental import Page, PageOutputs, Rebuild
from strongback.build.preview import Preview, Recovery, recovery_message
from strongback.build.rebuild_costs import KeptFiles, warm_up
from strongback.build.settings import Settings, placeholder_log, placeholder_settings, read_settings
from strongback.build.site_build import ContentCache, SiteBuild
from strongback.build.staging import SiteDir, Staging
from strongback.build.theme import theme_assets
from strongback.build.valid_html import valid_html
from strongback.errors import ContentErrors, StrongbackError
from strongback.figures.authoring import PreviewKept, figures_preview
from strongback.pages import content_reference, jsonld, routine_builder
from strongback.pages.blocks import Blocks


class Theme(Protocol):
    """The builder's theme settings: its options by name, and its template folders in order."""

    dirs: list[str]

    def __getitem__(self, key: str) -> Any: ...

    def __setitem__(self, key: str, value: Any) -> None: ...


Mode = Literal["build", "serve", "offline"]
"""build: the public site; serve: the author's preview (`mkdocs serve`); offline: the copy that
opens from file:// (Material's offline plugin on, see `strongback export`)."""

TRUST_LINKS = (("disclaimer", urls.DISCLAIMER), ("about", urls.ABOUT))
"""Pages the review box links to: `<name>_url` in a page's `sb_trust`, relative to the page."""


class BuildError(StrongbackError):
    """A build stops: content errors, or a builder event before the content was loaded."""


@dataclass(frozen=True)
class Output:
    """A file the build adds to the site: generated text or a file on disk."""

    path: str
    """Where it goes, relative to the site (MkDocs' `src_uri`)."""
    text: str | None = None
    file: Path | None = None
    source: str | None = None
    """The file an author edits to change it (the page's edit link), for generated pages."""
    replaces: bool = False
    """It replaces the docs/ file of the same path (a stylesheet published compacted)."""


class Session:
    """One run of the builder, with every build it makes (one, or one per edit under serve)."""

    def __init__(self, log: logging.Logger) -> None:
        self.log = log
        self.start("", dirty=False)

    def start(self, command: str, *, dirty: bool) -> None:
        """A new run: `command` is 'build', 'gh-deploy' or 'serve' ('build' for `serve --clean`)."""
        self.command = command
        self.dirty = dirty
        self.current: Build | None = None
        self.last_good: SiteBuild | None = None
        """Under serve: the last content that loaded without errors."""
        self.preview = Preview()
        self.recovered: Recovery | None = None
        """After an invalid edit is fixed: what was fixed and changed since the last valid build."""
        self.warned: set[str] = set()
        """Placeholder settings already reported (a preview rebuilds many times)."""
        self.announced = False
        self.staging: Staging | None = None
        self.outputs = PageOutputs()
        """Under serve: each page's last output, by its inputs (see `incremental`)."""
        self.reference: str | None = None  # under serve: the content reference, made once
        self.kept = PreviewKept()  # under serve: the authoring pages, by their exercise's text
        self.blocks = Blocks()  # blocks many pages share, by their Markdown (`pages.blocks`)
        full = os.environ.get("STRONGBACK_PREVIEW") == "full"
        self.cache = ContentCache(active=command == "serve" and not dirty and not full)
        self.files = KeptFiles()  # under serve: files made as last time are not copied again
        """Under serve: files as parsed and validated, each page's findings, by their text."""

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    @property
    def build(self) -> Build:
        if self.current is None:
            raise BuildError("strongback: content was not loaded (on_config did not run)")
        return self.current

    def begin(
        self,
        config: SiteDir,
        *,
        config_file: Path,
        docs_dir: Path,
        site_url: str | None,
        dev_addr: str = "",
        offline: bool = False,
    ) -> Build:
        """Start a build: stage a published one, load and check the content (under serve, fall
        back to the last valid content on errors), report placeholder settings and warnings."""
        self.current = None
        self.outputs.start()
        site_dir = Path(config.site_dir)
        # `mkdocs serve` builds into a temporary mkdocs_* folder (as "build" under --clean).
        temporary = self.serving or (
            site_dir.name.startswith("mkdocs_") and site_dir.parent == Path(tempfile.gettempdir())
        )
        if self.serving and self.cache.active:
            self.files.set_aside(site_dir)  # MkDocs empties it next: see `rebuild_costs`
        if self.command in ("build", "gh-deploy") and not temporary and self.staging is None:
            self.staging = Staging(config, dirty=self.dirty, log=self.log)
        root = config_file.parent
        self.blocks.configure(config)
        try:
            site = SiteBuild.load(root, docs_dir, preview=self.serving, cache=self.cache)
        except ContentErrors as errors:
            count = len(errors.errors)
            message = f"Content has {count} error{'s' if count != 1 else ''}:\n{errors}"
            if not (self.serving and self.last_good):
                raise BuildError(message) from None
            # MkDocs' server hangs every request after a failed rebuild; rebuilding the last good
            # content instead keeps the preview usable while the author fixes the file.
            print(f"{message}\nStill serving the last valid content.", file=sys.stderr)
            site = self.last_good
            self.preview.failed(error.file for error in errors.errors)
        else:
            if self.serving:
                self.last_good = site
                self.recovered = self.preview.valid(root)
        mode: Mode = "serve" if self.serving else "offline" if offline else "build"
        build = Build(
            self, site, read_settings(config_file), mode, root=root, site_url=site_url,
            dev_addr=dev_addr, temporary=temporary, offline=offline,
        )  # fmt: skip
        self._warn_placeholders(build)
        for warning in site.warnings:
            self.log.warning(str(warning))
        self.current = build
        return build

    def _warn_placeholders(self, build: Build) -> None:
        """One warning per example setting still in place. Not counted by --strict, so a fresh
        clone builds; `strongback check --publish` (run before publishing) fails on them."""
        log = placeholder_log()
        for message in placeholder_settings(build.settings, build.site.content):
            if message not in self.warned:
                self.warned.add(message)
                log.warning("Placeholder setting: %s", message)

    def finished(self) -> None:
        """The build succeeded: a staged site may be published; under serve, say what a fixed
        edit rebuilt, and once where the content reference is."""
        build = self.build
        build.site.drawings.save()
        if self.staging is not None:
            self.staging.built = True
        rebuilt = self.outputs.summary() if build.preview.active else None
        if self.recovered is not None:
            self.log.info(recovery_message(self.recovered, build.pages, rebuilt))
            self.recovered = None
        elif rebuilt is not None:
            self.log.info("strongback: %s", rebuilt)
        if self.serving and not self.announced:
            mount = urlsplit(build.site_url or "/").path.rstrip("/")
            address = f"http://{build.dev_addr}{mount}/{urls.page_url(content_reference.PAGE)}"
            self.log.info("Every content field, described for authors: %s", address)
            self.announced = warm_up(build.preview.active)

    def failed(self) -> None:
        if self.staging is not None:
            self.staging.failed = True

    def shutdown(self) -> None:
        """Publish or discard the staged site, once."""
        if self.staging is not None:
            staging, self.staging = self.staging, None
            staging.finish()


class Build:
    """One build: its content and pages (`site`), its settings, its mode, and its files."""

    def __init__(
        self, session: Session, site: SiteBuild, settings: Settings, mode: Mode, *, root: Path,
        site_url: str | None, dev_addr: str = "", temporary: bool = False, offline: bool = False,
    ) -> None:  # fmt: skip
        self.session = session
        self.log = session.log
        self.site = site
        self.settings = settings
        """mkdocs.yml's public settings, read once: under serve, `site_url` is still the public
        address (PDFs are the same files in the preview and the build)."""
        self.mode = mode
        self.root = root
        self.site_url = site_url
        """The address pages are built for: the preview's under serve (the builder sets it)."""
        self.dev_addr = dev_addr
        self.temporary = temporary or mode == "serve"
        """Built into a temporary folder (a preview): a PDF that does not fit does not stop it."""
        self.offline = offline
        """Material's offline plugin is on (the mode is 'offline' unless serving)."""
        self.bundles: dict[str, list[str]] = {}
        self.pages = 0
        """Pages the builder registered (for the message after a fixed edit)."""
        # Under serve (not --dirty, not STRONGBACK_PREVIEW=full), unchanged pages keep their output.
        full = session.dirty or os.environ.get("STRONGBACK_PREVIEW") == "full"
        active = mode == "serve" and not full
        self.preview = Rebuild(
            session.outputs, root, self._exercise_text, active, site, session.blocks
        )

    @property
    def serving(self) -> bool:
        return self.mode == "serve"

    @property
    def policy(self) -> bool:
        """Pages carry the Content-Security-Policy: not from file:// (the offline search shim
        writes inline scripts), nor under serve (its live-reload script is inline and added
        after the page is finished)."""
        return not (self.serving or self.offline)

    def configure(
        self,
        theme: Theme,
        extra: MutableMapping[str, Any],
        css: Iterable[object],
        js: Iterable[object],
    ) -> None:
        """Settings that depend on the mode, and the bundles pages link instead of each file
        (see `assets`): edit links and the repository link mean nothing to a reader, so the
        public build shows them only when `extra.source_links` is true (serve keeps them for
        authors); the iframe-worker shim only matters from file://."""
        if not (extra.get("source_links") or self.serving):
            theme["features"] = [
                f for f in theme["features"] if not f.startswith("content.action.")
            ]
        if not self.offline:
            polyfills = extra.get("polyfills") or []
            extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in p]
        self.bundles = assets.bundles([str(path) for path in css], [str(path) for path in js])
        # Material's bundles by the names the installed theme gives them (overrides/main.html).
        extra["sb_theme"] = theme_assets(Path(folder) for folder in theme.dirs)

    def outputs(self, existing: Sequence[str], read: Callable[[str], str | None]) -> list[Output]:
        """Every file this build adds to the site, in order: generated pages, robots.txt, the
        site's own stylesheets compacted, the font, the bundles, under serve the content reference
        and the figures' contact sheet, then the PDFs (copied before pages render, so links to
        them validate like any file). `existing`: the builder's files; `read(path)` a file's
        text, None when there is no such file."""
        site = self.site
        for warning in site.pages.warnings:
            self.log.warning(warning)
        markdown = site.pages.markdown
        found = [Output(p.src_uri, markdown[p.src_uri], source=p.source) for p in site.pages.pages]
        found.append(Output("robots.txt", publish.robots_txt(self.site_url)))
        # Renamed pages keep their old address (urls.MOVED). Only the offline copy, made with
        # file URLs, has no directory URLs.
        listed = {path for path in existing if path.endswith(".md")} | {o.path for o in found}
        moved = publish.redirect_pages(self.site_url, directory_urls=not self.offline, pages=listed)
        found += [
            Output(path, publish.with_security_policy(html) if self.policy else html)
            for path, html in moved.items()
        ]
        # The "Make a routine" page's exercise data: a script, so it also loads from file://;
        # its QR codes open the public address.
        data = routine_builder.data_script(site.content, self.settings.site_url)
        found.append(Output(routine_builder.DATA_FILE, data))
        own = {  # the site's own stylesheets and scripts, compacted
            path: assets.published(path, read(path) or "")
            for path in existing
            if assets.own_stylesheet(path) or assets.own_script(path)
        }
        found += [Output(path, text, replaces=True) for path, text in own.items()]
        # The bundled font, with its licence, where docs/css/strongback.css looks for it.
        found += [Output(f"{fonts.SITE_FOLDER}/{f.name}", file=f) for f in fonts.published()]
        bundled = assets.joined(self.bundles, lambda src: own[src] if src in own else read(src))
        found += [Output(target, text) for target, text in bundled.items()]
        if self.serving:  # for authors: in the preview, never published
            reference = self.session.reference or content_reference.content_reference(True)
            self.session.reference = reference  # made from the code alone: once per session
            found.append(Output(content_reference.PAGE, reference))
            found += [
                Output(name, text)
                for name, text in figures_preview(site.content, self.session.kept).items()
            ]
            self.log.info("strongback: figures at /figures/contact-sheet.html, /authoring/figures/")
        found += [Output(path, file=file) for path, file in self.pdf_files().items()]
        return self.session.files.reuse(found) if self.session.cache.active else found

    def pdf_files(self) -> dict[str, Path]:
        """Site path -> PDF. A sheet that does not fit stops a published build (`PdfErrors`);
        a preview keeps serving, with the sheet as its too-long PDF."""
        site = self.site
        # The public address, also under serve: a PDF is the same file in the preview and in
        # the build, so each finds the other's PDFs in the cache.
        public = self.settings.site_url
        try:
            mode = pdf.pdf_mode(os.environ.get("STRONGBACK_PDF"), serving=self.serving)
            pdfs = pdf.build_pdfs(
                site.content, site_url=public, cache=pdf.cache_dir(self.root), today=site.today,
                mode=mode, catalogue=site.catalogue,
            )  # fmt: skip
        except pdf.PdfErrors as errors:
            if not self.temporary:
                raise
            print(
                f"{errors}\nThe preview keeps serving; the build would stop here.", file=sys.stderr
            )
            pdfs = errors.partial
            pdfs.files.update({path: long.path for path, long in errors.overflowing.items()})
            for spec in pdf.pdf_specs(site.content, public, site.catalogue):
                pdfs.files.setdefault(spec.site_path, pdf.placeholder_pdf())
        self.log.info("strongback: %s", pdfs.summary())
        return pdfs.files

    def page(
        self, meta: MutableMapping[str, Any], src_uri: str, markdown: str, *, title: str,
        url: str | None, link: Callable[[str], str | None],
    ) -> str:  # fmt: skip
        """A page's metadata into `meta` (review box `sb_trust` with the addresses of
        `TRUST_LINKS`, JSON-LD `sb_jsonld`, a `description` unless the page sets one); returns its
        Markdown, citations numbered, shared blocks cut out. `link(src)`: a file's address from
        this page, as the builder gives it. Under serve, the same inputs as last time give the
        same, not made again (`incremental`)."""
        links = {f"{n}_url": found for n, src in TRUST_LINKS if (found := link(src)) is not None}
        return self.preview.finished_markdown(
            self.site, src_uri, markdown, meta, (title, url, links),
            lambda: self._page(meta, src_uri, markdown, title, url, links, link),
        )  # fmt: skip

    def _page(
        self, meta: MutableMapping[str, Any], src_uri: str, markdown: str, title: str,
        url: str | None, links: Mapping[str, str], link: Callable[[str], str | None],
    ) -> str:  # fmt: skip
        site = self.site
        meta["sb_trust"] = site.trust(src_uri) | dict(links)
        facts = jsonld.page_facts(site, src_uri, markdown, title=title, url=url)
        meta.setdefault("description", facts.description)
        data = jsonld.page_jsonld(facts, site.content, self.site_url)
        meta["sb_jsonld"] = jsonld.script_text(data)
        return self.session.blocks.cut(site.finish(markdown), src_uri, link)

    def _exercise_text(self, exercise: str) -> str | None:
        file = self.site.content.exercise_files.get(exercise)
        return self.site.content.positions.text(file) if file is not None else None

    def post_page(self, html: str, page: Page | None = None) -> str:
        """A finished page (under serve, `page` may keep its last output, see `incremental`)."""
        if page is not None:
            return self.preview.finished(page, html, self._finish)
        return self._finish(html)

    def _finish(self, html: str) -> str:
        """Shared blocks and figures in their slots (neither Markdown nor the search index reads
        them: `pages.blocks`, `figures.web`), compacted, and the security policy."""
        html = self.site.fill_slots(compact_html(valid_html(self.session.blocks.fill(html))))
        return publish.with_security_policy(html) if self.policy else html

    def post_template(self, name: str, html: str) -> str:
        """A theme template rendered as a page (the 404 page) gets the same policy."""
        if name.endswith(".html") and self.policy:
            return publish.with_security_policy(compact_html(html))
        return html
