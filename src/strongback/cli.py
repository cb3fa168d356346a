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
from strongback.settings import placeholder_settings, read_settings
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
    if args.pdfs and not sheets_fit(_root(args), content):
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
    unpublishable = publish_blockers(_root(args), content) if args.publish else []
    return 1 if report.errors or unpublishable else 0


def publish_blockers(root: Path, content: model.Content) -> list[str]:
    """`check --publish`: example settings a published site must not keep (printed)."""
    found = placeholder_settings(read_settings(root / "mkdocs.yml"), content)
    for message in found:
        print(f"error: placeholder setting: {message}")
    if found:
        print(f"{len(found)} placeholder setting{'s' if len(found) != 1 else ''}: not publishable.")
    return found


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


def cmd_build(args: argparse.Namespace) -> int:
    from strongback.export import ExportError, build_everything

    root = _root(args)
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        result = build_everything(root, target, strict=args.strict)
    except ExportError as error:
        print(
            f"strongback build: {error}. site/ and {args.output} were left as they were.",
            file=sys.stderr,
        )
        return 1
    print(f"published site/ and {result.summary()}")
    return 0


def cmd_handouts(args: argparse.Namespace) -> int:
    from strongback import handouts

    root = _root(args)
    try:
        content = load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    # The address the QR codes point at: mkdocs.yml's site_url (it reads STRONGBACK_SITE_URL).
    site_url = args.site_url or read_settings(root / "mkdocs.yml").site_url
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        pdfs = handouts.build_pdfs(
            content, site_url=site_url, cache=handouts.cache_dir(root), today=today()
        )
    except ValueError as error:
        print(f"strongback handouts: {error}", file=sys.stderr)
        return 1
    except handouts.PdfErrors as errors:
        # Write what fits, and each sheet that does not under a name that says so.
        handouts.write_pdfs(errors.partial, target)
        for site_path, too_long in sorted(errors.overflowing.items()):
            written = target / handouts.overflow_name(site_path, too_long.pages)
            written.parent.mkdir(parents=True, exist_ok=True)
            written.write_bytes(too_long.path.read_bytes())
            print(f"wrote {written} to look at: it does not fit its pages", file=sys.stderr)
        print(f"strongback handouts: {errors}", file=sys.stderr)
        return 1
    handouts.write_pdfs(pdfs, target)
    print(f"{pdfs.summary()}; written under {target}")
    return 0


def sheets_fit(root: Path, content: model.Content) -> bool:
    """Whether every handout and exercise sheet fits its pages; prints the ones that do not.
    Uses the PDF cache (the verdict is cached too): nothing is rendered twice."""
    from strongback import handouts

    site_url = read_settings(root / "mkdocs.yml").site_url
    if not site_url:
        return True  # no mkdocs.yml: a content folder on its own has no PDFs
    try:
        pdfs = handouts.build_pdfs(
            content, site_url=site_url, cache=handouts.cache_dir(root), today=today()
        )
    except handouts.PdfErrors as errors:
        for message in errors.messages:
            print(message, file=sys.stderr)
        count = len(errors.messages)
        print(f"{count} sheet{'s do' if count != 1 else ' does'} not fit.", file=sys.stderr)
        return False
    print(f"Every sheet fits its pages: {pdfs.summary()}.")
    return True


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "check": cmd_check,
    "schema": cmd_schema,
    "new": cmd_new,
    "export": cmd_export,
    "build": cmd_build,
    "handouts": cmd_handouts,
}


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="strongback", description=__doc__)
    main.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    sub = main.add_subparsers(dest="command", required=True)
    validate = sub.add_parser(
        "validate",
        help="check every content file and list all problems, sheets too long for their pages "
        "included",
    )
    validate.add_argument(
        "--no-pdfs", dest="pdfs", action="store_false",
        help="skip the page-limit check of handouts and exercise sheets (renders uncached PDFs)",
    )  # fmt: skip
    check = sub.add_parser(
        "check", help="content standards: reading grade, claims and review status of every page"
    )
    check.add_argument(
        "--publish", action="store_true",
        help="about to publish: example settings (site_url, repo_url, contact address) are errors",
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
    everything = sub.add_parser(
        "build",
        help="`make site`: the public site/ and the offline zip, replaced together only when "
        "both builds succeed",
    )
    everything.add_argument(
        "--output", type=Path, default=DEFAULT_TARGET,
        help="where to write the offline zip, relative to --root (default: %(default)s)",
    )  # fmt: skip
    everything.add_argument(
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
