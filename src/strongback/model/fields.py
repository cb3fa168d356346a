"""Field types every content model shares: checked text, ids, identifiers, and the strict base
model that forbids unknown keys."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo

from strongback.citations import citation_keys
from strongback.load.messages import raw_html, unknown_citation
from strongback.load.suggest import did_you_mean

_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto", "exercise", "routine"}
"""'exercise:' and 'routine:' name another page of the site by id (see strongback.links)."""


def _reject_html(text: str) -> str:
    found = _RAW_HTML.search(_AUTOLINK.sub("", text))
    if found:
        raise ValueError(raw_html(found.group(0)))
    for target in _MD_LINK.findall(text):
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
            raise ValueError(
                f"links must use http(s), found a '{scheme.group(1)}:' link; link another page "
                "of this site by its id, as in [side plank on knees](exercise:side-plank-knees)"
            )
    return text


def _check_citations(text: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("reference_keys")
    if known is None:
        return text
    for key in citation_keys(text):
        if key not in known:
            raise ValueError(unknown_citation(key, known))
    return text


PlainText = Annotated[str, Field(min_length=1), AfterValidator(_reject_html)]
"""One line or paragraph of plain text: no HTML, no citations."""

Markdown = Annotated[
    str, Field(min_length=1), AfterValidator(_reject_html), AfterValidator(_check_citations)
]
"""Markdown text that may cite references as `[@key]`; raw HTML is rejected."""

KeyPoints = Annotated[list[Markdown], Field(min_length=2, max_length=4)]
"""The 2 to 4 points a reader should take away, shown first on a page and its printed sheet."""

KEY_POINTS_DESCRIPTION = (
    "2 to 4 short points a reader should take away, in plain words, one per item. Shown first, "
    "in a 'Key points' box under the title, and near the top of the printed sheet. Cite a "
    "source as `[@key]` only if a point states a fact the page does not already cite."
)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


def _known(kind: str, context_key: str, defined: str) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is not None and value not in known:
            hint = did_you_mean(value, known) or f"; {defined}"
            raise ValueError(f"unknown {kind} {value!r}{hint}")
        return value

    return AfterValidator(check)


ExerciseId = Annotated[
    Slug,
    _known("exercise", "exercise_ids", "exercise ids are the file names in content/exercises/"),
]
RoutineId = Annotated[
    Slug, _known("routine", "handout_ids", "routine ids are the file names in content/handouts/")
]
AuthorId = Annotated[Slug, _known("author", "author_ids", "authors are listed in content/site.yml")]
ReviewerId = Annotated[
    Slug, _known("reviewer", "reviewer_ids", "reviewers are listed in content/site.yml")
]
ReferenceKey = Annotated[
    str, _known("reference", "reference_keys", "keys are defined in content/references.yml")
]


def _number_to_text(value: Any) -> Any:
    # YAML reads `pmid: 29573870` as a number; identifiers are text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Doi = Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, BeforeValidator(_number_to_text), Field(pattern=r"^[1-9]\d{0,8}$")]
Pmcid = Annotated[str, Field(pattern=r"^PMC\d{3,9}$")]
HttpUrl = Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]


class StrictModel(BaseModel):
    """Every content model forbids unknown keys, so a typo is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
