"""The security policy, robots.txt and the findability tags of the built site."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from strongback import urls
from strongback.build.publish import (
    content_security_policy,
    inline_script_hashes,
    is_redirect,
    redirect_pages,
    robots_txt,
    with_security_policy,
)
from strongback.load.loader import load_content

from ..conftest import REPO, start_serve, wait_for
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
    """Every page of the site; the pages left at renamed pages' old addresses are not pages."""
    return sorted(p for p in site.rglob("*.html") if not is_redirect(p.read_text(encoding="utf-8")))


# --- renamed pages ------------------------------------------------------------------------------


def test_a_renamed_page_leaves_a_page_at_its_old_address_that_sends_readers_on() -> None:
    here = {"exercises/deep-tummy-tightening.md"}
    pages = redirect_pages("https://strongback.example/", directory_urls=True, pages=here)
    page = pages["exercises/deep-abdominal-brace/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../deep-tummy-tightening/">' in page
    assert '<a href="../deep-tummy-tightening/">' in page
    canonical = "https://strongback.example/exercises/deep-tummy-tightening/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert is_redirect(page)
    # The offline copy has one file per page, and no site address.
    offline = redirect_pages(None, directory_urls=False, pages=here)
    page = offline["exercises/deep-abdominal-brace.html"]
    assert '<meta http-equiv="refresh" content="0; url=deep-tummy-tightening.html">' in page
    assert "canonical" not in page
    assert "<script" not in with_security_policy(page)
    # A project without the new page (or with a page at the old address again) gets no redirect.
    assert redirect_pages(None, directory_urls=True, pages=set()) == {}
    both = here | {"exercises/deep-abdominal-brace.md"}
    assert redirect_pages(None, directory_urls=True, pages=both) == {}


def test_old_addresses_are_free_and_lead_to_pages_that_exist() -> None:
    content = load_content(REPO / "content", REPO / "docs")
    current = {urls.exercise(key) for key in content.exercises}
    assert urls.MOVED, "nothing renamed: drop this test with the mapping"
    for old, new in urls.MOVED.items():
        assert old not in current, f"{old} is a page again: remove it from urls.MOVED"
        assert new in current, f"{new} does not exist"


@pytest.mark.build
def test_the_built_site_keeps_the_old_address_of_a_renamed_page(built_site: Path) -> None:
    old = (built_site / "exercises/deep-abdominal-brace/index.html").read_text(encoding="utf-8")
    assert is_redirect(old)
    assert 'url=../deep-tummy-tightening/"' in old
    assert (built_site / "exercises/deep-tummy-tightening/index.html").is_file()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', old)
    assert policy and policy.group(1) == content_security_policy(old)
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "deep-abdominal-brace" not in sitemap


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
