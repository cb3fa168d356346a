"""Lighthouse scores for the home page, an exercise page and a handout page.

Builds the site with its address set to a local server (so canonical URLs, the sitemap and
robots.txt are checked as they would be where the site is published), serves it on 127.0.0.1,
runs Lighthouse from npm with Debian's Chromium, and writes the scores to benchmarks/lighthouse.md.

    python scripts/lighthouse.py            # build, serve, measure, write the file
    python scripts/lighthouse.py --site site --output /tmp/scores.md

Needs Node.js 18+ (npx fetches the pinned Lighthouse on first use) and Chromium at /usr/bin/chromium
(or CHROME_PATH). Accessibility, Best Practices and SEO aim at 100; Performance is recorded only:
it depends on the machine.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.8.2"
"""Pinned: 12.x is the last line that runs on Node 20. Scores move between versions."""
PAGES = {
    "Home": "",
    "Exercise (Bird dog)": "exercises/bird-dog/",
    "Handout (Gentle start)": "handouts/gentle-start/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def build_site(target: Path, site_url: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", STRONGBACK_SITE_DIR=str(target))
    env["STRONGBACK_SITE_URL"] = site_url
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(ROOT / "mkdocs.yml")],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip


def run_lighthouse(url: str, report: Path, chrome: str) -> dict[str, Any]:
    npx = shutil.which("npx")
    if npx is None:
        raise SystemExit("lighthouse: npx not found; install Node.js 18 or later")
    env = dict(os.environ, CHROME_PATH=chrome)
    subprocess.run(
        [npx, "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"],
        env=env, check=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def score(result: dict[str, Any], category: str) -> int:
    value = result["categories"][category]["score"]
    return round(value * 100) if value is not None else -1


def shortfalls(result: dict[str, Any], category: str) -> list[str]:
    """Titles of the scored audits that did not pass in `category`."""
    audits = result["audits"]
    failing = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            failing.append(f"{audit['title']} ({audit.get('displayValue') or audit['score']})")
    return failing


def report(results: dict[str, dict[str, Any]], chrome: str) -> str:
    first = next(iter(results.values()))
    lines = [
        "# Lighthouse scores",
        "",
        "Written by `python scripts/lighthouse.py` (see the README). Accessibility, Best Practices",
        "and SEO aim at 100; Performance is recorded, not asserted: it depends on the machine.",
        "",
        f"- Measured: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Lighthouse {first['lighthouseVersion']}, {first['environment']['hostUserAgent']}",
        f"- Chromium: {chrome}; {first['configSettings']['formFactor']} form factor, "
        f"{first['configSettings']['throttlingMethod']} throttling",
        f"- Machine: {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "",
        "| Page | Performance | Accessibility | Best Practices | SEO |",
        "|---|---|---|---|---|",
    ]
    for name, result in results.items():
        scores = " | ".join(str(score(result, category)) for category in CATEGORIES)
        lines.append(f"| {name} (`/{PAGES[name]}`) | {scores} |")
    notes = []
    for name, result in results.items():
        for category in CATEGORIES:
            for item in shortfalls(result, category):
                notes.append(f"- {name}, {category}: {item}")
    lines += ["", "## Audits that did not pass", ""] + (notes or ["None."])
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to measure instead of building")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "lighthouse.md")
    args = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).is_file():
        raise SystemExit(f"lighthouse: no Chromium at {chrome}; `apt-get install chromium`")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="strongback-lighthouse-") as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            build_site(site, base)
        server = ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            results = {
                name: run_lighthouse(base + path, Path(work) / f"{index}.json", chrome)
                for index, (name, path) in enumerate(PAGES.items())
            }
        finally:
            server.shutdown()
            server.server_close()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report(results, chrome), encoding="utf-8")
    print(args.output.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
