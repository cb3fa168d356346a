"""Exercise figures in a real browser: every exercise page shows its positions as named images,
the colours follow the scheme, and the optional animation plays and pauses on request, never
under reduced motion and never in print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import Session, SessionFactory

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted((ROOT / "content" / "exercises").glob("*.yml"))


def _figure_state(s: Session) -> list[tuple[float, float, float, str, str]]:
    """Position, opacity and animation of every figure on the page."""
    state: list[tuple[float, float, float, str, str]] = s.page.eval_on_selector_all(
        ".sb-figure",
        """figures => figures.map(f => {
            const box = f.getBoundingClientRect();
            const style = getComputedStyle(f);
            return [box.x, box.y, box.width, style.opacity, style.animationName];
        })""",
    )
    return [tuple(item) for item in state]  # type: ignore[misc]


def test_every_exercise_page_shows_at_least_two_named_figures(site: SessionFactory) -> None:
    s = site()
    assert len(EXERCISES) == 28
    for path in EXERCISES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        s.goto(f"exercises/{data['id']}/")
        block = s.page.locator(".sb-figures").first
        figures = block.get_by_role("img", name=re.compile("^" + re.escape(data["name"]) + ": "))
        assert figures.count() >= 2, data["id"]
        # A caption's first line; the figure with the shaded muscles adds its legend below.
        captions = [c.split("\n")[0] for c in block.locator("figcaption").all_inner_texts()]
        assert len(captions) == figures.count() and captions[0] in (
            "Start",
            "Round up",
            "Flatten",
            "Stand tall",
        ), captions
        for i, caption in enumerate(captions):
            title = figures.nth(i).locator("title").text_content()
            assert title == f"{data['name']}: {caption[0].lower()}{caption[1:]} position", title
            box = figures.nth(i).bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 60, (data["id"], box)
    s.assert_clean()


def test_the_index_and_routines_show_figures_too(site: SessionFactory) -> None:
    s = site()
    s.goto("exercises/")
    assert s.page.locator(".sb-card svg[role=img]").count() == len(EXERCISES)
    s.goto("handouts/gentle-start/")
    assert s.page.locator("h2 ~ .sb-figures").count() >= 6
    s.assert_clean()


def test_figure_colours_follow_the_scheme(site: SessionFactory) -> None:
    s = site()
    s.goto("exercises/bird-dog/")
    near = "getComputedStyle(document.querySelector('.sb-figure .sbf-n')).fill"
    light = s.page.evaluate(near)
    s.page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = s.page.evaluate(near)
    assert light != dark and light == "rgb(11, 79, 74)", (light, dark)


def test_the_animation_plays_and_pauses_on_request(site: SessionFactory) -> None:
    s = site()
    s.goto("exercises/bird-dog/")
    still = _figure_state(s)
    assert all(item[4] == "none" for item in still)  # nothing moves until asked
    button = s.page.get_by_role("button", name="Play the movement")
    button.click()
    s.page.wait_for_timeout(1800)
    playing = _figure_state(s)
    assert all(item[4] != "none" for item in playing), playing
    assert len({item[3] for item in playing}) > 1  # one position shows while the other fades
    pause = s.page.get_by_role("button", name="Pause the movement")
    assert pause.get_attribute("aria-pressed") == "true"
    pause.click()
    assert _figure_state(s) == still
    # Never on paper.
    button.click()
    s.page.emulate_media(media="print")
    assert all(item[4] == "none" for item in _figure_state(s))
    assert s.page.locator(".sb-play").first.is_hidden()
    s.assert_clean()


def test_with_reduced_motion_the_figures_do_not_move(site: SessionFactory) -> None:
    s = site(reduced_motion="reduce")
    s.goto("exercises/bird-dog/")
    assert s.page.locator(".sb-play").count() == 0  # no animation is offered
    before = _figure_state(s)
    s.page.wait_for_timeout(1500)
    assert _figure_state(s) == before
    assert all(item[4] == "none" and item[3] == "1" for item in before)
    # Even if the page is asked to play (an old button, a script), the stylesheet holds still.
    s.page.evaluate("document.querySelector('.sb-figures').classList.add('sb-figures--playing')")
    assert all(item[4] == "none" for item in _figure_state(s))
    s.assert_clean()
