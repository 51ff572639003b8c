"""Loaders on tiny hand-made JSON Lines files in each public format (and, when ../shared is
present, a parse check of the real dev sets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicler.errors import UsageError
from chronicler.eval.gold import ANY_TYPE
from chronicler.eval.loaders import detect_format, load_gold, locate_tokens, parse_date

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


POLNEAR_TEXT = '"We will win," Trump said. He said taxes would fall.'


def polnear_record(**over) -> dict:
    rec = {
        "id": "pn-1", "date": "2016-09-12", "title": "T", "text": POLNEAR_TEXT,
        "quotes": [
            {"quote": '"We will win,"', "speaker": "Trump", "span": [0, 14],
             "content_spans": [[0, 14]], "speaker_spans": [[15, 20]], "cue": "said",
             "cue_spans": [[21, 25]], "contains_quote_marks": True, "attribution_id": "E1"},
            {"quote": "taxes would fall", "speaker": "He", "span": [35, 51],
             "content_spans": [[35, 51]], "speaker_spans": [[27, 29]], "cue": "said",
             "cue_spans": [[30, 34]], "contains_quote_marks": False, "attribution_id": "E2"},
            {"quote": "broken", "speaker": None, "span": [60, 50], "content_spans": [[60, 50]],
             "speaker_spans": [], "cue": None, "cue_spans": [], "contains_quote_marks": False},
        ],
    }
    rec.update(over)
    return rec


def test_polnear(tmp_path):
    gold = load_gold(write_jsonl(tmp_path / "p.jsonl", [polnear_record()]))
    assert gold.format == "polnear" and gold.tasks() == ("quotes", "actors")
    doc = gold.docs[0]
    assert doc.published == "2016-09-12"
    direct, indirect = doc.quotes
    assert direct.kind == "direct" and direct.spans == ((0, 14),)
    assert direct.speaker_span == (15, 20) and direct.cue == "said"
    assert indirect.kind == "indirect" and indirect.speaker == "He"
    assert [(a.text, a.role) for a in doc.actors] == [("Trump", "speaker")]  # named only
    assert gold.skipped["quote without a valid content span"] == 1


def test_toponyms_lgl_style(tmp_path):
    text = "Alexandria woman charged. Ghost town."
    rec = {"id": "LGL-1", "date": "2009-03-20 12:24:52-05", "text": text, "toponyms": [
        {"start": 0, "end": 10, "phrase": "Alexandria", "geonameid": "4314550", "lat": 31.31,
         "lon": -92.44, "country": "United States", "name": "Alexandria", "fclass": "P"},
        {"start": 26, "end": 36, "phrase": "Ghost town", "geonameid": None, "lat": None,
         "lon": None},
    ]}
    gold = load_gold(write_jsonl(tmp_path / "lgl.jsonl", [rec]))
    assert gold.format == "toponyms" and gold.tasks() == ("places",)
    alex, ghost = gold.docs[0].places
    assert (alex.geonameid, alex.country, alex.lat) == (4314550, "USA", 31.31)
    assert ghost.geonameid is None and ghost.lat is None
    assert gold.docs[0].published == "2009-03-20"


def test_toponyms_geowebnews_types(tmp_path):
    text = "French troops left Paris area. Nigerian"
    rec = {"id": "GWN-1", "text": text, "toponyms": [
        {"start": 0, "end": 6, "phrase": "French", "type": "Non_Literal_Modifier",
         "modifier_type": "Adjective", "geonameid": "3017382", "lat": 46.0, "lon": 2.0},
        {"start": 19, "end": 24, "phrase": "Paris", "type": "Literal", "modifier_type": None,
         "geonameid": "2988507", "lat": 48.85, "lon": 2.35},
        {"start": 25, "end": 29, "phrase": "area", "type": "Literal_Expression",
         "geonameid": None, "lat": None, "lon": None},
        {"start": 31, "end": 39, "phrase": "Nigerian", "type": "Demonym", "geonameid": None,
         "lat": None, "lon": None},
        {"start": -5, "end": -1, "phrase": "US", "type": "Literal", "span_invalid": True},
    ]}
    gold = load_gold(write_jsonl(tmp_path / "gwn.jsonl", [rec]))
    doc = gold.docs[0]
    assert [(p.text, p.use) for p in doc.places] == [("French", "adjectival"), ("Paris", "literal")]
    assert doc.place_ignore == ((31, 39),)
    assert gold.skipped["toponym with an invalid span"] == 1


def test_cameo_pentaclass(tmp_path):
    recs = [
        {"id": "c0", "text": "Iraqi troops launched an assault on Baghdad’s forces.",
         "pentaclass": 4, "pentaclass_name": "MATERIAL_CONFLICT",
         "source_mentions": ["Iraqi troops"], "target_mentions": ["Baghdad ’ s forces"],
         "reciprocal_mentions": []},
        {"id": "c1", "text": "A court rejected the request.", "pentaclass": 3},
    ]
    gold = load_gold(write_jsonl(tmp_path / "cameo.jsonl", recs))
    assert gold.format == "cameo_pentaclass"
    first, second = gold.docs
    assert first.sentence_label == 4 and second.sentence_label == 3
    assert [(m.role, m.text) for m in first.actors] == [("source", "Iraqi troops"),
                                                       ("target", "Baghdad’s forces")]
    assert second.actors is None  # no role annotation at all
    assert gold.tasks() == ("events", "actors")


def test_case2021(tmp_path):
    recs = [
        {"id": "k1", "text": "Warplanes pounded the village.", "label": "AIR_STRIKE",
         "acled_event_type": "Explosions/Remote violence", "acled_sub_event_type":
         "Air/drone strike", "unseen_type": False},
        {"id": "k2", "text": "An earthquake hit.", "label": "NATURAL_DISASTER",
         "acled_event_type": None, "acled_sub_event_type": None, "unseen_type": True},
        {"id": "k3", "text": "Expelled 60 diplomats.", "label": "DIPLO",
         "acled_event_type": None, "acled_sub_event_type": None, "unseen_type": True},
        {"id": "k4", "text": "Residents return.", "label": "OTHER",
         "acled_event_type": "Strategic developments", "acled_sub_event_type": "Other"},
    ]
    gold = load_gold(write_jsonl(tmp_path / "case.jsonl", recs))
    assert gold.format == "case2021"
    assert [d.events[0].types if d.events else () for d in gold.docs] == [
        ("ASSAULT",), (), (ANY_TYPE,)]
    assert gold.docs[1].label == "NATURAL_DISASTER"
    assert gold.skipped["unscored class OTHER"] == 1


def test_case2021_unknown_class_is_a_usage_error(tmp_path):
    rec = {"id": "k", "text": "x", "label": "NEW", "acled_sub_event_type": "Invented"}
    with pytest.raises(UsageError, match="no PLOVER mapping"):
        load_gold(write_jsonl(tmp_path / "case.jsonl", [rec]))


def petrarch_record(rid: str, expected: list, **over) -> dict:
    rec = {"id": rid, "text": "Arnor is about to restore ties with Gondor.", "expected": expected,
           "date": "19950101", "category": "DEMO", "no_events_expected": not expected,
           "flags": {}, "comments": []}
    rec.update(over)
    return rec


def test_petrarch(tmp_path):
    recs = [
        petrarch_record("D-1", [{"source": "ARN", "target": "GON", "code": "064"}]),
        petrarch_record("D-1", [{"source": "ARN", "target": "GON", "code": "010"}]),
        petrarch_record("N-1", [], flags={"noevents": "True"}),
        petrarch_record("X-1", [{"source": "ARN", "target": "GON", "code": "212"}]),
        petrarch_record("X-2", [{"source": "ARN", "target": "GON", "code": "345"}]),
        petrarch_record("G-1", []),
        petrarch_record("E-1", [], flags={"error": "dateline"}),
        petrarch_record("S-1", [], flags={"error": "storydiscard"}),
        petrarch_record("U-1", [{"source": "A", "target": "B", "code": "050"}], evaluate="false"),
    ]
    gold = load_gold(write_jsonl(tmp_path / "petr.jsonl", recs))
    assert gold.format == "petrarch"
    assert [d.id for d in gold.docs] == ["D-1", "D-1#2", "N-1", "S-1"]
    first, statement, noevent, discard = gold.docs
    assert first.events[0].types == ("COOPERATE",) and first.events[0].cameo == "064"
    assert first.published == "1995-01-01"
    assert statement.events[0].types == () and statement.events[0].cameo == "010"
    assert noevent.events == () and discard.events == ()
    assert sum(gold.skipped.values()) == 5


def test_limit_counts_kept_docs(tmp_path):
    recs = [polnear_record(id=f"pn-{i}") for i in range(5)]
    assert len(load_gold(write_jsonl(tmp_path / "p.jsonl", recs), limit=2).docs) == 2


def test_detect_format_and_errors(tmp_path):
    assert detect_format(write_jsonl(tmp_path / "a.jsonl", [polnear_record()])) == "polnear"
    with pytest.raises(UsageError, match="unknown gold format"):
        load_gold(write_jsonl(tmp_path / "b.jsonl", [{"id": 1, "text": "x"}]))
    with pytest.raises(UsageError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(UsageError, match="bad.jsonl:1"):
        load_gold(bad)


@pytest.mark.parametrize(("raw", "iso"), [
    ("2016-09-12", "2016-09-12"), ("20080804", "2008-08-04"),
    ("2009-03-20 12:24:52.002364-05", "2009-03-20"),
    ("9:55 AM ET, Sun January 4, 2015", "2015-01-04"), ("soon", None), (None, None),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_locate_tokens_allows_any_spacing():
    assert locate_tokens("Baghdad’s forces attacked", "Baghdad ’ s forces") == (0, 16)
    assert locate_tokens("abc", "xyz") is None


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not present")
@pytest.mark.parametrize("rel", [
    "quotes/polnear_dev.jsonl", "geo/lgl.jsonl", "geo/geowebnews.jsonl", "geo/trnews_dev.jsonl",
    "events/cameo_train.jsonl", "events/case2021_dev.jsonl",
    "petrarch/petrarch2_unittest_records.jsonl",
    "petrarch/udpetrarch_validate_records_2_02.jsonl",
])
def test_real_dev_sets_load(rel):
    path = SHARED_EVAL / rel
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    gold = load_gold(path, limit=25)
    assert gold.docs and gold.tasks()
    for doc in gold.docs:
        for q in doc.quotes or ():
            assert all(0 <= s < e <= len(doc.text) for s, e in q.spans)
        for t in doc.places or ():
            assert doc.text[t.start:t.end] == t.text


def test_polnear_doubled_apostrophes_are_quotation_marks(tmp_path):
    text = "''We will win,'' Mr. Lee said. He said the vote was close."
    rec = {"id": "p2", "text": text, "quotes": [
        {"quote": "''We will win,''", "span": [0, 16], "content_spans": [[0, 16]],
         "speaker": "Mr. Lee", "speaker_spans": [[17, 24]], "cue": "said",
         "cue_spans": [[25, 29]], "contains_quote_marks": False},
        {"quote": "the vote was close", "span": [39, 57], "content_spans": [[39, 57]],
         "speaker": "He", "speaker_spans": [[31, 33]], "cue": "said", "cue_spans": [[34, 38]],
         "contains_quote_marks": False}]}
    gold = load_gold(write_jsonl(tmp_path / "p.jsonl", [rec]), fmt="polnear")
    assert [q.kind for q in gold.docs[0].quotes] == ["direct", "indirect"]
