"""Staging and atomic publish for one build: `mkdocs build` and `gh-deploy` build into a staging
folder beside site/, and site/ is replaced only when the build succeeded (strict-mode warnings
included: MkDocs raises their Abort inside its build, so the build error event sees it).

The builder's configuration is anything with a `site_dir` attribute (MkDocs' config included):
the staging folder is put there while the build runs, and the real folder put back at the end,
for gh-deploy reads it after the build.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import Protocol

from strongback.build import atomic


class SiteDir(Protocol):
    site_dir: str


class Staging:
    """One build's staging folder: made when the build starts, published or discarded when the
    builder shuts down."""

    def __init__(self, config: SiteDir, *, dirty: bool, log: logging.Logger) -> None:
        self.config = config
        self.final = Path(config.site_dir)
        self.staged = atomic.staging_folder(self.final)
        self.built = False
        self.failed = False
        self.log = log
        if dirty and self.final.is_dir():  # --dirty builds on top of the previous site
            shutil.copytree(self.final, self.staged, dirs_exist_ok=True)
        config.site_dir = str(self.staged)

    def finish(self) -> None:
        """Publish the staged site if the build succeeded, else discard it and say that the
        previous site was left as it was."""
        self.config.site_dir = str(self.final)
        if self.built and not self.failed:
            atomic.replace_folder(self.final, self.staged)
            self.log.info("strongback: published the new site to %s", self.final)
        else:
            atomic.discard(self.staged)
            print(
                f"strongback: the build failed; {self.final} was left exactly as it was.",
                file=sys.stderr,
            )
