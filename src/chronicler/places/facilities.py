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
        found = _cut(run.group())
        if found is None:
            continue
        words, kind = found
        last = words[-1].rstrip(".").lower()
        start, n = run.start(), len(words)
        for i, word in enumerate(words[:-1]):  # "Brooklyn's Barclays Center": after it
            if word in ("The", "A") or word.endswith(("'s", "’s")) and len(words) - i > 2:
                start = run.start() + len(" ".join(words[:i + 1])) + 1
                n = len(words) - i - 1
        ordinal = _ORDINAL.search(text, max(0, start - 12), start)
        if ordinal is not None and ordinal.end() == start:
            start, n = ordinal.start(), n + 1  # "14th Street", "Third Avenue"
        if 2 <= n <= MAX_WORDS:
            end = run.start() + len(" ".join(words))
            if words[-1].endswith(".") and last not in ("st", "ave", "rd", "blvd"):
                end -= 1  # the sentence's full stop
            out.append((start, end, kind))
    return out


def _cut(run: str) -> tuple[list[str], str] | None:
    """The run's words up to its first facility word ("14th St. on Thursday" -> "St."), and
    that facility's kind."""
    words = run.split()
    for i, word in enumerate(words):
        kind = FACILITY_KINDS.get(word.rstrip(".").lower())
        if kind is not None:
            return words[:i + 1], kind
    return None


def place_facilities(doc: Doc, resolved: list[Resolved], dateline_entry: Entry | None
                     ) -> list[Resolved]:
    """``resolved`` with the facilities placed: a facility replaces the weaker names inside
    it ("Frenchmen Street" is no mention of France) and is placed at its town."""
    from .resolve import Resolved

    text = doc.text
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
    entries: dict[str, Entry] = {}
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
        entry = entries.get(key(name))
        if entry is None:
            entry = Entry(id=-1 - len(entries), name=name, lat=town.lat, lon=town.lon,
                          country=town.country, admin1=town.admin1, feature=kind,
                          population=0, geonameid=None, prior=0.0)
            entries[key(name)] = entry
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
