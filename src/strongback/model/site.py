"""content/site.yml: the site's name, its publisher, disclosures, contact and review cycle."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from strongback.model.fields import HttpUrl, Markdown, PlainText, StrictModel
from strongback.model.people import Author, Review, Reviewer


class Publisher(StrictModel):
    """Who publishes the site."""

    name: PlainText = Field(
        description="The publisher's name, shown in the footer and on the About page.",
        examples=["Strong Back editorial team"],
    )
    description: Markdown = Field(
        description="Who the publisher is and what they do, in a few plain sentences.",
        examples=["Strong Back is written by a small editorial team. We are not your doctor."],
    )
    url: HttpUrl | None = Field(
        None,
        description="The publisher's own web site (optional).",
        examples=["https://strongback.example/"],
    )


class Disclosure(StrictModel):
    """What readers should know about money and editorial choices, shown on the About page."""

    funding: Markdown = Field(
        description="Who pays for the content, or that nobody does.",
        examples=["No sponsor pays for this content."],
    )
    advertising: Markdown = Field(
        description="Whether the site shows adverts or sells anything.",
        examples=["This site has no advertising."],
    )
    conflicts: Markdown = Field(
        description="Any money links the authors have to products or services on the site.",
        examples=["The editorial team has no money links to any product on this site."],
    )
    editorial_policy: Markdown = Field(
        description="How claims are chosen, graded, cited and reviewed.",
        examples=["Every health claim cites at least one source from our reference list."],
    )


class Contact(StrictModel):
    """How readers reach the publisher: give an email address, a feedback page, or both."""

    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = Field(
        None,
        description="An address that someone reads. Give this or `feedback_url`.",
        examples=["feedback@strongback.example"],
    )
    feedback_url: HttpUrl | None = Field(
        None,
        description="A web form for feedback. Give this or `email`.",
        examples=["https://strongback.example/feedback/"],
    )
    note: Markdown | None = Field(
        None,
        description="What readers may write about, and what you cannot answer.",
        examples=["Tell us about mistakes. We cannot give personal medical advice."],
    )

    @model_validator(mode="after")
    def _needs_a_channel(self) -> Contact:
        if self.email is None and self.feedback_url is None:
            raise ValueError("give at least one of 'email' or 'feedback_url'")
        return self


class Site(StrictModel):
    """content/site.yml: the site's name, who writes and reviews it, and how often."""

    name: PlainText = Field(
        description="The site's name, shown in the header and the browser tab.",
        examples=["Strong Back"],
    )
    tagline: PlainText = Field(
        description="One short line under the name on the home page.",
        examples=["Plain, sourced guidance for a stronger, more comfortable back"],
    )
    description: PlainText = Field(
        description="One or two sentences for search results and link previews.",
        examples=["Evidence-based back health: exercises, routines and the studies behind them."],
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        "en",
        description="The language of the content, as a code like `en` or `en-GB`.",
        examples=["en", "en-GB"],
    )
    publisher: Publisher = Field(
        description="The organisation or team that publishes the site, for the About page.",
        examples=[{"name": "Strong Back editorial team", "description": "A small team."}],
    )
    authors: Annotated[list[Author], Field(min_length=1)] = Field(
        description="Everyone who writes content. Pages name one by its `id`.",
        examples=[
            [
                {
                    "id": "editorial-team",
                    "name": "Strong Back editorial team",
                    "role": "Writes every page",
                }
            ]
        ],
    )
    reviewers: list[Reviewer] = Field(
        [],
        description=(
            "Real clinicians who have agreed to review the content. Leave the list empty "
            "until one has signed off: pages then say clinical review is pending."
        ),
        examples=[[]],
    )
    review_cycle_months: Annotated[int, Field(ge=1, le=36)] = Field(
        description="How many months after `last_reviewed` each page is due for review (1-36).",
        examples=[12],
    )
    review_grace_months: Annotated[int, Field(ge=0, le=24)] = Field(
        6,
        description=(
            "How many months a page may stay overdue before the build fails (0-24). Until "
            "then an overdue page is a warning."
        ),
        examples=[6],
    )
    disclosure: Disclosure = Field(
        description="Funding, advertising, conflicts of interest and the editorial policy.",
        examples=[
            {
                "funding": "No sponsor pays for this content.",
                "advertising": "This site has no advertising.",
                "conflicts": "None.",
                "editorial_policy": "Every claim cites a source.",
            }
        ],
    )
    contact: Contact = Field(
        description="How readers reach you: an email address, a feedback page, or both.",
        examples=[{"email": "feedback@strongback.example"}],
    )
    review: Review = Field(
        description="Review of the site-wide pages (home, about, indexes, references).",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )
