"""content/references.yml: the bibliography, where every citation key is defined."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from strongback.model.fields import Doi, HttpUrl, PlainText, Pmcid, Pmid, StrictModel

ReferenceType = Literal[
    "guideline",
    "systematic_review",
    "systematic_analysis",
    "rct",
    "cohort",
    "cross_sectional",
    "narrative_review",
    "expert_opinion",
    "experimental",
    "web_page",
]

OBSERVATIONAL_TYPES = frozenset({"cohort", "cross_sectional", "systematic_analysis"})


class Reference(StrictModel):
    """One source. Give at least one of `doi`, `pmid`, `pmcid` or `url`, copied from the
    source itself: never invent an identifier."""

    key: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")] = Field(
        description="The key that text cites as `[@key]`: lower case, usually author and year.",
        examples=["hayden2021"],
    )
    type: ReferenceType = Field(
        description=(
            "What kind of source it is. Only a `guideline`, `systematic_review` or `rct` may "
            "back words like 'reduces'; `cohort`, `cross_sectional` and `systematic_analysis` "
            "support 'linked with' only."
        ),
        examples=["systematic_review"],
    )
    observational: bool = Field(
        False,
        description=(
            "`true` for a review that pools observational studies: it supports 'linked with' only."
        ),
        examples=[True],
    )
    authors: Annotated[list[PlainText], Field(min_length=1)] = Field(
        description="Authors as in the source (surname and initials), or the organisation.",
        examples=[["Hayden JA", "Ellis J", "Ogilvie R"]],
    )
    title: PlainText = Field(
        description="The title, exactly as published.",
        examples=["Exercise therapy for chronic low back pain"],
    )
    journal: PlainText | None = Field(
        None,
        description="The journal, for articles.",
        examples=["Cochrane Database of Systematic Reviews"],
    )
    publisher: PlainText | None = Field(
        None,
        description="The publisher or organisation, for guidelines, books and web pages.",
        examples=["National Institute for Health and Care Excellence"],
    )
    year: Annotated[int, Field(ge=1900, le=2100)] | None = Field(
        None,
        description="The year of publication.",
        examples=[2021],
    )
    volume: str | None = Field(
        None,
        description="The journal volume, in quotes.",
        examples=["9"],
    )
    issue: str | None = Field(
        None,
        description="The journal issue, in quotes.",
        examples=["4"],
    )
    pages: str | None = Field(
        None,
        description="Page range or article number, in quotes.",
        examples=["CD009790"],
    )
    doi: Doi | None = Field(
        None,
        description="The DOI, starting with 10. (without https://doi.org/).",
        examples=["10.1002/14651858.CD009790.pub2"],
    )
    pmid: Pmid | None = Field(
        None,
        description="The PubMed id: digits only.",
        examples=["34580864"],
    )
    pmcid: Pmcid | None = Field(
        None,
        description="The PubMed Central id, starting with PMC.",
        examples=["PMC8477273"],
    )
    url: HttpUrl | None = Field(
        None,
        description="The web address, for guidelines and web pages.",
        examples=["https://www.nice.org.uk/guidance/ng59"],
    )
    isbn: str | None = Field(
        None,
        description="The ISBN, for books.",
        examples=["978-0-7360-6692-9"],
    )
    updated: date | None = Field(
        None,
        description="When a web page or guideline was last updated, as YYYY-MM-DD.",
        examples=["2020-12-11"],
    )
    checked: Literal["full", "partial", "unverified"] = Field(
        description=(
            "How far the details were checked against the source: `full`, `partial` or "
            "`unverified` (anything you add without checking)."
        ),
        examples=["full"],
    )
    supports: PlainText = Field(
        description="What this source supports, in a sentence or two, for editors.",
        examples=["Exercise therapy modestly reduces pain in chronic low back pain."],
    )

    @model_validator(mode="after")
    def _has_an_identifier(self) -> Reference:
        if not any((self.doi, self.pmid, self.pmcid, self.url)):
            raise ValueError("a reference needs at least one of 'doi', 'pmid', 'pmcid' or 'url'")
        return self

    @property
    def is_observational(self) -> bool:
        return self.observational or self.type in OBSERVATIONAL_TYPES


class References(StrictModel):
    """content/references.yml: the bibliography, the one place citation keys are defined."""

    references: Annotated[list[Reference], Field(min_length=1)] = Field(
        description="Every source the site cites.",
        examples=[
            [
                {
                    "key": "nice-ng59",
                    "type": "guideline",
                    "authors": ["National Institute for Health and Care Excellence"],
                    "title": "Low back pain and sciatica in over 16s",
                    "url": "https://www.nice.org.uk/guidance/ng59",
                    "checked": "full",
                    "supports": "Exercise is recommended for low back pain.",
                }
            ]
        ],
    )
