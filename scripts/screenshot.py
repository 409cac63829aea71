"""Refresh ``docs/screenshot-story.png``: the demo corpus's story page in ``newsprism serve``.

Why a script and not the browser test: the test's store also holds a hostile article (to prove
the pages escape it), which does not belong in the README's picture. Run by ``make screenshot``;
needs Debian's ``/usr/bin/chromium`` (``scripts/test-deps.sh`` installs it) and Playwright.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

from newsprism import api
from newsprism.web import create_app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshot-story.png"
CHROMIUM = "/usr/bin/chromium"


def main(out: Path = OUT) -> None:
    with tempfile.TemporaryDirectory(prefix="newsprism-shot-") as tmp:
        db = Path(tmp) / "news.db"
        api.ingest([api.demo_corpus()], db, embedder="minilm")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=srv.run, daemon=True).start()
        deadline = time.monotonic() + 30
        while not srv.started:
            if time.monotonic() > deadline:
                sys.exit("newsprism serve did not start")
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        top = httpx.get(f"{base}/api/stories", params={"order": "covered"}).json()["stories"][0]
        httpx.get(f"{base}/api/stories/{top['id']}", timeout=300).raise_for_status()  # brief computed once
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.goto(f"{base}/stories/{top['id']}")
            page.wait_for_selector("svg.coverage")
            page.screenshot(path=str(out))
            browser.close()
        srv.should_exit = True
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
