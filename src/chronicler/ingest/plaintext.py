"""Plain scraped text -> title, author, date and the article body without page furniture.

Scraped pages come as lines: site chrome at the top, the headline (often twice), a byline, the
article's paragraphs, then share widgets, promo lines, comment forms and footers. Every line is
scored with cheap features (length, stop-word share, capitalisation, separators, furniture
vocabulary from ``data/furniture.tsv``, position and neighbours); the head (before the first
prose paragraph) yields title and metadata, and the tail is cut where the closing furniture
starts. The body keeps the article's own characters; paragraphs are joined with ``"\\n\\n"``.

Thresholds below were tuned together on the hand-written fixtures in
``tests/fixtures/plaintext/`` (10 pages: WordPress with comments, news CMS with menus and
cookie notice, wire story with dateline, hard-wrapped press release, opinion page with reader
comments, no-byline page, mid-article share widgets, blog platform, newsletter, captioned news
page), the fallback path of the HTML fixtures and the seed article, and checked against the
clean paragraphs of the TR-News, PolNeAR and LGL corpora: 0.62% of 20,621 paragraphs dropped,
all of them furniture the corpora contain ("Follow X on Twitter", stray CSS);
``tests/ingest/test_plaintext.py`` pins >= 99%.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from .cleaned import (
    CleanText,
    dateline_date,
    find_date,
    headline_of,
    is_byline,
    line_metadata,
    name_line,
    same_headline,
    strip_site_name,
)

# --- scoring weights and thresholds -----------------------------------------------------------
FURNITURE_THRESHOLD = 3.0  # score at or above: furniture. Subheadings score <= 1.5, nav >= 3.5
STRONG_MAX_WORDS = 40  # strong/end patterns only judge lines this short; longer is prose
WEAK_WEIGHT, WEAK_CAP = 1.0, 2  # per furniture-vocabulary hit, at most two hits count
WEAK_SCAN_CHARS = 200  # furniture is short; past 200 characters a line is prose (and speed)
SHORT_MAX_WORDS, SHORT_WEIGHT = 4, 1.0  # "Home", "Twitter picture", "5 min read"
NO_STOP_SHARE, NO_STOP_MAX_WORDS, NO_STOP_WEIGHT = 0.1, 12, 1.0  # menus have no "the/of/to"
CAPS_SHARE, TITLECASE_WEIGHT, ALL_CAPS_WEIGHT = 0.8, 0.5, 1.0  # "About Us", "VISIT MY SITE"
SEPARATOR_MIN, SEPARATOR_WEIGHT = 2, 1.5  # "Privacy | Terms | Contact", "Home › World › Asia"
RUN_MIN, RUN_WEIGHT = 3, 1.5  # a short line among >= 3 short lines in a row is a menu item
PROSE_WORDS, PROSE_STOP_SHARE, PROSE_WEIGHT = 12, 0.2, -2.0  # news prose: 35-50% stop words
SENTENCE_MIN_WORDS, SENTENCE_WEIGHT = 6, -1.0  # a full sentence ending in . ! ? is content
SANDWICH_WEIGHT = -1.0  # a short line between two prose paragraphs is a subheading
# Positions are shares of the page's characters before a line: an article's long paragraphs
# outweigh the many short lines of sidebars and footers, so line counts would mislead.
TAIL_POSITION, TAIL_POSITION_WEIGHT = 0.8, 0.5  # the last fifth of a page is mostly chrome
HEAD_WEIGHT = 1.0  # a non-prose line before the first paragraph is rather chrome than article

# --- structure thresholds ---------------------------------------------------------------------
PROSE_MIN_WORDS = 8  # a paragraph: >= 8 words ending in sentence punctuation ...
PROSE_LONG_WORDS = 20  # ... or >= 20 words of ordinary text
STATEMENT_LONG_WORDS = 25  # no headline is this long
TITLE_MIN_WORDS, TITLE_MAX_WORDS, TITLE_GOOD_WORDS = 2, 30, 4
# A first line may be a headline despite a full stop ("Obama Just Nominated A Judge. A First.")
# when it is title-cased and short; PolNeAR's HuffPost titles are like that.
HEADLINE_MAX_WORDS, HEADLINE_CAPS_SHARE = 20, 0.6
HEAD_SCAN = 30  # where no paragraph is found, look for a title in this many lines
END_MIN_PROSE = 2  # an "end" line closes the article only after two paragraphs of it
TAIL_MIN_POSITION = 0.5  # the trailing-furniture rule only acts in the second half
TAIL_SENTENCE_STOP_SHARE = 0.15  # a sentence with this many stop words stops the tail rule
NAME_LINE_SPAN = 3  # a line of bare names this close under the title is the byline
WRAP_MAX_WIDTH = 100  # hard-wrapped text (e-mail, press releases) wraps at <= 100 chars
WRAP_FULL_SHARE, WRAP_JOIN_SHARE, WRAP_MIN_BLOCKS = 0.75, 0.6, 2

_STOP_WORDS = frozenset(
    {"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
     "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
     "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
     "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
     "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
     "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
     "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some",
     "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
     "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
     "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
     "you", "your", "said", "says"}
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SEPARATOR = re.compile(r"(?:^|\s)[|•·›»/](?=\s|$)")
_CLOSERS = "\"'”’»)] "
_LIST_ITEM = re.compile(r"^(?:[-*•–]\s|\d+[.)]\s)")
_TAIL_META = re.compile(  # footers: "This entry was posted on ...", "Written by X"
    r"^(?:this entry was |this article was (?:first )?)?(?:posted|published|written)\b",
    re.IGNORECASE,
)
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}[\"'”’)]*$")  # "... to D.C." is no full stop


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The furniture table compiled. Patterns anchored with ``^`` are tried at the line start
    only (``match``): on a 5 KB page that cut the run time from 4 ms to 2.4 ms."""

    end_start: re.Pattern[str]
    end_any: re.Pattern[str]
    strong_start: re.Pattern[str]
    strong_any: re.Pattern[str]
    weak: re.Pattern[str]

    def kind(self, text: str) -> str:
        if self.end_start.match(text) or self.end_any.search(text):
            return "end"
        if self.strong_start.match(text) or self.strong_any.search(text):
            return "strong"
        return ""


