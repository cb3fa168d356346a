"""The commands that publish: `export` (the offline zip), `build` (site and zip together) and
`handouts` (the PDFs into a folder)."""

from __future__ import annotations

import argparse
import sys

from strongback.build.settings import read_settings
from strongback.build.site_build import today
from strongback.catalogue import Catalogue
from strongback.cli.project import project_root
from strongback.errors import SettingError
from strongback.load.loader import ContentErrors, load_content


def cmd_export(args: argparse.Namespace) -> int:
    from strongback.build.export import ExportError, export

    root = project_root(args)
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        result = export(root, target, strict=args.strict)
    except ExportError as error:
        print(f"strongback export: {error}", file=sys.stderr)
        return 1
    print(result.summary())
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from strongback.build.export import ExportError, build_everything

    root = project_root(args)
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
    from strongback import pdf

    root = project_root(args)
    try:
        content = load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    # The address the QR codes point at: mkdocs.yml's site_url (it reads STRONGBACK_SITE_URL).
    site_url = args.site_url or read_settings(root / "mkdocs.yml").site_url
    target = args.output if args.output.is_absolute() else root / args.output
    try:
        pdfs = pdf.build_pdfs(
            content, site_url=site_url, cache=pdf.cache_dir(root), today=today(),
            catalogue=Catalogue.of(content),
        )  # fmt: skip
    except SettingError as error:
        print(f"strongback handouts: {error}", file=sys.stderr)
        return 1
    except pdf.PdfErrors as errors:
        # Write what fits, and each sheet that does not under a name that says so.
        pdf.write_pdfs(errors.partial, target)
        for site_path, too_long in sorted(errors.overflowing.items()):
            written = target / pdf.overflow_name(site_path, too_long.pages)
            written.parent.mkdir(parents=True, exist_ok=True)
            written.write_bytes(too_long.path.read_bytes())
            print(f"wrote {written} to look at: it does not fit its pages", file=sys.stderr)
        print(f"strongback handouts: {errors}", file=sys.stderr)
        return 1
    pdf.write_pdfs(pdfs, target)
    print(f"{pdfs.summary()}; written under {target}")
    return 0
