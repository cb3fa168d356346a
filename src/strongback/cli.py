"""The `strongback` command: validate, schema, new (and the commands later modules add)."""

from __future__ import annotations

import argparse
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
from strongback.load import ContentErrors, load_content
from strongback.reference import write_reference, write_schemas
from strongback.site import today
from strongback.templating import environment


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
    print(format_table(report))
    print()
    print(summary(content, report))
    print(
        f"Grade: Flesch–Kincaid US school grade of the page's prose; target {READING_GRADE_TARGET} "
        f"(reading age about 11), warning above {READING_GRADE_WARNING:g}."
    )
    print()
    _print_findings(report, sys.stdout)
    return 1 if report.errors else 0


def _print_findings(report: CheckReport, stream: TextIO) -> None:
    for label, items in (("error", report.errors), ("warning", report.warnings)):
        print(
            f"{len(items)} {label}{'s' if len(items) != 1 else ''}{':' if items else '.'}",
            file=stream,
        )
        for item in items:
            print(item, file=stream)


def cmd_schema(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    written = write_schemas(root / "schemas")
    if (root / "content").is_dir():
        written.append(write_reference(root))
    for path in written:
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


def cmd_figures(args: argparse.Namespace) -> int:
    """The contact sheet of every exercise's figures (HTML, SVG and PNG)."""
    from strongback.figures.sheet import PngError, write_sheet

    root = _root(args)
    content = _load_or_report(root)
    if content is None:
        return 1
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        written = write_sheet(content, target, png=args.png)
    except PngError as error:
        print(f"strongback figures: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0


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
    "schema": cmd_schema,
    "new": cmd_new,
    "export": cmd_export,
    "figures": cmd_figures,
    "handouts": cmd_handouts,
}


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="strongback", description=__doc__)
    main.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    sub = main.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every content file and list all problems")
    sub.add_parser(
        "check", help="content standards: reading grade, claims and review status of every page"
    )
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
    sheet = sub.add_parser(
        "figures",
        help="write a contact sheet of every exercise's figures (HTML, SVG, PNG) to review them",
    )
    sheet.add_argument(
        "--output", type=Path, default=Path("dist/figures"),
        help="folder to write into, relative to --root (default: %(default)s)",
    )  # fmt: skip
    sheet.add_argument(
        "--no-png", dest="png", action="store_false",
        help="skip the PNG (it needs pdftoppm, from poppler-utils)",
    )  # fmt: skip
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
