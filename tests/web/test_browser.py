"""The web view in a real browser: Debian's Chromium driven by Playwright, server on loopback.

Skipped only when Chromium is absent outside CI; in CI (``CI`` set) its absence fails.
No network is needed or used: every script, style and chart is served by the app.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import WebData
from tipwatch.present.web.app import create_app
from tipwatch.present.web.background import running_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail("CI must provide Chromium at /usr/bin/chromium (apt-get install chromium)")
    pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def base_url(web_data: WebData) -> Iterator[str]:
    _require_chromium()
    with running_server(create_app(web_data.url)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: None if r.url.startswith(base_url) else problems.append(f"off-site: {r.url}"))
    yield page
    context.close()
    assert problems == [], problems


def test_overview_shows_counts(page: Any, tmp_path: Path) -> None:
    page.goto("/")
    assert page.locator("#count-documents .n").inner_text() == "4"
    assert page.locator("#count-conflicts .n").inner_text() == "1"
    assert page.locator("#count-failed .n").inner_text() == "1"
    assert page.locator("#latest tbody tr").count() >= 3
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)


def test_filter_the_facts_table(page: Any, tmp_path: Path) -> None:
    page.goto("/facts")
    everything = page.locator("#facts tbody tr").count()
    page.select_option("#f-indicator", "victims")
    page.fill("#f-place", "KH")
    page.click("#f-apply")
    page.wait_for_url(re.compile(r".*indicator=victims.*"))
    rows = page.locator("#facts tbody tr")
    assert 0 < rows.count() < everything
    assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == {"victims"}
    assert "indicator=victims" in (page.get_attribute("#download-csv", "href") or "")
    page.screenshot(path=str(tmp_path / "facts.png"), full_page=True)


def test_document_highlights_show_their_fields(page: Any, web_data: WebData, tmp_path: Path) -> None:
    page.goto(f"/documents/{web_data.police_id}")
    marks = page.locator("mark.fact")
    assert marks.count() == 6
    first = marks.first
    assert first.inner_text() == "180"
    first.hover()
    card = page.locator("#fact-card")
    card.wait_for(state="visible")
    text = card.inner_text()
    assert "cases: 180" in text and "National Police" in text and "2022" in text
    assert "consistent" in text and "in a conflict" in text
    page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
    page.keyboard.press("Escape")
    page.locator("mark.fact").nth(5).focus()
    assert "suspects_arrested" in card.inner_text()
    card.get_by_role("link", name=re.compile("fact #6")).click()
    assert page.url.endswith("#fact-5")


def test_hostile_document_renders_as_text(page: Any) -> None:
    page.goto("/documents/wire-hostile")
    text = page.locator("#doc-text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    assert page.locator("h1").inner_text() == "<b>Rescue</b> <script>alert(2)</script>"
    assert page.locator('a[href^="javascript:"]').count() == 0
    # the page fixture asserts no dialog opened and nothing left the loopback server


def test_open_a_chart(page: Any, tmp_path: Path) -> None:
    page.goto("/series?indicator=cases")
    page.locator("figure.chart a.chart-link").first.click()
    page.wait_for_url(re.compile(r".*/series/view\?.*"))
    chart = page.locator("#chart")
    chart.wait_for(state="visible")
    assert page.evaluate("document.getElementById('chart').complete")
    assert page.evaluate("document.getElementById('chart').naturalWidth") > 0
    assert page.locator("#series-points tbody tr").count() == 4
    page.screenshot(path=str(tmp_path / "series.png"), full_page=True)
