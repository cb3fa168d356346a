"""Screenshots of the key pages, to look at: phone (375 px) and desktop (1280 px), light and dark.

    python scripts/screenshots.py --site site --output /tmp/shots
    python scripts/screenshots.py --site site --full      # whole pages, not the first screen

Serves the built site on 127.0.0.1 at a free port and drives Debian's Chromium through
Playwright (never `playwright install`). Writes <page>-<width>-<scheme>.png.
"""

from __future__ import annotations

import argparse
import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAGES = {
    "home": "",
    "finder": "exercises/",
    "exercise": "exercises/bird-dog/",
    "routine": "handouts/gentle-start/",
}
SIZES = {"375": {"width": 375, "height": 667}, "1280": {"width": 1280, "height": 800}}
CHROMIUM = os.environ.get("STRONGBACK_CHROMIUM", "/usr/bin/chromium")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site folder")
    parser.add_argument("--output", type=Path, default=Path("screenshots"), help="PNG folder")
    parser.add_argument("--full", action="store_true", help="whole pages, not the first screen")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(args.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for width, viewport in SIZES.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=viewport, color_scheme=scheme)
                    page = context.new_page()
                    for name in args.pages:
                        page.goto(base + PAGES[name])
                        page.wait_for_load_state("networkidle")
                        target = args.output / f"{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=args.full)
                        print(target)
                    context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
