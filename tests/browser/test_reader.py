"""The reader-first pages in a real browser: the exercise finder's filters and count, an exercise
page in reading order, the phone's first screen, the home page's ways in, and no author tooling
(edit and repository links) on the public build while `mkdocs serve` keeps the edit link."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Session, SessionFactory, open_session, site_pages
from tests.conftest import start_serve, wait_for

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
FIGURE = ".sb-figures"
"""The exercise page's figures block."""


def visible_cards(s: Session) -> list[str]:
    names: list[str] = s.page.eval_on_selector_all(
        ".sb-card:not([hidden]) .sb-card__title a:not(.headerlink)",
        "links => links.map(a => a.textContent.trim())",
    )
    return names


def count_text(s: Session) -> str:
    text: str = s.page.locator("[data-sb-count]").inner_text()
    return text.strip()


def test_finder_filters_by_level_and_equipment_and_says_how_many(site: SessionFactory) -> None:
    s = site()
    s.goto("exercises/")
    everything = visible_cards(s)
    assert len(everything) == 28
    assert count_text(s) == "28 exercises"
    count = s.page.locator("[data-sb-count]")
    assert count.get_attribute("aria-live") == "polite"

    s.page.get_by_label("Level").select_option("advanced")
    advanced = visible_cards(s)
    assert 0 < len(advanced) < 28
    assert "Pull-up" in advanced and "Bird dog" not in advanced
    assert count_text(s) == f"{len(advanced)} exercises match, of 28."
    levels = s.page.eval_on_selector_all(
        ".sb-card:not([hidden])", "cards => cards.map(c => c.dataset.level)"
    )
    assert set(levels) == {"advanced"}

    s.page.get_by_role("button", name="Show all").click()
    expect(count).to_have_text("28 exercises")
    s.page.get_by_label("Equipment").select_option(label="Gym machine")
    machines = visible_cards(s)
    assert sorted(machines) == ["45-degree back extension", "Lat pulldown"]
    assert count_text(s) == "2 exercises match, of 28."

    # Filters combine: gym machine and kneeling match nothing, and the count says so.
    s.page.get_by_label("Body position").select_option("kneeling")
    assert visible_cards(s) == []
    assert count_text(s).startswith("No exercises match.")
    s.page.get_by_label("Equipment").select_option("")
    kneeling = visible_cards(s)
    assert "Bird dog" in kneeling and "Pull-up" not in kneeling
    s.assert_clean()


def test_without_javascript_every_card_shows_and_the_menus_stay_hidden(
    site: SessionFactory,
) -> None:
    s = site(java_script_enabled=False)
    s.goto("exercises/")
    assert s.page.locator(".sb-card").count() == 28
    assert s.page.locator(".sb-card:visible").count() == 28
    assert not s.page.locator("[data-sb-finder]").is_visible()
    assert count_text(s) == "28 exercises"


def test_finder_works_in_the_offline_copy(offline: Session) -> None:
    offline.goto("exercises/index.html")
    offline.page.get_by_label("Type").select_option("mobility")
    mobility = visible_cards(offline)
    assert 0 < len(mobility) < 28 and "Cat–camel" in mobility
    assert count_text(offline) == f"{len(mobility)} exercises match, of 28."
    offline.assert_clean()


def _top(s: Session, selector: str) -> float:
    box = s.page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not displayed"
    top: float = box["y"]
    return top


def test_exercise_page_reads_purpose_figures_dose_steps_then_details(
    site: SessionFactory,
) -> None:
    s = site()
    s.goto("exercises/bird-dog/")
    order = [
        _top(s, "article .sb-lead"),
        _top(s, FIGURE),
        _top(s, ".sb-dose-box"),
        _top(s, "#steps"),
        _top(s, "#when-to-stop"),
        _top(s, "#details"),
        _top(s, ".md-tags"),
    ]
    assert order == sorted(order), order
    dose = s.page.locator(".sb-dose-box__amount").inner_text()
    assert dose == "How much: 2 sets of 6 each side, hold 5 seconds."
    stop = s.page.locator("#when-to-stop + p").inner_text()
    assert stop == "Stop if:"
    # Buttons as wide as their label, side by side: on one row, not stacked.
    boxes = [b.bounding_box() for b in s.page.locator(".sb-downloads .md-button").all()]
    assert len(boxes) == 3 and all(boxes)
    assert len({round(b["y"]) for b in boxes if b}) == 1
    s.assert_clean()


def test_on_a_phone_the_key_points_come_first_the_figures_start_on_the_first_screen(
    site: SessionFactory,
) -> None:
    # Key points first after the title (PEMAT-P item 11, issue 26), then what it is for, then
    # the figures: on a 375 x 667 phone the title, three key points and the lead leave no room
    # for a whole figure, so the start figure begins on the first screen (the reader sees the
    # picture is there) and is whole after a short scroll. The bird dog's two wide figures
    # take a row each (large enough to copy), then come the dose and the start position: the
    # first step begins just after the second screen.
    s = site(viewport=PHONE)
    s.goto("exercises/bird-dog/")
    points = s.page.locator(".sb-key-points").bounding_box()
    start = s.page.locator(f"{FIGURE} .sb-figure").first.bounding_box()
    assert points is not None and start is not None
    assert points["y"] + points["height"] <= start["y"]
    assert start["y"] + 0.25 * start["height"] <= PHONE["height"], start
    assert start["y"] + start["height"] <= 1.1 * PHONE["height"], start
    first_step = s.page.locator(".sb-steps li").first.bounding_box()
    assert first_step is not None
    assert first_step["y"] <= 2.1 * PHONE["height"], first_step
    s.assert_clean()


