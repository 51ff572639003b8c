"""Pairing quotation marks in plain text, paragraph by paragraph.

Marks are paired only within a paragraph (a run of text without a newline), so one missing
mark cannot invert the pairing of every later quote in the article. Rules:

* Styles: ``“…”``, ``"…"``, ``„…“``/``„…”``, ``«…»``, ``»…«`` and single ``‘…’`` (only when the
  opening ``‘`` follows a blank or bracket and the closing ``’`` is not followed by a letter,
  so apostrophes never pair). Marks nested inside an open double quote are content.
* Straight ``"`` is an opener or a closer by its neighbours (blank before and a word after opens;
  a non-blank before and a blank or punctuation after closes).
* An opener met while a quote is open, in opening position, means the closer was forgotten:
  the open quote ends just before it and a new one starts.
* A quote still open at the end of its paragraph runs to the paragraph end; when the next
  paragraph starts with an opening mark it is a multi-paragraph quote (``continues``).
* A closer with nothing open, after end-of-quote punctuation and with no mark before it in the
  paragraph, closes a quote whose opener is missing: it starts at the paragraph start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH = re.compile(r"[^\n]+")
MARK = re.compile(r"''|``|[\"“”„«»‘’‟]")
#: Two-character marks and the mark they stand for: ''…'' (news archives) and ``…''.
DIGRAPHS = {"''": '"', "``": "“"}
#: Closers accepted for each opener.
CLOSERS = {"“": "”\"“", "‟": "”\"", "„": "“”\"", '"': "\"”“", "”": "”\"", "«": "»", "»": "«",
           "‘": "’"}
DOUBLE_OPENERS = "“„«\"‟"
OPEN_BEFORE = "([{—–-/:;"
END_PUNCT = ",.;:!?)]}—–-…"


@dataclass(frozen=True)
class Marked:
    """A stretch of text in quotation marks.

    ``open``/``close`` are the offsets of the marks (``None`` when missing); ``start``/``end``
    the trimmed content; ``para`` the paragraph number; ``continues``: the quote runs on into the
    next paragraph, which reopens with a mark.
    """

    open: int | None
    close: int | None
    start: int
    end: int
    para: int
    continues: bool = False
    stop: int = -1  # offset after the closing mark (the content end when it is missing)

    @property
    def outer(self) -> tuple[int, int]:
        """Offsets of the quote with its marks."""
        lo = self.open if self.open is not None else self.start
        return lo, self.stop if self.stop >= 0 else self.end


def _context(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether the mark ``text[i:j]`` stands in opening and in closing position."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[j] if j < hi else ""
    opening = (prev == "" or prev.isspace() or prev in OPEN_BEFORE or prev in DOUBLE_OPENERS
               or prev == "‘") and nxt != "" and (nxt.isalnum() or nxt in "(‘'…[$£€#.@“")
    closing = prev != "" and not prev.isspace() and (
        nxt == "" or nxt.isspace() or nxt in END_PUNCT or nxt in "”’\"»")
    return opening, closing


def _opens(c: str, opening: bool, closing: bool) -> bool:
    """Whether mark ``c`` opens a quote when none is open."""
    if c in "“„«‟":
        return opening or not closing
    if c in "\"”»":
        return opening and not closing
    return c == "‘" and opening


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content offsets without surrounding blanks and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Paragraph:
    """The pairing state machine over the marks of one paragraph."""

    def __init__(self, text: str, lo: int, hi: int, para: int) -> None:
        self.text, self.lo, self.hi, self.para = text, lo, hi, para
        self.opener: int | None = None  # offset of the open mark
        self.open_char = ""  # the open mark, normalised ("''" counts as '"')
        self.open_len = 1
        self.found: list[Marked] = []
        self.seen_mark = False

    def emit(self, close: int | None, end: int, stop: int) -> None:
        """Record the open quote (or one from the paragraph start) ending at ``end``."""
        first = self.lo if self.opener is None else self.opener + self.open_len
        start, end = _trim(self.text, first, end)
        if end > start:
            self.found.append(Marked(self.opener, close, start, end, self.para, stop=stop))

    def open(self, i: int, c: str, length: int) -> None:
        """Open a quote at the mark ``c`` (``length`` characters) at ``i``."""
        self.opener, self.open_char, self.open_len = i, c, length

    def feed(self, i: int, j: int, c: str) -> None:
        """Take the mark ``text[i:j]``, normalised to the one-character mark ``c``."""
        opening, closing = _context(self.text, i, j, self.lo, self.hi)
        if self.opener is None:
            self._idle(i, j, c, opening, closing)
        elif self.open_char == "‘":
            self._in_single(i, j, c, opening, closing)
        else:
            self._in_double(i, j, c, opening, closing)
        self.seen_mark = True

    def _idle(self, i: int, j: int, c: str, opening: bool, closing: bool) -> None:
        if _opens(c, opening, closing):
            self.open(i, c, j - i)
        elif c in "\"”“" and closing and not self.seen_mark and i > self.lo \
                and self.text[i - 1] in ".,!?…":
            self.emit(i, i, j)  # the opener is missing: the quote starts the paragraph

    def _in_single(self, i: int, j: int, c: str, opening: bool, closing: bool) -> None:
        nxt = self.text[j] if j < self.hi else ""
        if c == "’" and closing and not nxt.isalpha():
            self.emit(i, i, j)
            self.opener = None
        elif c in DOUBLE_OPENERS and opening:
            self.opener = None  # the ‘ was not a quotation mark
            self._idle(i, j, c, opening, closing)

    def _in_double(self, i: int, j: int, c: str, opening: bool, closing: bool) -> None:
        if c in CLOSERS[self.open_char] and (closing or (c in "”»" and not opening)):
            self.emit(i, i, j)
            self.opener = None
        elif c in DOUBLE_OPENERS and c in CLOSERS[self.open_char] + "“„" and opening \
                and not closing:
            self.emit(None, i, i)  # closer forgotten: a new quote starts here
            self.open(i, c, j - i)

    def finish(self, next_starts_quote: bool) -> list[Marked]:
        """The quotes of the paragraph; an open one runs to its end."""
        if self.opener is not None and self.open_char != "‘":
            self.emit(None, self.hi, self.hi)
            last = self.found[-1] if self.found else None
            if last is not None and next_starts_quote and last.open == self.opener:
                self.found[-1] = Marked(last.open, None, last.start, last.end, self.para, True,
                                        last.stop)
        return self.found


def _starts_with_opener(text: str, lo: int, hi: int) -> bool:
    """Whether the paragraph ``text[lo:hi]`` begins with an opening double mark."""
    stripped = text[lo:hi].lstrip()
    return bool(stripped) and (stripped[0] in "“„«\"‟" or stripped[:2] in DIGRAPHS)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of ``text``."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, in order."""
    paras = paragraphs(text)
    out: list[Marked] = []
    for n, (lo, hi) in enumerate(paras):
        state = _Paragraph(text, lo, hi, n)
        for m in MARK.finditer(text, lo, hi):
            state.feed(m.start(), m.end(), DIGRAPHS.get(m.group(), m.group()))
        following = n + 1 < len(paras) and _starts_with_opener(text, *paras[n + 1])
        out.extend(state.finish(following))
    return out

