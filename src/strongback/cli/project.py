"""What every command starts from: the project folder, and its content loaded or its errors
printed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strongback import model
from strongback.load.loader import ContentErrors, load_content


def project_root(args: argparse.Namespace) -> Path:
    root: Path = args.root.resolve()
    if not (root / "content").is_dir():
        raise SystemExit(f"strongback: no content/ folder in {root} (use --root)")
    return root


def load_or_report(root: Path) -> model.Content | None:
    """The content, or None after printing every validation error."""
    try:
        return load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        count = len(errors.errors)
        print(f"{count} error{'s' if count != 1 else ''} found.", file=sys.stderr)
        return None
