"""Streets, squares and buildings placed at the town the text puts them in."""

from __future__ import annotations

from chronicler.places.facilities import facility_spans


def _spans(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in facility_spans(text)]


def test_facility_names_are_cut_at_their_kind_word() -> None:
    assert _spans("Police closed 14th St. on Thursday.") == ["14th St."]
    assert _spans("The Royal Street was closed.") == ["Royal Street"]
    assert _spans("a rally at Brooklyn's Barclays Center") == ["Barclays Center"]
    assert _spans("Doctors at Alder Hey Children's Hospital said") == [
        "Alder Hey Children's Hospital"]
    assert _spans("Street gangs and the Eiffel Tower") == []
    assert _spans("The Street") == []


def test_a_facility_name_ends_with_its_sentence_and_at_joining_words() -> None:
    assert _spans("Main Street in Brooklyn. Main Street in Dayton, Ohio.") == [
        "Main Street", "Main Street"]
    assert _spans("Main St. in Brooklyn and Main St. in Dayton") == ["Main St.", "Main St."]
    assert _spans("a fire in Brooklyn on Main St") == ["Main St"]
    assert _spans("lunch at the Bank of America Plaza") == ["Bank of America Plaza"]


def test_two_towns_main_streets_are_two_places(resolver, nlp) -> None:
    doc = nlp("Crowds filled Main Street in Dayton, Ohio, and Main Street in Fresno, "
              "California, on Saturday.")
    streets = [p for p in resolver.resolve(doc) if p.name == "Main Street"]
    assert sorted(p.admin1 for p in streets) == ["California", "Ohio"]


def _resolved(resolver, nlp, text):
    return {r.mention.text: r for r in resolver.resolve_mentions(nlp(text))}


def test_a_square_is_placed_at_the_town_written_beside_it(resolver, nlp) -> None:
    r = _resolved(resolver, nlp, "Protesters gathered in Nasr Square in Cairo on Friday.")
    square = r["Nasr Square"].entry
    cairo = r["Cairo"].entry
    assert (square.feature, square.country, square.geonameid) == ("SQR", "EGY", None)
    assert (square.lat, square.lon) == (cairo.lat, cairo.lon)


def test_streets_take_the_datelines_town_not_the_place_they_are_named_after(resolver, nlp):
    r = _resolved(resolver, nlp, "NEW ORLEANS — The building at Frenchmen Street was a "
                  "library. Royal Street was closed on Tuesday.")
    for street in ("Frenchmen Street", "Royal Street"):
        assert r[street].entry.country == "USA" and r[street].entry.feature == "ST"
        assert "New Orleans" in r[street].reason
    assert not any(x.entry.country == "FRA" for x in r.values())


def test_a_building_named_after_a_region_keeps_that_region(resolver, nlp) -> None:
    r = _resolved(resolver, nlp, "She studied at Colorado State University for four years.")
    assert not any(x.mention.source == "facility" for x in r.values())


def test_no_town_no_facility(resolver, nlp) -> None:
    r = _resolved(resolver, nlp, "The parade went down Main Street as usual.")
    assert "Main Street" not in r


def test_a_building_without_its_town_stays_out_of_a_story_about_elsewhere(resolver, nlp):
    r = _resolved(resolver, nlp, "Officials in Beijing and Shanghai met on Monday, said a "
                  "professor at Hollis Valley College.")
    assert "Hollis Valley College" not in r
