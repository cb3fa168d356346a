"""The `strongback` command line: one function per subcommand, over the engine's modules."""

from __future__ import annotations

import argparse
import os
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
from strongback.scaffold import render_scaffold
from strongback.settings import placeholder_settings, read_settings
from strongback.site import today


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
    "review": cmd_review,
    "schema": cmd_schema,
    "new": cmd_new,
    "export": cmd_export,
    "build": cmd_build,
    "figures": cmd_figures,
    "handouts": cmd_handouts,
}


_DESCRIPTION = """\
Check, build and print the Strong Back content: the YAML files under content/ that become the
website, the offline copy and the printable handouts.
"""

_EPILOG = """\
Everyday use:
  strongback validate              check every file; lists every problem with file:line:col
  strongback new exercise wall-sit start a new exercise, then replace its TODO lines
  make serve                       preview the site while you edit (http://127.0.0.1:8000/)

Every field of every content file is described in content/README.md.
Run `strongback COMMAND --help` for the options of one command.
"""


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, more: str
) -> argparse.ArgumentParser:
    """A subcommand: `summary` in the list of commands, `summary` and `more` in its --help."""
    return sub.add_parser(
        name,
        help=summary,
        description=f"{summary[0].upper()}{summary[1:]}. {more}",
    )


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="strongback",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main.add_argument(
        "--root", type=Path, default=Path.cwd(),
        help="the project folder, the one that holds content/ (default: this folder)",
    )  # fmt: skip
    sub = main.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")
    validate = _command(
        sub, "validate", "check every content file and list every problem",
        "Runs the same checks as the website build, without building it, including whether "
        "every handout and exercise sheet fits its pages (PDFs come from the cache; only "
        "changed ones are rendered). Exits with status 1 if anything is wrong.",
    )  # fmt: skip
    validate.add_argument(
        "--no-pdfs", dest="pdfs", action="store_false",
        help="skip the check that every sheet fits its pages (it renders PDFs not in the cache)",
    )  # fmt: skip
    check = _command(
        sub, "check", "report on the writing standards of every page",
        "Prints one row per page (reading grade, words, cited claims, references, review "
        "status), then every error and warning. Exits with status 1 on any error.",
    )  # fmt: skip
    check.add_argument(
        "--publish", action="store_true",
        help="you are about to publish: a page changed since its last review is an error, "
        "not a warning, and so is an example setting (site_url, repo_url, contact address)",
    )  # fmt: skip
    review = _command(
        sub, "review", "record a review you have just made of one page",
        "Writes today's date, your id and a fingerprint of what the page says now into the "
        "file's review: block. Run it only after reading and checking the page. If the page "
        "changes later, it shows 'Changed since last review' until it is reviewed again.",
    )  # fmt: skip
    review.add_argument("file", type=Path, help="the content file or docs page you reviewed")
    review.add_argument(
        "--by", required=True, metavar="CONTRIBUTOR_ID",
        help="your id: an author or clinical reviewer listed in content/site.yml",
    )  # fmt: skip
    _command(
        sub, "schema", "update the editor schemas and the content reference",
        "Writes schemas/*.json (your editor reads them to describe and check fields as you "
        "type) and content/README.md. Run it after changing the content model.",
    )  # fmt: skip
    new = _command(
        sub, "new", "start a new exercise or routine file",
        "Writes content/exercises/ID.yml or content/handouts/ID.yml. Replace every line "
        "marked TODO with your own words: until you do, `strongback check` and the build "
        "stop with the line of each one.",
    )  # fmt: skip
    new.add_argument("kind", choices=["exercise", "handout"], help="what to start")
    new.add_argument(
        "id", help="the new file's id: lower-case words joined by hyphens, like wall-sit"
    )
    offline = _command(
        sub, "export", "build the offline copy of the site as a zip",
        "Readers unzip it and open index.html from disk: navigation, search and the PDFs work "
        "with no connection.",
    )  # fmt: skip
    offline.add_argument(
        "--output", type=Path, default=DEFAULT_TARGET,
        help="where to write the zip, relative to --root (default: %(default)s)",
    )  # fmt: skip
    offline.add_argument(
        "--no-strict", dest="strict", action="store_false",
        help="build even if the site has warnings (by default a warning stops the build)",
    )  # fmt: skip
    pdfs = _command(
        sub, "handouts", "write every handout and exercise PDF into a folder",
        "The same PDFs as the website offers, in A4 and Letter, without building the site.",
    )  # fmt: skip
    everything = _command(
        sub, "build", "build the website and the offline zip together (what `make site` runs)",
        "Builds the offline copy, then the public site into site/. Each is built in a staging "
        "folder: site/ and the zip are replaced together, and only when both builds succeed; "
        "after any failure both stay exactly as they were.",
    )  # fmt: skip
    everything.add_argument(
        "--output", type=Path, default=DEFAULT_TARGET,
        help="where to write the offline zip, relative to --root (default: %(default)s)",
    )  # fmt: skip
    everything.add_argument(
        "--no-strict", dest="strict", action="store_false",
        help="build even if the site has warnings (by default a warning stops the build)",
    )  # fmt: skip
    pdfs.add_argument(
        "--output", type=Path, default=Path("dist/handouts"),
        help="folder to write into, relative to --root (default: %(default)s)",
    )  # fmt: skip
    pdfs.add_argument(
        "--site-url",
        help="the web address the QR codes open (default: site_url in mkdocs.yml)",
    )
    sheet = _command(
        sub, "figures", "write a contact sheet of every exercise's figures to review them",
        "One page with every exercise's figures beside its starting position and steps, as "
        "HTML, SVG and PNG. Look for bodies floating above the floor, hands that miss it, knees "
        "bending the wrong way and props nobody touches.",
    )  # fmt: skip
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
    # Material for MkDocs prints a long end-of-life notice whenever MkDocs starts; the commands
    # that run MkDocs (export) say nothing about it. The README states the support horizon.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
