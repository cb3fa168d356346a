"""Citations: `[@key]` markers in text become numbered links and a per-page reference list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strongback.model import Reference

CITATION = re.compile(r"\[@([A-Za-z0-9][\w.-]*(?:\s*;\s*@[A-Za-z0-9][\w.-]*)*)\]")
_CODE = re.compile(r"(^```.*?^```[ \t]*$|^~~~.*?^~~~[ \t]*$|`[^`\n]+`)", re.DOTALL | re.MULTILINE)


def _split(group: str) -> list[str]:
    return [part.strip().lstrip("@") for part in group.split(";")]


def citation_keys(text: str) -> list[str]:
    """Every key cited in `text`, in order of appearance, repeats included (code is skipped)."""
    return [key for match in _citations(text) for key in _split(match.group(1))]


def cited_keys(texts: Iterable[str]) -> list[str]:
    """Every reference the texts cite, once each, in order of first use."""
    return list(dict.fromkeys(key for text in texts for key in citation_keys(text)))


def citation_positions(text: str) -> Iterator[tuple[str, int, int]]:
    """(key, line, column) of every citation in `text`, 1-based."""
    for match in _citations(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        for key in _split(match.group(1)):
            yield key, line, column


def _code_spans(text: str) -> list[tuple[int, int]]:
    # Most text has no code at all: skip the regex (the content check calls this ~70 times a page).
    return [m.span() for m in _CODE.finditer(text)] if "`" in text or "~~~" in text else []


def _citations(text: str) -> Iterator[re.Match[str]]:
    if "[@" not in text:
        return
    code = _code_spans(text)
    for match in CITATION.finditer(text):
        if not any(start <= match.start() < end for start, end in code):
            yield match


@dataclass(frozen=True)
class CitedText:
    markdown: str
    """The text with each `[@key]` replaced by numbered links to `#ref-key`."""
    keys: list[str]
    """Cited keys in order of first citation: entry n of the reference list is keys[n-1]."""


def number_citations(markdown: str) -> CitedText:
    """Number citations by first appearance and turn each marker into superscript links."""
    order: list[str] = []
    code = _code_spans(markdown)

    def replace(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group(0)
        links = []
        for key in _split(match.group(1)):
            if key not in order:
                order.append(key)
            number = order.index(key) + 1
            links.append(
                f'<a href="#ref-{key}" title="Reference {number}" '
                f'aria-label="Reference {number}">{number}</a>'
            )
        return f'<sup class="sb-cite">[{", ".join(links)}]</sup>'

    return CitedText(CITATION.sub(replace, markdown), order)


# --- Vancouver style ----------------------------------------------------------------------------

DOI_URL = "https://doi.org/{}"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"
PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{}/"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def vancouver(ref: Reference) -> str:
    """One reference formatted in Vancouver (ICMJE) style, as Markdown with identifier links."""
    authors = ", ".join(ref.authors)
    parts = [_sentence(authors), _sentence(ref.title)]
    if ref.journal:
        where = f"{ref.journal}. {ref.year}" if ref.year else f"{ref.journal}."
        if ref.volume or ref.issue:
            where += ";"
        if ref.volume:
            where += ref.volume
        if ref.issue:
            where += f"({ref.issue})"
        if ref.pages:
            where += f":{ref.pages}"
        parts.append(_sentence(where) if ref.year else where)
    else:
        if ref.type == "web_page":
            parts[-1] = _sentence(ref.title.rstrip(".") + " [Internet]")
        publisher = ref.publisher or ""
        when = f"; {ref.year}" if ref.year else ""
        if publisher or when:
            parts.append(_sentence(f"{publisher}{when}".lstrip("; ")))
        if ref.updated:
            parts.append(f"Updated {ref.updated.isoformat()}.")
    if ref.isbn:
        parts.append(f"ISBN {ref.isbn}.")
    links = []
    if ref.doi:
        links.append(f"doi:[{ref.doi}]({DOI_URL.format(ref.doi)})")
    if ref.pmid:
        links.append(f"PubMed: [{ref.pmid}]({PUBMED_URL.format(ref.pmid)})")
    if ref.pmcid:
        links.append(f"PMC: [{ref.pmcid}]({PMC_URL.format(ref.pmcid)})")
    if ref.url:
        links.append(f"Available from: <{ref.url}>")
    return " ".join(parts + links)


def reference_list(keys: list[str], references: Mapping[str, Reference]) -> list[Reference]:
    """The references for `keys`, in citation order."""
    return [references[key] for key in keys]
