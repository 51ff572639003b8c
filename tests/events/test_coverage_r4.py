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
