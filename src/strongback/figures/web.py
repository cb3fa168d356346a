"""Jinja globals for templates: an exercise's figures block, its thumbnail, its printed figures.

Page templates call `{{ exercise_figures(exercise) }}` and `{{ exercise_thumbnail(exercise) }}`;
handout HTML calls `{{ print_figures(exercise) }}`. The HTML is in templates/figures/.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

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


def print_figures(exercise: Exercise) -> Markup:
    """The figures in black and grey, as images, for a PDF."""
    return _render("print.html.jinja", drawings=drawings(exercise, "print"), uri=data_uri)


GLOBALS = {
    "exercise_figures": exercise_figures,
    "exercise_thumbnail": exercise_thumbnail,
    "print_figures": print_figures,
}
