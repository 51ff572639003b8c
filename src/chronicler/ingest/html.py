"""HTML page -> title, author, date and clean article body.

trafilatura finds the main content and the page metadata; its text then goes through the same
line classifier as scraped plain text (``clean_plaintext``), which removes what trafilatura
keeps of share bars, promo lines and a repeated headline. When trafilatura finds nothing, the
page's visible text (navigation, forms, sidebars and footers dropped) is cleaned as plain text.
Everything is offline and deterministic: no fetching, no de-duplication cache across calls.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..nlp.limits import MAX_CHARS
from .cleaned import CleanText, clean_author, normalise_date
from .plaintext import clean_plaintext

# trafilatura's balanced mode (neither favor_precision nor favor_recall). Measured: all three
# modes gave the same bodies on the HTML fixtures and on 342 corpus articles (TR-News, PolNeAR,
# LGL) wrapped in two page templates (WordPress with comments, news page with cookie banner):
# paragraph recall 0.991 (the rest "Follow X on Twitter"-style lines the plain-text pass
# drops), no furniture leaked, 342/342 titles. With no difference, the default is kept.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,  # tables carry results and casualty figures; rows stay one line
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "with_metadata": True,
    "deduplicate": False,  # a cross-call cache would make output depend on earlier inputs
    "output_format": "python",
}
# trafilatura's time grows with the number of elements: 20,000 took 6.5 s, 100,000 20 s and a
# 2.7 MB page of 40,000 paragraphs 39 s on this machine. Pages with more tags than this (real
# news pages have a few thousand) are read by the linear fallback, which keeps the 30-second
# bound per article.
MAX_TRAFILATURA_TAGS = 20_000
MAX_TREE_TAGS = 200_000  # above this, not even an lxml tree: the linear tag stripper
UNCLEANED_CHARS = 4 * MAX_CHARS  # visible text this long is over the limit after any cleaning
# Elements that are never article text, removed in the fallback path.
_FURNITURE_XPATH = (
    "//script|//style|//noscript|//template|//svg|//iframe|//form|//nav|//aside|//footer"
    "|//button|//select|//textarea|//input|//label|//menu|//head/*[not(self::title)]"
)
# Elements that end a line in rendered HTML, so their text becomes a line of its own.
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "dd", "dt", "dl", "tr", "td", "th", "table", "section",
    "article", "header", "main", "blockquote", "pre", "figure", "figcaption", "title",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "center",
)
_XML_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+[|–—»-]\s+")  # "Headline | Site", "Site - Headline"
_COLON_SPLIT = re.compile(r":\s+")  # "Blog Name: Post Title", only when one side is known

log = logging.getLogger(__name__)


def clean_html(html: str, *, url: str | None = None) -> CleanText:
    """Title, author, published date (YYYY-MM-DD) and clean body of one HTML page.

    The body's paragraphs are joined with ``"\\n\\n"``. ``url`` only helps metadata
    extraction; nothing is fetched.
    """
    if html.count("<") > MAX_TRAFILATURA_TAGS:  # bounded time: see MAX_TRAFILATURA_TAGS
        log.debug("%s: over %d tags, read without trafilatura", url or "page",
                  MAX_TRAFILATURA_TAGS)
        return _fallback(html)
    doc = _extract(html, url)
    text = (getattr(doc, "text", None) or "").strip()
    if doc is None or not text:
        return _fallback(html)
    page_title = _page_title(html)
    title = _title(doc.title, doc.sitename, page_title)
    body = clean_plaintext(text, title_hint=title)
    return CleanText(
        title=title or body.title,
        author=clean_author(doc.author) or body.author,
        published=normalise_date(doc.date) or body.published,
        text=body.text,
    )


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's document, or ``None`` when it finds no main content (or fails)."""
    from trafilatura import bare_extraction  # imported lazily: ~0.3 s, only HTML needs it

    try:
        return bare_extraction(html, url=url, **_TRAFILATURA_OPTIONS)
    except Exception as err:  # noqa: BLE001 - malformed trees break trafilatura, htmldate and
        # lxml in many ways (ValueError, AssertionError from drop_tree on '<IFRAME>HTML', found
        # by Hypothesis); the page is then read by the fallback instead of losing the batch
        log.debug("trafilatura failed on %s: %s: %s", url or "page", type(err).__name__, err)
        return None


