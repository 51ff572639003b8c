"""Resolving toponym mentions to gazetteer entries with the article's context.

Every distinct name gets one entry per article ("one sense per discourse"). A name's
candidates are scored by a prior (feature class, then log population; see ``names.FEATURES``)
plus how well they fit the other names' current choices: the countries and first-level regions
already named, nearness to the places already placed, the region written after the name
("Alexandria, La."), and the dateline. Two rounds let choices settle.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer
from .names import FEATURES, key
from .recognize import MEDIUM, STRONG, Mention, named_kind

# Weights of the context: set by hand, then checked on the LGL, GeoWebNews and TR-News dev sets
# (acc@161 moved by under 1 point across W_ADMIN1 1.5-2.5, W_NEAR 2-3, W_COUNTRY 1-1.5).
W_COUNTRY = 1.0  # per unit of the article's weight on the candidate's country
W_ADMIN1 = 1.5  # per unit of weight on its first-level region
W_NEAR = 2.0  # for lying next to a place already placed (fading to 0 at NEAR_KM)
W_CONTAINER = 6.0  # for lying in the region written after it ("Alexandria, La.")
W_PEER = 4.0  # for being a region like the one it is coordinated with ("England and Wales")
CONTEXT_CAP = 3.0  # weight units beyond which more of the same context adds nothing
NEAR_KM = 300.0
ALT_PENALTY = 2.0  # the name is only an alternate name of the entry
WEAK_PENALTY = 2.5  # the name is the entry's name without its kind word ("Avoyelles")
FEATURE_BONUS = 4.0  # the text names the kind ("Daraa Governorate" -> ADM1)
MAX_CANDIDATES = 40  # every posting kept: "Clinton, Conn." is the 15th Clinton by size
#: Local news: when most of an article's regional context is one first-level region (a US
#: state), a same-name place of at least DOMINANT_MIN_POP people there is what a bare name
#: means ("Dublin" in an article about Georgia towns).
W_DOMINANT = 5.0
DOMINANT_MIN_WEIGHT = 1.0  # weight of the other names in that region
DOMINANT_MIN_SHARE = 0.5  # of the weight of all regions named
DOMINANT_MIN_POP = 1_000
DOMINANT_SHARE = 0.2  # of its region's population, for a city to take the region's name
ROUNDS = 2
#: A name found only by the gazetteer matcher (or in an organisation's or person's name) is
#: kept when it is a country or region, a place this big, or fits the context this well.
# Tuned on the same dev sets: 50,000 and 2.0 missed a fifth of LGL's toponyms.
WEAK_MIN_POP = 10_000
WEAK_MIN_FIT = 1.0
INITIAL_MIN_POP = 50_000  # for a name whose only capital may be the sentence's ("Douma is")
AREAS = frozenset({"PCLI", "CONT", "ADM1", "RGN", "SEA", "OCN", "GULF", "TERR", "PEN", "MTS"})
_STRENGTH_WEIGHT = {STRONG: 1.0, MEDIUM: 0.8}


@dataclass(eq=False)  # names are compared by identity (an article may hold thousands)
class Name:
    """All mentions of one name in an article, resolved together."""

    key: str
    mentions: list[Mention]
    candidates: list[tuple[Entry, float]]  # entry, score without context
    strength: int
    container: Name | None = None
    peers: list[Name] = field(default_factory=list)  # names coordinated with it ("X and Y")
    choice: Entry | None = None
    score: float = 0.0
    fit: float = 0.0  # local fit of the choice: same region, nearby, inside the named region
    reason: str = ""
    weight: float = field(init=False, default=0.0)

    @property
    def names_a_region(self) -> bool:
        """Whether a country or first-level region bears the name ("Wales", "Georgia")."""
        return any(e.feature in ("PCLI", "ADM1") for e, _ in self.candidates)

    def __post_init__(self) -> None:
        w = _STRENGTH_WEIGHT.get(self.strength, 0.5)
        self.weight = w * (1.0 + 0.2 * min(len(self.mentions) - 1, 5))


@dataclass(frozen=True)
class Resolved:
    """One mention and the entry chosen for it, with why (for debugging; not in records)."""

    mention: Mention
    entry: Entry
    reason: str


def group_names(mentions: list[Mention], gaz: Gazetteer) -> list[Name]:
    """Mentions grouped by name (and by the kind the text names), with their candidates."""
    groups: dict[tuple[str, str | None, int | None], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(key(m.text), m.feature, m.fixed)].append(m)
    names = {}
    for k, ms in groups.items():
        cands = _candidates(ms[0], gaz, k[0])
        if cands:
            names[k] = Name(k[0], ms, cands, max(m.strength for m in ms))
    by_mention = {id(m): n for n in names.values() for m in n.mentions}
    for n in names.values():
        for m in n.mentions:
            if m.container is not None and n.container is None:
                n.container = by_mention.get(id(mentions[m.container]))
    return list(names.values())


def _candidates(m: Mention, gaz: Gazetteer, k: str) -> list[tuple[Entry, float]]:
    out = []
    for p in m.postings:
        e = gaz.entry(p >> 1)
        score = e.prior - WEAK_PENALTY * (p & 1)
        if key(e.name) != k and e.feature not in ("PCLI", "ADM1"):
            score -= ALT_PENALTY
        if m.feature is not None and _kind_matches(e.feature, m.feature):
            score += FEATURE_BONUS
        out.append((e, score))
    if m.feature is None:
        _dominant_cities(out)
    out.sort(key=lambda c: -c[1])
    return out[:MAX_CANDIDATES]


def _dominant_cities(cands: list[tuple[Entry, float]]) -> None:
    """A city holding a good share of its namesake region's people is what the bare name
    means ("New York", "Mexico"): it gets at least the region's score."""
    regions = {(e.country, e.admin1): (e, s) for e, s in cands if e.feature == "ADM1"}
    if not regions:
        return
    for i, (e, score) in enumerate(cands):
        region = regions.get((e.country, e.admin1)) if e.feature.startswith("PPL") else None
        if region is not None and e.population >= DOMINANT_SHARE * region[0].population:
            cands[i] = (e, max(score, region[1] + 0.1))


