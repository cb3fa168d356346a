"""The `strongback` command: validate, schema, new (and the commands later modules add)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from strongback import model
from strongback.checks import (
    READING_GRADE_TARGET,
    READING_GRADE_WARNING,
    CheckReport,
    check_content,
    format_table,
    summary,
)
from strongback.export import DEFAULT_TARGET
from strongback.load import FOLDERS, SINGLE_FILES, ContentErrors, load_content
from strongback.site import today
from strongback.templating import environment

SCHEMA_KINDS: dict[str, type[model.StrictModel]] = {
    **SINGLE_FILES,
    "exercise": FOLDERS["exercises"],
    "handout": FOLDERS["handouts"],
}
"""Schema file name -> model: one per single file, and one for each file in a folder."""


def _root(args: argparse.Namespace) -> Path:
    root: Path = args.root.resolve()
    if not (root / "content").is_dir():
        raise SystemExit(f"strongback: no content/ folder in {root} (use --root)")
    return root


def _load_or_report(root: Path) -> model.Content | None:
    """The content, or None after printing every validation error."""
    try:
        return load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        count = len(errors.errors)
        print(f"{count} error{'s' if count != 1 else ''} found.", file=sys.stderr)
        return None


def _load_and_check(args: argparse.Namespace) -> tuple[model.Content, CheckReport] | None:
    """Validated content and its standards report, or None after printing the errors."""
    root = _root(args)
    content = _load_or_report(root)
    if content is None:
        return None
    return content, check_content(content, today=today(), root=root)


def cmd_validate(args: argparse.Namespace) -> int:
    checked = _load_and_check(args)
    if checked is None:
        return 1
    content, report = checked
    if report.errors or report.warnings:
        _print_findings(report, sys.stderr)
    if report.errors:
        return 1
    print(
        f"Content is valid: {len(content.exercises)} exercises, {len(content.handouts)} handouts, "
        f"{len(content.references)} references."
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The content-standards report: one row per page, then every error and warning."""
    checked = _load_and_check(args)
    if checked is None:
        return 1
    content, report = checked
    # Pages changed since their review: warnings, or errors when about to publish.
    if args.publish:
        report.errors = sorted([*report.errors, *report.review_notices])
    else:
        report.warnings = sorted([*report.warnings, *report.review_notices])
    print(format_table(report))
    print()
    print(summary(content, report))
    print(
        f"Grade: Flesch–Kincaid US school grade of the page's prose; target {READING_GRADE_TARGET} "
        f"(reading age about 11), warning above {READING_GRADE_WARNING:g}."
    )
    if report.history_unknown:
        print(f"Review dates were not compared with git history: {report.history_unknown}.")
    print()
    _print_findings(report, sys.stdout)
    return 1 if report.errors else 0


def cmd_review(args: argparse.Namespace) -> int:
    from strongback.record_review import ReviewError, record_review

    try:
        recorded = record_review(_root(args), args.file, args.by, today())
    except ReviewError as error:
        print(f"strongback review: {error}", file=sys.stderr)
        return 1
    print(recorded.summary())
    return 0


def _print_findings(report: CheckReport, stream: TextIO) -> None:
    for label, items in (("error", report.errors), ("warning", report.warnings)):
        print(
            f"{len(items)} {label}{'s' if len(items) != 1 else ''}{':' if items else '.'}",
            file=stream,
        )
        for item in items:
            print(item, file=stream)


def write_schemas(target: Path) -> list[Path]:
    """One JSON Schema per content kind, for editors (`# yaml-language-server: $schema=...`)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, cls in SCHEMA_KINDS.items():
        schema = cls.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Strong Back {kind}"
        path = target / f"{kind}.json"
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written


def cmd_schema(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    for path in write_schemas(root / "schemas"):
        print(f"wrote {path.relative_to(root)}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    root = _root(args)
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
    template = environment().get_template(f"scaffold/{args.kind}.yml.jinja")
    exercises = sorted(p.stem for p in (root / "content" / "exercises").glob("*.yml"))
    path.write_text(
        template.render(
            id=args.id,
            name=args.id.replace("-", " ").capitalize(),
            exercises=exercises[:2],
            today=today().isoformat(),
        ),
        encoding="utf-8",
    )
    print(f"wrote {path.relative_to(root)}; edit it, then run `strongback validate`")
    return 0


def _is_slug(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) is not None


def cmd_export(args: argparse.Namespace) -> int:
    from strongback.export import ExportError, export

    root = _root(args)
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        result = export(root, target, strict=args.strict)
    except ExportError as error:
        print(f"strongback export: {error}", file=sys.stderr)
        return 1
    print(result.summary())
    return 0


def cmd_handouts(args: argparse.Namespace) -> int:
    from mkdocs.utils.yaml import yaml_load

    from strongback import handouts

    root = _root(args)
    try:
        content = load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    # The address the QR codes point at: mkdocs.yml's site_url (it reads STRONGBACK_SITE_URL).
    with (root / "mkdocs.yml").open(encoding="utf-8") as config:
        site_url = args.site_url or yaml_load(config).get("site_url") or ""
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        pdfs = handouts.build_pdfs(
            content, site_url=site_url, cache=handouts.cache_dir(root), today=today()
        )
    except (ValueError, handouts.PdfErrors) as error:
        print(f"strongback handouts: {error}", file=sys.stderr)
        return 1
    handouts.write_pdfs(pdfs, target)
    print(f"{pdfs.summary()}; written under {target}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "check": cmd_check,
    "review": cmd_review,
    "schema": cmd_schema,
    "new": cmd_new,
    "export": cmd_export,
    "handouts": cmd_handouts,
}


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="strongback", description=__doc__)
    main.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    sub = main.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every content file and list all problems")
    check = sub.add_parser(
        "check", help="content standards: reading grade, claims and review status of every page"
    )
    check.add_argument(
        "--publish", action="store_true",
        help="about to publish: pages changed since their last review are errors, not warnings",
    )  # fmt: skip
    review = sub.add_parser(
        "review",
        help="record a review you have just made: today's date, who, and what the page says now",
    )
    review.add_argument("file", type=Path, help="the content file or docs page you reviewed")
    review.add_argument(
        "--by", required=True, metavar="CONTRIBUTOR_ID",
        help="your id: an author or clinical reviewer from content/site.yml",
    )  # fmt: skip
    sub.add_parser("schema", help="write a JSON Schema per content kind into schemas/")
    new = sub.add_parser("new", help="scaffold a new, valid content file")
    new.add_argument("kind", choices=["exercise", "handout"])
    new.add_argument("id", help="lower-case id with hyphens, e.g. wall-sit")
    offline = sub.add_parser(
        "export", help="build the offline copy (Material's offline plugin) and zip it"
    )
    offline.add_argument(
        "--output", type=Path, default=DEFAULT_TARGET,
        help="where to write the zip, relative to --root (default: %(default)s)",
    )  # fmt: skip
    offline.add_argument(
        "--no-strict", dest="strict", action="store_false",
        help="let MkDocs warnings through instead of failing the build",
    )  # fmt: skip
    pdfs = sub.add_parser("handouts", help="render every handout and exercise PDF into a folder")
    pdfs.add_argument(
        "--output", type=Path, default=Path("dist/handouts"),
        help="folder to write into, relative to --root (default: %(default)s)",
    )  # fmt: skip
    pdfs.add_argument("--site-url", help="address the QR codes open (default: mkdocs.yml)")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