def test_routine_page_shows_the_routine_at_a_glance_then_exercises_then_print(
    site: SessionFactory,
) -> None:
    s = site()
    s.goto("handouts/gentle-start/")
    glance = s.page.locator(".sb-glance")
    expect(glance.locator(".sb-glance__item")).to_have_count(6)
    facts = glance.locator(".sb-glance__facts").inner_text()
    assert "Time\nAbout " in facts and "minutes for all 6 exercises" in facts
    assert "How often\nEvery day for 6 weeks" in facts
    order = [_top(s, ".sb-glance"), _top(s, "#knee-rolls"), _top(s, "#print")]
    assert order == sorted(order), order
    # Each figure in the row leads to its exercise further down.
    s.page.locator(".sb-glance__item a").nth(3).click()
    expect(s.page).to_have_url(re.compile("#deep-tummy-tightening$"))
    s.assert_clean()


def test_home_has_a_plain_title_ways_in_and_the_warning_signs_on_the_first_screen(
    site: SessionFactory,
) -> None:
    s = site(viewport=PHONE)
    s.goto()
    assert s.page.title() == "Exercises and advice for a stronger back - Strong Back"
    ways = s.page.locator(".sb-way__title a:not(.headerlink)")
    assert [w.strip() for w in ways.all_inner_texts()] == [
        "Back pain now? Start gently",
        "Build a strong back",
        "Printable routines for clinicians",
    ]
    warning = s.page.locator("article").get_by_role("link", name="Check the warning signs")
    box = warning.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    warning.click()
    assert s.path() == "warning-signs/"
    s.goto()
    s.page.locator("article").get_by_role("link", name="Back pain now? Start gently").click()
    assert s.path() == "handouts/gentle-start/"
    s.assert_clean()


def _author_links(page: Any) -> tuple[list[str], int]:
    edit: list[str] = page.eval_on_selector_all(
        "a[rel=edit], a.md-content__button", "links => links.map(a => a.href)"
    )
    return edit, page.locator(".md-source").count()


def test_public_pages_have_no_edit_or_repository_link(
    site: SessionFactory, built_site: Path
) -> None:
    s = site()
    for path in ["", "exercises/", "exercises/bird-dog/", "handouts/gentle-start/", "about/"]:
        s.goto(path)
        assert _author_links(s.page) == ([], 0), path
    html = "".join(
        (built_site / p / "index.html").read_text(encoding="utf-8")
        for p in site_pages(built_site)
        if (built_site / p / "index.html").is_file()
    )
    assert "github.com" not in html
    assert 'rel="edit"' not in html


@pytest.mark.build
def test_serve_gives_authors_the_edit_link_to_the_yaml_source(
    browser: Any, project: Callable[[str | None], Path]
) -> None:
    root = project("minimal")
    server, _, port = start_serve(root)
    base = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        with urllib.request.urlopen(base + "exercises/bird-dog/", timeout=10) as response:
            return b"Bird dog" in response.read()

    try:
        wait_for(up, "mkdocs serve")
        context, s = open_session(browser, base)
        s.goto("exercises/bird-dog/")
        edit, repository = _author_links(s.page)
        assert len(edit) == 1 and edit[0].endswith("/edit/main/content/exercises/bird-dog.yml")
        assert repository == 0  # the repository link follows extra.source_links, even here
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_sources_and_evidence_is_collapsed_on_a_phone_and_open_on_a_wide_screen(
    site: SessionFactory,
) -> None:
    phone = site(viewport=PHONE)
    phone.goto("exercises/bird-dog/")
    evidence = phone.page.locator("details.sb-evidence")
    assert evidence.count() == 1
    assert evidence.evaluate("details => details.open") is False
    # Collapsed, but in the page: the references, tags and review box are inside it.
    for inside in ("ol.sb-references", ".md-tags", "aside.sb-trust", "#details"):
        assert evidence.locator(inside).count() == 1, inside
    wide = site()
    wide.goto("exercises/bird-dog/")
    assert wide.page.locator("details.sb-evidence").evaluate("details => details.open") is True
    assert wide.page.locator("aside.sb-trust").is_visible()
    phone.assert_clean()
    wide.assert_clean()


def test_the_warning_signs_card_prints_alone_on_one_page(
    site: SessionFactory, tmp_path: Path
) -> None:
    import pypdf

    s = site()
    s.goto("warning-signs/")
    assert s.page.locator("figure.sb-chart svg[role=img] title").count() == 1
    assert s.page.get_by_role("button", name="Print the card").count() == 1
    for paper in ("A4", "Letter"):
        # What the "Print the card" button does before it calls window.print().
        s.page.evaluate("document.documentElement.classList.add('sb-print-card')")
        pdf = tmp_path / f"card-{paper}.pdf"
        s.page.pdf(path=str(pdf), format=paper)
        reader = pypdf.PdfReader(pdf)
        assert len(reader.pages) == 1, paper
        text = reader.pages[0].extract_text()
        assert "My emergency number" in text and "My urgent advice line" in text
        assert "When to stop exercising" not in text  # the rest of the page is left out
    s.assert_clean()
