"""Citations: `[@key]` markers in text become numbered links and a per-page reference list."""

from __future__ import annotations

import re

CITATION = re.compile(r"\[@([A-Za-z0-9][\w.-]*(?:\s*;\s*@[A-Za-z0-9][\w.-]*)*)\]")


def citation_keys(text: str) -> list[str]:
    """Every key cited in `text`, in order of appearance, repeats included."""
    keys: list[str] = []
    for group in CITATION.findall(text):
        keys.extend(part.strip().lstrip("@") for part in group.split(";"))
    return keys
