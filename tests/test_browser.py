"""The chat page in headless Chromium: ask, see the streamed answer and the cited items,
and check that markup inside the minutes stays text. Takes a screenshot; set
UPDATE_SCREENSHOT=1 to refresh the README's docs/screenshot.png with it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutesqa.config import Settings
from minutesqa.ui.style import PHONE_COLUMNS
from tests.helpers_server import serving
from tests.test_app import (  # noqa: F401  (fixtures)
    EVIL_QUESTION,
    STREET_ANGELS,
    evil_pipeline,
    evil_settings,
)

CHROMIUM = Path(os.environ.get("MINUTES_CHROMIUM", "/usr/bin/chromium"))
README_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.timeout(300),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: apt-get install -y chromium (or set MINUTES_CHROMIUM)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 940})
    page = context.new_page()
    dialogs: list[str] = []
    elsewhere: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://127.0.0.1", "data:")) else elsewhere.append(r.url)
        ),
    )
    page.dialogs, page.elsewhere = dialogs, elsewhere
    try:
        yield page
    finally:
        context.close()


def wait_for_text(page: Any, selector: str, text: str, timeout: int = 60_000) -> None:
    page.wait_for_function(
        "([sel, text]) => { const el = document.querySelector(sel);"
        " return !!el && el.innerText.includes(text); }",
        arg=[selector, text],
        timeout=timeout,
    )


def ask(page: Any, url: str, question: str, expect: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    box = page.locator("#question textarea")
    box.wait_for(timeout=30_000)
    box.fill(question)
    box.press("Enter")
    # the answer has finished streaming once the cited-items table is filled
    wait_for_text(page, "#cited-items", expect)


def test_ask_and_see_citations(
    page: Any, sample_settings: Settings, pipeline: Any, tmp_path: Path
) -> None:
    with serving(sample_settings, pipeline) as (_demo, url):
        ask(page, url, STREET_ANGELS, "SSP/5/24")
        chat = page.locator("#chat")
        cited = page.locator("#cited-items")
        assert "SSP/5/24" in chat.inner_text()
        assert "Serious Violence Duty" in chat.inner_text()
        assert "30 May 2024" in chat.inner_text()
        assert "SSP/5/24" in cited.inner_text()
        assert "Serious Violence Duty" in cited.inner_text()
        header = page.locator("#minutes-header").inner_text()
        assert "3 meetings of Safer Stockton Partnership" in header
        page.get_by_text("Full text of the cited items").click()
        wait_for_text(page, "#item-text", "Street Angels", 10_000)
        page.get_by_text("Full text of the cited items").click()  # closed again for the picture
        shot = README_SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "shot.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000  # a rendered page, not a blank
        # at phone width the cited items keep their fixed columns (header and body aligned)
        # and the table scrolls sideways, rather than wrapping words letter by letter
        page.set_viewport_size({"width": 390, "height": 844})
        ask(page, url, STREET_ANGELS, "SSP/5/24")
        boxes = [
            [page.locator(f"#cited-items {cell}").nth(n).bounding_box() for n in range(6)]
            for cell in ("th", "[role=gridcell]")
        ]
        assert [round(b["width"]) for b in boxes[1]] == PHONE_COLUMNS["cited-items"]
        assert [round(b["x"]) for b in boxes[0]] == [round(b["x"]) for b in boxes[1]]
        scroll = page.eval_on_selector(
            "#cited-items .virtual-table-viewport", "e => [e.scrollWidth, e.clientWidth]"
        )
        assert scroll[0] > scroll[1]  # wider than the screen: it scrolls
    assert page.elsewhere == []  # the page fetched nothing from other hosts


def test_markup_in_the_minutes_stays_text(
    page: Any,
    evil_settings: Settings,  # noqa: F811
    evil_pipeline: Any,  # noqa: F811
) -> None:
    with serving(evil_settings, evil_pipeline) as (_demo, url):
        ask(page, url, EVIL_QUESTION, "Street Lighting Renewal")
        page.get_by_text("Full text of the cited items").click()
        wait_for_text(page, "#item-text", "Ignore previous instructions", 10_000)
        item = page.locator("#item-text")
        chat_text = page.locator("#chat").inner_text()
        item_text = item.inner_text()
        for text in (chat_text, item_text):
            assert "<script>alert(1)</script>" in text
            assert "[click](http://evil.example)" in text
        assert '<a href="http://evil.example/a">a link</a>' in item_text
        assert "<script>alert(1)</script>" in page.locator("#cited-items").inner_text()
        assert page.locator("a[href*='evil.example']").count() == 0
        assert page.locator("img[src*='evil.example']").count() == 0
        scripts = page.eval_on_selector_all(
            "script", "els => els.filter(e => e.textContent.includes('alert(1)')).length"
        )
        assert scripts == 0
        assert page.dialogs == [] and page.elsewhere == []


def test_briefing_and_decisions_tabs_with_downloads(
    page: Any, sample_settings: Settings, pipeline: Any, tmp_path: Path
) -> None:
    """A briefing on Street Angels and the 2021 decisions, each downloaded as a user would
    (the browser's download, saved and read back)."""
    with serving(sample_settings, pipeline) as (_demo, url):
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_role("tab", name="Briefing").click()
        topic = page.get_by_label("Topic")
        topic.fill("Street Angels")
        topic.press("Enter")
        wait_for_text(page, "#briefing", "SSP/5/24")
        assert "Serious Violence Duty" in page.locator("#briefing").inner_text()
        assert "discussed at 1 meeting" in page.locator("#brief-status").inner_text()
        with page.expect_download() as got:
            page.get_by_role("button", name="Download Markdown").click()
        saved = tmp_path / "briefing.md"
        got.value.save_as(str(saved))
        assert saved.read_text(encoding="utf-8").startswith("# Briefing: Street Angels")
        shot = README_SCREENSHOT.with_name("briefing.png")
        shot = shot if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "briefing.png"
        page.screenshot(path=str(shot), full_page=True)

        page.get_by_role("tab", name="Decisions").click()
        start = page.locator("#register-from textarea, #register-from input").first
        start.fill("2021-01-01")
        page.get_by_role("button", name="Show").click()
        wait_for_text(page, "#register-status", "decisions")
        assert "2021-02-02" in page.locator("#register").inner_text()
        with page.expect_download() as got:
            page.get_by_role("button", name="Download CSV").click()
        csv = tmp_path / "decisions.csv"
        got.value.save_as(str(csv))
        lines = csv.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "date,committee,item,title,decision,outcome,tally,source"
        assert len(lines) > 1 and all(line[:10] >= "2021-01-01" for line in lines[1:])
        assert "2011-07-05" not in csv.read_text(encoding="utf-8")  # the filter held
    assert page.elsewhere == []
