"""Who writes and reviews the content, and the review record every page carries."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, model_validator

from strongback.load.suggest import did_you_mean
from strongback.model.fields import AuthorId, HttpUrl, PlainText, ReviewerId, Slug, StrictModel


class Author(StrictModel):
    """Someone who writes the content: a person or, as shipped, the editorial team."""

    id: Slug = Field(
        description="Short id that files use to name this author in `review: author:`.",
        examples=["editorial-team"],
    )
    name: PlainText = Field(
        description="Name shown on every page this author wrote.",
        examples=["Strong Back editorial team"],
    )
    role: PlainText = Field(
        description="What this author does for the site, shown on the About page.",
        examples=["Writes and updates every page, and checks each claim against its sources"],
    )
    url: HttpUrl | None = Field(
        None,
        description="A web page about the author (optional).",
        examples=["https://strongback.example/about/"],
    )


class Reviewer(StrictModel):
    """A real clinical reviewer. Never invent one: leave `reviewers` empty until one signs off."""

    id: Slug = Field(
        description="Short id that files use to name this reviewer in `review: reviewer:`.",
        examples=["sam-example"],
    )
    name: PlainText = Field(
        description="The reviewer's real name, exactly as they agreed to have it shown.",
        examples=["Sam Example"],
    )
    credentials: PlainText = Field(
        description="Their clinical qualifications, as they would write them.",
        examples=["MCSP, chartered physiotherapist"],
    )
    role: PlainText = Field(
        description="What they checked, shown on the About page.",
        examples=["Checks the exercises and safety advice"],
    )
    url: HttpUrl | None = Field(
        None,
        description="A public page that confirms who they are, such as a professional register.",
        examples=["https://www.hcpc-uk.org/check-the-register/"],
    )


def _known_contributor(value: str, info: ValidationInfo) -> str:
    context = info.context or {}
    authors, reviewers = context.get("author_ids"), context.get("reviewer_ids")
    if authors is None or reviewers is None:
        return value
    known = set(authors) | set(reviewers)
    if value not in known:
        raise ValueError(
            f"unknown contributor {value!r}{did_you_mean(value, known)}; name an author or a "
            "clinical reviewer from site.yml"
        )
    return value


ContributorId = Annotated[Slug, AfterValidator(_known_contributor)]


def _quoted_fingerprint(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"fingerprint {value} was read as a number: put it in quotes, as "
            "`strongback review` writes it"
        )
    return value


Fingerprint = Annotated[str, BeforeValidator(_quoted_fingerprint), Field(pattern=r"^[0-9a-f]{16}$")]


class Review(StrictModel):
    """Who wrote a page and who checked it, and when it was last reviewed."""

    author: AuthorId = Field(
        description="The id of the author who wrote this page, from `authors:` in site.yml.",
        examples=["editorial-team"],
    )
    reviewer: ReviewerId | None = Field(
        None,
        description=(
            "The id of the clinical reviewer who checked this page, from `reviewers:` in "
            "site.yml. Leave it out while clinical review is pending; never invent one."
        ),
        examples=["sam-example"],
    )
    last_reviewed: date = Field(
        description=(
            "The day the page was last reviewed against its sources, as YYYY-MM-DD: written by "
            "`strongback review`, never in the future or before the file existed. The next "
            "review is due `review_cycle_months` later."
        ),
        examples=["2026-11-29"],
    )
    reviewed_by: ContributorId | None = Field(
        default=None,
        description=(
            "Who made the review dated last_reviewed: an author or clinical reviewer id from "
            "site.yml. Written by `strongback review`."
        ),
        examples=["editorial-team"],
    )
    fingerprint: Fingerprint | None = Field(
        default=None,
        description=(
            "What was reviewed: a hash of the page's reader-facing content (everything but the "
            "review block and figure poses), whitespace-normalised. Written by `strongback "
            "review`; when the content changes, the page shows 'Changed since last review'."
        ),
        examples=["3f9a0c1d2e4b5a69"],
    )

    @model_validator(mode="after")
    def _bound_review(self) -> Review:
        if (self.reviewed_by is None) != (self.fingerprint is None):
            raise ValueError(
                "give both 'reviewed_by' and 'fingerprint', or neither; "
                "`strongback review <file> --by <id>` writes them"
            )
        return self
