"""Protesters' demands, military posts, advances, "received aid from", "neither ... nor" and
"until" conditions (sentences written for these tests)."""

from __future__ import annotations

from .conftest import first, types_of


def test_protesters_demand_is_the_protest(code) -> None:
    events = code("Thousands of protesters marched through Lagos on Friday, demanding the "
                  "resignation of the police chief.")
    assert "PROTEST" in types_of(events)
    assert "REQUEST" not in types_of(events)


def test_government_demand_stays_a_request(code) -> None:
    events = code("The German government demanded the release of the detained journalists.")
    assert "REQUEST" in types_of(events)


def test_military_post_is_mobilize(code) -> None:
    events = code("Turkish troops set up a new observation post near the Syrian town of Afrin.")
    assert first(events, "MOBILIZE").cameo == "150"


def test_forces_advancing_is_assault(code) -> None:
    events = code("Government forces advanced on the rebel-held town of Idlib on Sunday.")
    assert "ASSAULT" in types_of(events)


def test_received_aid_from_reverses_roles(code) -> None:
    event = first(code("Egypt received weapons from Russia on Monday."), "AID")
    assert event.source is not None and event.source.actor == "RUS"
    assert event.target is not None and event.target.actor == "EGY"


def test_neither_nor_is_negated(code) -> None:
    events = code("Neither France nor Britain boycotted the summit in Cairo on Monday.")
    assert all(e.modality == "negated" for e in events if e.type == "PROTEST")


def test_until_clause_of_a_vow_is_a_condition(code) -> None:
    events = code("The rebels vowed to fight on until the army withdrew from the valley.")
    assert first(events, "RETREAT").modality == "hypothetical"
    past = code("The rebels fought until the army withdrew from the valley.")
    assert first(past, "RETREAT").modality == "asserted"


def test_chide_is_accuse(code) -> None:
    events = code("The French foreign minister chided Iran over its missile programme.")
    assert "ACCUSE" in types_of(events)
