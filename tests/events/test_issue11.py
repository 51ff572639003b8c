"""Event coder round 3 (issue 11): what a verbal event is about is not a second event; lexicon
coverage of weak types (sentences written for these tests)."""

from __future__ import annotations

from .conftest import types_of


def test_apology_for_a_killing_is_not_an_assault(code) -> None:
    events = code("Peru apologised to Chile for the killing of two fishermen by its coast guard.")
    assert types_of(events) == {"SUPPORT"}


def test_criticised_decision_to_expel_is_only_the_criticism(code) -> None:
    events = code("Norway criticised Egypt's decision to expel foreign journalists.")
    assert types_of(events) == {"ACCUSE"}


def test_protest_purpose_is_part_of_the_protest(code) -> None:
    events = code("Nurses demonstrated in the streets of Accra to denounce the new pay law.")
    assert types_of(events) == {"PROTEST"}