def _kind_matches(feature: str, wanted: str | None) -> bool:
    return feature == wanted or (wanted == "PPL" and feature.startswith("PPL"))


class Context:
    """What the article's names say so far: weight per country, per region, and points."""

    def __init__(self, names: list[Name]) -> None:
        self.country: dict[str | None, float] = defaultdict(float)
        self.admin1: dict[tuple[str | None, str | None], float] = defaultdict(float)
        self.points: list[tuple[float, float, float, Name]] = []
        for n in names:
            if n.choice is not None:
                self._add(n, n.choice, n.weight)
        self.admin1_total = sum(self.admin1.values())

    def _add(self, n: Name, e: Entry, w: float) -> None:
        if e.country:
            self.country[e.country] += w * (1.5 if e.feature == "PCLI" else 1.0)
        if e.admin1 and e.feature != "PCLI":
            self.admin1[(e.country, e.admin1)] += w
        if e.feature not in AREAS:
            self.points.append((e.lat, e.lon, w, n))

    def fit(self, e: Entry, n: Name) -> tuple[float, float]:
        """How well ``e`` fits the other names (its own name's choice left out): by country,
        and locally (same region, nearby)."""
        own = n.choice
        cw = self.country.get(e.country, 0.0) if e.country else 0.0
        aw = self.admin1.get((e.country, e.admin1), 0.0) if e.admin1 else 0.0
        if own is not None:
            cw -= n.weight * (1.5 if own.feature == "PCLI" else 1.0) * (own.country == e.country)
            aw -= n.weight * (own.admin1 == e.admin1 and own.country == e.country
                              and own.feature != "PCLI")
        local = W_ADMIN1 * min(aw, CONTEXT_CAP)
        if e.admin1 and e.feature != "PCLI" and aw >= DOMINANT_MIN_WEIGHT \
                and e.population >= DOMINANT_MIN_POP and not n.names_a_region \
                and self._dominant(aw, n):
            local += W_DOMINANT  # not for "Wales" beside "England": the region itself
        if e.feature not in AREAS and self.points:
            local += W_NEAR * self._near(e, n)
        if e.feature in ("PCLI", "ADM1") and any(
                p.choice is not None and p.choice.feature == e.feature
                and (e.feature == "PCLI" or p.choice.country == e.country) for p in n.peers):
            local += W_PEER  # "England and Wales", "California or Washington": regions
        return W_COUNTRY * min(cw, CONTEXT_CAP), local

    def _dominant(self, aw: float, n: Name) -> bool:
        """Whether a region of weight ``aw`` (the name's own choice left out) holds most of
        the article's regional context."""
        total = self.admin1_total
        own = n.choice
        if own is not None and own.admin1 and own.feature != "PCLI":
            total -= n.weight
        return aw >= DOMINANT_MIN_SHARE * total

    def _near(self, e: Entry, n: Name) -> float:
        best = 0.0
        coslat = math.cos(math.radians(e.lat))
        for lat, lon, w, other in self.points:
            if other is n:
                continue
            dlon = (lon - e.lon + 180.0) % 360.0 - 180.0
            d = 111.2 * math.hypot(lat - e.lat, dlon * coslat)
            if d < NEAR_KM:
                best = max(best, w * (1.0 - d / NEAR_KM))
        return best


