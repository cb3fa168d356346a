"""The public site in a real browser, served on localhost: a reader's path through it, search,
dark mode, narrow screens, the 404 page, and that nothing leaves the site or errs in the console
(the Content-Security-Policy reports violations there)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SessionFactory, site_pages

pytestmark = pytest.mark.browser


def _wait_for_fragment(page: Any, fragment: str) -> None:
    """The address ends in `fragment` once the browser has followed an in-page link (it updates
    the address just after the click returns, later still on a loaded machine)."""
    expect(page).to_have_url(re.compile(re.escape(fragment) + "$"))


def test_home_to_exercise_by_tag_then_citation_to_reference_list(site: SessionFactory) -> None:
    s = site()
    page = s.page
    s.goto()
    assert s.heading() == "Strong Back"

    page.locator("article").get_by_role("link", name="Build a strong back", exact=True).click()
    assert s.path() == "exercises/"

    page.get_by_role("link", name="browse exercises by tag").click()
    assert s.path() == "tags/"

    page.locator(".md-sidebar--secondary").get_by_role("link", name="Level: Beginner").click()
    _wait_for_fragment(page, "#tag:level-beginner")

    first = page.locator('[id="tag:level-beginner"] + ul a').first
    name = first.inner_text().strip()
    first.click()
    assert s.path().startswith("exercises/")
    assert s.heading() == name
    # The tags sit in "Sources and evidence", which a script opens on a wide screen once the page
    # has loaded: wait for it rather than read the section while it is still closed.
    expect(page.locator(".md-tags")).to_contain_text("Level: Beginner")

    citation = page.locator("sup.sb-cite a").first
    target = citation.get_attribute("href")
    assert target is not None and target.startswith("#ref-")
    citation.click()
    _wait_for_fragment(page, target)
    entry = page.locator(f'li[id="{target[1:]}"]')
    assert entry.is_visible()
    assert entry.locator("xpath=..").evaluate("list => list.matches('ol.sb-references')")

    page.locator(".md-sidebar--primary").get_by_role("link", name="References").click()
    assert s.path() == "references/"
    listed = page.locator(f'[id="{target.removeprefix("#ref-")}"]')
    expect(listed.get_by_role("link", name=name, exact=True)).to_have_count(1)
    s.assert_clean()


@pytest.mark.parametrize(
    ("query", "best"),
    [
        # The section on posture in "What is linked with back pain", not a passing mention.
        ("posture", "causes/#posture-and-movement"),
        ("bird dog", "exercises/bird-dog/"),
        # The deadlift a reader starts with; the Romanian deadlift is its harder progression.
        ("deadlift", "exercises/kettlebell-deadlift/"),
    ],
)
def test_search_puts_the_right_page_first(site: SessionFactory, query: str, best: str) -> None:
    s = site()
    s.goto()
    results = s.search(query)
    page, _, section = best.partition("#")
    assert results[0] == page, f"{query!r}: {results[:5]}"
    if section:
        first_sections = s.page.locator(".md-search-result__item").first.locator(
            ".md-search-result__link"
        )
        hrefs = [href.split("#")[-1] for href in first_sections.evaluate_all(
            "links => links.map(a => a.href)"
        )]  # fmt: skip
        assert hrefs[1] == section, f"{query!r}: first section {hrefs[1:3]}"
    s.assert_clean()


def test_dark_mode_persists_across_pages(site: SessionFactory) -> None:
    s = site(color_scheme="light")
    page = s.page
    s.goto()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"

    page.locator("article").get_by_role("link", name="Build a strong back", exact=True).click()
    assert s.path() == "exercises/"
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    s.goto("handouts/gentle-start/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.get_by_title("Switch to light mode").click()
    s.goto("references/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    s.assert_clean()


def test_every_page_fits_375px_and_stays_on_the_site(
    site: SessionFactory, built_site: Path
) -> None:
    """At a phone's width nothing scrolls sideways; no page errs or reaches off the site."""
    s = site(viewport={"width": 375, "height": 740})
    too_wide = {}
    for path in site_pages(built_site):
        s.goto(path)
        width = s.page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[path] = width
    assert too_wide == {}
    assert len(site_pages(built_site)) > 30
    s.assert_clean()


