"""Source and target actors from the parse (sentences written for these tests)."""

from __future__ import annotations

from .conftest import first


def _name(ref) -> str:  # type: ignore[no-untyped-def]
    return ref.name if ref is not None else ""


def test_subject_and_object(code) -> None:
    event = first(code("Germany criticized Turkey over the arrest of journalists."), "ACCUSE")
    assert event.source is not None and event.source.country == "DEU"
    assert event.target is not None and event.target.country == "TUR"


def test_passive_with_agent(code) -> None:
    event = first(code("Three journalists were arrested by police in Cairo."), "COERCE")
    assert "police" in _name(event.source).lower()
    assert "journalists" in _name(event.target).lower()


def test_x_and_y_met(code) -> None:
    event = first(code("Iran and Turkey met in Tehran on Sunday."), "CONSULT")
    assert {event.source.country, event.target.country} == {"IRN", "TUR"}


def test_x_met_with_y_in_z(code) -> None:
    event = first(code("Emmanuel Macron met with Angela Merkel in Berlin."), "CONSULT")
    assert "Macron" in _name(event.source)
    assert "Merkel" in _name(event.target)


def test_pronoun_takes_the_preceding_person(code) -> None:
    events = code("Angela Merkel arrived in Paris on Monday. She met Emmanuel Macron at the "
                  "Elysee palace.")
    consult = [e for e in events if e.type == "CONSULT" and "Macron" in _name(e.target)]
    assert consult and "Merkel" in _name(consult[0].source)


def test_compound_subject_gives_one_event_per_actor(code) -> None:
    events = code("France and Britain condemned the missile test.")
    sources = {e.source.country for e in events if e.type == "ACCUSE" and e.source}
    assert sources == {"FRA", "GBR"}


def test_group_noun_with_nationality(code) -> None:
    event = first(code("Thousands of Syrian forces attacked the rebel town."), "ASSAULT")
    assert event.source is not None and event.source.country == "SYR"
    assert event.source.sector == "MIL"
