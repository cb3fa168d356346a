"""Synthetic but valid Strong Back content at any size, for the benchmarks.

`make_project(target, n)` assembles a project folder the way `tests/conftest.make_project` does
(the repo's mkdocs.yml, hooks, overrides and docs) with synthetic content in proportion to `n`:

- `n` exercises, cloned round-robin from the real ones in `content/exercises/` (so a synthetic page
  is as long as a real one and stays valid when the schema grows), with fresh ids, names, and their
  regressions, progressions and links in text (`exercise:<id>`) pointing at exercises of the same
  copy (of the first copy when the library is too small for that one);
- `max(1, n // 10)` handouts, cloned from the real ones, each listing six synthetic exercises;
- `max(1, n // 5)` synthetic references, every one cited by some exercise or handout, plus the real
  references the fixed pages (site, topics, safety, hand-written docs) cite.

The site settings, topics and safety page are the repo's own: they do not grow with the library.

Run it on its own to look at the content: `python benchmarks/synth.py 100 benchmarks/.work/n100`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from strongback.standards.summaries import COUNT, MINUTES

REPO = Path(__file__).resolve().parent.parent
SYNTH_KEY = "synth-{:04d}"
NEUTRAL_POINT = "Move slowly, and stop if an exercise hurts."
_CITATION = re.compile(r"\[@[^\]]+\]")
_EXERCISE_LINK = re.compile(r"\[([^\]\n]+)\]\(exercise:([a-z0-9-]+)\)")
"""A link to an exercise in content text (strongback.links)."""


def _relink(text: str, synthetic: Any) -> str:
    """Exercise links in `text` pointed at `synthetic(real_id)`, or plain text when it is None
    (the library is too small to hold that exercise)."""

    def link(match: re.Match[str]) -> str:
        target = synthetic(match.group(2))
        return f"[{match.group(1)}](exercise:{target})" if target else match.group(1)

    return _EXERCISE_LINK.sub(link, text)


def _named_as_copy(text: str, names: list[str], copy: int) -> str:
    """`text` with each of the names (as a whole word, any case) followed by the copy's number
    ("bird dog" -> "bird dog 2"), as copy `copy` of an exercise is named: the content check
    reads a bare "bird dog" as the first copy, unlinked. Copy 0 keeps the real names."""
    if not copy:
        return text
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(
            rf"(?<![\w-]){re.escape(name)}(?![\w-]| \d)",
            lambda match: f"{match.group(0)} {copy + 1}",
            text,
            flags=re.IGNORECASE,
        )
    return text


def _cite_synthetic(claims: list[dict[str, Any]], key: str) -> bool:
    """Cite the synthetic reference `key` in place of the first citation of the first claim
    graded below 'strong' (a synthetic trial allows at most 'moderate'). The grade stays as it
    is, so the claim keeps the grade it has everywhere else (one claim takes one grade); False
    when no claim can take it."""
    for claim in claims:
        if claim.get("evidence") != "strong" and _CITATION.search(claim["text"]):
            claim["text"] = _CITATION.sub(f"[@{key}]", claim["text"], count=1)
            return True
    return False


def counts(n: int) -> dict[str, int]:
    """How many records of each kind a library of `n` exercises gets."""
    return {"exercises": n, "handouts": max(1, n // 10), "references": max(1, n // 5)}


def _load_folder(folder: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yml"))]


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _cited_keys(text: str) -> set[str]:
    from strongback.citations import citation_keys

    return set(citation_keys(text))


def _synthetic_reference(index: int, base: dict[str, Any]) -> dict[str, Any]:
    ref: dict[str, Any] = {k: base[k] for k in ("type", "authors", "journal", "year") if k in base}
    ref.setdefault("journal", "Journal of Synthetic Benchmarks")
    ref.setdefault("year", 2020)
    ref["type"] = "rct" if index % 3 else "systematic_review"
    return {
        "key": SYNTH_KEY.format(index),
        **ref,
        "title": f"Synthetic study {index + 1} of back exercise for the benchmark",
        "volume": str(10 + index % 40),
        "issue": str(1 + index % 12),
        "pages": f"{100 + index}-{110 + index}",
        "doi": f"10.5555/strongback.synth.{index}",
        "checked": "unverified",
        "supports": "Made up for the build benchmark: it supports nothing.",
    }


def generate_content(content_dir: Path, n: int, source: Path | None = None) -> dict[str, int]:
    """Write a valid content/ folder with `n` exercises into `content_dir` (created or replaced).

    Returns the number of records of each kind written."""
    source = source or REPO / "content"
    if content_dir.exists():
        shutil.rmtree(content_dir)
    # Fixed files (site, topics, safety, and any kind added later) are copied as they are.
    shutil.copytree(source, content_dir, ignore=shutil.ignore_patterns("exercises", "handouts"))
    (content_dir / "exercises").mkdir()
    (content_dir / "handouts").mkdir()

    want = counts(n)
    real_exercises = _load_folder(source / "exercises")
    real_handouts = _load_folder(source / "handouts")
    real_refs = yaml.safe_load((source / "references.yml").read_text("utf-8"))["references"]
    if not real_exercises or not real_handouts:
        raise SystemExit("synth: the repo's content/ needs at least one exercise and one handout")
    order = {ex["id"]: i for i, ex in enumerate(real_exercises)}
    copies = len(real_exercises)

    def synthetic_id(real_id: str, copy: int) -> str | None:
        index = order.get(real_id)
        if index is None or copy * copies + index >= n:
            return None
        return f"{real_id}-s{copy}"

    ids: list[str] = []
    texts: list[str] = []
    for i in range(n):
        base = real_exercises[i % copies]
        copy = i // copies
        exercise = dict(base)
        exercise["id"] = synthetic_id(base["id"], copy)
        exercise["name"] = f"{base['name']} {copy + 1}" if copy else base["name"]
        for link in ("regressions", "progressions"):
            if link in base:
                exercise[link] = [
                    target for ex in base[link] if (target := synthetic_id(ex, copy)) is not None
                ]
        # Cite a synthetic reference in place of a real citation: the page keeps its length (PDF
        # sheets must still fit their pages) and every synthetic reference is cited.
        key = SYNTH_KEY.format(i % want["references"])
        exercise["claims"] = [dict(claim) for claim in base["claims"]]
        if not _cite_synthetic(exercise["claims"], key):
            exercise["claims"].append(
                {"text": f"A synthetic trial tested this exercise [@{key}].", "evidence": "limited"}
            )
        text = _relink(
            _dump(exercise), lambda real, c=copy: synthetic_id(real, c) or synthetic_id(real, 0)
        )
        names = [base["name"], *base.get("other_names", [])]
        text = _named_as_copy(text, names, copy)
        for item in base["equipment"]:  # 'Pull-up bar' is equipment, not the copy's name
            text = text.replace(f"- {_named_as_copy(item, names, copy)}\n", f"- {item}\n")
        (content_dir / "exercises" / f"{exercise['id']}.yml").write_text(text, "utf-8")
        ids.append(exercise["id"])
        texts.append(text)

    for j in range(want["handouts"]):
        base = real_handouts[j % len(real_handouts)]
        handout = dict(base)
        handout["id"] = f"{base['id']}-s{j}"
        handout["title"] = f"{base['title']} (routine {j + 1})"
        # The same exercises as the real routine, from a copy where all of them exist (so the
        # printed routine keeps its length); with too few exercises, the first ones there are.
        items = base["exercises"]
        wanted = [item["exercise"] for item in items]
        blocks = [k for k in range(n // copies + 1) if all(synthetic_id(e, k) for e in wanted)]
        if blocks:
            block = blocks[j % len(blocks)]
            handout["exercises"] = [
                {**item, "exercise": synthetic_id(item["exercise"], block)} for item in items
            ]
        else:
            handout["exercises"] = [
                {**item, "exercise": ids[m % n]} for m, item in enumerate(items[:n])
            ]
            # Other exercises: the real summary's count and minutes no longer hold.
            handout["description"] = "The first exercises of a small synthetic library."
            handout["key_points"] = [
                point if not (COUNT.search(point) or MINUTES.search(point)) else NEUTRAL_POINT
                for point in base["key_points"]
            ]
        key = SYNTH_KEY.format((n + j) % want["references"])
        handout["claims"] = [dict(claim) for claim in base.get("claims", [])]
        if not _cite_synthetic(handout["claims"], key):
            handout["claims"].append(
                {"text": f"A synthetic trial tested this routine [@{key}].", "evidence": "limited"}
            )
        home = blocks[j % len(blocks)] if blocks else 0
        text = _relink(
            _dump(handout), lambda real, b=home: synthetic_id(real, b) or synthetic_id(real, 0)
        )
        # Its exercises are copies named "Bird dog 2": its text names them so.
        names = [ex["name"] for ex in real_exercises if ex["id"] in wanted]
        text = _named_as_copy(text, names, home)
        (content_dir / "handouts" / f"{handout['id']}.yml").write_text(text, "utf-8")
        texts.append(text)

    # Topic sections link to exercises and routines by id: point them at the synthetic copies.
    first_copy = {
        base["id"]: f"{base['id']}-s{j}" for j, base in enumerate(real_handouts[: want["handouts"]])
    }
    for topic in ("benefits.yml", "causes.yml", "diet.yml"):
        path = content_dir / topic
        data = yaml.safe_load(path.read_text("utf-8"))
        linked = [
            s for s in data.get("sections", []) if "exercise_links" in s or "routine_links" in s
        ]
        for section in linked:
            exercises = [synthetic_id(x, 0) for x in section.pop("exercise_links", [])]
            routines = [first_copy.get(x) for x in section.pop("routine_links", [])]
            section["exercise_links"] = [x for x in exercises if x]
            section["routine_links"] = [x for x in routines if x]
        if linked:
            path.write_text(_dump(data), "utf-8")

    # Keep the real references that something still cites, so none is reported as uncited.
    cited: set[str] = set()
    fixed = [p for p in content_dir.glob("*.yml") if p.name != "references.yml"]
    for path in fixed:  # the topics and safety page may link exercises of the real library
        path.write_text(
            _relink(path.read_text("utf-8"), lambda real: synthetic_id(real, 0)), "utf-8"
        )
    for text in [*texts, *(p.read_text("utf-8") for p in fixed)]:
        cited |= _cited_keys(text)
    for page in (REPO / "docs").rglob("*.md"):
        cited |= _cited_keys(page.read_text("utf-8"))
    references = [ref for ref in real_refs if ref["key"] in cited]
    references += [
        _synthetic_reference(k, real_refs[k % len(real_refs)]) for k in range(want["references"])
    ]
    (content_dir / "references.yml").write_text(_dump({"references": references}), "utf-8")
    return {**want, "references_total": len(references)}


def make_project(target: Path, n: int, *, with_hooks: bool = True) -> Path:
    """A project folder like tests/conftest.make_project, with `n` synthetic exercises."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    folders = ("hooks", "overrides", "docs") if with_hooks else ("docs",)
    for folder in folders:
        if (target / folder).exists():
            shutil.rmtree(target / folder)
        shutil.copytree(
            REPO / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    generate_content(target / "content", n)
    return target


def validate(project: Path) -> Any:
    """Load the project's content with the engine's own loader, and run the content-standards
    check a build runs: raises ContentErrors if anything is invalid."""
    from strongback.load.loader import load_content

    content = load_content(project / "content", project / "docs")
    try:
        from strongback.standards import enforce_standards
    except ImportError:  # an engine without content-standards checks
        return content
    from strongback.build.site_build import today
    from strongback.catalogue import Catalogue

    enforce_standards(content, today=today(), root=project, catalogue=Catalogue.of(content))
    return content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of exercises")
    parser.add_argument("target", type=Path, help="project folder to create")
    args = parser.parse_args(argv)
    project = make_project(args.target, args.n)
    content = validate(project)
    print(
        f"{project}: {len(content.exercises)} exercises, {len(content.handouts)} handouts, "
        f"{len(content.references)} references (valid)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
