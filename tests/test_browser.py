"""The web app and the static report in real headless Chromium (Debian's, driven by Playwright).

``scripts/test-deps.sh`` (run by ``make test``) installs ``/usr/bin/chromium``; these tests skip only
when it is still missing. The server runs uvicorn in a thread on a free 127.0.0.1 port over a temp
store holding the demo corpus and a hostile article, with the default (real) embedder and NLP.
The story-page test saves a screenshot to a temp dir; ``make screenshot`` (``scripts/screenshot.py``,
the demo corpus alone) refreshes ``docs/screenshot-story.png``, so a test run never rewrites the docs.
"""

from __future__ import annotations

import contextlib
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from test_web import HOSTILE, element_text, fill_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HIGHLIGHT = "rgb(255, 228, 92)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Iterator[str]:
    import uvicorn

    from newsprism.web import create_app

    db = tmp_path_factory.mktemp("browser") / "store" / "news.db"
    db.parent.mkdir()
    fill_store(db, demo_dir, "minilm")
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("newsprism serve did not start")
        time.sleep(0.05)
    # Compute the largest story's brief once (model loading takes a while on 2 cores).
    top = httpx.get(f"{base}/api/stories", params={"order": "covered"}).json()["stories"][0]
    httpx.get(f"{base}/api/stories/{top['id']}", timeout=300).raise_for_status()
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing and scripts/test-deps.sh could not install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="newsprism-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": 1280, "height": 1600},
            java_script_enabled=True,
        )
        context.set_default_timeout(120_000)
        yield context
        context.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    p = browser.new_page()
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs
    yield p
    p.close()


def _assert_highlighted_target(page, expected: str) -> None:  # type: ignore[no-untyped-def]
    target = page.locator(":target")
    assert target.count() == 1
    assert target.evaluate("e => e.tagName") == "MARK"
    assert target.evaluate("e => e.textContent") == expected
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    # the report scrolls smoothly: wait (bounded) until the highlighted sentence has scrolled into view
    in_view = (
        "() => { const r = document.querySelector(':target').getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.top < window.innerHeight; }"
    )
    with contextlib.suppress(Exception):  # on timeout, the assertion below reports where the target ended up
        page.wait_for_function(in_view, timeout=10_000)
    box = target.bounding_box()
    assert box and box["height"] > 0 and 0 <= box["y"] < page.viewport_size["height"], box


def test_story_list_to_story_to_highlighted_citation(server: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.get_by_role("link", name="Most covered").click()
    first = page.locator(".story-item h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/stories/**")
    assert page.locator(".story-head h2").inner_text() == title
    for part in ("What the sources agree on", "Sources"):
        assert page.get_by_role("heading", name=part, exact=True).count() == 1
    assert page.locator("svg.coverage").count() == 1
    shot = tmp_path / "screenshot-story.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    cite = page.locator(".summary a.cite").first
    href = cite.get_attribute("href")
    assert href and "start=" in href
    cite.click()
    page.wait_for_url("**/articles/**#hl")
    url = httpx.URL(page.url)
    start, end = int(url.params["start"]), int(url.params["end"])
    aid = url.path.rsplit("/", 1)[-1]
    text = httpx.get(f"{server}/api/articles/{aid}").json()["text"]
    _assert_highlighted_target(page, text[start:end])
    assert page.dialogs == []


def test_static_report_citation_jumps_to_the_source_sentence(server: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    top = httpx.get(f"{server}/api/stories", params={"order": "covered"}).json()["stories"][0]
    report = httpx.get(f"{server}/stories/{top['id']}/report.html", timeout=300)
    path = tmp_path / "brief.html"
    path.write_text(report.text, encoding="utf-8")
    page.goto(path.as_uri())
    cite = page.locator(".summary a.cite").first
    anchor = cite.get_attribute("href")
    assert anchor and anchor.startswith("#c")
    expected = element_text(report.text, anchor[1:])
    cite.click()
    page.wait_for_function(f"location.hash === {anchor!r}")
    _assert_highlighted_target(page, expected)


def test_add_article_through_the_form(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.get_by_role("link", name="Add articles").click()
    page.fill("#title", "Xi leaves Moscow after talks")
    page.fill("#outlet", "Browser Test Wire")
    page.fill("#published", "2023-03-22")
    page.fill(
        "#text",
        "Chinese leader Xi Jinping left Moscow on Wednesday after two days of talks with Vladimir "
        "Putin, the marmosetvalley bureau reported. Ukraine's president said he had invited Xi to Kyiv.",
    )
    page.get_by_role("button", name="Add to the store").click()
    page.wait_for_selector("text=1 article stored")
    assert page.get_by_role("link", name="Xi leaves Moscow after talks").count() == 1
    page.goto(server + "/?q=marmosetvalley")
    assert page.locator(".story-item").count() == 1
    assert "marmosetvalley" in page.locator(".hits").inner_text().lower()


def test_hostile_article_runs_no_script(server: str, page) -> None:  # type: ignore[no-untyped-def]
    hits = httpx.get(f"{server}/api/stories", params={"q": "pwned"}).json()["stories"]
    assert hits
    sid = hits[0]["id"]
    brief = httpx.get(f"{server}/api/stories/{sid}", timeout=300).json()["stories"][0]
    aid = next(a for a in brief["articles"] if "__pwned" in httpx.get(f"{server}/api/articles/{a}").json()["title"])
    for url in (f"/articles/{aid}", f"/articles/{aid}?start=0&end=40", f"/stories/{sid}", "/?q=pwned"):
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator('a[href^="javascript:"]').count() == 0, url
        assert page.locator("script, img[onerror]").count() == 0, url
    page.goto(f"{server}/articles/{aid}")
    assert HOSTILE["title"] in page.locator("h1").inner_text()  # shown as text, literally
    page.locator(".text").click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
