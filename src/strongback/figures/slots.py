"""The figures' Jinja globals, which page and handout templates call: `figures_slot`, where a web
page's captioned figures go (filled in the finished HTML by `figures.web`), `print_figures`, the
figures of a PDF, and `print_legend`, their legend of shaded muscles for a routine's card; both
rendered by the environment of the handout that calls them. Imports no template environment, so
the one environment (`pages.templating`) can register these."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, pass_environment
from markupsafe import Markup

from strongback.figures import printed
from strongback.figures.exercise import data_uri, drawings
from strongback.model import Exercise


def render_figures(env: Environment, template: str, **context: Any) -> Markup:
    """One of templates/figures/, rendered by `env`, as one line of HTML."""
    html = env.get_template(f"figures/{template}").render(**context)
    return Markup(html.strip())


def figures_slot(exercise: Exercise) -> Markup:
    """Where the captioned figures go on a web page: an empty `<div>` followed by a blank line, so
    it can start a line of Markdown (a raw HTML block); empty when the exercise has no poses."""
    if exercise.poses is None:
        return Markup("")
    return Markup('<div data-sb-figures="{}"></div>\n\n').format(exercise.id)


@pass_environment
def print_figures(env: Environment, exercise: Exercise, layout: str = "sheet") -> Markup:
    """The figures in black and grey, as images, for a PDF, sized for `layout` ('card': beside
    a routine's steps; 'sheet': an exercise's own sheet; see `figures.printed`)."""
    placed = printed.place(drawings(exercise, "print"), printed.LAYOUTS[layout])
    return render_figures(env, "print.html.jinja", placed=placed, uri=data_uri, layout=layout)


@pass_environment
def print_legend(env: Environment, exercise: Exercise) -> Markup:
    """The legend of the muscles the printed figures shade ("Works: …"), for a routine's card,
    which prints it with its text; empty when nothing is shaded."""
    placed = printed.place(drawings(exercise, "print"), printed.LAYOUTS["card"])
    return render_figures(env, "print-legend.html.jinja", placed=placed)


GLOBALS = {
    "figures_slot": figures_slot,
    "print_figures": print_figures,
    "print_legend": print_legend,
}
