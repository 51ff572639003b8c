"""Modality and sourcing of event mentions (sentences written for these tests)."""

from __future__ import annotations

import pytest

from .conftest import first

CASES = [
    ("asserted", "ASSAULT", "Rebels attacked an army checkpoint near Aleppo on Tuesday."),
    ("reported", "ASSAULT",
     "According to the Syrian Observatory, Turkish forces shelled the village of Tal Rifaat."),
    ("reported", "MOBILIZE",
     "According to the newspaper Haaretz, Syrian troops are massing near the border."),
    ("future", "CONSULT", "Vladimir Putin will meet Recep Tayyip Erdogan in Ankara next week."),
    ("future", "ASSAULT", "The army is preparing to launch an offensive on Idlib."),
    ("future", "SANCTION", "The European Union plans to impose new sanctions on Iran."),
    ("hypothetical", "ASSAULT",
     "If the talks fail, Turkey could launch a military operation in northern Syria."),
    ("negated", "ASSAULT", "The rebels did not attack the convoy."),
    ("negated", "CONSULT", "No talks were held between the two delegations."),
    ("historical", "ASSAULT", "Security forces attacked protesters in Daraa in March 2011."),
    ("historical", "COERCE", "Rebels had seized the weapons before the army arrived."),
]


@pytest.mark.parametrize(("modality", "typ", "sentence"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_modality(code, modality: str, typ: str, sentence: str) -> None:
    assert first(code(sentence), typ).modality == modality


def test_reported_by_names_the_source(code) -> None:
    event = first(code("According to the newspaper Haaretz, Syrian troops are massing near "
                       "the border."), "MOBILIZE")
    assert event.reported_by == "Haaretz"
    assert event.source is not None and event.source.country == "SYR"


def test_speaker_reports_someone_elses_act(code) -> None:
    event = first(code("A Syrian monitor said Turkish jets bombed the town of Afrin."),
                  "ASSAULT")
    assert event.modality == "reported"
    assert event.reported_by is not None and "monitor" in event.reported_by


def test_preparing_an_offensive_is_a_mobilization(code) -> None:
    events = code("Thousands of Syrian troops are preparing to launch an offensive in Daraa.")
    mobilize = first(events, "MOBILIZE")
    assert mobilize.modality == "asserted"
    assert mobilize.source is not None and mobilize.source.country == "SYR"


def test_refusal_to_release_is_a_rejection(code) -> None:
    event = first(code("The rebels said they will not release the kidnapped engineers."),
                  "REJECT")
    assert event.cameo == "1243"


BACKGROUND = [
    # An event dated years before the main clause only dates the news: not coded.
    ("SUPPORT", "ASSAULT",
     ("Kenya will restore diplomatic ties with Somalia, three years after gunmen stormed its "
      "embassy.")),
    ("CONSULT", "ASSAULT",
     "Peru and Chile held talks on Monday, a decade since their armies clashed at the border."),
    # The topic of a statement is not news of its own in that sentence.
    ("ACCUSE", "ASSAULT", "Norway condemned the bombing of a hospital by unknown aircraft."),
    # Participles describing things are not acts.
    ("ASSAULT", "COERCE", "The army shelled the besieged town of Marib on Friday."),
]


@pytest.mark.parametrize(("kept", "dropped", "sentence"), BACKGROUND,
                         ids=[f"{c[0]}-not-{c[1]}" for c in BACKGROUND])
def test_background_mentions_are_not_events(code, kept: str, dropped: str,
                                            sentence: str) -> None:
    types = {e.type for e in code(sentence)}
    assert kept in types and dropped not in types, types


def test_recent_subordinate_event_is_kept(code) -> None:
    events = code("Two days after rebels attacked a checkpoint, the army shelled their base.")
    sources = {e.source.name.lower() for e in events if e.type == "ASSAULT" and e.source}
    assert {"rebels", "army"} <= sources, sources


def test_participle_describing_people_is_kept(code) -> None:
    events = code("Twelve protesters arrested in Lagos were freed on bail on Monday.")
    assert "COERCE" in {e.type for e in events}
