"""The one Jinja environment factory: page fragments and handouts render through it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2

from strongback import urls
from strongback.citations import cited_keys, vancouver
from strongback.figures.slots import GLOBALS as FIGURE_GLOBALS
from strongback.model.review_dates import long_date
from strongback.pages.charts import GLOBALS as CHART_GLOBALS
from strongback.pages.dose_words import (
    dose_details,
    dose_rows,
    dose_sentence,
    dose_summary,
    frequency_summary,
    log_days,
    log_weeks,
)
from strongback.pages.lead_ins import lead_in
from strongback.text import plain_text


def _yaml_string(value: Any) -> str:
    # JSON strings are valid YAML scalars: safe for titles with colons or quotes.
    return json.dumps(str(value), ensure_ascii=False)


@cache
def environment(autoescape: bool = False) -> jinja2.Environment:
    """Markdown fragments render unescaped (their text is validated HTML-free Markdown);
    handout HTML renders with autoescape on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("strongback", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        vancouver=vancouver,
        cited_keys=cited_keys,
        dose_rows=dose_rows,
        dose_details=dose_details,
        dose_summary=dose_summary,
        dose_sentence=dose_sentence,
        frequency=frequency_summary,
        long_date=long_date,
        yaml_string=_yaml_string,
        plain_text=plain_text,
        page_url=urls.page_url,
        log_weeks=log_weeks,
        log_days=log_days,
    )
    env.globals["urls"] = urls
    env.globals["lead_in"] = lead_in
    env.globals.update(FIGURE_GLOBALS)
    env.globals.update(CHART_GLOBALS)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
