"""The `strongback` command: validate, schema, new (and the commands later modules add)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from strongback import model
from strongback.load import FOLDERS, SINGLE_FILES, ContentErrors, load_content
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


def cmd_validate(args: argparse.Namespace) -> int:
    root = _root(args)
    try:
        content = load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        count = len(errors.errors)
        print(f"{count} error{'s' if count != 1 else ''} found.", file=sys.stderr)
        return 1
    print(
        f"Content is valid: {len(content.exercises)} exercises, {len(content.handouts)} handouts, "
        f"{len(content.references)} references."
    )
    return 0


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
            today=_today(),
        ),
        encoding="utf-8",
    )
    print(f"wrote {path.relative_to(root)}; edit it, then run `strongback validate`")
    return 0


def _is_slug(text: str) -> bool:
    import re

    return re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) is not None


def _today() -> str:
    from strongback.site import today

    return today().isoformat()


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "schema": cmd_schema,
    "new": cmd_new,
}


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="strongback", description=__doc__)
    main.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    sub = main.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every content file and list all problems")
    sub.add_parser("schema", help="write a JSON Schema per content kind into schemas/")
    new = sub.add_parser("new", help="scaffold a new, valid content file")
    new.add_argument("kind", choices=["exercise", "handout"])
    new.add_argument("id", help="lower-case id with hyphens, e.g. wall-sit")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
