"""The `strongback` command's arguments and help, written for authors."""

from __future__ import annotations

import argparse
from pathlib import Path

from strongback.build.export import DEFAULT_TARGET

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
        "exercise", nargs="?",
        help="an exercise id (its file name): write that exercise's figures large, as SVG and "
        "PNG, with the steps beside them and again with their joint angles, into "
        "OUTPUT/<id>/",
    )  # fmt: skip
    sheet.add_argument(
        "--output", type=Path, default=Path("dist/figures"),
        help="folder to write into, relative to --root (default: %(default)s)",
    )  # fmt: skip
    sheet.add_argument(
        "--no-png", dest="png", action="store_false",
        help="skip the PNG (it needs pdftoppm, from poppler-utils)",
    )  # fmt: skip
    sheet.add_argument(
        "--json", type=Path, metavar="FILE",
        help="instead, write every solved figure as JSON to FILE (relative to --root): "
        "each pose's view, its landmarks in body heights (y up) and the muscles it shades",
    )  # fmt: skip
    return main