def test_missing_page_is_a_useful_404(site: SessionFactory) -> None:
    s = site()
    page = s.page
    response = s.goto("exercises/no-such-exercise/")
    assert response is not None and response.status == 404
    assert s.heading() == "Page not found"
    links = page.locator("article").get_by_role("link")
    assert {links.nth(i).inner_text() for i in range(links.count())} >= {
        "Home page: where to start",
        "All exercises",
        "Warning signs: when to stop and when to get help",
    }
    page.locator("article").get_by_role("link", name="All exercises").click()
    assert s.path() == "exercises/"

    s.goto("no/such/page")
    page.get_by_label("Search the site").fill("bird dog")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length")
    first = page.locator(".md-search-result__item .md-search-result__link").first
    assert first.get_attribute("href", timeout=5000).split("?")[0].endswith("exercises/bird-dog/")
    # The browser logs the 404 status of the missing page itself, and nothing else.
    s.console_errors = [e for e in s.console_errors if "status of 404" not in e]
    s.assert_clean()


def test_skip_link_is_the_first_tab_stop_and_moves_to_the_content(site: SessionFactory) -> None:
    s = site()
    page = s.page
    s.goto("exercises/bird-dog/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.inner_text() == "Skip to content"
    box = skip.bounding_box()
    assert box is not None and box["width"] > 0 and box["y"] >= 0, "visible when focused"
    page.keyboard.press("Enter")
    _wait_for_fragment(page, "#bird-dog")
    s.assert_clean()


FOCUS_STYLE = """element => {
  // The colour-scheme radio is hidden; its label shows the focus.
  const shown = element.matches('.md-option') ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    what: element.tagName + '.' + element.className + ' ' + (element.textContent || '').trim(),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    size: box.width * box.height > 0,
  };
}"""


def test_keyboard_focus_is_always_visible(site: SessionFactory) -> None:
    s = site()
    page = s.page
    s.goto("exercises/bird-dog/")
    invisible = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = page.evaluate_handle("document.activeElement").as_element()
        assert focus is not None
        state = focus.evaluate(FOCUS_STYLE)
        if not (state["outline"] and state["size"]):
            invisible.append(state)
    assert invisible == []
    s.assert_clean()


def test_search_without_a_mouse(site: SessionFactory) -> None:
    s = site()
    page = s.page
    s.goto()
    # By Tab: the search field is among the first stops in the header.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-search__input')"):
            break
    else:
        pytest.fail("the search field is not within the first 6 tab stops")
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 600, "y": 400})
    # By shortcut: "/" opens search from anywhere; arrows pick a result, Enter opens it.
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("bird dog", delay=20)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert s.path() == "exercises/bird-dog/"
    s.assert_clean()


INJECT_INLINE_SCRIPT = """() => new Promise(resolve => {
  document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective));
  const script = document.createElement('script');
  script.textContent = 'window.sbInjected = true';
  document.body.append(script);
  setTimeout(() => resolve(null), 2000);
})"""


def test_the_policy_is_enforced_and_blocks_injected_script(site: SessionFactory) -> None:
    """The pages' own scripts run (the other tests see no violation); a script injected into the
    page does not."""
    s = site()
    s.goto("exercises/bird-dog/")
    policy = s.page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert "default-src 'none'" in (policy.get_attribute("content") or "")
    assert s.page.evaluate(INJECT_INLINE_SCRIPT) == "script-src-elem"
    assert s.page.evaluate("window.sbInjected") is None
    assert len(s.console_errors) == 1 and "Content Security Policy" in s.console_errors[0]
    assert s.blocked == []
