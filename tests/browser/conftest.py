"""Browser fixtures: Debian's Chromium driven by Playwright, the built site served on localhost,
the offline copy unzipped on disk, and a record of every request and console error.

Never `playwright install`: the tests drive the system Chromium. Outside CI they skip when it is
missing; in CI (CI=true) a missing Chromium is a failure, so the tests cannot silently vanish.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from strongback.build.publish import is_redirect
from tests.conftest import ON_CI, SharedOnce, build_env

CHROMIUM = Path(os.environ.get("STRONGBACK_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",  # CI containers run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# --- the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Path:
    if CHROMIUM.is_file():
        return CHROMIUM
    message = (
        f"Chromium not found at {CHROMIUM}. Install Debian's build with `apt-get install chromium` "
        "(or point STRONGBACK_CHROMIUM at a Chromium binary); never `playwright install`."
    )
    if ON_CI:
        pytest.fail(f"{message} CI must run the browser tests.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS)
        yield launched
        launched.close()


# --- what a test saw ----------------------------------------------------------------------------


@dataclass
class Session:
    """One browser context on one site: a page, and everything it requested or complained about."""

    page: Any
    base: str
    """The site's root URL, ending in '/'."""
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    """Requests that would have left the site; aborted, never sent."""
    console_errors: list[str] = field(default_factory=list)

    def url(self, path: str = "") -> str:
        return self.base + path

    def goto(self, path: str = "") -> Any:
        return self.page.goto(self.url(path))

    def path(self) -> str:
        """The current page's address relative to the site root, without query or fragment."""
        url: str = self.page.url
        return url.split("#")[0].split("?")[0].removeprefix(self.base)

    def heading(self) -> str:
        """The page's h1 as a reader sees it (without the ¶ permalink)."""
        text: str = self.page.locator("h1").first.inner_text()
        return text.removesuffix("¶").strip()

    def search(self, query: str) -> list[str]:
        """Type `query` into the header search and return the result links, best first, as
        site-relative paths with their #fragment (the ?h= highlight parameter removed)."""
        field_ = self.page.locator("input.md-search__input")
        field_.click()
        field_.fill("")
        self.page.keyboard.type(query, delay=20)
        self.page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length > 0"
        )
        hrefs: list[str] = self.page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "links => links.map(a => a.href)",
        )
        return [_site_path(href, self.base) for href in hrefs]

    def assert_clean(self) -> None:
        """Nothing left the site, and the console had no errors (CSP violations are errors)."""
        assert self.blocked == [], f"requests outside the site: {self.blocked}"
        assert self.console_errors == [], "console errors:\n" + "\n".join(self.console_errors)


def _site_path(href: str, base: str) -> str:
    path, _, fragment = href.removeprefix(base).partition("#")
    path = path.split("?")[0]
    return f"{path}#{fragment}" if fragment else path


def open_session(browser: Any, base: str, **context_options: Any) -> tuple[Any, Session]:
    context = browser.new_context(**({"viewport": DESKTOP} | context_options))
    session = Session(page=None, base=base)
    inside = ("file://",) if base.startswith("file://") else (base, "data:")

    def route(route: Any) -> None:
        url: str = route.request.url
        if url.startswith(inside):
            route.continue_()
        else:
            session.blocked.append(url)
            route.abort()

    context.set_default_timeout(10_000)
    context.route("**/*", route)
    context.on("request", lambda request: session.requests.append(request.url))
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            session.console_errors.append(f"{page.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: session.console_errors.append(f"{page.url}: {error}"))
    session.page = page
    return context, session


SessionFactory = Callable[..., Session]


# --- the public site on localhost ---------------------------------------------------------------


class StaticHost(SimpleHTTPRequestHandler):
    """Serves a built site the way a static host does: its 404.html for a missing address."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port, in a thread; yields the root URL."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHost, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_base(built_site: Path) -> Iterator[str]:
    with serve(built_site) as base:
        yield base


@pytest.fixture
def site(browser: Any, site_base: str) -> Iterator[SessionFactory]:
    """Factory: site(**context options) opens a fresh browser context on the served site."""
    contexts = []

    def make(**options: Any) -> Session:
        context, session = open_session(browser, site_base, **options)
        contexts.append(context)
        return session

    yield make
    for context in contexts:
        context.close()


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site as a URL path ('' for the home page), 404 included."""
    paths = []
    for page in sorted(site_dir.rglob("*.html")):
        if is_redirect(page.read_text(encoding="utf-8")):
            continue  # a renamed page's old address sends the browser on: not a page
        relative = page.relative_to(site_dir).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


# --- the offline copy ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def offline_site(built_site: Path, shared_once: SharedOnce) -> Path:
    """The offline zip made by `strongback export` from the built project, unzipped; the export
    runs in the same project as `built_site`, so the handout PDFs come from its cache."""
    project = built_site.parent

    def export(folder: Path) -> Path:
        target = folder / "strong-back-offline.zip"
        result = subprocess.run(
            [sys.executable, "-m", "strongback", "--root", str(project), "export",
             "--output", str(target)],
            env=build_env(),
            capture_output=True,
            text=True,
            timeout=900,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        with zipfile.ZipFile(target) as archive:
            archive.extractall(folder / "unzipped")
        return folder / "unzipped" / "strong-back-offline"

    return shared_once("offline", export)


@pytest.fixture
def offline(browser: Any, offline_site: Path) -> Iterator[Session]:
    context, session = open_session(browser, offline_site.as_uri() + "/")
    yield session
    context.close()
