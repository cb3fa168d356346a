"""The content model: one pydantic model per content kind, extra keys forbidden.

Cross-file rules (citation keys, exercise ids, people) are checked here too, through the
validation context that `load.py` passes in, so every error keeps its field path and position.
Each kind lives in a module of its own and every name is exported here: code outside the
package imports `from strongback.model import Exercise`; the modules inside import one another,
never this package.
"""

from __future__ import annotations

from strongback.model.content import Content
from strongback.model.docs import DocMeta
from strongback.model.dose import Dose, Frequency
from strongback.model.exercise import (
    BodyPosition,
    Category,
    Exercise,
    Image,
    Level,
    Muscle,
    Muscles,
)
from strongback.model.fields import (
    AuthorId,
    Doi,
    ExerciseId,
    HttpUrl,
    KeyPoints,
    Markdown,
    PlainText,
    Pmcid,
    Pmid,
    ReferenceKey,
    ReviewerId,
    Slug,
    StrictModel,
)
from strongback.model.glossary import Glossary, GlossaryTerm
from strongback.model.handout import Handout, HandoutItem
from strongback.model.people import Author, ContributorId, Fingerprint, Review, Reviewer
from strongback.model.references import OBSERVATIONAL_TYPES, Reference, References, ReferenceType
from strongback.model.site import Contact, Disclosure, Publisher, Site
from strongback.model.topics import (
    Claim,
    Evidence,
    FrequencyChart,
    Safety,
    Section,
    Topic,
    WhatToDo,
)

__all__ = [
    "OBSERVATIONAL_TYPES",
    "Author",
    "AuthorId",
    "BodyPosition",
    "Category",
    "Claim",
    "Contact",
    "Content",
    "ContributorId",
    "Disclosure",
    "DocMeta",
    "Doi",
    "Dose",
    "Evidence",
    "Exercise",
    "ExerciseId",
    "Fingerprint",
    "Frequency",
    "FrequencyChart",
    "Glossary",
    "GlossaryTerm",
    "Handout",
    "HandoutItem",
    "HttpUrl",
    "Image",
    "KeyPoints",
    "Level",
    "Markdown",
    "Muscle",
    "Muscles",
    "PlainText",
    "Pmcid",
    "Pmid",
    "Publisher",
    "Reference",
    "ReferenceKey",
    "ReferenceType",
    "References",
    "Review",
    "Reviewer",
    "ReviewerId",
    "Safety",
    "Section",
    "Site",
    "Slug",
    "StrictModel",
    "Topic",
    "WhatToDo",
]
