"""Drive the engine's preview the way `mkdocs serve` does (mkdocs/commands/serve.py), in one
process: `on_startup('serve')`, a first build, then after each edit the config is loaded afresh
and `build(config, serve_url=..., dirty=False)` runs again into the same folder.

    python tests/build/serve_session.py PROJECT SITE_DIR EDITS.json

EDITS.json: a list of edits, each a list of [file, old, new] replacements (relative to PROJECT);
an empty list builds once (a fresh full build). Prints one JSON line: each build's log lines."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8731/"


def main(project: Path, site_dir: Path, edits: list[list[list[str]]]) -> int:
    os.chdir(project)
    import importlib

    builder = os.environ.get("STRONGBACK_BUILDER") or "mkdocs"  # or properdocs
    if builder == "properdocs":  # as `python -m properdocs`: it answers `import mkdocs…`
        importlib.import_module("properdocs.replacement")
    build = importlib.import_module(f"{builder}.commands.build").build
    load_config = importlib.import_module(f"{builder}.config").load_config

    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    for name in {"mkdocs", builder}:  # the hook logs under mkdocs.plugins
        logging.getLogger(name).addHandler(Keep())
        logging.getLogger(name).setLevel(logging.INFO)

    def rebuild(first: bool) -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=False)

    builds = []
    rebuild(True)
    builds.append(lines[:])
    for edit in edits:
        for file, old, new in edit:
            path = project / file
            text = path.read_text("utf-8")
            if old not in text:
                raise SystemExit(f"{file}: {old!r} not found")
            path.write_text(text.replace(old, new, 1), "utf-8")
        lines.clear()
        rebuild(False)
        builds.append(lines[:])
    print(json.dumps(builds))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text())))