def choose(names: list[Name], dateline: Name | None = None) -> None:
    """Pick each name's entry: prior first, then ``ROUNDS`` rounds with the context."""
    for n in names:
        n.choice, n.score = n.candidates[0]
        n.reason = "only candidate" if len(n.candidates) == 1 else "largest prior"
    if dateline is not None:
        dateline.weight *= 2.0  # the dateline says where the article was written
    for _ in range(ROUNDS):
        ctx = Context(names)
        for n in names:  # a single candidate too: its fit decides whether a weak name stays
            _rescore(n, ctx)


def _rescore(n: Name, ctx: Context) -> None:
    best: tuple[float, float, Entry] | None = None
    for e, base in n.candidates:
        country, local = ctx.fit(e, n)
        local += _container_fit(e, n)
        if best is None or base + country + local > best[0]:
            best = (base + country + local, local, e)
    assert best is not None
    score, fit, e = best
    if e is not n.candidates[0][0]:
        n.reason = f"fits the article ({_why(e, n)})"
    n.choice, n.score, n.fit = e, score, fit


def _container_fit(e: Entry, n: Name) -> float:
    c = n.container.choice if n.container is not None else None
    if c is None or c is e:
        return 0.0
    if c.feature == "PCLI":
        return W_CONTAINER * (e.country == c.country)
    if c.feature == "ADM1":
        return W_CONTAINER * (e.country == c.country and e.admin1 == c.admin1)
    return 0.0


def _why(e: Entry, n: Name) -> str:
    if n.container is not None and n.container.choice is not None:
        return f"in {n.container.choice.name}"
    return f"{e.admin1 + ', ' if e.admin1 else ''}{e.country or ''}"


def firm_place(e: Entry) -> bool:
    """A country, a region or one of chronicler's curated places (no feature prior): kept
    whatever source names it."""
    return e.feature in AREAS or e.feature not in FEATURES


def accepted(n: Name) -> bool:
    """Whether a name is kept: strong sources always, weak ones when big or fitting."""
    e = n.choice
    if e is None:
        return False
    if n.strength >= MEDIUM or firm_place(e):
        return True  # strong sources, countries, regions and chronicler's curated names
    if any(_kind_matches(e.feature, m.feature or named_kind(m.text)) for m in n.mentions):
        return True  # the text names the kind and that entry is of it ("Laurel County")
    if all(m.source == "initial" for m in n.mentions):
        return e.population >= INITIAL_MIN_POP
    if e.population >= WEAK_MIN_POP or n.fit >= WEAK_MIN_FIT:
        return True
    return any(m.after_prep for m in n.mentions) and e.population >= WEAK_MIN_POP // 10
