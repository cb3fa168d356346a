"""The commands an author runs beside the content: `review`, `schema`, `new` and `figures`."""

from __future__ import annotations

import argparse
import re
import sys

from strongback.build.site_build import today
from strongback.cli.project import load_or_report, project_root
from strongback.pages.content_reference import write_reference, write_schemas
from strongback.standards.scaffold import render_scaffold


def cmd_review(args: argparse.Namespace) -> int:
    from strongback.standards.record_review import ReviewError, record_review

    try:
        recorded = record_review(project_root(args), args.file, args.by, today())
    except ReviewError as error:
        print(f"strongback review: {error}", file=sys.stderr)
        return 1
    print(recorded.summary())
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    written = write_schemas(root / "schemas")
    if (root / "content").is_dir():
        written.append(write_reference(root))
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    root = project_root(args)
    folder = {"exercise": "exercises", "handout": "handouts"}[args.kind]
    path = root / "content" / folder / f"{args.id}.yml"
    if not _is_slug(args.id):
        print(
            f"strongback: {args.id!r} is not a valid id (lower-case words joined by hyphens)",
            file=sys.stderr,
        )
        return 2
    if path.exists():
        print(f"strongback: {path.relative_to(root)} already exists", file=sys.stderr)
        return 1
    exercises = sorted(p.stem for p in (root / "content" / "exercises").glob("*.yml"))
    text = render_scaffold(
        args.kind,
        id=args.id,
        name=args.id.replace("-", " ").capitalize(),
        exercises=exercises[:2],
        today=today().isoformat(),
    )
    path.write_text(text, encoding="utf-8")
    print(
        f"wrote {path.relative_to(root)}; replace every line marked TODO with your own words, "
        "then run `strongback validate`"
    )
    return 0


def _is_slug(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) is not None


def cmd_figures(args: argparse.Namespace) -> int:
    """The contact sheet of every exercise's figures (HTML, SVG and PNG); with an exercise id,
    that exercise's figures large, with and without their angles."""
    from strongback.figures.sheet import PngError, write_sheet

    root = project_root(args)
    content = load_or_report(root)
    if content is None:
        return 1
    if args.json is not None:
        import json

        from strongback.figures.data import figures_data

        path = args.json if args.json.is_absolute() else root / args.json
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(figures_data(content), indent=1)
        # One line per point: [x, y] rather than three lines.
        text = re.sub(r"\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]", r"[\1, \2]", text)
        path.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
        return 0
    target = args.output if args.output.is_absolute() else root / args.output
    if args.exercise is not None and args.exercise not in content.exercises:
        from strongback.load.suggest import did_you_mean

        known = sorted(content.exercises)
        print(
            f"strongback figures: no exercise {args.exercise!r}"
            f"{did_you_mean(args.exercise, known)}; the ids are the file names in "
            "content/exercises/",
            file=sys.stderr,
        )
        return 1
    try:
        if args.exercise is not None:
            from strongback.figures.authoring import write_exercise

            written = write_exercise(content, args.exercise, target / args.exercise, png=args.png)
        else:
            written = write_sheet(content, target, png=args.png)
    except PngError as error:
        print(f"strongback figures: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0
