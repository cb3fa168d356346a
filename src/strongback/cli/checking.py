"""`strongback validate` and `strongback check`: the content against its model and its
standards, and whether every sheet fits its pages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from strongback import model
from strongback.build.settings import placeholder_settings, read_settings
from strongback.build.site_build import today
from strongback.catalogue import Catalogue
from strongback.cli.project import load_or_report, project_root
from strongback.standards import (
    READING_GRADE_TARGET,
    READING_GRADE_WARNING,
    CheckReport,
    check_content,
    format_table,
    summary,
)
from strongback.standards.pemat import format_pemat, pemat_report, pemat_summary


def _load_and_check(args: argparse.Namespace) -> tuple[model.Content, CheckReport] | None:
    """Validated content and its standards report, or None after printing the errors."""
    root = project_root(args)
    content = load_or_report(root)
    if content is None:
        return None
    catalogue = Catalogue.of(content)
    return content, check_content(content, today=today(), root=root, catalogue=catalogue)


def cmd_validate(args: argparse.Namespace) -> int:
    checked = _load_and_check(args)
    if checked is None:
        return 1
    content, report = checked
    if report.errors or report.warnings:
        _print_findings(report, sys.stderr)
    if report.errors:
        return 1
    if args.pdfs and not sheets_fit(project_root(args), content):
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
    materials, pemat = pemat_report(content, report.errors)
    # Pages changed since their review: warnings, or errors when about to publish. PEMAT-P
    # findings are listed under the PEMAT-P table.
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
    print(format_pemat(materials))
    print()
    for line in pemat_summary(materials):
        print(line)
    if pemat:
        print(f"{len(pemat)} PEMAT-P finding{'s' if len(pemat) != 1 else ''}:")
        for finding in pemat:
            print(finding)
    print()
    _print_findings(report, sys.stdout)
    unpublishable = publish_blockers(project_root(args), content) if args.publish else []
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


def sheets_fit(root: Path, content: model.Content) -> bool:
    """Whether every handout and exercise sheet fits its pages; prints the ones that do not.
    Uses the PDF cache (the verdict is cached too): nothing is rendered twice."""
    from strongback import pdf

    site_url = read_settings(root / "mkdocs.yml").site_url
    if not site_url:
        return True  # no mkdocs.yml: a content folder on its own has no PDFs
    try:
        pdfs = pdf.build_pdfs(
            content, site_url=site_url, cache=pdf.cache_dir(root), today=today(),
            catalogue=Catalogue.of(content),
        )  # fmt: skip
    except pdf.PdfErrors as errors:
        for message in errors.messages:
            print(message, file=sys.stderr)
        count = len(errors.messages)
        print(f"{count} sheet{'s do' if count != 1 else ' does'} not fit.", file=sys.stderr)
        return False
    print(f"Every sheet fits its pages: {pdfs.summary()}.")
    return True
