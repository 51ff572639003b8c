"""Round 6 of the event coder: secondary mentions that are no events of their own (an
infinitive that says what an agreement is for, a demand that goes on with a condemnation, a
place described as the scene of fighting, an attempt, a promised inquiry), a participle
coordinated with a passive after a comma, and verbs of the CAMEO code book the lexicon lacked.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import first, types_of


def test_a_passive_conjunct_after_a_comma_has_no_doer(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Five people were injured, and airlifted to a hospital in the capital.")
    assert "AID" not in types_of(events)


def test_seeking_to_do_something_is_an_attempt_not_an_appeal(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The government seeks to strengthen its positions in the north.")
    assert "REQUEST" not in types_of(events)


def test_seeking_talks_is_still_an_appeal(code) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in types_of(code("The government seeks talks with the rebels."))


@pytest.mark.parametrize("text", [
    "The president vowed a thorough investigation into the killings.",
    "The governor promised an inquiry into the collapse of the bridge.",
])
def test_a_promised_investigation_is_no_agreement(code, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "AGREE" not in types_of(code(text))


def test_a_pledge_of_aid_is_still_an_agreement(code) -> None:  # type: ignore[no-untyped-def]
    assert "AGREE" in types_of(code("Japan pledged aid to the flood victims in Pakistan."))


def test_a_demand_going_on_with_a_condemnation_is_part_of_it(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The minister accused Iran of bombing the port, saying that those "
                  "responsible must be punished.")
    assert types_of(events) == {"ACCUSE"}


def test_a_demand_said_on_its_own_is_still_a_request(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The minister said that Iran must withdraw its forces from the border.")
    assert "REQUEST" in types_of(events)


def test_the_scene_of_fighting_describes_a_place(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The rebels and the army swapped prisoners near the town, the scene of "
                  "heavy fighting last year.")
    assert "ASSAULT" not in types_of(events)


def test_what_an_accord_is_for_is_not_a_second_event(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Egypt signed an accord on Monday to supply Jordan with natural gas.")
    assert "AID" not in types_of(events)
    assert "SUPPORT" in types_of(events)


def test_information_for_the_press_is_no_intelligence_sharing(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Police will provide more information on the investigation later today.")
    assert "COOPERATE" not in types_of(events)


def test_intelligence_shared_with_a_state_is_cooperation(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Turkey shared intelligence with Iraq."), "COOPERATE").cameo == "064"


def test_presenting_credentials_is_a_meeting(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("The new ambassador presented his credentials to the president."),
                  "CONSULT")
    assert event.target is not None


def test_allowing_that_is_conceding(code) -> None:  # type: ignore[no-untyped-def]
    assert "CONCEDE" in types_of(code("The opposition leader allowed that the vote had "
                                      "been fair."))


def test_allowing_people_to_enter_is_still_access(code) -> None:  # type: ignore[no-untyped-def]
    assert "CONCEDE" not in types_of(code("The army allowed journalists to enter the camp."))


def test_wiretapping_is_coercion(code) -> None:  # type: ignore[no-untyped-def]
    assert "COERCE" in types_of(code("Intelligence agents tapped the phones of three "
                                     "opposition leaders."))


def test_particles_parsed_as_adverbs(code) -> None:  # type: ignore[no-untyped-def]
    assert "RETREAT" in types_of(code("Hezbollah fighters pull back from areas near the "
                                      "border."))
    assert "ASSAULT" in types_of(code("The rebels won back two villages in the north."))


def test_protesters_occupying_a_square_is_a_protest(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Protesters occupied the main square of the capital."),
                 "PROTEST").cameo == "144"


def test_troops_occupying_a_town_is_still_occupation(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Russian troops occupied the town of Kherson."), "COERCE").cameo == "192"


def test_setting_fire_is_done_not_future(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("Gunmen set fire to a police station in the north."), "ASSAULT")
    assert event.modality == "asserted"


def test_setting_a_building_ablaze_is_destruction(code) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in types_of(code("Militants set the police station ablaze on Monday."))


def test_taking_part_in_a_protest(code) -> None:  # type: ignore[no-untyped-def]
    assert "PROTEST" in types_of(code("Thousands of students took part in the protest."))


@pytest.mark.parametrize("text", [
    "Kenya's opposition lashed out at the government over the new tax.",
    "Kenya's opposition hit out at the government over the new tax.",
])
def test_lashing_out_is_criticism(code, text: str) -> None:  # type: ignore[no-untyped-def]
    assert first(code(text), "ACCUSE").cameo == "111"


def test_looking_into_is_investigating(code) -> None:  # type: ignore[no-untyped-def]
    assert first(code("Kenyan police will look into the cause of the clashes."),
                 "ACCUSE", ).cameo == "090"


@pytest.mark.parametrize(("text", "typ", "cameo"), [
    ("The UN petitioned Russia for access to the prisoners.", "REQUEST", "020"),
    ("Hungary sided with Poland in the dispute.", "SUPPORT", "051"),
    ("Canada will resettle 5,000 Syrian refugees.", "AID", "075"),
    ("The EU waived sanctions on Belarusian potash.", "RETREAT", "085"),
    ("The army repelled an attack by Islamic State fighters.", "ASSAULT", "190"),
    ("Police suppressed the protest in Minsk.", "ASSAULT", "175"),
    ("The parliament will inquire into the killings.", "ACCUSE", "090"),
])
def test_codebook_pass_verbs(code, text: str, typ: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    assert first(code(text), typ).cameo == cameo


@pytest.mark.parametrize(("text", "kind"), [
    ("The militia has the power to take the country to war.", "ASSAULT"),
    ("Parliament has the authority to impose sanctions on the regime.", "SANCTION"),
    ("Workers won the right to strike at the state oil company.", "PROTEST"),
])
def test_what_someone_is_able_to_do_is_not_done(code, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in code(text) if e.type == kind]
    assert all(e.modality == "hypothetical" for e in events), events


def test_a_power_that_was_used_is_still_an_event(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The militia used its power to seize the airport on Monday.")
    assert any(e.type in ("ASSAULT", "COERCE") and e.modality == "asserted" for e in events)
