"""Concessions to demands or pressure are CONCEDE (CAMEO 080/083); sentences written here."""

from __future__ import annotations

import pytest

from .conftest import first, types_of


@pytest.mark.parametrize("sentence", [
    "The government caved in to the demands of striking teachers.",
    "The government acceded to opposition demands for early elections.",
    "After weeks of strikes the governor backed down on the fuel tax.",
    "The ruling party finally gave in to pressure from the unions.",
])
def test_yielding_to_demands_is_concede(code, sentence: str) -> None:
    events = code(sentence)
    assert "CONCEDE" in types_of(events), [(e.type, e.cameo) for e in events]
    assert first(events, "CONCEDE").cameo.startswith("08")


def test_backing_a_plan_is_still_support(code) -> None:
    assert "SUPPORT" in types_of(code("France backed the German plan for a naval mission."))
