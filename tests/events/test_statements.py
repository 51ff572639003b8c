"""Statements coded by what they say, and the per-article merge (sentences written here)."""

from __future__ import annotations

from .conftest import first, types_of


def test_demand_in_a_statement(code) -> None:
    event = first(code("Vladimir Putin said all foreign troops must leave Syria."), "REQUEST")
    assert event.source is not None and event.source.country == "RUS"
    assert event.mode == "yield"
    assert "RETREAT" not in types_of(code("Vladimir Putin said all foreign troops must leave "
                                          "Syria."))


def test_necessity_in_a_statement(code) -> None:
    events = code("The Iraqi prime minister said it is necessary for American forces to "
                  "withdraw from Iraq.")
    assert first(events, "REQUEST").source.country == "IRQ"


def test_off_the_agenda_is_a_rejection(code) -> None:
    events = code("A Syrian official said the withdrawal of Iranian advisers is not on the "
                  "agenda.")
    event = first(events, "REJECT")
    assert event.source is not None and event.source.country == "SYR"
    assert event.modality == "asserted"


def test_quotation_after_a_colon_keeps_its_speaker(code) -> None:
    text = ("The Iranian foreign minister spoke to reporters in Tehran, adding:\n\n"
            "“Those who entered Syria without permission should leave.”")
    assert first(code(text), "REQUEST").source.country == "IRN"


def test_call_on_is_a_request_with_a_target(code) -> None:
    event = first(code("The UN Secretary-General called on the Lebanese government to disarm "
                       "all militias."), "REQUEST")
    assert event.target is not None and event.target.country == "LBN"


def test_naming_with_a_condemning_word_is_an_accusation(code) -> None:
    event = first(code("The Syrian deputy foreign minister called the American strikes an "
                       "illegal aggression."), "ACCUSE")
    assert event.target is not None and event.target.country == "USA"


def test_no_breakthrough_is_a_negated_consult(code) -> None:
    event = first(code("No diplomatic breakthroughs were achieved in Geneva."), "CONSULT")
    assert event.modality == "negated"


def test_same_event_in_two_sentences_is_merged(code) -> None:
    events = code("Russia and Ukraine held talks in Istanbul on Tuesday. The talks between "
                  "Russia and Ukraine lasted four hours.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert len(consults) == 1
    assert consults[0].evidence.start == 0


def test_ids_evidence_and_determinism(code, nlp, coder) -> None:
    text = "Police arrested ten protesters in Lagos. Later, soldiers fired on the crowd."
    events = code(text)
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]
    for e in events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.location is None and e.date is None and e.date_text is None
    assert code(text) == events
