"""Event locations and dates from the event's own clause."""

from __future__ import annotations

from chronicler.places import date_event, locate
from chronicler.types import Event, Evidence


def _event(text: str, phrase: str) -> Event:
    start = text.index(phrase)
    return Event(id="e1", type="CONSULT", evidence=Evidence(start, start + len(phrase), phrase))


def test_place_of_the_clause(resolver, nlp) -> None:
    text = "Damascus said on Monday that Putin met Assad in Sochi on Wednesday."
    doc = nlp(text)
    loc = locate(_event(text, "Putin met Assad in Sochi"), doc, resolver.resolve(doc))
    assert loc is not None and loc.name == "Sochi" and loc.country == "RUS"


def test_offensive_in_a_governorate(resolver, nlp) -> None:
    text = "Syrian forces are preparing to launch an offensive in the Daraa Governorate."
    doc = nlp(text)
    loc = locate(_event(text, "launch an offensive in the Daraa Governorate"), doc,
                 resolver.resolve(doc))
    assert loc is not None and loc.country == "SYR"


def test_dateline_when_the_clause_names_no_place(resolver, nlp) -> None:
    text = ("BEIRUT, March 3 (Reuters) - Syria's foreign minister met his Iranian counterpart "
            "on Tuesday. Iran has troops in Syria.")
    doc = nlp(text)
    loc = locate(_event(text, "Syria's foreign minister met his Iranian counterpart"), doc,
                 resolver.resolve(doc))
    assert loc is not None and loc.name == "Beirut" and loc.country == "LBN"


def test_not_the_first_place_of_the_article(resolver, nlp) -> None:
    text = "Russia and Turkey disagree. The ministers met on Tuesday and talked for hours."
    doc = nlp(text)
    assert locate(_event(text, "The ministers met on Tuesday"), doc, resolver.resolve(doc)) is None


def test_metonymic_uses_do_not_locate(resolver, nlp) -> None:
    text = "Damascus condemned the strike."
    doc = nlp(text)
    assert locate(_event(text, "Damascus condemned the strike"), doc, resolver.resolve(doc)) is None


def test_date_of_the_clause(nlp) -> None:
    text = "Analysts spoke on Friday. Putin met Assad in Sochi last week, officials said."
    doc = nlp(text)
    dated = date_event(_event(text, "Putin met Assad in Sochi last week"), doc, "2018-05-24")
    assert (dated.date, dated.date_text) == ("2018-05-17", "last week")


def test_no_date_entity_leaves_the_event(nlp) -> None:
    text = "Putin met Assad in Sochi."
    event = _event(text, "Putin met Assad in Sochi")
    assert date_event(event, nlp(text), "2018-05-24") == event