def _title(found: str | None, sitename: str | None, page_title: str | None) -> str | None:
    """The article headline, not the blog or site name.

    trafilatura falls back to the first ``<h1>``, which on blogs is the blog's name. When its
    title (or the site name) is one part of ``<title>`` ("Blog Name: Post Title",
    "Headline | Site"), the parts are weighed and the longest that is not the site name wins.
    """
    found = " ".join(found.split()) if found else None
    if not page_title:
        return found
    if sitename and found and sitename.casefold() == found.casefold():
        sitename = None  # trafilatura sometimes copies one into the other; then it says nothing
    known = {n.casefold() for n in (found, sitename) if n}
    for splitter in (_TITLE_SPLIT, _COLON_SPLIT):
        parts = [p.strip() for p in splitter.split(page_title) if p.strip()]
        if len(parts) > 1 and (known & {p.casefold() for p in parts} or not known):
            site = (sitename or "").casefold()
            pieces = [p for p in parts if p.casefold() != site]
            if found and found.casefold() != site:
                pieces.append(found)
            return max(pieces, key=lambda p: len(p.split())) if pieces else found
    return found or page_title


def _page_title(html: str) -> str | None:
    """The text of ``<title>``, whitespace-normalised."""
    m = re.search(r"<title[^>]*>(.*?)</title\s*>", html[:20000], re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    from html import unescape

    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    return text or None


def _fallback(html: str) -> CleanText:
    """The page's visible text, cleaned as scraped plain text (when it is too long to be an
    article whatever the cleaning, uncleaned: the parser's limit then names it, fast)."""
    text = html_to_text(html)
    if len(text) > UNCLEANED_CHARS:
        return CleanText(text=text)
    return clean_plaintext(text)


def html_to_text(html: str) -> str:
    """Visible text of a page, one line per block element, furniture elements removed."""
    from lxml import etree
    from lxml import html as lxml_html

    # lxml refuses control characters in the text it is given back (found by fuzzing)
    markup = _XML_CONTROLS.sub("", _XML_DECLARATION.sub("", html))
    if markup.count("<") > MAX_TREE_TAGS:  # a tree of millions of elements: seconds per MB
        return strip_tags(markup)
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return strip_tags(markup)
    if _depth(root) >= _LXML_MAX_DEPTH:  # libxml2 stops nesting at 256 and drops the rest
        return strip_tags(markup)
    for element in root.xpath(_FURNITURE_XPATH):
        if element.getparent() is not None:  # the root itself cannot be dropped
            element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    for link in root.iter("a"):  # share bars: "<a>Email</a><a>Share</a>" must not fuse
        following = link.getnext()
        if following is not None and following.tag == "a" and not (link.tail or "").strip():
            link.tail = " "
    return root.text_content()


# libxml2 (without XML_PARSE_HUGE) stops building the tree at this depth and drops what is
# deeper: a page nested 50,000 <div>s deep came out empty. Such pages are read tag by tag.
_LXML_MAX_DEPTH = 255
_INVISIBLE_OPEN = re.compile(r"<(script|style|noscript|template|svg|iframe|textarea|select|"
                             r"head)\b[^<>]*>|<!--", re.IGNORECASE)
_BLOCK = re.compile(r"</?(?:" + "|".join(_BLOCK_TAGS) + r")\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def strip_tags(markup: str) -> str:
    """Visible text without a tree: invisible elements and comments dropped, block tags made
    line breaks, other tags removed, entities decoded. Linear in the page's size (an element
    that is never closed runs to the end of the page, as in a browser)."""
    from html import unescape

    kept: list[str] = []
    lower = markup.lower()
    pos = 0
    while (m := _INVISIBLE_OPEN.search(markup, pos)) is not None:
        kept.append(markup[pos:m.start()])
        closing = "-->" if m.group(0) == "<!--" else f"</{m.group(1).lower()}"
        end = lower.find(closing, m.end())
        if end < 0:
            pos = len(markup)
            break
        close_end = markup.find(">", end)
        pos = len(markup) if close_end < 0 else close_end + 1
    kept.append(markup[pos:])
    text = _BLOCK.sub("\n", " ".join(kept))
    return unescape(_TAG.sub("", text))


def _depth(root) -> int:  # type: ignore[no-untyped-def]
    """The depth of the deepest element, counted without recursion."""
    deepest = 0
    for element in root.iter():
        depth = 0
        while element is not None and depth < _LXML_MAX_DEPTH:
            element = element.getparent()
            depth += 1
        deepest = max(deepest, depth)
        if deepest >= _LXML_MAX_DEPTH:
            break
    return deepest
