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


def test_calling_off_a_strike_is_a_concession(code) -> None:
    events = code("The teachers' union called off the nationwide strike on Tuesday.")
    assert "CONCEDE" in types_of(events) and "PROTEST" not in types_of(events)


def test_peacekeepers_deployed_are_aid(code) -> None:
    events = code("Ghana deployed 800 peacekeepers to South Sudan under a UN mandate.")
    assert "AID" in types_of(events) and "MOBILIZE" not in types_of(events)


def test_missile_test_is_mobilize_not_assault(code) -> None:
    events = code("North Korea test-fired a ballistic missile into the sea on Sunday.")
    assert "MOBILIZE" in types_of(events) and "ASSAULT" not in types_of(events)


def test_humanitarian_corridor_and_handing_over_weapons_are_retreat(code) -> None:
    assert "RETREAT" in types_of(code("The army opened a humanitarian corridor into Aleppo."))
    assert "RETREAT" in types_of(code("The rebels handed over their weapons to UN "
                                      "monitors in Goma."))


def test_banning_imports_is_a_sanction(code) -> None:
    assert "SANCTION" in types_of(code("India banned imports of Chinese steel on Monday."))


def test_cooperation_verbs(code) -> None:
    assert "COOPERATE" in types_of(code("Kenya handed over two terrorism suspects to Uganda."))
    assert "COOPERATE" in types_of(code("Brazil and Argentina launched joint patrols along "
                                        "their border."))


def test_assault_mode_from_the_weapon_in_the_sentence(code) -> None:
    def mode(text: str) -> str | None:
        return next(e.mode for e in code(text) if e.type == "ASSAULT")
    assert mode("Militants killed four soldiers with a roadside bomb near Kandahar.") == \
        "explosives"
    assert mode("A bomb exploded near a police station in Mosul, killing eight people.") == \
        "explosives"
    assert mode("Government forces attacked the town of Douma with chlorine gas.") == \
        "unconventional"
    assert mode("Soldiers sexually assaulted women during the raid, survivors said.") == "sexual"


def test_security_forces_finding_explosives_is_a_seizure(code) -> None:
    events = code("Soldiers discovered a cache of explosives near the border on Monday.")
    assert "COERCE" in types_of(events)


def test_regaining_control_is_assault(code) -> None:
    events = code("Government troops regained control of the town after heavy fighting.")
    assert "ASSAULT" in types_of(events)


def test_protesters_clashing_is_a_violent_protest(code) -> None:
    events = code("Demonstrators clashed with police in Lima on Thursday.")
    assert "PROTEST" in types_of(events) and "ASSAULT" not in types_of(events)


def test_returning_and_freeing_people_and_property_is_retreat(code) -> None:
    assert "RETREAT" in types_of(code("Iran freed 12 Pakistani fishermen on Monday."))
    assert "RETREAT" in types_of(code("Russia returned the seized vessel to Ukraine."))


def test_allowing_observers_to_enter_is_access(code) -> None:
    events = code("Syria allowed UN observers to enter the town of Douma on Saturday.")
    assert "RETREAT" in types_of(events)


def test_violating_a_ceasefire_is_assault_and_stopping_work_a_strike(code) -> None:
    events = code("Rebels violated the ceasefire near Donetsk on Sunday.")
    assert any(e.type == "ASSAULT" and e.cameo == "196" for e in events)
    events = code("Dock workers stopped work at the port of Durban on Monday.")
    assert "PROTEST" in types_of(events)


def test_a_visit_has_its_host_as_target(code) -> None:
    event = next(e for e in code("Japan's foreign minister paid a visit to China on Monday.")
                 if e.type == "CONSULT")
    assert event.target is not None and event.target.actor == "CHN"


def test_mending_ties_is_support_and_softening_a_stance_a_concession(code) -> None:
    assert "SUPPORT" in types_of(code("Turkey and Armenia mended ties on Monday."))
    assert "CONCEDE" in types_of(code("The government softened its stance on the protests."))


def test_a_frame_takes_the_target_of_its_embedded_act(code) -> None:
    def target(text: str, typ: str) -> str | None:
        event = next(e for e in code(text) if e.type == typ)
        return event.target.actor if event.target is not None else None
    assert target("Israel refused to negotiate with Hamas on Monday.", "REJECT") is not None
    assert target("Kenya promised to send aid to Somalia.", "AGREE") == "SOM"
