"""Charts drawn from content, for acting on it: the warning signs as a colour-coded "what to do"
ladder (content/safety.yml) and a natural frequency as a grid of icons (a topic section's
`chart:`). Words and numbers in, SVG out through templates/charts/; colours come from CSS
classes, so the charts follow the light and dark schemes and print in black and grey. Imports
no template environment: the one environment (`pages.templating`) registers these globals."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, pass_environment
from markupsafe import Markup

from strongback.model import FrequencyChart, Safety
from strongback.text import plain_text

LEVELS = (
    ("emergency", "Emergency", "emergency"),
    ("urgent", "Urgent", "urgent_soon"),
    ("doctor", "See a doctor", "see_doctor"),
    ("moving", "Keep moving", None),
)
"""Each rung of the ladder, most urgent first: its class, its label and the list of signs in
safety.yml it stands for (None: the everyday case, mild aches)."""

LADDER_WIDTH = 460
LABEL_WIDTH = 150
LINE = 22
"""Height of one line of the action text, in SVG units (its type is 17 units)."""
CHARS_PER_LINE = 31
"""Characters of the action text on one line: about 0.55 of the type size each, in 290 units."""


@dataclass(frozen=True)
class Rung:
    level: str
    label: str
    note: str
    lines: tuple[str, ...]
    y: int
    height: int


def what_to_do_rungs(safety: Safety) -> list[Rung]:
    """The ladder's rungs, top to bottom, each as tall as its wrapped action text."""
    rungs, y = [], 0
    for level, label, signs in LEVELS:
        action = plain_text(getattr(safety.what_to_do, signs or "keep_moving"))
        lines = tuple(textwrap.wrap(action, CHARS_PER_LINE))
        count = len(getattr(safety, signs)) if signs else 0
        note = f"{count} sign{'s' if count != 1 else ''} below" if signs else "most aches"
        height = max(60, 20 + LINE * len(lines))
        rungs.append(Rung(level, label, note, lines, y, height))
        y += height + 6
    return rungs


@pass_environment
def what_to_do_chart(env: Environment, safety: Safety) -> Markup:
    rungs = what_to_do_rungs(safety)
    height = rungs[-1].y + rungs[-1].height
    summary = " ".join(f"{rung.label}: {' '.join(rung.lines)}" for rung in rungs)
    return _render(
        env,
        "what-to-do.svg.jinja",
        rungs=rungs,
        width=LADDER_WIDTH,
        height=height,
        label_width=LABEL_WIDTH,
        line=LINE,
        summary=summary,
    )


@dataclass(frozen=True)
class Icon:
    x: int
    y: int
    marked: bool


ICON = 30
"""Each icon's cell, in SVG units."""


def icon_grid(chart: FrequencyChart) -> list[Icon]:
    """The icons row by row, 10 to a row; the last `count` are the marked ones, so they sit
    together at the end like a bar."""
    first_marked = chart.out_of - chart.count
    return [Icon((n % 10) * ICON, (n // 10) * ICON, n >= first_marked) for n in range(chart.out_of)]


@pass_environment
def frequency_chart(env: Environment, chart: FrequencyChart) -> Markup:
    icons = icon_grid(chart)
    rows = (chart.out_of + 9) // 10
    return _render(
        env,
        "icons.svg.jinja",
        chart=chart,
        icons=icons,
        cell=ICON,
        width=10 * ICON,
        height=rows * ICON,
        caption=plain_text(chart.caption),
        unmarked=chart.out_of - chart.count,
        legend_y=rows * ICON + 6,
    )


def _render(env: Environment, template: str, **context: Any) -> Markup:
    """One of templates/charts/, rendered by the calling template's environment (escaped: it
    is SVG), as one line: a raw HTML block in Markdown ends at a blank line."""
    svg = env.overlay(autoescape=True).get_template(f"charts/{template}").render(**context)
    return Markup(" ".join(line.strip() for line in svg.splitlines() if line.strip()))


GLOBALS = {"what_to_do_chart": what_to_do_chart, "frequency_chart": frequency_chart}