_NEVER = "(?!x)x"  # an alternation with no member


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The furniture table (``data/furniture.tsv``), one compiled alternation per kind."""
    source = resources.files("chronicler").joinpath("data", "furniture.tsv").read_text("utf-8")
    kinds: dict[str, list[str]] = {}
    for raw in source.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        kind, _, pattern = raw.partition("\t")
        kind, pattern = kind.strip(), pattern.strip()
        if kind != "weak":
            kind += "_start" if pattern.startswith("^") else "_any"
        kinds.setdefault(kind, []).append(f"(?:{pattern})")

    def compiled(key: str) -> re.Pattern[str]:
        return re.compile("|".join(kinds.get(key, [_NEVER])), re.IGNORECASE)

    return _Patterns(end_start=compiled("end_start"), end_any=compiled("end_any"),
                     strong_start=compiled("strong_start"), strong_any=compiled("strong_any"),
                     weak=compiled("weak"))


@dataclass(frozen=True, slots=True)
class _Line:
    """One line (or unwrapped paragraph) with the features the scores use."""

    text: str
    words: int
    stop_share: float
    cap_share: float
    all_caps: bool
    terminal: str  # last character, ignoring closing quotes and brackets
    kind: str  # "end", "strong" or "" (from the furniture table)
    weak_hits: int
    separators: int

    @property
    def prose(self) -> bool:
        """A paragraph of running text rather than a label, menu item or headline."""
        if self.words >= PROSE_MIN_WORDS and self.terminal in ".!?…:;":
            return True
        return self.words >= PROSE_LONG_WORDS and self.stop_share >= PROSE_STOP_SHARE

    @property
    def full_stop(self) -> bool:
        """Ends with a full stop that is not the end of an abbreviation like "U.S."."""
        return self.terminal in ".:;" and not _ABBREVIATION_END.search(self.text)

    @property
    def statement(self) -> bool:
        """Prose no headline looks like (headlines end without a full stop)."""
        return (self.words >= PROSE_MIN_WORDS and self.full_stop) or (
            self.words >= STATEMENT_LONG_WORDS)

    @property
    def short(self) -> bool:
        return self.words <= SHORT_MAX_WORDS and self.terminal not in ".!?…"

    @property
    def sentence(self) -> bool:
        return (self.terminal in ".!?…" and self.words >= 3
                and self.stop_share >= TAIL_SENTENCE_STOP_SHARE)


def clean_plaintext(raw: str, *, title_hint: str | None = None) -> CleanText:
    """Title, author, published date and clean body of one scraped page's text.

    ``title_hint`` (e.g. an HTML ``<title>``) is used as the title when given; lines repeating
    it at the top are removed.
    """
    lines = [_features(u) for u in _units(raw)]
    if not lines:
        return CleanText(title=title_hint, text="")
    furniture = _furniture(lines)
    title, title_lines, body_start = _head(lines, furniture, title_hint)
    tail = _tail_start(lines, furniture, body_start)
    author, published, meta_lines = _head_meta(lines[:body_start], title_lines)
    # before the body: only what follows the (last repeat of the) title and reads like text
    keep = [i for i in range(max(title_lines, default=-1) + 1, body_start)
            if i not in meta_lines and _head_keeps(lines[i], furniture[i])]
    keep += [i for i in range(body_start, tail) if furniture[i] < FURNITURE_THRESHOLD]
    if published is None and body_start < tail:
        published = dateline_date(lines[body_start].text)
    if author is None or published is None:
        tail_author, tail_date = _tail_meta(lines[tail:])
        author, published = author or tail_author, published or tail_date
    text = "\n\n".join(lines[i].text for i in keep)
    return CleanText(title=title, author=author, published=published, text=text)


# --- units and features --------------------------------------------------------------------

def _normalise(line: str) -> str:
    """Collapse spaces (incl. no-break and thin spaces), drop invisible characters."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _units(raw: str) -> list[str]:
    """Non-empty lines; in hard-wrapped text, the paragraphs the wrapped lines form."""
    blocks: list[list[str]] = [[]]
    for line in raw.splitlines():
        text = _normalise(line)
        if text:
            blocks[-1].append(text)
        elif blocks[-1]:
            blocks.append([])
    width = _wrap_width(blocks)
    units: list[str] = []
    for block in blocks:
        units.extend(_unwrap(block, width) if width else block)
    return units


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The wrap width when the text is hard-wrapped (several blocks of full-width lines)."""
    width = max((len(line) for block in blocks for line in block), default=0)
    if not width or width > WRAP_MAX_WIDTH:
        return None
    wrapped = sum(1 for block in blocks if len(block) >= 2
                  and all(len(line) >= WRAP_FULL_SHARE * width for line in block[:-1]))
    return width if wrapped >= WRAP_MIN_BLOCKS else None


def _unwrap(block: list[str], width: int) -> list[str]:
    """Join a block's wrapped lines; a short line or a list item starts a new paragraph."""
    if not block:  # the empty block after trailing blank lines (found by fuzzing)
        return []
    out = [block[0]]
    for prev, line in pairwise(block):
        if len(prev) >= WRAP_JOIN_SHARE * width and not _LIST_ITEM.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _features(text: str) -> _Line:
    tokens = _WORD.findall(text)
    n = len(tokens)
    stops = sum(1 for t in tokens if t.lower() in _STOP_WORDS)
    caps = sum(1 for t in tokens if t[0].isupper())
    stop_share = stops / n if n else 0.0
    patterns = _patterns()
    weak = 0
    # Running text (>= PROSE_WORDS words, ordinary stop-word share) takes the prose penalty and
    # cannot climb to the threshold on vocabulary; skipping the look-up halves the run time.
    if n < PROSE_WORDS or stop_share < PROSE_STOP_SHARE:
        weak = sum(1 for _ in patterns.weak.finditer(text, 0, WEAK_SCAN_CHARS))
    return _Line(
        text=text, words=n, stop_share=stop_share, cap_share=caps / n if n else 0.0,
        all_caps=text.isupper(), terminal=text.rstrip(_CLOSERS)[-1:],
        kind=patterns.kind(text) if n <= STRONG_MAX_WORDS else "", weak_hits=min(WEAK_CAP, weak),
        separators=len(_SEPARATOR.findall(text)),
    )


