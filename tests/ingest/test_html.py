"""clean_html on hand-written pages: trafilatura's path, the fallback path, odd inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicler.ingest import html as html_module
from chronicler.ingest.cleaned import CleanText
from chronicler.ingest.html import clean_html, html_to_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))


def _expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _check(got: CleanText, want: dict) -> None:
    assert (got.title, got.author, got.published) == (
        want["title"], want["author"], want["published"])
    paragraphs = got.text.split("\n\n")
    assert paragraphs[0] == want["first_paragraph"]
    assert paragraphs[-1] == want["last_paragraph"]
    for kept in want.get("present", []):
        assert kept in paragraphs
    assert [line for line in want["absent"] if line in got.text] == []


def test_fixtures_cover_blog_and_news_pages() -> None:
    assert {"wordpress_blog", "news_page"} <= {p.stem for p in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_fixture(page: Path) -> None:
    _check(clean_html(page.read_text(encoding="utf-8")), _expected(page))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_fallback_when_trafilatura_finds_nothing(page: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "_extract", lambda html, url: None)
    _check(clean_html(page.read_text(encoding="utf-8")), _expected(page))


def test_deterministic() -> None:
    markup = (FIXTURES / "news_page.html").read_text(encoding="utf-8")
    first = clean_html(markup, url="https://example.org/africa/border-talks")
    assert all(clean_html(markup, url="https://example.org/africa/border-talks") == first
               for _ in range(3))


@pytest.mark.parametrize("markup", ["", "<html><body></body></html>", "   ",
                                    "<?xml version='1.0' encoding='utf-8'?><html></html>"])
def test_empty_pages(markup: str) -> None:
    assert clean_html(markup).text == ""


def test_xml_declaration_and_fragment() -> None:
    markup = ("<?xml version='1.0' encoding='utf-8'?><html><head><title>Ceasefire holds</title>"
              "</head><body><p>The ceasefire held for a third day on Sunday, monitors said.</p>"
              "<p>Both sides reported minor violations near the front line.</p></body></html>")
    got = clean_html(markup)
    assert got.title == "Ceasefire holds"
    assert got.text.startswith("The ceasefire held for a third day")


def test_html_to_text_drops_furniture_elements() -> None:
    text = html_to_text("<html><body><nav><a>Home</a><a>World</a></nav><p>One.</p><br>"
                        "<p>Two <b>bold</b> words.</p><script>var x = 1;</script>"
                        "<footer>© 2019</footer></body></html>")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == ["One.", "Two bold words."]
