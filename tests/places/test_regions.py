"""Regions, contested territories, historical states and physical features of the curated
regions table (data/regions.csv), resolved in sentences written for these tests."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from chronicler.places.names import key
from chronicler.types import Place


def _rows() -> list[dict[str, str]]:
    text = resources.files("chronicler.places").joinpath("data/regions.csv").read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def _resolve(resolver, nlp, text: str) -> dict[str, Place]:
    return {m.text: p for p in resolver.resolve(nlp(text)) for m in p.mentions}


def test_table_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) > 300
    owner: dict[str, str] = {}
    for row in rows:
        assert row["name"] and row["feature"], row
        assert -90.0 <= float(row["lat"]) <= 90.0 and -180.0 <= float(row["lon"]) <= 180.0
        assert row["country"] == "" or len(row["country"]) == 3, row
        for alias in [row["name"], *(a.lstrip("~=") for a in row["aliases"].split("|") if a)]:
            k = key(alias)
            assert owner.setdefault(k, row["name"]) == row["name"], f"{alias!r} twice"


def test_annexed_crimea_is_ukraine(resolver, nlp) -> None:
    crimea = _resolve(resolver, nlp, "Russia annexed Crimea in 2014.")["Crimea"]
    assert crimea.country == "UKR"
    assert abs(crimea.lat - 45.0) < 1.0 and abs(crimea.lon - 34.0) < 1.5


def test_river_point_lies_on_its_course(resolver, nlp) -> None:
    river = _resolve(resolver, nlp, "Troops crossed the Euphrates.")["Euphrates"]
    assert 29.0 < river.lat < 38.0 and 38.0 < river.lon < 48.5  # Syria or Iraq


@pytest.mark.parametrize(("text", "mention", "name", "country"), [
    ("Airstrikes hit targets across Gaza on Tuesday.", "Gaza", "Gaza Strip", "PSE"),
    ("Fighting resumed in Darfur and Kordofan.", "Darfur", "Darfur", "SDN"),
    ("Separatists in Transnistria welcomed the statement.", "Transnistria", "Transnistria",
     "MDA"),
    ("Leaders of South Ossetia met in Moscow.", "South Ossetia", "South Ossetia", "GEO"),
    ("Azerbaijan retook Nagorno-Karabakh in 2023.", "Nagorno-Karabakh", "Nagorno-Karabakh",
     "AZE"),
    ("Somaliland signed a port deal, angering Somalia and Puntland.", "Puntland", "Puntland",
     "SOM"),
    ("The Kurdistan Region held elections in Erbil.", "Kurdistan Region", "Kurdistan Region",
     "IRQ"),
    ("Ukrainian drones struck targets near the Sea of Azov.", "Sea of Azov", "Sea of Azov", None),
    ("Ships were seen near the Spratly Islands in the South China Sea.", "Spratly Islands",
     "Spratly Islands", None),
    ("The Soviet Union collapsed in 1991.", "Soviet Union", "Soviet Union", None),
    ("Water levels on the Nile fell sharply.", "Nile", "Nile", None),
])
def test_regions_in_sentences(resolver, nlp, text: str, mention: str, name: str,
                              country: str | None) -> None:
    place = _resolve(resolver, nlp, text)[mention]
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize(("name", "feature", "country"), [
    ("Donbass", "RGN", "UKR"),
    ("Artsakh", "TERR", "AZE"),
    ("Rojava", "RGN", "SYR"),
    ("Xinjiang", "RGN", "CHN"),
    ("Mindanao", "ISL", "PHL"),
    ("Taiwan Strait", "STRT", None),
    ("Bosporus", "STRT", "TUR"),
    ("Panama Canal", "CNL", "PAN"),
    ("USSR", "PCLH", None),
    ("East Germany", "PCLH", "DEU"),
    ("Rhodesia", "PCLH", "ZWE"),
    ("Dnieper", "STM", None),
    ("Lake Victoria", "LK", None),
    ("Hindu Kush", "MTS", None),
    ("Negev", "DSRT", "ISR"),
    ("Amazonia", "RGN", None),
    ("Baltics", "RGN", None),
])
def test_names_reach_their_entry(resolver, name: str, feature: str, country: str | None) -> None:
    gaz = resolver.gazetteer
    best = gaz.entry(gaz.postings(name)[0] >> 1)
    assert (best.feature, best.country) == (feature, country)


def test_region_adjectives(resolver) -> None:
    gaz = resolver.gazetteer
    assert gaz.entry(gaz.adjective("Crimean")).name == "Crimea"
    assert gaz.entry(gaz.adjective("Darfuri")).name == "Darfur"


def test_city_names_kept(resolver) -> None:
    """Names added as regions do not take a big city's name away."""
    gaz = resolver.gazetteer
    assert gaz.entry(gaz.postings("Dnipro")[0] >> 1).feature.startswith("PPL")
    assert gaz.entry(gaz.postings("Gaza City")[0] >> 1).feature.startswith("PPL")
    assert gaz.entry(gaz.postings("Geneva")[0] >> 1).country == "CHE"
