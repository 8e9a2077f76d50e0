"""The course website (``make site``) as a reader meets it, offline, in headless Chromium.

Uses ``build/site`` when ``make site`` has built it (CI does, with warnings as errors), else
builds it. A local HTTP server on 127.0.0.1 serves it; every request to another host is
blocked and recorded, and the test fails if a page asked for one: MathJax, RequireJS and
the widget manager must come from the site itself. On the pages: formulas are typeset
(MathJax output present, no raw ``\\(``), every figure loads, the widget lesson shows its
sliders from the stored widget state, each lesson has a download button, and search finds
English and Chinese terms.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from browser import CHROMIUM, FLAGS, _missing

pytestmark = [pytest.mark.site, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "site"
LESSONS = sorted(p.stem for p in (ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # no request log in the test output
        pass


@pytest.fixture(scope="module")
def site():
    reason = _missing(ROOT / "lessons" / "00_start.ipynb")
    if reason:
        import os

        if os.environ.get("NNLESSON_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test required but {reason}")
        pytest.skip(reason)
    stale = (
        not (SITE / "index.html").exists()
        or not (SITE / "zh" / "index.html").exists()
        or any(
            (ROOT / "lessons" / f"{name}.ipynb").stat().st_mtime
            > (SITE / "lessons" / f"{name}.html").stat().st_mtime
            for name in LESSONS
            if (SITE / "lessons" / f"{name}.html").exists()
        )
    )
    if stale:
        subprocess.run([sys.executable, str(ROOT / "docs" / "site" / "build.py")], check=True)
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(browser, base: str, path: str):
    """A page on ``path`` with every request to another host blocked and recorded."""
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.set_default_timeout(60_000)
    page.foreign = []

    def route(r):
        if r.request.url.startswith(base):
            r.continue_()
        else:
            page.foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("load")
    return page


def test_home_page_lists_every_lesson(site, browser):
    page = open_page(browser, site, "index.html")
    links = page.locator("article a[href^='lessons/']")
    hrefs = {link.get_attribute("href").split("/")[-1] for link in links.all()}
    assert {f"{name}.html" for name in LESSONS} <= hrefs
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"


def test_a_lesson_page_renders_math_and_figures_offline(site, browser):
    from playwright.sync_api import expect

    page = open_page(browser, site, "lessons/03_backprop_by_hand.html")
    expect(page.locator("mjx-container").first).to_be_attached()
    text = page.locator("article").inner_text()
    assert "\\(" not in text and "\\[" not in text, "raw LaTeX left on the page"
    images = page.locator("article img")
    assert images.count() >= 1
    widths = images.evaluate_all("imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    assert all(w > 0 for w in widths), f"a figure did not load: {widths}"
    assert page.locator(".btn-download-source-button, a[href$='.ipynb']").count() >= 1
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"
    page.screenshot(path=str(SITE.parent / "site-03.png"), full_page=False)


def test_a_widget_lesson_shows_its_sliders_from_stored_state(site, browser):
    from playwright.sync_api import expect

    page = open_page(browser, site, "lessons/11_xor.html")
    expect(page.locator(".widget-slider").first).to_be_visible()
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"
    page.locator(".widget-slider").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SITE.parent / "site-11.png"), full_page=False)


@pytest.mark.parametrize(("term", "lesson"), [("Nesterov", "07_"), ("反向传播", "")])
def test_search_finds_english_and_chinese_terms(site, browser, term, lesson):
    from playwright.sync_api import expect

    page = open_page(browser, site, f"search.html?q={term}")
    results = page.locator("#search-results li")
    expect(results.first).to_be_attached()
    # results appear one by one (5 ms apart); the summary is written when the last is shown
    expect(page.locator("#search-results p.search-summary")).not_to_be_empty()
    hrefs = [a.get_attribute("href") for a in page.locator("#search-results li a").all()]
    assert any(lesson in (h or "") for h in hrefs), hrefs
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"


# ------------------------------------------------------------ the Chinese edition
def test_the_two_editions_link_to_each_other(site, browser):
    page = open_page(browser, site, "index.html")
    page.locator("a[href='zh/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/zh/index.html")
    links = page.locator("article a[href^='lessons/zh/']")
    assert {link.get_attribute("href").split("/")[-1] for link in links.all()} >= {
        f"{name}.html" for name in LESSONS
    }
    assert "课程" in page.locator("article").inner_text()
    page.locator("a[href='../index.html']").first.click()
    page.wait_for_load_state("load")
    assert not page.url.endswith("/zh/index.html") and page.url.endswith("/index.html")
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"


def test_a_chinese_lesson_page_renders_offline(site, browser):
    from playwright.sync_api import expect

    page = open_page(browser, site, "zh/lessons/zh/03_backprop_by_hand.html")
    expect(page.locator("mjx-container").first).to_be_attached()
    text = page.locator("article").inner_text()
    assert "第 03 课" in text and "反向传播" in text
    widths = page.locator("article img").evaluate_all(
        "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)"
    )
    assert widths and all(w > 0 for w in widths), f"a figure did not load: {widths}"
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"
    page.screenshot(path=str(SITE.parent / "site-zh-03.png"), full_page=False)


@pytest.mark.parametrize(("term", "lesson"), [("链式法则", "03_"), ("动量", "07_")])
def test_the_chinese_search_finds_chinese_words(site, browser, term, lesson):
    """Its own index, words split by jieba: a two-character word finds its lesson."""
    from playwright.sync_api import expect

    page = open_page(browser, site, f"zh/search.html?q={term}")
    expect(page.locator("#search-results li").first).to_be_attached()
    # results appear one by one (5 ms apart); the summary is written when the last is shown
    expect(page.locator("#search-results p.search-summary")).not_to_be_empty()
    hrefs = [a.get_attribute("href") for a in page.locator("#search-results li a").all()]
    assert any(lesson in (h or "") for h in hrefs), hrefs
    assert page.foreign == [], f"loaded from other hosts: {page.foreign}"
