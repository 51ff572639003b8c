"""The event data files: loadable, and consistent with the CAMEO->PLOVER table."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from chronicler.events import Lexicon, load_cameo_table
from chronicler.types import PLOVER_TYPES


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon()


@pytest.fixture(scope="module")
def modes() -> dict[str, list[str]]:
    text = resources.files("chronicler.events").joinpath("data", "plover_modes.yaml")
    return yaml.safe_load(text.read_text("utf-8"))


def _senses(lex: Lexicon):  # type: ignore[no-untyped-def]
    for table in (lex.verbs, lex.nouns):
        for word, senses in table.items():
            for sense in senses:
                yield word, sense


def test_cameo_table_covers_all_roots() -> None:
    table = load_cameo_table()
    roots = {code[:2] for code in table}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert all(c.type is None or c.type in PLOVER_TYPES for c in table.values())
    assert table["0872"].type == "RETREAT" and table["163"].type == "SANCTION"
    assert table["010"].type is None and table["020"].type == "REQUEST"


def test_every_sense_agrees_with_the_table(lex: Lexicon) -> None:
    for word, sense in _senses(lex):
        if sense.skip or not sense.cameo:
            continue
        coding = lex.coding(sense.cameo)
        if len(sense.cameo) == 2:  # a root: its type is given and belongs to the root
            codes = [c for c in lex.cameo if c.startswith(sense.cameo)]
            assert sense.type in {lex.cameo[c].type for c in codes}, word
            continue
        assert coding is not None, f"{word}: unknown CAMEO code {sense.cameo}"
        assert sense.type == coding.type, word


def test_modes_are_modes_of_their_type(lex: Lexicon, modes: dict[str, list[str]]) -> None:
    for word, sense in _senses(lex):
        if sense.mode:
            assert sense.mode in modes.get(sense.type or "", []), (word, sense.mode)
    for code, coding in lex.cameo.items():
        if coding.mode:
            assert coding.mode in modes.get(coding.type or "", []), code


def test_frame_maps_give_known_codes(lex: Lexicon) -> None:
    for frame in lex.frames.values():
        for code in [frame.default, frame.stopped, *frame.mapping.values()]:
            if code:
                assert lex.coding(code) is not None, (frame.name, code)


def test_noun_classes_used_by_senses_exist(lex: Lexicon) -> None:
    for word, sense in _senses(lex):
        for field in (sense.obj, sense.obj_not, sense.subj, sense.subj_not):
            for name in field or ():
                assert name in lex.classes, (word, name)
