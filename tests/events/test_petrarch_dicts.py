"""PETRARCH-format user dictionaries: verb patterns -> senses, actors/agents -> knowledge base.

Every dictionary here is a tiny one written for these tests in the PETRARCH format."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.events.petrarch import UserVerbs, load_petrarch_verbs, parse_petrarch_verbs

VERBS = """\
# a tiny verb dictionary
&TIEKIND
+TRADE
+CULTURAL

--- MEND  [---] ---
MEND {MENDS MENDED MENDING}
- * {&TIEKIND TIES}  [064]   # cooperation on ties
- * (WITH)  [036]
- * NOSES  [---]

--- SCOLD  [111:111] ---
SCOLD
BERATE  [112]

--- SHOVE  [1999] ---
SHOVE
- * (OUT) [0874]
- * TEST  [903]
- MUTTERED * [010]
"""

ACTORS = """\
<!-- a tiny actor dictionary -->
ZEMBLA  [ZMB]
+ZEMBLAN
ZEMBLA_NAVY  [ZMBMIL]  # sector after the country
KINBOTE
\t[ZMBGOV 19500101-19591231]
\t[ZMBOPP >600101]
NOBODY [---]
"""

AGENTS = """\
!PERSON! = MAN, MEN
HARBOUR_MASTER  [~GOV]
COAST!PERSON!  {}  [~MIL]
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_verb_patterns_become_senses() -> None:
    entries = parse_petrarch_verbs(VERBS)
    by_code = {(e.lemma, e.sense.cameo): e for e in entries}
    ties = by_code[("mend", "064")]
    assert ties.sense.type == "COOPERATE"
    assert ties.forms >= {"mend", "mends", "mended", "mending"}
    assert {"trade", "cultural"} <= ties.after[0] and "ties" in ties.after[1]
    assert ties.sense.obj == frozenset({"petrarch:ties"})
    assert by_code[("mend", "036")].sense.prep == frozenset({"with"})
    assert by_code[("mend", None)].sense.skip  # "[---]": matches and codes nothing
    assert ("mend", "---") not in by_code  # no default code: the built-in senses stay
    assert by_code[("scold", "111")].sense.type == "ACCUSE"  # paired code: the first half
    assert by_code[("berate", "112")].sense.type == "ACCUSE"  # a verb's own code
    # a code outside CAMEO keeps its text, typed by its root; 90x has no PLOVER root
    assert by_code[("shove", "1999")].sense.type == "ASSAULT"
    assert by_code[("shove", "0874")].sense.prt == frozenset({"out"})
    assert ("shove", "903") not in by_code or by_code[("shove", "903")].sense.skip
    assert by_code[("shove", "010")].sense.skip  # a statement: no PLOVER event
    assert "muttered" in by_code[("shove", "010")].before[0]


def test_most_specific_pattern_first() -> None:
    user = UserVerbs(parse_petrarch_verbs(VERBS))
    senses = user.senses()["mend"]
    assert senses[0].cameo == "064"  # two words beat one
    assert "petrarch:ties" in user.classes()


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    from chronicler.errors import UsageError

    with pytest.raises(UsageError):
        load_petrarch_verbs(tmp_path / "nope.txt")


def test_actor_dictionary(tmp_path: Path) -> None:
    from chronicler.actors.kb import is_petrarch_dictionary, load_kb

    actors = _write(tmp_path, "actors.txt", ACTORS)
    agents = _write(tmp_path, "agents.txt", AGENTS)
    assert is_petrarch_dictionary(Path(actors))
    kb = load_kb([actors, agents])
    assert kb.country("Zembla") == "ZMB" and kb.country("Zemblan") == "ZMB"
    navy = kb.org("Zembla Navy")
    assert navy is not None and (navy.id, navy.country, navy.sector) == ("ZMBMIL", "ZMB", "MIL")
    early, late = kb.person("Kinbote", "1955-06-01"), kb.person("Kinbote", "1970-01-01")
    assert early is not None and (early.country, early.sector) == ("ZMB", "GOV")
    assert late is not None and late.id == "ZMBOPP"
    assert kb.org("Nobody") is None
    assert kb.titles["harbour master"][0] == "GOV"
    assert kb.titles["coastman"][0] == "MIL" and kb.titles["coastmen"][0] == "MIL"


def test_content_detection_without_txt(tmp_path: Path) -> None:
    from chronicler.actors.kb import is_petrarch_dictionary

    assert is_petrarch_dictionary(Path(_write(tmp_path, "actors.dic", ACTORS)))
    assert not is_petrarch_dictionary(Path(_write(tmp_path, "a.csv", "name,country\nX,FRA\n")))


@pytest.fixture(scope="module")
def run_user(tmp_path_factory, nlp):  # type: ignore[no-untyped-def]
    from chronicler.actors import ActorResolver, load_kb
    from chronicler.events import EventCoder

    folder = tmp_path_factory.mktemp("dicts")
    verbs = _write(folder, "verbs.txt", VERBS)
    kb = load_kb([_write(folder, "actors.txt", ACTORS), _write(folder, "agents.txt", AGENTS)])
    coder = EventCoder(kb, verb_files=(verbs,))
    resolver = ActorResolver(kb)

    def run(text: str) -> list:  # type: ignore[type-arg]
        doc = nlp(text)
        return coder.code(doc, resolver.resolve(doc, day="2018-05-24"), published="2018-05-24")

    return run


def test_user_verbs_in_the_coder(run_user) -> None:  # type: ignore[no-untyped-def]
    events = run_user("Zembla mended trade ties with France on Monday.")
    assert [(e.type, e.cameo) for e in events][:1] == [("COOPERATE", "064")]
    assert events[0].source is not None and events[0].source.actor == "ZMB"
    scold = run_user("Zembla scolded France on Monday.")
    assert [(e.type, e.cameo) for e in scold][:1] == [("ACCUSE", "111")]


def test_no_dictionary_no_change(coder) -> None:  # type: ignore[no-untyped-def]
    from chronicler.events.lexicon import Lexicon

    assert coder.user_verbs is None
    assert coder.lex.verbs == Lexicon().verbs


def test_a_pattern_target_marker_picks_the_target() -> None:
    from chronicler.events.petrarch import _target_after

    assert _target_after(["to", "+"]) == "to"
    assert _target_after(["+"]) == ""
    assert _target_after(["about", "$"]) is None
