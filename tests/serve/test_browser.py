"""The dashboard in a real headless Chromium (Debian's `chromium`, driven by Playwright) against
a real uvicorn server over a store of the shipped samples plus one hostile article.

Skips, saying why, where Playwright or a Chromium binary is missing; `.ci/run` installs both.
Set CHRONICLER_SCREENSHOT=path to keep the dashboard screenshot (the README's is made so).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright is not installed: run `make install`")

CHROMIUM = next((p for p in (os.environ.get("CHRONICLER_CHROMIUM"), shutil.which("chromium"),
                             shutil.which("chromium-browser"), shutil.which("google-chrome"))
                 if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium binary: install Debian's "
                                "`chromium` package (apt-get install chromium) or set "
                                "CHRONICLER_CHROMIUM")

HOSTILE = {
    "id": "hostile-1",
    "title": "<script>alert('title')</script><img src=x onerror=alert('img')>",
    "url": "javascript:alert('url')",
    "published": "2024-02-01",
    "text": ("Russian forces shelled Kharkiv on Monday, officials said. "
             "<script>alert('text')</script> <img src=x onerror=alert('text-img')> "
             "<a href=\"javascript:alert('link')\">read more</a> "
             "\"We will not stop <b onmouseover=alert('quote')>now</b>,\" the spokesman said."),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from chronicler.cli.demo import sample_paths
    from chronicler.serve import create_app
    from chronicler.store import ingest

    root = tmp_path_factory.mktemp("browser")
    hostile = root / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = root / "demo.duckdb"
    ingest([*sample_paths(), str(hostile)], db, progress=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.problems = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    yield page
    page.close()


def ready(page, view="events"):
    page.wait_for_selector(f"body[data-ready={view}]")


def test_dashboard_loads_with_map_markers_timeline_and_table(server, page, tmp_path):
    page.goto(server + "/")
    ready(page)
    page.wait_for_selector("path.event-marker")
    assert page.locator("path.event-marker").count() >= 3
    assert page.locator("#timeline svg rect").count() >= 3
    assert page.locator("#events-table tbody tr").count() >= 10
    assert "articles" in page.locator("#stats").inner_text()
    page.wait_for_timeout(300)  # let the basemap draw before the picture
    shot = os.environ.get("CHRONICLER_SCREENSHOT")
    page.screenshot(path=shot or str(tmp_path / "dashboard.png"))
    assert Path(shot or tmp_path / "dashboard.png").stat().st_size > 10_000
    assert page.problems == []


def test_filter_changes_table_and_url(server, page):
    page.goto(server + "/")
    ready(page)
    before = page.locator("#events-total").inner_text()
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**type=ASSAULT**")
    # (no wait_for_function: the page's CSP forbids evaluating strings, as it should)
    sync_api.expect(page.locator("#events-total")).not_to_have_text(before)
    chips = page.locator("#events-table tbody .type-chip").all_inner_texts()
    assert chips and set(chips) == {"ASSAULT"}
    # the URL alone restores the view: a shared link shows the same table
    page.goto(page.url)
    ready(page)
    assert page.locator("select[name=type]").input_value() == "ASSAULT"
    assert set(page.locator("#events-table tbody .type-chip").all_inner_texts()) == {"ASSAULT"}
    assert page.problems == []


def test_clicked_event_highlights_its_evidence(server, page):
    page.goto(server + "/?sort=-confidence")
    ready(page)
    row = page.locator("#events-table tbody tr").first
    article, event = row.get_attribute("data-article"), row.get_attribute("data-event")
    row.click()
    ready(page, "article")
    page.wait_for_selector("#article-text span.ev.active")
    shown = "".join(page.locator("#article-text span.ev.active").all_text_contents())
    record = page.request.get(f"{server}/api/articles/{article}").json()
    (coded,) = [e for e in record["events"] if e["event_id"] == event]
    assert shown == coded["evidence_text"] == record["text"][coded["evidence_start"]:
                                                             coded["evidence_end"]]
    assert f"event={event}" in page.url and page.locator("#article-fields li.active").count() == 1
    assert page.problems == []


def test_hostile_article_runs_no_script(server, page):
    page.goto(server + "/?view=article&article=hostile-1")
    ready(page, "article")
    assert page.locator("#article-title").inner_text() == HOSTILE["title"]
    text = page.locator("#article-text").inner_text()
    assert "<script>alert('text')</script>" in text and "onerror=alert" in text
    assert page.locator("#article-text img, #article-text script, #article-text a").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    for extra in ("", "&q=Kharkiv"):  # the events table and the quotes list show it too
        page.goto(server + "/?view=events" + extra)
        ready(page)
    page.goto(server + "/?view=quotes&qq=stop")
    ready(page, "quotes")
    assert "onmouseover" in page.locator("#quotes").inner_text()
    page.hover("#quotes blockquote")
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('[onerror],[onmouseover],[onclick]').length") == 0
    assert page.problems == []


def test_network_quotes_actors_places_views_render(server, page):
    for view, selector in (("network", "#network svg line.edge"), ("quotes", "#quotes li"),
                           ("actors", "#actors-table tbody tr"),
                           ("places", "#places-table tbody tr")):
        page.goto(f"{server}/?view={view}")
        ready(page, view)
        assert page.locator(selector).count() >= 1, view
    page.goto(server + "/docs")
    page.wait_for_selector(".route")
    assert page.locator(".route").count() >= 10
    assert page.problems == []
