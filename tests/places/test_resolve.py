"""Toponyms of small articles written for these tests, resolved with the real gazetteer."""

from __future__ import annotations

import pytest

from chronicler.types import Place

TEXT = (
    "Putin met Assad in Sochi last week. Damascus said the talks in Geneva and Astana had "
    "failed. Syrian forces are preparing an offensive in the Daraa Governorate near the "
    "Jordanian border, officials in Lebanon said."
)


@pytest.fixture(scope="module")
def places(resolver, nlp) -> list[Place]:
    return resolver.resolve(nlp(TEXT))


def _by_text(places: list[Place]) -> dict[str, tuple[Place, str]]:
    return {m.text: (p, m.use) for p in places for m in p.mentions}


@pytest.mark.parametrize(("text", "country", "feature"), [
    ("Sochi", "RUS", "PPL"), ("Damascus", "SYR", "PPLC"), ("Geneva", "CHE", "PPL"),
    ("Astana", "KAZ", "PPL"), ("Daraa Governorate", "SYR", "ADM1"), ("Syrian", "SYR", "PCLI"),
    ("Jordanian", "JOR", "PCLI"), ("Lebanon", "LBN", "PCLI"),
])
def test_resolved(places: list[Place], text: str, country: str, feature: str) -> None:
    place, _ = _by_text(places)[text]
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize(("text", "use"), [
    ("Sochi", "literal"), ("Damascus", "metonymic"), ("Syrian", "adjectival"),
    ("Jordanian", "adjectival"), ("Daraa Governorate", "literal"),
])
def test_uses(places: list[Place], text: str, use: str) -> None:
    assert _by_text(places)[text][1] == use


def test_mentions_merged_and_ordered(resolver, nlp) -> None:
    places = resolver.resolve(nlp("Sochi is warm. Later, Sochi hosted the talks in Russia."))
    sochi = next(p for p in places if p.name == "Sochi")
    assert [m.start for m in sochi.mentions] == [0, 22]
    assert places == sorted(places, key=lambda p: p.mentions[0].start)


def test_context_picks_the_local_town(resolver, nlp) -> None:
    doc = nlp("ALEXANDRIA, La. - A Rapides Parish deputy arrested a man in Alexandria.")
    towns = [p for p in resolver.resolve(doc) if p.name == "Alexandria"]
    assert towns and all(p.admin1 == "Louisiana" for p in towns)


def test_capital_beats_state_without_context(resolver, nlp) -> None:
    places = resolver.resolve(nlp("Officials in Washington said the sanctions would stay."))
    assert [(p.name, p.feature) for p in places] == [("Washington", "PPLC")]


def test_person_names_are_not_places(resolver, nlp) -> None:
    places = resolver.resolve(nlp("Michael Jordan said Jordan played well on Sunday."))
    assert not any(p.country == "JOR" for p in places)


def test_deterministic(resolver, nlp) -> None:
    doc = nlp(TEXT)
    assert resolver.resolve(doc) == resolver.resolve(doc)


def test_a_village_does_not_take_a_regions_name_from_its_neighbours(resolver, nlp) -> None:
    doc = nlp("Voters in England and Wales backed leaving, while Scotland voted to remain.")
    wales = next(p for p in resolver.resolve(doc) if p.mentions[0].text == "Wales")
    assert wales.feature == "ADM1"


def test_coordinated_regions_are_regions(resolver, nlp) -> None:
    doc = nlp("Tech jobs are leaving western states such as California or Washington. The "
              "number of officers in England and Wales has fallen, London police said.")
    found = {m.text: p for p in resolver.resolve(doc) for m in p.mentions}
    assert found["Washington"].feature == "ADM1"
    assert found["Wales"].feature == "ADM1"
