"""Lexicon coverage, round 4: COERCE weapon finds (also passive), weapons destroyed, a crowd
gathering, chanting, taking to the streets, projectiles thrown, forces sent forward, control
wrested. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import first, types_of

CASES = [
    ("A cache of rifles and grenades was discovered near the border.", "COERCE", "1711"),
    ("Police found a stash of explosives in the warehouse.", "COERCE", "1711"),
    ("Army engineers destroyed dozens of landmines near the village.", "COERCE", "1711"),
    ("Demonstrators gathered outside the parliament on Friday.", "PROTEST", "141"),
    ("Thousands of workers took to the streets of the capital.", "PROTEST", "141"),
    ("Students chanted slogans against the education minister.", "PROTEST", "141"),
    ("Protesters hurled stones at the riot police.", "PROTEST", "145"),
    ("Unknown youths threw stones at a police patrol.", "ASSAULT", "190"),
    ("The rebels forwarded reinforcements to the front line.", "MOBILIZE", "154"),
    ("Government troops wrested control of the town from the insurgents.", "ASSAULT", "190"),
    ("The security service found a stash of pistols in the garage.", "COERCE", "1711"),
    ("Insurgents gained control of the airbase after days of fighting.", "ASSAULT", "190"),
    ("The army pushed the rebels out of the northern districts.", "ASSAULT", "190"),
    ("Riot police dispersed a demonstration outside the ministry.", "ASSAULT", "175"),
]


@pytest.mark.parametrize(("text", "typ", "cameo"), CASES)
def test_round4_coverage(code, text: str, typ: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    assert first(code(text), typ).cameo == cameo


def test_destroying_weapons_is_no_attack(code) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in types_of(code("Troops destroyed a cache of weapons in the hills."))


def test_what_is_mobilised_is_not_the_target(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("Russia deployed thousands of troops near the border."), "MOBILIZE")
    assert event.target is None


def test_gathering_needs_a_crowd(code) -> None:  # type: ignore[no-untyped-def]
    assert types_of(code("Investigators gathered evidence at the scene.")) == set()


def test_jets_destroying_depots_is_an_attack(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Israeli jets destroyed weapon depots near the airport."),
                 "ASSAULT").cameo == "1712"


def test_a_peoples_demands_in_a_rally_are_the_protest(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Thousands of Chileans rallied in Santiago on Monday, demanding that the "
                  "minister resign.")
    assert types_of(events) == {"PROTEST"}
    vowed = code("The protesters marched to the palace and vowed to continue until the "
                 "president resigns.")
    assert types_of(vowed) == {"PROTEST"}


def test_emergency_crews_called_to_a_scene_are_no_phone_call(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Fire crews were called to the warehouse after a chemical spill.") == []


def test_disaster_relief_in_snow_is_no_mobilisation(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The army mobilized on Tuesday to dig out cars stuck in heavy snow.")
    assert "MOBILIZE" not in types_of(events)


def test_a_nominalised_light_verb_makes_its_of_noun_an_event(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("Russia's imposition of sanctions on Iran angered Tehran."), "SANCTION")
    assert (event.source.name, event.target.name) == ("Russia", "Iran")
    signed = first(code("The signing of the peace accord between the government and the "
                        "rebels took place in Havana."), "SUPPORT")
    assert signed.cameo == "057"


def test_a_nominalised_act_in_an_oblique_phrase_is_a_circumstance(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Cuba was drawn into the peace process by its resumption of ties with Chile.")
    assert "SUPPORT" not in types_of(events)


def test_condemning_an_imposition_is_about_it(code) -> None:  # type: ignore[no-untyped-def]
    assert types_of(code("The EU condemned the imposition of sanctions on Cuba.")) == {"ACCUSE"}


def test_a_fight_of_unarmed_people_is_a_figure_of_speech(code) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in types_of(code("Lawmakers fought over the budget on Tuesday."))
    assert "ASSAULT" in types_of(code("Rebels fought government troops near the border."))


def test_looting_in_unrest_is_political_violence(code) -> None:  # type: ignore[no-untyped-def]
    events = code("During the unrest, dozens of shops were looted in the township.")
    assert "COERCE" in types_of(events)


def test_an_act_only_considered_or_plotted_is_hypothetical(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The government is considering sending troops to the border.")
    assert events and all(e.modality == "hypothetical" for e in events if e.type == "MOBILIZE")
    plotted = code("The cell was plotting to bomb the embassy, police said.")
    assert all(e.modality == "hypothetical" for e in plotted if e.type == "ASSAULT")


def test_a_bombing_by_militants_is_no_air_strike(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Militants bombed a bus station in the north."), "ASSAULT").mode \
        == "explosives"
    assert first(code("Israeli jets bombed a missile base near Damascus."), "ASSAULT").mode \
        == "aerial"


def test_a_frame_does_not_embed_a_clause_of_time(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The president vowed a thorough investigation after seven villagers were "
                  "murdered by gunmen.")
    assert "THREATEN" not in types_of(events) and "ASSAULT" in types_of(events)
