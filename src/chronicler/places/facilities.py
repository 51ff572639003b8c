"""Streets, squares and buildings no offline gazetteer holds ("Royal Street", "Tahrir Square",
"Barclays Center"), placed at the town the text puts them in.

A facility is a run of capitalised words ending in a kind word ("Street", "Square",
"Hospital"; ``FACILITY_KINDS``). Its town is, first, a resolved town written right after it
("Barclays Center in Brooklyn", "Cape Peron, Rockingham") or right before it ("Brooklyn's
Barclays Center"); else the article's own town: the dateline's, or the town that holds most of
the article's town mentions. With no town to put it in, a facility is left out: a street
without its town is nowhere. The place carries the facility's name, the town's point, country
and region, a GeoNames facility code (``ST``, ``SQR``, ``HSP``...) and no GeoNames id, so a user
can tell it from a gazetteer entry; its point is the town's, good to a town's size.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING

from ..nlp.text import doc_text
from .gazetteer import Entry
from .names import key
from .recognize import RUN, STRONG, WEAK, Mention
from .uses import use_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .resolve import Resolved

#: The word ending a facility's name -> its GeoNames feature code.
FACILITY_KINDS = {
    "street": "ST", "st": "ST", "avenue": "ST", "ave": "ST", "boulevard": "ST", "blvd": "ST",
    "lane": "ST", "drive": "ST", "road": "RD", "rd": "RD", "highway": "RD", "parkway": "RD",
    "square": "SQR", "plaza": "SQR", "bridge": "BDG", "park": "PRK", "hospital": "HSP",
    "stadium": "STDM", "arena": "STDM", "school": "SCH", "college": "SCH",
    "university": "UNIV", "church": "CH", "cathedral": "CH", "chapel": "CH", "mosque": "MSQE",
    "temple": "TMPL", "synagogue": "TMPL", "museum": "MUS", "library": "BLDG", "hall": "BLDG",
    "center": "BLDG", "centre": "BLDG", "courthouse": "BLDG", "embassy": "BLDG",
    "theatre": "THTR", "theater": "THTR", "prison": "PRN", "jail": "PRN", "hotel": "HTL",
    "mall": "MALL", "market": "MKT", "palace": "PAL", "racecourse": "RECR",
}
#: Ways and open spaces: often named after somewhere else ("Frenchmen Street", "Eglinton
#: Avenue West"), so a name inside them does not place them.
_WAYS = frozenset({"ST", "RD", "SQR", "BDG", "PRK"})
#: Towns and the like a facility may stand in (a region is too big to place a street).
_TOWNS = ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX", "ADM2", "ADM3")
_ORDINAL = re.compile(r"(?<![\w.])(\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|"
                      r"Sixth|Seventh|Eighth|Ninth|Tenth) $")
_AFTER = re.compile(r"[ \t]*(?:,|\bin\b|\bat\b|\bnear\b|\bof\b|\boff\b)[ \t]*(?:the )?")
_BEFORE = re.compile(r"(?:'s|’s|’|')?[ \t]+$")
#: Share of the article's town mentions one town must hold to be the article's own town.
LOCALITY_SHARE = 0.5
MAX_WORDS = 6
#: Longest place mention that may start before a facility and end inside it (characters).
MAX_NAME_CHARS = 120


def facility_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, feature code) of every facility name in the text."""
    out = []
    for run in RUN.finditer(text):
        for words in _segments(run):
            found = _cut(words)
            if found is None:
                continue
            start, end, kind, n = found
            ordinal = _ORDINAL.search(text, max(0, start - 12), start)
            if ordinal is not None and ordinal.end() == start:
                start, n = ordinal.start(), n + 1  # "14th Street", "Third Avenue"
            if n >= 2:  # "Street" alone names nothing
                out.append((start, end, kind))
    return out


#: Linking words that join two names, not one: "Brooklyn and Main St.", "Brooklyn on Main".
_SPLIT_WORDS = frozenset({"and", "on", "upon", "sur", "es"})
_WORD = re.compile(r"\S+")


def _segments(run: re.Match[str]) -> list[list[tuple[int, str]]]:
    """A run of capitalised words cut where one name ends: after a sentence's full stop
    ("Brooklyn. Main Street") and at joining words; each word with its offset in the text."""
    segments: list[list[tuple[int, str]]] = [[]]
    for m in _WORD.finditer(run.group()):
        word = m.group()
        if word in _SPLIT_WORDS:
            segments.append([])
            continue
        segments[-1].append((run.start() + m.start(), word))
        bare = word.rstrip(".").lower()
        if word.endswith(".") and word.count(".") == 1 and len(word) > 4 \
                and bare not in FACILITY_KINDS:
            segments.append([])  # "Brooklyn." ends a sentence ("St.", "Ave." do not)
    return [seg for seg in segments if seg]


