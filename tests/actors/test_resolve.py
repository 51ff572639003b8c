"""Actor resolution: the knowledge base with dated roles, titles, possessors, appositives,
demonym + group nouns, metonymic capitals, and user dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.actors import ActorResolver, load_kb
from chronicler.errors import UsageError
from chronicler.types import Article


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


def _actors(nlp, kb, text: str, day: str | None = None) -> dict[str, tuple]:
    table = ActorResolver(kb).resolve(nlp(text), day=day)
    return {text[s:e]: (a.id, a.country, a.sector, a.role)
            for a in table.actors.values() for s, e in a.mentions}


@pytest.mark.parametrize(("text", "mention", "country", "sector"), [
    ("Syrian Deputy Foreign Minister Ahmad Karimov said the talks had failed.",
     "Ahmad Karimov", "SYR", "GOV"),
    ("Iranian Foreign Ministry spokesman Dariush Hamidi rejected the report.",
     "Dariush Hamidi", "IRN", "GOV"),
    ("Kenyan General Peter Mwangi inspected the troops.", "Peter Mwangi", "KEN", "MIL"),
    ("The statement was read by Marta Kowalczyk, Poland's deputy defence minister.",
     "Marta Kowalczyk", "POL", "MIL"),
    ("Syrian forces advanced on the town.", "Syrian forces", "SYR", "MIL"),
    ("Turkish invaders shelled the villages.", "Turkish invaders", "TUR", "MIL"),
    ("Iranian military advisors remain in the country.", "Iranian military advisors", "IRN",
     "MIL"),
    ("Moscow said the sanctions were illegal.", "Moscow", "RUS", "GOV"),
])
def test_title_group_and_metonym(nlp, kb, text, mention, country, sector):
    found = _actors(nlp, kb, text)
    assert mention in found, found
    assert found[mention][1:3] == (country, sector)


def test_possessor_gives_the_envoy_his_country(nlp, kb):
    found = _actors(nlp, kb, "Putin's envoy to Syria Dmitri Volkonsky said the plan was ready.",
                    day="2018-05-20")
    assert found["Dmitri Volkonsky"][1:3] == ("RUS", "GOV")


def test_known_person_role_depends_on_the_date(nlp, kb):
    text = "Sergei Lavrov met reporters. Lavrov said nothing new."
    found = _actors(nlp, kb, text, day="2015-03-01")
    assert found["Sergei Lavrov"][0] == found["Lavrov"][0]
    assert found["Sergei Lavrov"][1] == "RUS"


def test_user_dictionary_adds_and_overrides(nlp, tmp_path: Path):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("name,aliases,country,sector,role,valid_from,valid_to,source_note\n"
                        "Zora Mbeki,Mbeki|Z. Mbeki,ZAF,OPP,Opposition Leader,2010-01-01,,"
                        "my notes\n", encoding="utf-8")
    yaml_file = tmp_path / "orgs.yaml"
    yaml_file.write_text("actors:\n  - type: org\n    id: BLUEFRONT\n    name: Blue Front\n"
                         "    aliases: [BF]\n    country: ZAF\n    sector: REB\n", "utf-8")
    kb = load_kb([csv_file, yaml_file])
    found = _actors(nlp, kb, "Zora Mbeki said the Blue Front had attacked.", day="2020-01-01")
    assert found["Zora Mbeki"][1:3] == ("ZAF", "OPP")
    assert found["Blue Front"][:3] == ("BLUEFRONT", "ZAF", "REB")


def test_bad_user_dictionary_names_the_file(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("just a string\n", encoding="utf-8")
    with pytest.raises(UsageError, match="bad.yaml"):
        load_kb([bad])
    with pytest.raises(UsageError, match="does not exist"):
        load_kb([tmp_path / "missing.csv"])


def test_seed_speakers(pipeline, seed_path):
    from chronicler.ingest import read_inputs

    (article,) = [a for a in read_inputs([str(seed_path)]) if isinstance(a, Article)]
    record = pipeline.process(article)
    speakers = {(q.speaker.name.split()[-1], q.speaker.country) for q in record.quotes
                if q.speaker}
    for surname, country in [("Putin", "RUS"), ("Lavrentiev", "RUS"), ("Mekdad", "SYR"),
                             ("Qasemi", "IRN"), ("Guterres", "IGO")]:
        assert (surname, country) in speakers, speakers
    assert all(q.speaker is None or q.speaker.name.lower() not in ("he", "she", "they")
               for q in record.quotes)


def test_book_title_in_promo_line_is_not_a_quote(pipeline, seed_path):
    raw = seed_path.read_text(encoding="utf-8")  # taken as given: the promo line stays in
    record = pipeline.process(Article(id="seed-raw", text=raw))
    assert not [q for q in record.quotes if "Flashpoint" in q.text]
    assert [q for q in record.quotes if q.text.startswith("(w)e affirm")]


def test_group_actor_is_named_by_its_mention_not_country_and_sector(nlp, kb):
    doc = nlp("US and Turkish troops left the base. Damascus protested.")
    names = {a.name for a in ActorResolver(kb).resolve(doc).actors.values()}
    assert "US troops" in names
    assert not any(name.endswith(")") for name in names)


def test_names_added_after_a_lookup_are_found_too(nlp):
    """The resolver's quick "may a known name start here" index is rebuilt when the
    knowledge base grows, so an organisation added after the first article is still found."""
    from chronicler.actors.kb import Entry

    kb = load_kb()
    text = "Officials of the Qorvath Relief Circle arrived on Monday."
    before = _actors(nlp, kb, text)
    assert not any(aid == "QRC" for aid, *_ in before.values())
    assert not kb.may_start_name("Qorvath")
    kb.add_org(Entry(id="QRC", name="Qorvath Relief Circle", country="KEN", sector="NGO",
                     kind="org"), aliases=["al-Qorvath"])
    assert kb.may_start_name("Qorvath") and kb.may_start_name("al")
    after = _actors(nlp, kb, text)
    assert after["Qorvath Relief Circle"][:3] == ("QRC", "KEN", "NGO")


def test_a_lone_known_surname_finds_its_person(kb):
    """A surname alone resolves through the person's roles (one person with that surname)."""
    entry = kb.person("Vladimir Putin", "2020-01-01")
    assert entry is not None
    assert kb.person("Putin", "2020-01-01") == entry
