"""content/glossary.yml: the terms a reader may not know, each with its plain gloss.

The standards check asks for the gloss at a term's first use on every page and sheet
(`checks/terms.py`); pages and PDFs show it in brackets, visible on every screen and on paper.
"""

from __future__ import annotations

import functools
import re
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from strongback.model.fields import PlainText, StrictModel

_TERM = r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$"


class GlossaryTerm(StrictModel):
    """One term and its explanation in everyday words."""

    term: Annotated[str, Field(pattern=_TERM)] = Field(
        description="The term as readers meet it, in the singular, lower case unless it is a "
        "name or an abbreviation.",
        examples=["set"],
    )
    forms: list[Annotated[str, Field(pattern=_TERM)]] = Field(
        [],
        description="Other forms that count as the same term: plurals, short forms.",
        examples=[["sets"]],
    )
    gloss: Annotated[PlainText, Field(max_length=80)] = Field(
        description="What it means, in plain words, short enough to sit in brackets after the "
        "term (at most 80 characters). Start with a lower-case letter, no full stop.",
        examples=["one round of repetitions, then a rest"],
    )

    @property
    def spellings(self) -> tuple[str, ...]:
        """The term and its other forms, longest first (so 'sets' matches before 'set')."""
        return tuple(sorted({self.term, *self.forms}, key=len, reverse=True))

    @field_validator("gloss")
    @classmethod
    def _gloss_fits_in_brackets(cls, gloss: str, info: ValidationInfo) -> str:
        if gloss.endswith((".", "!", "?")) or "(" in gloss or ")" in gloss:
            term = info.data.get("term", "set")
            raise ValueError(
                "the gloss sits in brackets after the term: no full stop and no brackets of its "
                f"own, as in '{term} (one round of repetitions, then a rest)'"
            )
        return gloss


class Glossary(StrictModel):
    """content/glossary.yml: every term explained at its first use on a page or sheet."""

    terms: list[GlossaryTerm] = Field(
        [],
        description="The terms, each with its gloss.",
        examples=[[{"term": "set", "forms": ["sets"], "gloss": "one round of repetitions"}]],
    )

    @field_validator("terms")
    @classmethod
    def _each_spelling_once(cls, terms: list[GlossaryTerm]) -> list[GlossaryTerm]:
        seen: dict[str, str] = {}
        for item in terms:
            for spelling in item.spellings:
                key = spelling.lower()
                if key in seen and seen[key] != item.term:
                    raise ValueError(
                        f"{spelling!r} is listed under both {seen[key]!r} and {item.term!r}; "
                        "keep it under one term"
                    )
                seen[key] = item.term
        return terms

    def explain(self, *names: str) -> list[GlossaryTerm]:
        """The glossary's entries for `names` (terms it lacks are left out), for a template
        that explains them itself, as the dose box does for 'set' and 'repetition'."""
        return [item for name in names for item in self.terms if item.term == name]

    def pattern(self, item: GlossaryTerm) -> re.Pattern[str]:
        """Where `item` is used in text: a whole word, in any case but for abbreviations."""
        return _use_pattern(item.spellings, item.term.isupper())


@functools.lru_cache(maxsize=512)
def _use_pattern(spellings: tuple[str, ...], abbreviation: bool) -> re.Pattern[str]:
    """`Glossary.pattern`, made once per term (the standards check asks for it per page)."""
    words = "|".join(re.escape(s) for s in spellings)
    flags = 0 if abbreviation else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", flags)