def _own_score(line: _Line) -> float:
    """The furniture score from the line alone (no neighbours, no position)."""
    score = WEAK_WEIGHT * line.weak_hits
    if line.short:
        score += SHORT_WEIGHT
    if line.stop_share < NO_STOP_SHARE and line.words <= NO_STOP_MAX_WORDS:
        score += NO_STOP_WEIGHT
    if line.all_caps and line.words >= 2:
        score += ALL_CAPS_WEIGHT
    elif line.cap_share >= CAPS_SHARE and line.words >= 2:
        score += TITLECASE_WEIGHT
    if line.separators >= SEPARATOR_MIN:
        score += SEPARATOR_WEIGHT
    if line.words >= PROSE_WORDS and line.stop_share >= PROSE_STOP_SHARE:
        score += PROSE_WEIGHT
    if line.terminal in ".!?…" and line.words >= SENTENCE_MIN_WORDS:
        score += SENTENCE_WEIGHT
    return score


def _furniture(lines: list[_Line]) -> list[float]:
    """Each line's furniture score; table matches score infinity."""
    n = len(lines)
    runs = _short_runs([line.short or bool(line.kind) for line in lines])
    position = _positions(lines)
    scores: list[float] = []
    for i, line in enumerate(lines):
        if line.kind:
            scores.append(float("inf"))
            continue
        score = _own_score(line)
        if line.short and runs[i] >= RUN_MIN:
            score += RUN_WEIGHT
        if 0 < i < n - 1 and lines[i - 1].prose and lines[i + 1].prose:
            score += SANDWICH_WEIGHT
        if n >= 10 and position[i] >= TAIL_POSITION:
            score += TAIL_POSITION_WEIGHT
        scores.append(score)
    return scores


