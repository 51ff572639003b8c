"""Targets round 2: the actor inside an object that is a thing, a possessive pronoun against a
country adjective, "between" for talks. Sentences written for these tests."""

from __future__ import annotations

from .conftest import first


def _pairs(events, typ):  # type: ignore[no-untyped-def]
    return [(e.source and e.source.name, e.target and e.target.name,
             e.target and e.target.country) for e in events if e.type == typ]


def test_a_things_modifier_names_the_target(code) -> None:  # type: ignore[no-untyped-def]
    assert _pairs(code("The army shelled rebel positions near the town."), "ASSAULT")[0][1] \
        == "rebel"
    src, tgt, country = _pairs(code("Iran rejected the American proposal on Tuesday."),
                               "REJECT")[0]
    assert (src, tgt, country) == ("Iran", "American", "USA")


def test_a_things_preposition_names_the_target(code) -> None:  # type: ignore[no-untyped-def]
    assert _pairs(code("Saudi Arabia cut diplomatic ties with Qatar."), "SANCTION")[0][1] \
        == "Qatar"


def test_a_place_inside_the_object_is_not_the_target(code) -> None:  # type: ignore[no-untyped-def]
    events = code("The ministers agreed that the disputes in the Black Sea should be settled.")
    assert all(e.target is None or "Black Sea" not in e.target.name for e in events)


def test_a_country_adjective_beats_the_possessive_pronoun(code) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(code("Kenya's foreign minister met his Somali counterpart in Nairobi."),
                   "CONSULT")
    assert pairs and pairs[0][1] is not None and "Somali" in pairs[0][1]


# --- round 4: deeper objects, the doer of a condemned act, dates, shared objects, sectors ------


def test_the_actor_two_things_down_is_the_target(code) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(code("Norway and Chile welcomed a resumption of trade talks with Peru."),
                   "SUPPORT")
    assert {(s, t) for s, t, _ in pairs} == {("Norway", "Peru"), ("Chile", "Peru")}


def test_the_doer_of_a_condemned_act_is_the_target(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("The Kenyan government condemned an attack by Somali militants."),
                  "ACCUSE")
    assert event.target is not None and event.target.name == "Somali militants"


def test_a_date_is_no_target(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("Pyongyang on Thursday fired two artillery shells at Seoul."),
                  "ASSAULT")
    assert event.target is not None and event.target.name == "Seoul"


def test_coordinated_doers_of_a_shared_act_target_each_other(code) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(code("Ecuador and Colombia postponed their meeting after the storm."),
                   "REJECT")
    assert [(s, t) for s, t, _ in pairs] == [("Ecuador", "Colombia")]


def test_a_country_modifying_a_sector_noun_is_that_sector(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("Israel restored diplomatic ties with Turkey's government."), "SUPPORT")
    assert event.target is not None
    assert (event.target.actor, event.target.country, event.target.sector) == \
        ("TUR-GOV", "TUR", "GOV")


# --- intent: light verbs and adjectives of intent; topics of reaction nouns ------------------


def test_pledged_support_is_an_intent_not_the_aid(code) -> None:  # type: ignore[no-untyped-def]
    event = first(code("Japan pledged its full support to the Philippine government."), "AGREE")
    assert event.cameo == "033"
    committed = code("Soldiers committed widespread rape against women in the villages.")
    assert [e.type for e in committed] == ["ASSAULT"]  # "commit" (do) is no intent here


def test_ready_to_contribute_is_an_intent(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Norway is willing to provide humanitarian aid to the refugees.")
    assert [e.type for e in events] == ["AGREE"] and events[0].cameo.startswith("033")


def test_an_attack_a_reaction_noun_is_about_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    assert code("The group claimed responsibility for the bombing of the market.") == []
    assert all(e.type != "ASSAULT" for e in code(
        "The minister voiced concern about the casualties of the attack."))
    assert any(e.type == "ASSAULT" for e in code("Five soldiers were killed in an attack by "
                                                 "rebels."))


def test_people_nouns_of_business_and_migration_are_the_target(code) -> None:  # type: ignore[no-untyped-def]
    # the person, not the adjective of their nationality
    for text, name, country in (
            ("The authorities deported a Norwegian businessman on Friday.",
             "Norwegian businessman", "NOR"),
            ("Police in Athens arrested twelve Afghan migrants.", "Afghan migrants", "AFG")):
        targets = [(e.target.name, e.target.country) for e in code(text) if e.target]
        assert (name, country) in targets, (text, targets)
