"""The gazetteer built from the packaged data into a temporary cache directory."""

from __future__ import annotations

import pytest

from chronicler.places.build import box_middle
from chronicler.places.names import key, strip_admin_words


def _best(resolver, name: str):
    gaz = resolver.gazetteer
    return [gaz.entry(p >> 1) for p in gaz.postings(name)]


def test_cache_file_in_env_dir(resolver, gazetteer_dir) -> None:
    from chronicler.places import cache_path

    path = cache_path()
    assert path.parent == gazetteer_dir and path.is_file()
    assert path.name.startswith("gazetteer-v")


@pytest.mark.parametrize(("name", "feature", "country"), [
    ("Daraa", "ADM1", "SYR"),
    ("Idlib", "ADM1", "SYR"),
    ("Donetsk", "ADM1", "UKR"),
    ("Texas", "ADM1", "USA"),
    ("Syria", "PCLI", "SYR"),
    ("Sochi", "PPL", "RUS"),
    ("Damascus", "PPLC", "SYR"),
    ("Middle East", "RGN", None),
])
def test_names(resolver, name: str, feature: str, country: str | None) -> None:
    entries = _best(resolver, name)
    assert any(e.feature == feature and e.country == country for e in entries)


def test_admin1_point_inside_region(resolver) -> None:
    texas = next(e for e in _best(resolver, "Texas") if e.feature == "ADM1")
    assert 28 < texas.lat < 34 and -104 < texas.lon < -95
    assert texas.geonameid == 4736286  # US states carry their GeoNames id


def test_short_capitals_match_exactly(resolver) -> None:
    assert _best(resolver, "UN") == []
    assert _best(resolver, "US")[0].country == "USA"


def test_key_normalises() -> None:
    assert key("St. Louis") == key("Saint Louis")
    assert key("Ivano-Frankivsk") == "ivano frankivsk"
    assert key("São Paulo") == "sao paulo"


@pytest.mark.parametrize(("name", "stripped"), [
    ("Basra Governorate", "Basra"), ("Muhafazat Kirkuk", "Kirkuk"),
    ("Rapides Parish", "Rapides"), ("Northern Territory", "Northern Territory"),
])
def test_strip_admin_words(name: str, stripped: str) -> None:
    assert strip_admin_words(name) == stripped


def test_box_middle_across_date_line() -> None:
    lat, lon = box_middle([(60.0, 179.0), (62.0, -179.0)])
    assert lat == 61.0 and abs(abs(lon) - 180.0) < 1e-6


def test_the_cache_file_name_changes_with_the_place_tables(monkeypatch) -> None:
    from chronicler.places import gazetteer

    first = gazetteer.cache_path().name
    monkeypatch.setattr(gazetteer, "VERSION", gazetteer.VERSION + 1)
    assert gazetteer.cache_path().name != first
    assert gazetteer._data_stamp() in first  # the tables' hash is in the name


def test_small_us_post_towns_are_known_with_their_state(resolver, nlp) -> None:
    text = "Lamont spoke at the Harwinton Senior Center in Harwinton, Conn., on Sunday."
    places = {m.text: p for p in resolver.resolve(nlp(text)) for m in p.mentions}
    town = places["Harwinton"]
    assert (town.country, town.admin1) == ("USA", "Connecticut")
    assert abs(town.lat - 41.77) < 0.2 and abs(town.lon + 73.07) < 0.2


def test_universities_and_landmarks_are_places(resolver, nlp) -> None:
    text = ("Dr. Klotzbach is a research scientist at Colorado State University. Detainees "
            "were moved from Evin prison, officials said.")
    places = {m.text: p for p in resolver.resolve(nlp(text)) for m in p.mentions}
    csu = places["Colorado State University"]
    assert csu.feature == "UNIV" and abs(csu.lat - 40.57) < 0.1  # Fort Collins, not Colorado
    assert any(p.country == "IRN" for t, p in places.items() if "Evin" in t)
