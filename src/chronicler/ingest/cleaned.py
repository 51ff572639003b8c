"""The cleaned-article record, and the metadata readers both cleaners share.

``clean_plaintext`` (scraped text) and ``clean_html`` (HTML pages) return a :class:`CleanText`;
``find_date`` and ``clean_author`` turn the date and byline spellings found on pages into
``YYYY-MM-DD`` and a bare personal name; ``line_metadata``, ``name_line`` and
``dateline_date`` recognise byline, date and wire-dateline lines; ``same_headline`` and
``headline_of`` tell a headline from its "Headline | Site Name" repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, kw_only=True)
class CleanText:
    """An article's metadata and clean body. ``text`` is what every later offset points into."""

    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    text: str


# --- dates ---------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# Each spelling is its own pattern (a regex alternation cannot reuse group names); the earliest
# match in the line wins.
_DATE_PATTERNS = (
    re.compile(rf"\b{_YEAR}-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d])"),  # 2018-03-03(T...)
    re.compile(rf"\b{_YEAR}/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)\b"),  # 2018/03/03
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # March 3(rd), 2018
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.IGNORECASE),  # 3 March 2018
    re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep){_YEAR}\b"),  # 3/3/2018
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full calendar date in ``text`` as ``(YYYY-MM-DD, start, end)``, else ``None``.

    Numeric day/month orders are resolved when one part is over 12 or both are equal;
    "03/04/2018" is ambiguous (US vs. rest of world) and is skipped rather than guessed.
    """
    best: tuple[str, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            iso = _iso_from_match(m)
            if iso is not None:
                best = (iso, m.start(), m.end())
                break
    return best


def normalise_date(value: str | None) -> str | None:
    """A date string in any spelling ``find_date`` knows -> ``YYYY-MM-DD`` (or ``None``)."""
    if not value:
        return None
    found = find_date(value)
    return found[0] if found else None


def _iso_from_match(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month, day = _MONTHS[groups["mon"][:3].lower()], int(groups["d"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 or (groups["sep"] == "." and b <= 12) or a == b:
            day, month = a, b  # dotted dates are day-first wherever they are used
        elif b > 12:
            month, day = a, b
        else:
            return None
    else:
        month, day = int(groups["m"]), int(groups["d"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# --- authors -------------------------------------------------------------------------------

# A byline's name ends where a role, outlet, date or place begins: "Jane Doe, Reuters",
# "Jane Doe | March 3", "Stephen Lendman (Home - ...)", "X on March 3, 2018", "X in Beirut".
_NAME_END = re.compile(
    r"\s*(?:[(\[,|;•·/<@]|\s[-–—]\s|\s(?:on|in|at|for|from|with|updated|published|posted|via)\s"
    r"|\d).*$",
    re.IGNORECASE | re.DOTALL,
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[-'’.][^\W\d_]*)*\.?$")
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "der", "den", "van", "von",
     "da", "di", "du", "la", "le", "dos", "das", "ten", "ter", "y"}
)
_NAME_JOINERS = frozenset({"and", "&"})
# Words that make a byline a role or desk rather than a person ("By Staff Reporter").
_NOT_NAMES = frozenset(
    {"staff", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
     "editorial", "team", "desk", "admin", "administrator", "guest", "contributor",
     "contributors", "news", "agency", "agencies", "wire", "wires", "newsroom", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "home"}
)
_NAME_LIST_SPLIT = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
_FUNCTION_WORDS = frozenset({"the", "of", "for", "to", "in", "on", "at", "a", "an", "with"})
_MAX_NAME_TOKENS = 8  # two or three people's full names, e.g. "Tom Perry and Ellen Francis"


def clean_author(raw: str | None) -> str | None:
    """The personal name(s) in a byline fragment, or ``None`` when it is not a person's name.

    ``"Stephen Lendman ( – Home – Stephen Lendman)"`` -> ``"Stephen Lendman"``;
    ``"JANE DOE, Reuters"`` -> ``"Jane Doe"``; ``"the end of the week"`` -> ``None``.
    """
    if not raw:
        return None
    name = _NAME_END.sub("", " ".join(raw.replace("\u00a0", " ").split()))
    name = name.strip(" .:-–—'\"“”")
    if name.isupper():  # "JANE DOE": capitalised; acronyms cannot be told from names here
        name = " ".join(_capitalise(t) for t in name.split())
    else:
        name = _strip_outlet(name)
    return name if _is_personal_name(name) else None


def _strip_outlet(name: str) -> str:
    """``"Amina Yusuf BBC News"`` -> ``"Amina Yusuf"``: the name ends at an acronym or desk word."""
    tokens = name.split()
    for i, token in enumerate(tokens[2:], start=2):
        if (len(token) > 1 and token.isupper()) or token.lower() in _NOT_NAMES:
            return " ".join(tokens[:i])
    return name


def name_line(line: str) -> str | None:
    """The line itself when it is nothing but personal names ("Tom Perry, Ellen Francis")."""
    parts = [p for p in _NAME_LIST_SPLIT.split(line.strip()) if p]
    if not parts or len(parts) > 3:
        return None
    for part in parts:
        name = clean_author(part)
        if name is None or name.casefold() != part.casefold():
            return None
        if any(t.lower() in _FUNCTION_WORDS for t in part.split()):  # "The Daily Planet"
            return None
    return " ".join(line.split())


def _capitalise(token: str) -> str:
    """``O'CONNOR`` -> ``O'Connor``, ``AL-JAAFARI`` -> ``Al-Jaafari``."""
    parts = re.split(r"([-'’])", token.lower())
    return "".join(p[:1].upper() + p[1:] if len(p) > 1 or p.isalpha() else p for p in parts)


def _is_personal_name(name: str) -> bool:
    tokens = name.split()
    words = [t for t in tokens if t.lower() not in _NAME_JOINERS]
    if len(words) < 2 or len(tokens) > _MAX_NAME_TOKENS or len(name) > 80:
        return False
    if tokens[0].lower() in _NAME_JOINERS or tokens[-1].lower() in _NAME_JOINERS:
        return False
    for token in words:
        if token.lower() in _NOT_NAMES:
            return False
        capitalised = token[0].isupper() and _NAME_TOKEN.match(token) is not None
        particle = token.lower().split("-")[0] in _NAME_PARTICLES  # "al-Jaafari", "de"
        if not (capitalised or particle):
            return False
    return True


# --- byline and date lines -----------------------------------------------------------------

BYLINE_MAX_WORDS = 14  # "Posted on March 3, 2018 by Maria Kovac in Politics"
DATE_LINE_MAX_OTHER_WORDS = 2  # words besides the date and "Updated/GMT/ago" on a date line
DATELINE_MAX_START = 60  # "BEIRUT, March 3, 2018 (Reuters) -" sits at the paragraph's start

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_BYLINE = re.compile(
    r"^(?:this entry was\s+)?(?:(?:posted|written|published|reported|story|words|text|article"
    r"|photos?)\s+)?"
    r"(?:on\s+(?P<when>.{4,40}?)\s+)?by\s*[:\s]\s*(?P<name>.+)$",
    re.IGNORECASE,
)
_AUTHOR_LABEL = re.compile(
    r"^(?:authors?|written by|byline|reporter|posted by)\s*[:：]\s*(?P<name>.+)$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"\.[\"'”’)\]]*$")
_DATELINE_BEFORE = re.compile(r"^(?:[A-Z][A-Z .,'’/()-]*,?\s*(?:[A-Z][a-z]+day,?\s*)?)?$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-–—:]")
# Words that may stand beside a date on a date line ("Updated 2 hours ago", "14:05 GMT").
_META_WORDS = frozenset(
    {"posted", "published", "updated", "last", "modified", "first", "date", "on", "at", "am",
     "pm", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pt", "pst", "pdt", "ist",
     "msk", "ago", "hours", "hour", "minutes", "minute", "mins", "min", "read", "time", "by",
     "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
)


def line_metadata(line: str) -> tuple[str | None, str | None]:
    """(author, YYYY-MM-DD) of a byline and/or date line; ``(None, None)`` for other lines.

    "Posted on March 3, 2018 by Maria Kovac" gives both; "By Monday, troops had left." and a
    sentence that merely mentions a date give neither.
    """
    words = len(_WORD.findall(line))
    if words > BYLINE_MAX_WORDS:
        return None, None
    author = None
    # A bare "By ..." line that is a long sentence is text ("By Monday, troops had left.").
    if not (line[:3].lower() == "by " and _SENTENCE_END.search(line) and words > 6):
        m = _BYLINE.match(line) or _AUTHOR_LABEL.match(line)
        author = clean_author(m.group("name")) if m else None
    found = find_date(line)
    if found is None:
        return author, None
    iso, start, end = found
    other = _WORD.findall(line[:start] + " " + line[end:])
    extra = [w for w in other if len(w) > 1 and w.lower() not in _META_WORDS]
    return author, iso if author or len(extra) <= DATE_LINE_MAX_OTHER_WORDS else None


def is_byline(line: str) -> bool:
    """Whether the line has the shape of a byline ("By Jane Doe, Reuters"), valid name or not."""
    words = len(_WORD.findall(line))
    if words > BYLINE_MAX_WORDS or (_SENTENCE_END.search(line) and words > 6):
        return False
    m = _BYLINE.match(line) or _AUTHOR_LABEL.match(line)
    return bool(m and m.group("name")[:1].isupper())


def dateline_date(paragraph: str) -> str | None:
    """The date of a wire dateline opening a paragraph: "BEIRUT, March 3, 2018 (Reuters) - "."""
    found = find_date(paragraph[: DATELINE_MAX_START + 40])
    if found is None or found[1] > DATELINE_MAX_START:
        return None
    iso, start, end = found
    if _DATELINE_BEFORE.match(paragraph[:start]) or _DATELINE_AFTER.match(paragraph[end:]):
        return iso
    return None


# --- headlines and site names ----------------------------------------------------------------

SITE_NAME_MAX_WORDS = 6  # "Headline | The Eastern Review": one side of the separator is a site
_SITE_SUFFIX = re.compile(r"^\s*[|–—:·;-]\s*\S")  # "Headline | Site", "Headline - Site"
_SITE_PREFIX = re.compile(r"\S\s*(?::|\s[|–—·-])\s*$")  # "Site: Headline", "Site | Headline"


def headline_of(repeats: list[str]) -> str:
    """The headline among repeats like "Headline", "Headline | Site", "Site: Headline", "Site".

    Each repeat and each remainder of a composite ("Site: Headline" minus "Site") is a
    candidate; the longest wins, since site names are shorter than headlines.
    """
    pieces: list[str] = []
    for k, text in enumerate(repeats):
        parts = [r for m, other in enumerate(repeats) if m != k and (r := _remainder(other, text))]
        pieces.extend(parts or [text])
    return max(pieces, key=lambda p: (len(_WORD.findall(p)), -len(p)))


def same_headline(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are the same headline, perhaps one with the site name added."""
    return a.casefold() == b.casefold() or bool(_remainder(a, b) or _remainder(b, a))


def _remainder(part: str, whole: str) -> str | None:
    """``whole`` minus ``part`` when whole is "part | other" or "other: part" (else None)."""
    p, w = part.casefold(), whole.casefold()
    if len(p) >= len(w):
        return None
    if w.startswith(p) and _SITE_SUFFIX.match(w[len(p):]):
        rest = whole[len(p):].lstrip(" |–—:·;-")
    elif w.endswith(p) and _SITE_PREFIX.search(w[: len(w) - len(p)]):
        rest = whole[: len(w) - len(p)].rstrip(" |–—:·;-")
    else:
        return None
    shorter = min(len(_WORD.findall(rest)), len(_WORD.findall(part)))
    return rest if rest and shorter <= SITE_NAME_MAX_WORDS else None


def strip_site_name(title: str) -> str:
    """``"Headline | Site Name"`` -> ``"Headline"`` (pipes hardly ever occur in headlines)."""
    head, sep, site = title.rpartition(" | ")
    if sep and len(_WORD.findall(site)) <= SITE_NAME_MAX_WORDS and len(_WORD.findall(head)) >= 3:
        return head.strip()
    return title
