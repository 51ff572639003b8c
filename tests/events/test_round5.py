"""Round 5 of the event coder: accepting responsibility or claiming one's own attack is a
claim (CAMEO 015, no PLOVER type); passive conjuncts share their patient; warnings of facts
are no threats; symptoms are no complaints; investigations of accidents accuse no one;
expulsions and sanctions announced or decided; forces stationed somewhere are described.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import first, types_of


def test_accepting_responsibility_is_no_agreement(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The rebel group accepted responsibility for the raid on the depot.")
    assert "AGREE" not in types_of(events)


def test_a_passive_conjunct_has_no_doer_from_its_patient(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Three people were wounded and airlifted to a hospital in the capital.")
    assert "AID" not in types_of(events)


@pytest.mark.parametrize("text", [
    "The army warned that the road was closed.",
    "Police warned them that the rally was not authorised.",
])
def test_a_warning_of_a_fact_is_no_threat(code, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in types_of(code(text))


def test_a_warning_of_an_act_to_come_is_a_threat(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Hamas warned that it would attack Israeli towns."),
                 "THREATEN").cameo == "1384"


def test_complaining_of_a_symptom_is_no_complaint(code) -> None:  # type: ignore[no-untyped-def]
    assert types_of(code("Several soldiers complained of headaches after the drill.")) == set()


def test_investigating_an_accident_accuses_no_one(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Health officials are investigating the source of the food poisoning.")
    assert "ACCUSE" not in types_of(events)


def test_an_announced_expulsion_of_diplomats_is_a_sanction(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("The government announced the expulsion of 20 Russian diplomats."),
                  "SANCTION")
    assert (event.cameo, event.mode) == ("166", "expel")


def test_decided_sanctions_are_sanctions(code) -> None:  # type: ignore[no-untyped-def]
    assert "SANCTION" in types_of(code("Japan decided new sanctions against North Korea."),
                                  counted=True)


def test_forces_stationed_somewhere_are_described_not_mobilised(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The clash was a rare confrontation between local militias and foreign "
                  "troops deployed in the hills near the border.")
    assert "MOBILIZE" not in types_of(events)


def test_released_fighters_are_a_release(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("The government released 30 rebels in exchange for 16 soldiers."),
                 "RETREAT").cameo == "0841"


def test_people_captured_by_an_army_are_detained(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("The national army captured a senior rebel commander on Monday."),
                 "COERCE").cameo == "173"
    assert first(code("Gunmen captured two aid workers near the camp."), "ASSAULT").cameo == "181"


def test_a_crowd_booing_an_official_is_a_protest(code) -> None:  # type: ignore[no-untyped-def]
    assert "PROTEST" in types_of(code("Angry residents booed the governor outside the hall."))


def test_a_diplomatic_complaint_of_conduct_is_still_a_complaint(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The foreign ministry summoned the ambassador to complain of interference.")
    assert "ACCUSE" in types_of(events)


def test_a_claim_of_ones_own_attack_is_a_claim(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The rebels claimed that they had attacked an army convoy near the town.")
    assert "ASSAULT" not in types_of(events)
    other = code("The rebels claimed that government troops had attacked the village.")
    assert "ASSAULT" in types_of(other)


def test_accepting_refugees_is_asylum(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Canada accepted 2,000 Syrian refugees last year."), "AID").cameo == "075"


def test_a_thing_supported_by_someone_is_described(code) -> None:  # type: ignore[no-untyped-def]
    events = code("An airstrike destroyed a clinic supported by an international charity.")
    assert "SUPPORT" not in types_of(events)
    assert "ASSAULT" in types_of(events)


def test_help_as_the_purpose_of_an_act_is_not_a_second_event(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Japan sent 50 tonnes of food aid to help flood victims in Pakistan.")
    aid = [e for e in events if e.type == "AID"]
    assert len(aid) == 1 and aid[0].cameo != "070"


def test_seeking_refuge_is_no_appeal(code) -> None:  # type: ignore[no-untyped-def]
    events = code("About 5,000 Sudanese have sought refuge in Chad since the fighting began.")
    assert "REQUEST" not in types_of(events)
    assert "REQUEST" in types_of(code("The United Nations sought aid for war victims in Syria."))


def test_denying_an_act_negates_it_and_refuses_nothing(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The army denied that it had shelled villages near the border.")
    assert "REJECT" not in types_of(events)
    assert [e.modality for e in events if e.type == "ASSAULT"] == ["negated"]
    assert "REJECT" in types_of(code("The government denied permission for the rally."))


def test_insisting_on_a_fact_is_no_demand(code) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in types_of(code("The president insisted that the election had been "
                                          "free and fair."))
