"""Pairing quotation marks in plain text (no model needed)."""

from __future__ import annotations

import pytest

from chronicler.quotes.marks import find_marked


def _contents(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marked(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("“We will win,” he said, “and soon.”", ["We will win", "and soon."]),
    ('She said "yes" and then "no."', ["yes", "no."]),
    ("«Bonjour», dit-il.", ["Bonjour"]),
    ("Er sagte: „Guten Tag“ und ging.", ["Guten Tag"]),
    ("He said ‘enough is enough’ and left.", ["enough is enough"]),
    ("“I told them ‘no’ twice,” she said.", ["I told them ‘no’ twice"]),
    ("The ’90s were “fine,” he said.", ["fine"]),
    ("The workers’ strike won’t end soon.", []),
    ('The board was 5\'11" long and "flat."', ["flat."]),
])
def test_styles_and_apostrophes(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected


def test_missing_closer_stays_in_its_paragraph() -> None:
    text = ("Anna said “the vote was fair.\n\n"
            "Ben replied: “It was not.”\n\n"
            "“We will appeal,” Ben added, “this week.”")
    assert _contents(text) == ["the vote was fair.", "It was not.", "We will appeal",
                               "this week."]


def test_missing_closer_before_a_new_opener() -> None:
    assert _contents("“We won, he said. “Now we rest.”") == ["We won, he said.", "Now we rest."]


def test_missing_straight_closer_does_not_invert_later_pairs() -> None:
    text = 'He said "the deal is off.\n\n"Talks resume Monday," she said. "Maybe."'
    assert _contents(text) == ["the deal is off.", "Talks resume Monday", "Maybe."]


def test_paragraph_reopened_with_a_mark_continues() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph,” he said."
    marked = find_marked(text)
    assert [m.continues for m in marked] == [True, False]
    assert marked[0].close is None


def test_unclosed_quote_without_reopening_does_not_continue() -> None:
    marked = find_marked("He said “we are done.\n\nThe meeting ended.")
    assert [(m.continues, m.close) for m in marked] == [(False, None)]


def test_missing_opener_at_paragraph_start() -> None:
    assert _contents("We are leaving,” the envoy said.") == ["We are leaving"]


def test_doubled_apostrophes_as_quotation_marks() -> None:
    text = "''This isn't a reform,'' said the senator, citing ''the weak rules.''"
    marked = find_marked(text)
    assert [text[m.start:m.end] for m in marked] == ["This isn't a reform", "the weak rules."]
    assert [text[slice(*m.outer)] for m in marked] == ["''This isn't a reform,''",
                                                       "''the weak rules.''"]
