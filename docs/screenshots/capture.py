"""Re-create docs/screenshots/document.png: the bundled examples, one document, a fact hovered.

    .venv/bin/python docs/screenshots/capture.py [--doc kh-police-annual-2022.txt]

Needs Chromium at /usr/bin/chromium (Debian's package) and Playwright for Python; the
server runs on a free loopback port and nothing else is contacted.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tipwatch.config import Settings
from tipwatch.present.web.app import create_app
from tipwatch.present.web.background import running_server
from tipwatch.store.db import Store
from tipwatch.store.loader import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc", default="kh-police-annual-2022.txt")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("document.png"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'examples.db'}"
        store = Store.open(url)
        ingest_paths(store, [str(ROOT / "examples")], Settings(db=url))
        store.close()
        with running_server(create_app(url)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            page.goto(f"{base}/documents/{args.doc}")
            page.locator("mark.fact").first.hover()
            page.locator("#fact-card").wait_for(state="visible")
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"{args.out}: {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