def _cut(words: list[tuple[int, str]]) -> tuple[int, int, str, int] | None:
    """(start, end, kind, words) of the facility a segment holds: its words up to the first
    kind word, after any "The" or possessive ("Brooklyn's Barclays Center")."""
    for i, (offset, word) in enumerate(words):
        bare = word.rstrip(".").lower()
        kind = FACILITY_KINDS.get(bare)
        if kind is None:
            continue
        first = 0
        for j in range(i):
            w = words[j][1]
            if w in ("The", "A") or w.endswith(("'s", "’s")) and i - j >= 2:
                first = j + 1
        if not 1 <= i - first + 1 <= MAX_WORDS:
            return None
        end = offset + len(word)
        if word.endswith(".") and bare not in ("st", "ave", "rd", "blvd"):
            end -= 1  # the sentence's full stop
        return words[first][0], end, kind, i - first + 1
    return None


def place_facilities(doc: Doc, resolved: list[Resolved], dateline_entry: Entry | None
                     ) -> list[Resolved]:
    """``resolved`` with the facilities placed: a facility replaces the weaker names inside
    it ("Frenchmen Street" is no mention of France) and is placed at its town."""
    from .resolve import Resolved

    text = doc_text(doc)
    spans = facility_spans(text)
    if not spans:
        return resolved
    towns = [r for r in resolved if r.entry.feature in _TOWNS]
    by_start = {r.mention.start: r.entry for r in towns}
    by_end = {r.mention.end: r.entry for r in towns}
    locality = _locality(towns, dateline_entry)
    # A building without its town stands in the article's town only in a local story (a
    # dateline town, or no other town named): a "professor at Cornell University" quoted
    # in a story about China is not in China.
    local = locality is not None and (locality is dateline_entry
                                      or len({r.entry.id for r in towns}) == 1)
    starts = [r.mention.start for r in resolved]  # resolved is in text order
    removed: set[int] = set()
    added: list[Resolved] = []
    entries: dict[tuple[str, int], Entry] = {}
    for start, end, kind in spans:  # facility spans never overlap one another
        near = resolved[bisect_left(starts, start - MAX_NAME_CHARS):bisect_left(starts, end)]
        inside = [r for r in near if start <= r.mention.start and r.mention.end <= end]
        if any(r.mention.start == start and r.mention.end == end for r in inside) or any(
                r.mention.start < end and start < r.mention.end
                and not (start <= r.mention.start and r.mention.end <= end) for r in near):
            continue  # the gazetteer knows the whole name, or another name straddles it
        town, how = _town(text, start, end, by_start, by_end), "written beside it"
        if town is None and inside and kind not in _WAYS \
                and not text[start:end].lower().endswith("embassy"):
            # A building named after a place stands there ("University of Alberta", "Glen
            # Carbon Elementary"): that name stays its place. A street ("Frenchmen Street")
            # or an embassy is not where its name says.
            continue
        if town is None and locality is not None and (kind in _WAYS or local):
            town, how = locality, "the article's town"
        if town is None:
            if kind in _WAYS:  # "Frenchmen Street" is no mention of France, town or not
                removed.update(id(r) for r in inside if r.mention.strength != STRONG)
            continue
        name = text[start:end]
        entry = entries.get((key(name), town.id))  # two towns' Main Streets are two places
        if entry is None:
            entry = Entry(id=-1 - len(entries), name=name, lat=town.lat, lon=town.lon,
                          country=town.country, admin1=town.admin1, feature=kind,
                          population=0, geonameid=None, prior=0.0)
            entries[(key(name), town.id)] = entry
        tokens = doc.char_span(start, end, alignment_mode="expand")
        root = tokens.root.i if tokens is not None else 0
        m = Mention(start, end, name, (), "facility", WEAK, root, use=use_of(doc, root))
        removed.update(id(r) for r in inside)
        added.append(Resolved(m, entry, f"in {town.name} ({how}) [facility]"))
    out = [r for r in resolved if id(r) not in removed] + added
    out.sort(key=lambda r: r.mention.start)
    return out


def _town(text: str, start: int, end: int, towns: dict[int, Entry], ends: dict[int, Entry]
          ) -> Entry | None:
    """A town written right after the facility ("in Brooklyn", ", Rockingham") or right before
    it ("Brooklyn's"); ``towns``/``ends``: town entries by their mentions' start and end."""
    after = _AFTER.match(text, end)
    if after is not None and after.end() in towns:
        return towns[after.end()]
    for gap_start in range(max(0, start - 4), start):
        if gap_start in ends and _BEFORE.fullmatch(text, gap_start, start):
            return ends[gap_start]
    return None


def _locality(towns: list[Resolved], dateline_entry: Entry | None) -> Entry | None:
    """The article's own town: the dateline's, else the town holding most of its firm town
    mentions (place entities, datelines: at least ``LOCALITY_SHARE`` of them; the gazetteer
    matcher's guesses do not vote)."""
    if dateline_entry is not None and dateline_entry.feature in _TOWNS:
        return dateline_entry
    counts = Counter(r.entry.id for r in towns if r.mention.strength > WEAK)
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    if n < LOCALITY_SHARE * sum(counts.values()):
        return None
    return next(r.entry for r in towns if r.entry.id == best)
