"""The security policy, robots.txt and the findability tags of the built site."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from strongback.build.publish import (
    content_security_policy,
    inline_script_hashes,
    robots_txt,
    with_security_policy,
)

from ..conftest import start_serve, wait_for
from .test_serve import fetch

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>alert(1)</script>
<script src="bundle.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script type="application/ld+json">{"@type": "WebPage"}</script>
</head><body><script>alert(1)</script></body></html>
"""

ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
"""SHA-256 of `alert(1)`, as `openssl dgst -sha256 -binary | base64` gives it."""


def test_only_scripts_the_browser_runs_inline_are_hashed() -> None:
    assert inline_script_hashes(PAGE) == [ALERT_HASH]


def test_policy_allows_the_site_and_the_hashed_scripts_only() -> None:
    policy = content_security_policy(PAGE)
    assert policy.startswith("default-src 'none'; script-src 'self' " + ALERT_HASH + ";")
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "img-src 'self' data:" in policy
    assert "frame-ancestors" not in policy, "ignored in a meta tag, and the console says so"


def test_policy_comes_right_after_the_charset() -> None:
    page = with_security_policy(PAGE)
    head = page.split("<script", 1)[0]
    assert re.search(
        r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="[^"]+">',
        head,
    )


def test_a_page_without_a_charset_is_refused() -> None:
    with pytest.raises(ValueError, match="no <meta charset=utf-8>"):
        with_security_policy("<html><head></head></html>")


def test_robots_txt_names_the_sitemap() -> None:
    assert robots_txt("https://strongback.example/") == (
        "# Strong Back: every page may be crawled.\n"
        "User-agent: *\n"
        "Allow: /\n"
        "\n"
        "Sitemap: https://strongback.example/sitemap.xml\n"
    )
    assert "Sitemap" not in robots_txt(None)


# --- the built site -----------------------------------------------------------------------------


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.build
def test_every_page_runs_under_its_own_policy(built_site: Path) -> None:
    for path in _pages(built_site):
        page = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
        assert policy, path
        assert page.index(policy.group(0)) < page.index("<script"), path
        assert policy.group(1) == content_security_policy(page), path
        assert '<meta name="referrer" content="no-referrer">' in page, path


@pytest.mark.build
def test_every_page_is_findable(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in _pages(built_site):
        if path.name == "404.html":
            continue
        page = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page)
        assert canonical and canonical.group(1).startswith("https://strongback.example/"), where
        assert f"<loc>{canonical.group(1)}</loc>" in sitemap, where
        description = re.search(r'<meta name="description" content="([^"]+)">', page)
        assert description and len(html.unescape(description.group(1))) >= 50, where
        assert "[@" not in description.group(1), where
        for tag in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert f'<meta property="{tag}" content="' in page, (where, tag)
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://strongback.example/sitemap.xml" in robots


@pytest.mark.build
def test_no_page_loads_anything_from_another_site(built_site: Path) -> None:
    loads = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:)?//', re.I)
    for path in _pages(built_site):
        page = path.read_text(encoding="utf-8")
        # Canonical and Open Graph URLs name the page itself; they load nothing.
        found = [m.group(0) for m in loads.finditer(page) if 'rel="canonical"' not in m.group(0)]
        assert found == [], (path, found)


@pytest.mark.build
def test_mkdocs_serve_pages_have_no_policy(project: Callable[[str | None], Path]) -> None:
    """`mkdocs serve` adds an inline live-reload script after the hooks run: a policy would
    block it, so served previews go without one."""
    root = project("minimal")
    server, _, port = start_serve(root, STRONGBACK_PDF="off")
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: "</html>" in fetch(url), "the first build")
        page = fetch(url)
        assert "livereload" in page
        assert "Content-Security-Policy" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
