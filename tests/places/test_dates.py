"""Date expressions resolved against a reference date (news conventions, dates.py)."""

from __future__ import annotations

import pytest

from chronicler.places import resolve_date

REF = "2018-05-10"  # a Thursday


@pytest.mark.parametrize(("text", "expected"), [
    ("yesterday", "2018-05-09"),
    ("today", "2018-05-10"),
    ("last week", "2018-05-03"),
    ("this week", "2018-05-10"),
    ("next week", "2018-05-17"),
    ("last month", "2018-04-10"),
    ("last year", "2017-05-10"),
    ("on Wednesday", "2018-05-09"),
    ("Thursday", "2018-05-10"),
    ("last Friday", "2018-05-04"),
    ("next Monday", "2018-05-14"),
    ("May 6", "2018-05-06"),
    ("6 May", "2018-05-06"),
    ("Dec. 25", "2017-12-25"),
    ("in March 2011", "2011-03-01"),
    ("March", "2018-03-01"),
    ("Wednesday, May 6, 2015", "2015-05-06"),
    ("2016-02-29", "2016-02-29"),
    ("two days ago", "2018-05-08"),
    ("3 weeks ago", "2018-04-19"),
])
def test_resolved(text: str, expected: str) -> None:
    assert resolve_date(text, REF) == (expected, text)


@pytest.mark.parametrize("text", ["the 1990s", "2011", "recent weeks", "decades"])
def test_too_vague_keeps_text(text: str) -> None:
    assert resolve_date(text, REF) == (None, text)


def test_relative_needs_reference() -> None:
    assert resolve_date("yesterday", None) == (None, "yesterday")
    assert resolve_date("May 6, 2018", None) == ("2018-05-06", "May 6, 2018")


def test_empty() -> None:
    assert resolve_date("  ", REF) == (None, None)


def test_month_end_is_clamped() -> None:
    assert resolve_date("last month", "2018-03-31") == ("2018-02-28", "last month")