def _positions(lines: list[_Line]) -> list[float]:
    """Each line's start as a share of the page's characters."""
    total = sum(len(line.text) for line in lines) or 1
    out, seen = [], 0
    for line in lines:
        out.append(seen / total)
        seen += len(line.text)
    return out


def _short_runs(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of true flags it belongs to (0 if false)."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j + 1 if j == i else j
    return out


# --- head: title, byline, date ---------------------------------------------------------------

def _head(lines: list[_Line], scores: list[float],
          hint: str | None) -> tuple[str | None, set[int], int]:
    """The title, the indices of the lines repeating it, and where the body starts."""
    first = 1 if _headline_first(lines) else 0
    limit = next((i for i in range(first, len(lines))
                  if lines[i].statement and scores[i] < FURNITURE_THRESHOLD),
                 min(len(lines), max(first, HEAD_SCAN)))
    candidates = [i for i in range(first, limit) if _title_like(lines[i], scores[i])]
    candidates = [0, *candidates] if first else candidates
    title, title_lines = _pick_title([lines[i].text for i in range(limit)], candidates, hint)
    after = max(title_lines, default=-1) + 1
    start = next((i for i in range(after, len(lines))
                  if lines[i].prose and scores[i] < FURNITURE_THRESHOLD), None)
    if start is None:  # no paragraph at all: keep what follows the title
        start = after
    return title, title_lines, start


def _title_like(line: _Line, score: float) -> bool:
    return (score < FURNITURE_THRESHOLD and TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS
            and not line.full_stop and line_metadata(line.text) == (None, None))


def _headline_first(lines: list[_Line]) -> bool:
    """A title-cased first line with a full stop, followed by a longer paragraph."""
    head = lines[0]
    return (len(lines) > 1 and not head.kind and head.full_stop
            and TITLE_MIN_WORDS <= head.words <= HEADLINE_MAX_WORDS
            and head.cap_share >= HEADLINE_CAPS_SHARE
            and (lines[1].words > head.words or same_headline(head.text, lines[1].text)))


def _pick_title(texts: list[str], candidates: list[int],
                hint: str | None) -> tuple[str | None, set[int]]:
    """Prefer the hint, then a repeated headline, then the first headline-length line."""
    if hint:
        return hint, {i for i in candidates if same_headline(hint, texts[i])}
    for i in candidates:
        group = {i, *(j for j in range(len(texts)) if j != i and same_headline(texts[i], texts[j]))}
        if len(group) > 1:
            return headline_of([texts[k] for k in sorted(group)]), group
    good = [i for i in candidates if len(_WORD.findall(texts[i])) >= TITLE_GOOD_WORDS]
    if not (good or candidates):
        return None, set()
    first = (good or candidates)[0]
    return strip_site_name(texts[first]), {first}


def _head_meta(head: list[_Line],
               title_lines: set[int]) -> tuple[str | None, str | None, set[int]]:
    """Author and date from the lines before the body, and which lines carried them."""
    author = published = None
    used: set[int] = set()
    for i, line in enumerate(head):
        if i in title_lines:
            continue
        who, when = line_metadata(line.text)
        if who or when or is_byline(line.text):  # "By X BBC News" goes even without a name
            used.add(i)
            author, published = author or who, published or when
    first = max(title_lines, default=len(head)) + 1  # "Jane Roe" alone under the headline
    for i in range(first, min(first + NAME_LINE_SPAN, len(head))):
        if author is None and (who := name_line(head[i].text)):
            author = who
            used.add(i)
    return author, published, used


def _head_keeps(line: _Line, score: float) -> bool:
    """A line between title and first paragraph stays only when it reads like a standfirst."""
    if line.short:
        return False
    sentence = line.prose or line.terminal in ".!?…"  # a full sentence is rather article
    return score + (0 if sentence else HEAD_WEIGHT) < FURNITURE_THRESHOLD


# --- tail ------------------------------------------------------------------------------------

def _tail_start(lines: list[_Line], scores: list[float], body_start: int) -> int:
    """Where the closing furniture starts: an "end" line, or a trailing run of furniture."""
    n = len(lines)
    cut, prose_seen = n, 0
    for i in range(body_start, n):
        if lines[i].kind == "end" and prose_seen >= END_MIN_PROSE:
            cut = i
            break
        if lines[i].prose and scores[i] < FURNITURE_THRESHOLD:
            prose_seen += 1
    if cut < n:  # the closing block may begin before its "end" line ("Written by X", a bio)
        cut = _block_start(lines, scores, cut, body_start, lambda line: not line.prose)
    # the longest suffix of furniture or non-sentence lines is chrome from its first furniture
    # line on, if that lies in the second half of the page
    first = _block_start(lines, scores, n, body_start, lambda line: not line.sentence)
    if first < n and _positions(lines)[first] >= TAIL_MIN_POSITION:
        cut = min(cut, first)
    return max(cut, body_start)


def _block_start(lines: list[_Line], scores: list[float], end: int, floor: int,
                 tailish: Callable[[_Line], bool]) -> int:
    """Walking back from ``end`` over furniture and ``tailish`` lines, the first furniture line
    of that block (``end`` if none); short lines just before it are the block's heading
    ("Get our morning briefing")."""
    j = end
    while j > floor and (scores[j - 1] >= FURNITURE_THRESHOLD or tailish(lines[j - 1])):
        j -= 1
    first = next((k for k in range(j, end) if scores[k] >= FURNITURE_THRESHOLD), end)
    while j < first < end and lines[first - 1].short:
        first -= 1
    return first


def _tail_meta(tail: list[_Line]) -> tuple[str | None, str | None]:
    """WordPress footers: "This entry was posted on March 3, 2018 by X in Politics"."""
    for line in tail:
        if _TAIL_META.match(line.text):
            who, when = line_metadata(line.text)
            found = find_date(line.text)  # the date beside "Posted in Politics" words
            when = when or (found[0] if found else None)
            if who or when:
                return who, when
    return None, None
