"""The figures of a finished web page: an exercise's captioned figures and its thumbnail, put
into the slots its templates wrote.

Web pages get their figures after Markdown, so that neither Markdown nor the search index has to
read kilobytes of SVG per figure: a page template writes a slot (`{{ figures_slot(exercise) }}`,
see `figures.slots`, for the captioned figures, `data-sb-figure="<id>"` on an empty `<div>` for a
thumbnail) and `fill_figure_slots` puts the figures in the finished HTML page. The HTML is in
templates/figures/.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from strongback.figures.exercise import drawings, svg_markup
from strongback.figures.slots import render_figures
from strongback.figures.store import DrawingStore
from strongback.model import Exercise
from strongback.pages.templating import environment


def _render(template: str, **context: Any) -> Markup:
    return render_figures(environment(autoescape=True), template, **context)


def exercise_figures(exercise: Exercise, store: DrawingStore | None = None) -> Markup:
    """The captioned start/end figures, side by side (web), as one line of HTML; empty when the
    exercise has no poses."""
    drawn = drawings(exercise, store=store)
    return _render("figures.html.jinja", drawings=drawn, svg=svg_markup, exercise=exercise)


def exercise_thumbnail(exercise: Exercise, store: DrawingStore | None = None) -> Markup:
    """One small figure (the end position) for an exercise card (web)."""
    found = drawings(exercise, store=store)
    return _render("thumbnail.html.jinja", drawing=found[-1] if found else None, svg=svg_markup)


_SLOT = re.compile(r'<div((?: [^<>]*?)?) data-sb-figure(s?)="([a-z0-9-]+)"([^<>]*)></div>')
"""An empty `<div>` with the attribute anywhere among its others (Markdown's `md_in_html` sorts
attributes by name)."""


def fill_figure_slots(
    html: str,
    exercises: Mapping[str, Exercise],
    store: DrawingStore | None = None,
    made: dict[tuple[str, bool], str] | None = None,
) -> str:
    """Put each exercise's figures into the slots of a page: `<div data-sb-figures="<id>"></div>`
    becomes the captioned figures; `<div class="…" data-sb-figure="<id>"></div>` keeps its other
    attributes and gets the thumbnail (hand-written pages ask for one that way too). A slot for
    an exercise the content does not have stays empty. `made`: the figures' HTML by (exercise,
    captioned), kept for the build's other pages (the finder and the routines show a thumbnail
    of every exercise)."""
    if " data-sb-figure" not in html:
        return html
    made = made if made is not None else {}

    def figures(key: str, block: bool) -> str:
        found = made.get((key, block))
        if found is None:
            exercise = exercises.get(key)
            show = exercise_figures if block else exercise_thumbnail
            found = made[key, block] = str(show(exercise, store)) if exercise else ""
        return found

    def fill(match: re.Match[str]) -> str:
        before, block, key, after = match.groups()
        if block:
            return figures(key, True)
        return f"<div{before}{after}>{figures(key, False)}</div>"

    return _SLOT.sub(fill, html)
