"""The offline copy, unzipped and opened from disk (file://) as a reader would by double-clicking
index.html: navigation, search, tags, citations, dark mode and PDFs work, and nothing is fetched
from anywhere but the disk."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser


def test_offline_copy_is_one_folder_of_html_files(offline_site: Path) -> None:
    assert offline_site.name == "strong-back-offline"
    assert (offline_site / "index.html").is_file()
    assert (offline_site / "exercises" / "bird-dog.html").is_file(), "file URLs, not folders"
    assert (offline_site / "search" / "search_index.js").is_file(), "search index as a script"
    shim = offline_site / "assets" / "vendor" / "iframe-worker" / "shim.js"
    assert shim.is_file()
    pages = list(offline_site.rglob("*.html"))
    assert not [p for p in pages if "https://unpkg.com" in p.read_text(encoding="utf-8")]


def test_offline_reading_from_disk(offline: Session) -> None:
    s = offline
    page = s.page
    s.goto("index.html")
    assert s.heading() == "Strong Back"

    # Navigation: to an exercise and back.
    page.locator("article").get_by_role("link", name="Build a strong back", exact=True).click()
    assert s.path() == "exercises/index.html"
    page.locator("article").get_by_role("link", name="Bird dog", exact=True).click()
    assert s.path() == "exercises/bird-dog.html"
    assert s.heading() == "Bird dog"
    page.go_back()
    assert s.path() == "exercises/index.html"
    page.locator(".md-header__button.md-logo").click()
    assert s.path() == "index.html"

    # Citations jump to the page's reference list.
    citation = page.locator("sup.sb-cite a").first
    citation.click()
    expect(
        page.locator(f'li[id="{citation.get_attribute("href", timeout=1000)[1:]}"]')
    ).to_be_visible()

    # Tags: from the tag index to an exercise with that tag.
    s.goto("tags.html")
    page.locator('[id="tag:level-beginner"] + ul a').first.click()
    assert s.path().startswith("exercises/")
    # The tags are in "Sources and evidence", which the page's script opens on a wide screen
    # once the page has loaded: wait for the reader to see them, not just for the address.
    expect(page.locator(".md-tags")).to_contain_text("Level: Beginner", use_inner_text=True)
    s.assert_clean()


def test_offline_search_finds_and_opens_the_page(offline: Session) -> None:
    s = offline
    page = s.page
    s.goto("index.html")
    results = s.search("bird dog")
    assert results[0] == "exercises/bird-dog.html", results[:5]
    page.locator(".md-search-result__item .md-search-result__link").first.click()
    assert s.path() == "exercises/bird-dog.html"
    assert s.heading() == "Bird dog"
    # search.highlight marks the words searched for on the page opened.
    expect(page.locator("article mark").first).to_be_visible()
    s.assert_clean()


def test_offline_dark_mode_persists(offline: Session) -> None:
    s = offline
    page = s.page
    s.goto("index.html")
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.locator("article").get_by_role("link", name="Warning signs", exact=True).click()
    assert s.path() == "warning-signs.html"
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    s.assert_clean()


def test_offline_links_to_pdfs_disclaimer_and_images_resolve(
    offline: Session, offline_site: Path
) -> None:
    s = offline
    page = s.page
    missing = []
    for path in ("exercises/bird-dog.html", "handouts/gentle-start.html", "index.html"):
        s.goto(path)
        hrefs = page.eval_on_selector_all(
            "a[href^='file:'], a:not([href^='http']):not([href^='#']):not([href^='mailto'])",
            "links => links.map(a => a.href)",
        )
        sources = page.eval_on_selector_all("img", "images => images.map(i => i.src)")
        for url in hrefs + sources:
            if not url.startswith("file://"):
                continue
            target = Path(unquote(urlsplit(url).path))
            if not target.exists():
                missing.append(f"{path}: {url}")
        assert page.locator(".md-footer").get_by_role("link", name="Disclaimer").count() == 1
        images = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
        assert all(width > 0 for width in images), f"{path}: an image did not load"
    assert missing == []
    pdfs = list(offline_site.rglob("*.pdf"))
    assert any(p.name == "gentle-start-a4.pdf" for p in pdfs)
    s.assert_clean()


def test_offline_pages_make_no_request_off_the_disk(offline: Session, offline_site: Path) -> None:
    s = offline
    for page in sorted(offline_site.rglob("*.html")):
        if page.name == "404.html":
            continue
        s.goto(page.relative_to(offline_site).as_posix())
    assert s.requests, "the recorder saw the pages load"
    assert [url for url in s.requests if not url.startswith("file://")] == []
    s.assert_clean()
