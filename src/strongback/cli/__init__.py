"""The `strongback` command line: `main` parses the arguments (`parser.py`) and runs one
subcommand, a function of the module for its group (checking, authoring, building)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence

from strongback.cli.authoring import cmd_figures, cmd_new, cmd_review, cmd_schema
from strongback.cli.building import cmd_build, cmd_export, cmd_handouts
from strongback.cli.checking import cmd_check, cmd_validate
from strongback.cli.parser import parser

__all__ = ["COMMANDS", "main", "parser"]

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


def main(argv: Sequence[str] | None = None) -> int:
    # Material for MkDocs prints a long end-of-life notice whenever MkDocs starts; the commands
    # that run MkDocs (export) say nothing about it. The README states the support horizon.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)
