"""Everything the loader read, validated and cross-checked: the one value later steps receive."""

from __future__ import annotations

from dataclasses import dataclass, field

from strongback.load.sourcemap import SourceMap
from strongback.model.docs import DocMeta
from strongback.model.exercise import Exercise
from strongback.model.glossary import Glossary
from strongback.model.handout import Handout
from strongback.model.references import Reference
from strongback.model.site import Site
from strongback.model.topics import Safety, Topic


@dataclass(frozen=True)
class Content:
    """Everything under content/ (and the front matter of docs/), validated and cross-checked."""

    site: Site
    benefits: Topic
    causes: Topic
    diet: Topic
    safety: Safety
    exercises: dict[str, Exercise]
    """By id, in file-name order."""
    handouts: dict[str, Handout]
    references: dict[str, Reference]
    """By key, in file order."""
    glossary: Glossary = field(default_factory=Glossary)
    """content/glossary.yml: terms explained at first use (empty when the file is absent)."""
    sources: dict[str, str] = field(default_factory=dict)
    """Single file ('site', 'benefits', 'causes', 'diet', 'safety', 'references') -> the file it
    came from, relative to the project root."""
    docs: dict[str, DocMeta] = field(default_factory=dict)
    """Hand-written page src_uri (relative to docs/) -> its validated front matter."""
    exercise_files: dict[str, str] = field(default_factory=dict)
    """Exercise id -> its file (content/exercises/<file>.yml), relative to the project root."""
    handout_files: dict[str, str] = field(default_factory=dict)
    """Handout id -> its file, relative to the project root."""
    doc_files: dict[str, str] = field(default_factory=dict)
    """Hand-written page src_uri -> its file (docs/…), relative to the project root."""
    positions: SourceMap = field(default_factory=SourceMap, compare=False, repr=False)
    """Every file's text and the position of every value, as the loader read them once."""
