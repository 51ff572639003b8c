"""A frame verb's recipient parsed as the subject of its embedded clause ("helping X fight Y")
is still the event's target (sentences written here)."""

from __future__ import annotations

from .conftest import first


def test_help_x_do_y_has_x_as_target(code) -> None:
    event = first(code("Russian advisers are helping Syrian troops fight the rebels."), "AID")
    assert event.target is not None and event.target.country == "SYR"


def test_a_target_preposition_still_wins(code) -> None:
    event = first(code("The United Nations called on Israel to halt settlement construction."),
                  "REQUEST")
    assert event.target is not None and event.target.country == "ISR"
