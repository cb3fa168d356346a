"""Jinja globals for templates: an exercise's figures block, its thumbnail, its printed figures.

Page templates call `{{ exercise_figures(exercise) }}` and `{{ exercise_thumbnail(exercise) }}`;
handout HTML calls `{{ print_figures(exercise) }}`. The HTML is in templates/figures/.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from strongback.figures import printed
from strongback.figures.exercise import data_uri, drawings, svg_markup
from strongback.model import Exercise


def _render(template: str, **context: Any) -> Markup:
    from strongback.templating import environment

    html = environment(autoescape=True).get_template(f"figures/{template}").render(**context)
    return Markup(html.strip())


def exercise_figures(exercise: Exercise) -> Markup:
    """The captioned start/end figures, side by side (web): one line of raw HTML followed by a
    blank line, so it can start a line of Markdown; empty when the exercise has no poses."""
    html = _render(
        "figures.html.jinja", drawings=drawings(exercise), svg=svg_markup, exercise=exercise
    )
    return html + Markup("\n\n") if html else html


def exercise_thumbnail(exercise: Exercise) -> Markup:
    """One small figure (the end position) for an exercise card (web)."""
    found = drawings(exercise)
    html = _render("thumbnail.html.jinja", drawing=found[-1] if found else None, svg=svg_markup)
    return html + Markup(" ") if html else html


def print_figures(exercise: Exercise, layout: str = "sheet") -> Markup:
    """The figures in black and grey, as images, for a PDF, sized for `layout` ('card': beside
    a routine's steps; 'sheet': an exercise's own sheet; see `figures.printed`)."""
    placed = printed.place(drawings(exercise, "print"), printed.LAYOUTS[layout])
    return _render("print.html.jinja", placed=placed, uri=data_uri, layout=layout)


_SLOT = re.compile(r'(<div class="[^"]*" data-sb-figure="([a-z0-9-]+)">)(</div>)')


def fill_figure_slots(html: str, exercises: Mapping[str, Exercise]) -> str:
    """Hand-written pages ask for a thumbnail with `<div class="…" data-sb-figure="<id>"></div>`;
    the build fills the empty slot with that exercise's figure."""
    if 'data-sb-figure="' not in html:
        return html

    def fill(match: re.Match[str]) -> str:
        exercise = exercises.get(match.group(2))
        thumb = str(exercise_thumbnail(exercise)).strip() if exercise else ""
        return match.group(1) + thumb + match.group(3)

    return _SLOT.sub(fill, html)


GLOBALS = {
    "exercise_figures": exercise_figures,
    "exercise_thumbnail": exercise_thumbnail,
    "print_figures": print_figures,
}
