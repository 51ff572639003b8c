"""One plain news sentence per PLOVER type (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .conftest import first, types_of

CASES = [
    ("AGREE", "Iran and Iraq agreed to cooperate on border security."),
    ("CONSULT", "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday."),
    ("SUPPORT", "The French government praised the Tunisian president for the reforms."),
    ("CONCEDE", "The junta pardoned 200 political prisoners on Sunday."),
    ("COOPERATE", "Germany extradited the suspect to France on Tuesday."),
    ("AID", "Japan provided $5 million in humanitarian aid to Nepal."),
    ("RETREAT", "Russian troops withdrew from the town of Kherson."),
    ("REQUEST", "The United Nations urged Israel to halt settlement construction."),
    ("ACCUSE", "China accused the United States of interfering in its internal affairs."),
    ("REJECT", "Ukraine rejected the Russian proposal for a ceasefire."),
    ("THREATEN", "North Korea threatened to attack American bases in Guam."),
    ("PROTEST", "Thousands of protesters rallied in Tehran against the government."),
    ("SANCTION", "The European Union imposed sanctions on Belarus."),
    ("MOBILIZE", "Turkey deployed troops to the Syrian border."),
    ("COERCE", "Police arrested twelve opposition activists in Minsk."),
    ("ASSAULT", "Israeli warplanes struck targets in Gaza overnight."),
]


@pytest.mark.parametrize(("typ", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_type(code, typ: str, sentence: str) -> None:
    events = code(sentence)
    assert typ in types_of(events)
    event = first(events, typ)
    assert event.cameo is not None and len(event.cameo) >= 3
    assert 0.0 <= event.confidence <= 1.0


@pytest.mark.parametrize(("sentence", "mode"), [
    ("Israeli warplanes struck targets in Gaza overnight.", "aerial"),
    ("Russian troops withdrew from the town of Kherson.", "withdraw"),
    ("Police arrested twelve opposition activists in Minsk.", "arrest"),
    ("The rebels released three hostages on Friday.", "release"),
])
def test_mode(code, sentence: str, mode: str) -> None:
    assert mode in {e.mode for e in code(sentence)}


@pytest.mark.parametrize("sentence", [
    "A powerful earthquake killed 40 people in the mountains on Monday.",
    "Floods destroyed hundreds of homes along the river.",
    "Four workers were injured when a gas tank exploded at the plant.",
    "The storm hit the coast overnight, leaving thousands without power.",
])
def test_disasters_raise_no_violence(code, sentence: str) -> None:
    assert not types_of(code(sentence)) & {"ASSAULT", "PROTEST"}


@pytest.mark.parametrize("sentence", [
    "Leave a Reply",
    "You are commenting using your Twitter account.",
    "Fill in your details below or click an icon to log in.",
    "The weather will be sunny in Madrid tomorrow.",
])
def test_no_event(code, sentence: str) -> None:
    assert code(sentence) == []
