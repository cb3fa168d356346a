"""Rules that look across pages: one claim, one grade; every warning sign has a source.

One claim, one grade. The same finding is often restated on several pages (a benefit on the
benefits page, again on each exercise it applies to), each time in words that fit the page, with
page-specific unknowns. We keep those restatements where they are, rather than moving claims into
one shared library that pages refer to: a page's text then stays in the page's own file, so a
review's fingerprint covers exactly what the reader of that page reads, and authors edit one file
per page. Drift is what this check stops: two claims that share a cited reference and whose
words are near-identical (`SIMILAR_CLAIMS`) must carry the same grade, or both are errors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from strongback.citations import citation_keys
from strongback.load.loader import ContentError, Path_, dotted
from strongback.model import Claim, Safety
from strongback.text import CITATION_MARK

Position = Callable[[str, Path_], tuple[int, int]]

SIMILAR_CLAIMS = 0.7
"""Word-sequence similarity (difflib ratio, 0..1) above which two claims citing a common
reference count as the same claim. On the shipped content, restatements of one finding score
0.7-0.95 ('linked with a smaller risk…' against 'linked with a 10 to 17% smaller risk…': 0.89);
different findings from one source score below 0.6 (falls reduced by a quarter against strength
training alone uncertain)."""

WARNING_SIGN_LISTS = ("see_doctor", "urgent_soon", "emergency")
"""The lists of safety.yml that tell a reader when to get medical help: every item names its
source. `when_to_stop` is practical exercise advice and may go unsourced."""

_WORD = re.compile(r"[a-z0-9%]+")


@dataclass(frozen=True)
class PlacedClaim:
    file: str
    path: Path_
    claim: Claim


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(CITATION_MARK.sub(" ", text).lower()))


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR_CLAIMS
        and matcher.quick_ratio() >= SIMILAR_CLAIMS
        and matcher.ratio() >= SIMILAR_CLAIMS
    )


def grade_conflicts(claims: Iterable[PlacedClaim], position: Position) -> Iterator[ContentError]:
    """Near-identical claims with different grades: one error at each claim's `evidence`."""
    # Identical wording is compared once: a library of a thousand exercises repeats a few
    # dozen claims, so the pairwise step stays small.
    groups: dict[tuple[str, ...], list[PlacedClaim]] = {}
    keys: dict[tuple[str, ...], set[str]] = {}
    for placed in claims:
        words = _words(placed.claim.text)
        groups.setdefault(words, []).append(placed)
        keys.setdefault(words, set()).update(citation_keys(placed.claim.text))
    texts = list(groups)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = {}
    for index, words in enumerate(texts):
        for key in keys[words]:
            by_key.setdefault(key, []).append(index)
    compared: set[tuple[int, int]] = set()
    for indexes in by_key.values():
        for n, i in enumerate(indexes):
            for j in indexes[n + 1 :]:
                if (i, j) in compared or root(i) == root(j):
                    continue
                compared.add((i, j))
                if _similar(texts[i], texts[j]):
                    parent[root(i)] = root(j)
    clusters: dict[int, list[PlacedClaim]] = {}
    for index, words in enumerate(texts):
        clusters.setdefault(root(index), []).extend(groups[words])
    for members in clusters.values():
        if len({placed.claim.evidence for placed in members}) < 2:
            continue
        for placed in members:
            yield _conflict(placed, members, position)


def _conflict(placed: PlacedClaim, members: list[PlacedClaim], position: Position) -> ContentError:
    others = [m for m in members if m.claim.evidence != placed.claim.evidence]
    other = others[0]
    line, _ = position(other.file, (*other.path, "evidence"))
    grades = sorted({m.claim.evidence for m in others})
    preview = " ".join(CITATION_MARK.sub("", other.claim.text).split()[:8])
    where = (*placed.path, "evidence")
    here_line, here_column = position(placed.file, where)
    return ContentError(
        placed.file,
        here_line,
        here_column,
        dotted(where),
        f"graded {placed.claim.evidence!r}, but the same claim is graded "
        f"{' and '.join(repr(g) for g in grades)} in {other.file}:{line} ('{preview} …')"
        f"{f' and {len(others) - 1} more place(s)' if len(others) > 1 else ''}; "
        "one claim takes one grade",
    )


def unsourced_warning_signs(
    safety: Safety, file: str, position: Position
) -> Iterator[ContentError]:
    """A warning sign (when to see a doctor, urgent, emergency) that cites nothing."""
    for name in WARNING_SIGN_LISTS:
        for index, item in enumerate(getattr(safety, name)):
            if citation_keys(item):
                continue
            line, column = position(file, (name, index))
            yield ContentError(
                file,
                line,
                column,
                dotted((name, index)),
                "warning sign has no source; cite the guideline or health-service page it "
                "comes from, as [@key]",
            )
