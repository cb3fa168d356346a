"""The front matter of a hand-written page under docs/."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from strongback.model.fields import PlainText, StrictModel
from strongback.model.people import Review


class DocMeta(StrictModel):
    """Front matter of a hand-written page under docs/ (between `---` lines at the top)."""

    title: PlainText | None = Field(
        None,
        description="The page title, if it differs from the first heading.",
        examples=["Disclaimer"],
    )
    description: Annotated[PlainText, Field(max_length=200)] | None = Field(
        None,
        description="One sentence for search results (at most 200 characters).",
        examples=["This site is education, not medical advice."],
    )
    review: Review | None = Field(
        None,
        description="Who wrote this page, who checked it, and when; else site.yml's review.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(
        [],
        description="Parts of Material's layout to hide on this page.",
        examples=[["toc"]],
    )
    search: dict[str, Any] | None = Field(
        None,
        description="Material's search settings for this page, such as `exclude: true`.",
        examples=[{"boost": 2}],
    )
    template: str | None = Field(
        None,
        description="A template under overrides/ to render this page with.",
        examples=["home.html"],
    )
    icon: str | None = Field(
        None,
        description="A Material icon shown next to the page title.",
        examples=["material/home"],
    )
    tags: list[PlainText] = Field(
        [],
        description="Tags for this page on the Browse by tag page.",
        examples=[["safety"]],
    )
