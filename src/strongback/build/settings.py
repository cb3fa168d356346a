"""The site settings the engine needs from mkdocs.yml (the public address, the repository), read
without MkDocs, and the placeholder settings a fresh copy ships with.

The shipped mkdocs.yml and content/site.yml hold example values (a reserved `.example` domain,
an example repository) so a fresh clone builds. A published site must replace them: the build
warns once per setting, and `strongback check --publish` fails.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from strongback.model import Content

EXAMPLE_SITE_URL = "https://strongback.example/"
EXAMPLE_REPO_URL = "https://github.com/strong-back/strong-back"
EXAMPLE_DOMAIN = "strongback.example"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags: `!ENV [NAME, default]` reads the environment; others are kept as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # As MkDocs (pyyaml-env-tag): a name, or a list of names and a default as the last item.
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        assert isinstance(node, yaml.SequenceNode)
        items = loader.construct_sequence(node)
        names, default = (
            items[:-1] if len(items) > 1 else items,
            items[-1] if len(items) > 1 else None,
        )
    for name in names:
        value = os.environ.get(str(name))
        if value is not None:
            return yaml.safe_load(value) if value else value
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    site_url: str
    repo_url: str


def read_settings(config_file: Path) -> Settings:
    """site_url and repo_url as mkdocs.yml sets them, environment included (empty when unset).
    Under `mkdocs serve` MkDocs replaces site_url with the preview's address; this is the
    public one."""
    path = config_file
    data: dict[str, Any] = {}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return Settings(str(data.get("site_url") or ""), str(data.get("repo_url") or ""))


def placeholder_settings(settings: Settings, content: Content) -> list[str]:
    """One message per example value still in place, saying where to change it."""
    found = []
    if settings.site_url.rstrip("/") == EXAMPLE_SITE_URL.rstrip("/"):
        found.append(
            f"site_url is the example address {EXAMPLE_SITE_URL}: set `site_url` in mkdocs.yml "
            "(or STRONGBACK_SITE_URL) to the address the site is published at; canonical URLs, "
            "the sitemap and the handout QR codes use it."
        )
    if settings.repo_url.rstrip("/") == EXAMPLE_REPO_URL:
        found.append(
            f"repo_url is the example repository {EXAMPLE_REPO_URL}: set `repo_url` in mkdocs.yml "
            "(or STRONGBACK_REPO_URL) to your repository, or remove it."
        )
    contact = content.site.contact
    addresses = [contact.email or "", str(getattr(contact, "feedback_url", None) or "")]
    if any(EXAMPLE_DOMAIN in address for address in addresses):
        found.append(
            f"the contact address is a placeholder on {EXAMPLE_DOMAIN}: set `contact:` in "
            "content/site.yml to a real, monitored address."
        )
    return found


PLACEHOLDER_LOG = "strongback.placeholders"


def placeholder_log() -> logging.Logger:
    """Placeholder warnings go to stderr through this logger, outside the builder's own, so
    MkDocs' --strict does not count them and a fresh clone builds."""
    log = logging.getLogger(PLACEHOLDER_LOG)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log
