"""Airports (from airportsdata) in the gazetteer: full names, "X airport", weak bare names."""

from __future__ import annotations

import pytest

from chronicler.geometry import haversine_km
from chronicler.places.build import airport_aliases, airport_stop_words


def _airports(resolver, nlp, text: str) -> dict[str, tuple[str, float, float, str | None]]:
    return {m.text: (p.name, p.lat, p.lon, p.country) for p in resolver.resolve(nlp(text))
            if p.feature == "AIRP" for m in p.mentions}


@pytest.mark.parametrize(("text", "mention", "point"), [
    ("Passengers were stranded at Dulles International Airport on Friday.",
     "Dulles International Airport", (38.95, -77.45)),
    ("Flights at Heathrow airport were cancelled on Monday.", "Heathrow airport",
     (51.47, -0.45)),
])
def test_airport_named_in_full_or_with_its_kind(resolver, nlp, text, mention, point) -> None:
    found = _airports(resolver, nlp, text)
    assert mention in found
    _, lat, lon, _ = found[mention]
    assert haversine_km(lat, lon, *point) < 50


def test_bare_name_in_an_article_about_its_city(resolver, nlp) -> None:
    text = "KLM cancelled dozens of flights to Amsterdam after a storm hit Schiphol."
    found = _airports(resolver, nlp, text)
    assert found["Schiphol"][0] == "Amsterdam Airport Schiphol"
    assert found["Schiphol"][3] == "NLD"


@pytest.mark.parametrize("text", [
    "Hartsfield said the vote would be close.",  # the weak alias of Atlanta's airport
    "Dulles said the treaty would hold.",
    "Midway through the talks, the delegates walked out.",  # a word: no alias at all
    "Protesters gathered at Heathrow.",  # no context and no "airport": the Florida town
])
def test_person_or_word_is_no_airport(resolver, nlp, text) -> None:
    assert _airports(resolver, nlp, text) == {}


def test_city_and_codes_never_name_an_airport(resolver) -> None:
    gaz = resolver.gazetteer
    for name in ("London", "Amsterdam", "Washington", "LHR", "JFK", "AMS", "Heathrow"):
        for p in gaz.postings(name):
            e = gaz.entry(p >> 1)
            assert e.feature != "AIRP" or (name == "Heathrow" and p & 1)  # only weakly
    heathrow = [gaz.entry(p >> 1) for p in gaz.postings("Heathrow Airport")]
    assert heathrow and heathrow[0].name == "London Heathrow Airport"
    assert heathrow[0].country == "GBR" and heathrow[0].admin1 == "England"


@pytest.mark.parametrize(("name", "city", "alias", "weak"), [
    ("London Heathrow Airport", "London", "Heathrow Airport", {"Heathrow"}),
    ("Washington Dulles International Airport", "Washington", "Dulles Airport", {"Dulles"}),
    ("Amsterdam Airport Schiphol", "Amsterdam", "Schiphol Airport", {"Schiphol"}),
    ("Chicago Midway International Airport", "Chicago", "Midway Airport", set()),
    ("Leonardo Da Vinci (Fiumicino) International Airport", "Rome", "Fiumicino Airport",
     {"Fiumicino"}),
    ("Charles de Gaulle International Airport", "Paris", "Charles de Gaulle Airport", set()),
])
def test_aliases(name: str, city: str, alias: str, weak: set[str]) -> None:
    generic, alone = airport_stop_words()
    aliases, weak_aliases = airport_aliases(name, city, generic, alone)
    assert alias in aliases and weak_aliases == weak
    assert city not in aliases | weak_aliases


def test_airport_named_after_its_city_has_no_bare_alias() -> None:
    generic, alone = airport_stop_words()
    aliases, weak = airport_aliases("Dubai International Airport", "Dubai", generic, alone)
    assert weak == set() and "Dubai" not in aliases and "Dubai Airport" not in aliases
