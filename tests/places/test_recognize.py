"""Recognition beyond spaCy's place entities, region adjectives and region points."""

from __future__ import annotations

from chronicler.places.recognize import _free_runs


def test_free_runs_skip_entity_characters() -> None:
    text = "the Communist Party of Vietnam Nguyen said"
    taken = bytearray(len(text) + 1)
    start = text.index("Communist")
    end = text.index(" of Vietnam")
    taken[start:end] = b"\x01" * (end - start)
    runs = [m.group() for m in _free_runs(text, taken)]
    assert "Vietnam Nguyen" in runs
    assert not any("Communist" in r for r in runs)


def test_region_adjectives(resolver) -> None:
    gaz = resolver.gazetteer
    assert gaz.entry(gaz.adjective("English")).name == "England"
    assert gaz.entry(gaz.adjective("Texans")).name == "Texas"
    georgian = gaz.entry(gaz.adjective("Georgian"))
    assert georgian.feature == "PCLI"  # a country's adjective keeps its country


def test_admin1_points_and_country_points(resolver) -> None:
    gaz = resolver.gazetteer
    ontario = gaz.admin1_entry("CAN", "Ontario")
    assert ontario is not None and abs(ontario.lat - 49.25) < 0.01
    canada = gaz.entry(gaz.country_entry["CAN"])
    assert abs(canada.lat - 60.11) < 0.01 and abs(canada.lon + 113.64) < 0.01


def test_currency_country_is_adjectival(resolver, nlp) -> None:
    doc = nlp("The company will invest 5 billion US dollars in the new plant.")
    uses = {m.text: (p.country, m.use) for p in resolver.resolve(doc) for m in p.mentions}
    assert uses.get("US") == ("USA", "adjectival")


def test_place_adjective_tagged_as_person(resolver, nlp) -> None:
    doc = nlp("The mines were laid by Azerbaijani soldiers during the war.")
    countries = {p.country for p in resolver.resolve(doc)}
    assert "AZE" in countries


def test_possessive_ends_a_name() -> None:
    from chronicler.places.recognize import _grams

    class Gaz:
        not_places: frozenset[str] = frozenset()

        def adjective(self, text: str) -> None:
            return None

        def postings(self, text: str) -> tuple[int, ...]:
            return (2,) if text == "Alexandria" else ()

    grams = _grams("Alexandria’s Circuit Court", 10, Gaz())
    assert [(g.start, g.end) for g in grams] == [(10, 20)]


def test_named_kind() -> None:
    from chronicler.places.recognize import named_kind

    assert named_kind("Laurel County") == "ADM2"
    assert named_kind("Gun Barrel City") is None
    assert named_kind("Avondale") is None
