"""Jinja globals for templates: an exercise's figures block, its thumbnail, its printed figures.

Web pages get their figures after Markdown, so that neither Markdown nor the search index has to
read kilobytes of SVG per figure: a page template writes a slot (`{{ figures_slot(exercise) }}`
for the captioned figures, `data-sb-figure="<id>"` on an empty `<div>` for a thumbnail) and
`fill_figure_slots` puts the figures in the finished HTML page. Handout HTML for the PDFs calls
`{{ print_figures(exercise) }}` directly. The HTML is in templates/figures/.
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
    """The captioned start/end figures, side by side (web), as one line of HTML; empty when the
    exercise has no poses."""
    return _render(
        "figures.html.jinja", drawings=drawings(exercise), svg=svg_markup, exercise=exercise
    )


def exercise_thumbnail(exercise: Exercise) -> Markup:
    """One small figure (the end position) for an exercise card (web)."""
    found = drawings(exercise)
    return _render("thumbnail.html.jinja", drawing=found[-1] if found else None, svg=svg_markup)


def figures_slot(exercise: Exercise) -> Markup:
    """Where the captioned figures go on a web page: an empty `<div>` followed by a blank line, so
    it can start a line of Markdown (a raw HTML block); empty when the exercise has no poses."""
    if exercise.poses is None:
        return Markup("")
    return Markup('<div data-sb-figures="{}"></div>\n\n').format(exercise.id)


def print_figures(exercise: Exercise, layout: str = "sheet") -> Markup:
    """The figures in black and grey, as images, for a PDF, sized for `layout` ('card': beside
    a routine's steps; 'sheet': an exercise's own sheet; see `figures.printed`)."""
    placed = printed.place(drawings(exercise, "print"), printed.LAYOUTS[layout])
    return _render("print.html.jinja", placed=placed, uri=data_uri, layout=layout)


_SLOT = re.compile(r'<div((?: [^<>]*?)?) data-sb-figure(s?)="([a-z0-9-]+)"([^<>]*)></div>')
"""An empty `<div>` with the attribute anywhere among its others (Markdown's `md_in_html` sorts
attributes by name)."""


def fill_figure_slots(html: str, exercises: Mapping[str, Exercise]) -> str:
    """Put each exercise's figures into the slots of a page: `<div data-sb-figures="<id>"></div>`
    becomes the captioned figures; `<div class="…" data-sb-figure="<id>"></div>` keeps its other
    attributes and gets the thumbnail (hand-written pages ask for one that way too). A slot for
    an exercise the content does not have stays empty."""
    if " data-sb-figure" not in html:
        return html

    def fill(match: re.Match[str]) -> str:
        before, block, key, after = match.groups()
        exercise = exercises.get(key)
        if block:
            return str(exercise_figures(exercise)) if exercise else ""
        thumb = str(exercise_thumbnail(exercise)) if exercise else ""
        return f"<div{before}{after}>{thumb}</div>"

    return _SLOT.sub(fill, html)


GLOBALS = {
    "figures_slot": figures_slot,
    "print_figures": print_figures,
}
