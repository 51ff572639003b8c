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


def _places(resolver, nlp, text):
    return {m.text: p for p in resolver.resolve(nlp(text)) for m in p.mentions}


def test_a_place_named_once_is_that_place_where_spacy_took_it_for_a_person(resolver, nlp):
    text = ("Police in Alexandria, Virginia, found the body on Tuesday. Alexandria "
            "Commonwealth's Attorney Randy Sengel said the case was open. Alexandria police "
            "asked for help.")
    found = [(m.start, p.name, p.country) for p in resolver.resolve(nlp(text))
             for m in p.mentions if m.text == "Alexandria"]
    assert len(found) == 3 and {(name, c) for _, name, c in found} == {("Alexandria", "USA")}


def test_a_repeated_place_name_inside_a_person_name_stays_the_person(resolver, nlp):
    text = ("The team flew to Jordan on Monday. Later, Michael Jordan spoke to reporters "
            "about the trip.")
    starts = [m.start for p in resolver.resolve(nlp(text)) for m in p.mentions
              if m.text == "Jordan"]
    assert starts == [text.index("Jordan")]


def test_region_codes_standing_alone_need_their_country_in_the_article(resolver, nlp):
    canada = _places(resolver, nlp, "The FrontCounter BC office opened in Nelson, British "
                     "Columbia, this week. People no longer drive to Castlegar.")
    assert canada["BC"].name == "British Columbia"
    assert canada["Castlegar"].country == "CAN"  # a small town that fits its region
    alone = _places(resolver, nlp, "The FrontCounter BC office opened this week in a mall.")
    assert "BC" not in alone
    dated = _places(resolver, nlp, "Rome was small in 500 BC, long before Canada existed.")
    assert "BC" not in dated


def test_an_institution_is_not_a_person(resolver, nlp):
    text = ("Classes at Glen Carbon Elementary start in August. The village of Glen Carbon "
            "will pay for the new roof.")
    places = _places(resolver, nlp, text)
    assert places["Glen Carbon"].admin1 == "Illinois"


def test_place_adjectives_in_compounds_and_mislabelled_entities(resolver, nlp):
    places = _places(resolver, nlp, "Peres marked the anniversary of Israeli-Egyptian peace. "
                     "Two Abkhaz servicemen were hurt, the Abkhaz news agency said.")
    assert places["Egyptian"].country == "EGY"
    assert places["Abkhaz"].name == "Abkhazia"
    assert all(m.use == "adjectival" for p in resolver.resolve(nlp("Abkhaz servicemen"))
               for m in p.mentions)


def test_short_city_names_and_regional_adjectives(resolver, nlp):
    places = _places(resolver, nlp, "Nurturing South L.A., one market at a time. Korean "
                     "exporters and Sicilian farmers met on Monday.")
    assert places["L.A."].name == "Los Angeles"
    assert places["Korean"].name == "Korean Peninsula"
    assert places["Sicilian"].admin1 == "Sicily"


def test_an_upper_case_dateline_name_is_the_place_in_the_story(resolver, nlp):
    text = ("Couple charged. CLINTON, Conn. — A town couple faces drug counts. Clinton police "
            "said the couple lived in Clinton for years.")
    found = [m.text for p in resolver.resolve(nlp(text)) for m in p.mentions
             if p.admin1 == "Connecticut" and m.text.lower() == "clinton"]
    assert len(found) >= 2


def test_a_big_city_opening_a_team_or_inside_an_organisation(resolver, nlp):
    places = _places(resolver, nlp, "Fans of the Seattle Seahawks cheered. Officials of the "
                     "Smart Dubai Office met the T&T government.")
    assert places["Seattle"].country == "USA"
    assert places["Dubai"].country == "ARE"
    assert places["T&T"].country == "TTO"


def test_spacy_date_and_time_entities_do_not_hide_places(resolver, nlp):
    places = _places(resolver, nlp, "The soldier served with US Special Forces in Manbij near "
                     "the Turkish border. The meeting starts at 10 a.m. CT on Dec. 5.")
    assert places["Manbij"].country == "SYR"
    assert "CT" not in places and "Dec." not in places


def test_arabic_names_without_their_article(resolver, nlp):
    places = _places(resolver, nlp, "Turkey fired on Qamishli and other towns on Tuesday.")
    assert places["Qamishli"].country == "SYR"


def test_dateline_state_abbreviation_and_the_west(resolver, nlp):
    text = "CAMP MURRAY, Wash. - The colonel spoke about Russia and the West on Monday."
    places = _places(resolver, nlp, text)
    assert places["Wash."].name == "Washington" and places["Wash."].feature == "ADM1"
    assert "West" not in places


def test_a_place_name_that_is_a_persons_surname_here_is_weak(resolver, nlp):
    text = ("Bingham to offer plan. TORRINGTON, Conn. — Mayor Ryan Bingham will announce a "
            "program for Torrington businesses.")
    places = _places(resolver, nlp, text)
    assert places["TORRINGTON"].admin1 == "Connecticut"
    assert "Bingham" not in places or places["Bingham"].country == "USA"


def test_generic_words_spacy_calls_places_are_not_capitals(resolver, nlp):
    places = _places(resolver, nlp, "Small businesses here in the Valley grew last year.")
    assert "Valley" not in places


def test_the_kind_of_place_a_country_or_region_holds(resolver, nlp):
    places = _places(resolver, nlp, "He was found on a bench in the southern English city of "
                     "Salisbury on March 4. She teaches English lessons.")
    assert places["Salisbury"].country == "GBR"  # not Harare, once called Salisbury
    assert places["English"].name == "England"


def test_a_region_adjective_after_a_countrys_is_part_of_a_name(resolver, nlp):
    text = "The Syrian Arab army advanced, other Arab countries said."
    arab = [m.start for p in resolver.resolve(nlp(text)) for m in p.mentions if m.text == "Arab"]
    assert arab == [text.index("Arab countries")]


def test_names_of_actors_the_knowledge_base_knows_are_not_villages(resolver, nlp):
    text = ("Taliban fighters entered Kabul on Sunday. Hamid Karzai and Wang Yi spoke. The "
            "Taliban said the war was over.")
    places = {m.text: p for p in resolver.resolve(nlp(text)) for m in p.mentions}
    assert places["Kabul"].country == "AFG"
    assert "Taliban" not in places and "Hamid" not in places


def test_a_name_spacy_split_in_two_is_joined(resolver, nlp):
    places = _places(resolver, nlp, "Work on the river in Baja California will start soon. "
                     "Tickets are sold in Washington, D.C., and the U.S. Virgin Islands.")
    assert places["Baja California"].country == "MEX"
    assert places["U.S. Virgin Islands"].country == "VIR"


def test_codes_read_by_the_articles_country(resolver, nlp):
    za = _places(resolver, nlp, "That SA holds reserves of platinum affects millions of "
                 "South Africans. Renault SA said nothing.")
    assert za["SA"].country == "ZAF" and za["SA"].feature == "PCLI"
    au = _places(resolver, nlp, "Wastewater in WA is diluted, officials in Perth, Australia, "
                 "said.")
    assert au["WA"].name == "Western Australia"
    assert "SA" not in _places(resolver, nlp, "The SA team won on Sunday.")
