"""Metrics and scorers on tiny hand-made cases (no pipeline, no gold files)."""

from __future__ import annotations

import pytest

from chronicler.eval.gold import (
    ANY_TYPE,
    GoldActorMention,
    GoldDoc,
    GoldEvent,
    GoldQuote,
    GoldToponym,
)
from chronicler.eval.mappings import (
    acled_to_plover,
    cameo_root,
    cameo_to_plover,
    event_quad,
)
from chronicler.eval.metrics import (
    PRF,
    TypeTally,
    char_counts,
    classification,
    greedy_match,
    match_slots,
    merge_spans,
    names_match,
    speaker_class,
)
from chronicler.eval.runner import flatten
from chronicler.eval.score_actors import score_actors
from chronicler.eval.score_events import predicted_class, score_events
from chronicler.eval.score_places import score_places
from chronicler.eval.score_quotes import cue_match, gold_antecedents, score_quotes

# --- primitives -------------------------------------------------------------------------------


def test_prf_counts_and_empty_is_zero():
    prf = PRF(tp=2, fp=2, fn=0)
    assert (prf.precision, prf.recall) == (0.5, 1.0)
    assert prf.f1 == pytest.approx(2 / 3)
    assert PRF().to_dict() == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}


def test_greedy_match_is_one_to_one_largest_overlap_first():
    gold = [[(0, 10)], [(20, 30)]]
    pred = [[(5, 25)], [(0, 9)]]  # pred 0 overlaps both golds by 5; pred 1 overlaps gold 0 by 9
    assert greedy_match(gold, pred) == [(0, 1), (1, 0)]
    assert greedy_match([[(0, 5)]], [[(5, 9)]]) == []  # touching is not overlapping


def test_greedy_match_with_interrupted_quote():
    gold = [[(0, 10), (20, 30)]]  # "…," he said. "…"
    assert greedy_match(gold, [[(22, 28)]]) == [(0, 0)]


def test_char_counts_merge_overlapping_spans():
    assert merge_spans([(5, 8), (0, 6), (10, 12)]) == [(0, 8), (10, 12)]
    assert char_counts([(0, 10)], [(5, 15)]) == (5, 5, 5)
    assert char_counts([], []) == (0, 0, 0)


def test_haversine_paris_london():
    from chronicler.geometry import haversine_km

    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)
    assert haversine_km(10, 10, 10, 10) == 0.0


@pytest.mark.parametrize(("text", "cls"), [
    ("he", "pronoun"), ("She", "pronoun"), ("who", "other_pronoun"), ("I", "other_pronoun"),
    ("Mr. Obama", "named"), ("The New York Post", "named"), ("sources", "nominal"),
    ("a campaign operative", "nominal"), (None, "none"),
])
def test_speaker_class(text, cls):
    assert speaker_class(text) == cls


def test_names_match_uses_last_name_word():
    assert names_match("Mr. Obama", "Barack Obama")
    assert names_match("The New York Post", "New York Post")
    assert not names_match("Clinton", "Donald Trump")
    assert not names_match(None, "Trump")


def test_match_slots_alternatives_and_wildcard():
    matched, missed, spurious = match_slots([("PROTEST", "COERCE")], {"COERCE", "ASSAULT"})
    assert matched == [("PROTEST", "COERCE")] and missed == [] and spurious == ["ASSAULT"]
    matched, missed, spurious = match_slots([(ANY_TYPE,)], {"SANCTION"})
    assert matched == [(ANY_TYPE, "SANCTION")] and not missed and not spurious
    assert match_slots([("AGREE",)], set()) == ([], ["AGREE"], [])


def test_type_tally_micro_macro_and_confusion():
    tally = TypeTally()
    tally.add([("ASSAULT",)], {"ASSAULT"})
    tally.add([("CONSULT",)], {"AGREE"})
    tally.add([], {"ASSAULT"})
    out = tally.to_dict()
    assert out["micro"] == {"p": round(1 / 3, 4), "r": 0.5, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1}
    assert out["per_type"]["ASSAULT"]["tp"] == 1 and out["per_type"]["ASSAULT"]["fp"] == 1
    assert out["confusion"]["CONSULT"] == {"AGREE": 1}
    assert out["confusion"]["NONE"] == {"ASSAULT": 1}
    assert out["macro"]["f1"] == pytest.approx((2 / 3 + 0 + 0) / 3, abs=1e-4)


def test_classification():
    out = classification(["a", "a", "b"], ["a", "b", "b"], ["a", "b"])
    assert out["accuracy"] == {"acc": round(2 / 3, 4), "correct": 2, "n": 3}
    assert out["confusion"] == {"a": {"a": 1, "b": 1}, "b": {"b": 1}}


def test_flatten():
    assert flatten({"a": {"b": 1, "c": {"d": 0.5}}, "e": "x"}) == {"a.b": 1, "a.c.d": 0.5}


# --- mappings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "plover"), [
    ("036", "AGREE"), ("042", "CONSULT"), ("057", "SUPPORT"), ("064", "COOPERATE"),
    ("0811", "CONCEDE"), ("0841", "RETREAT"), ("0871", "RETREAT"), ("0813", "RETREAT"),
    ("023", "REQUEST"), ("1042", "REQUEST"), ("112", "ACCUSE"), ("163", "COERCE"),
    ("1712", "ASSAULT"), ("175", "ASSAULT"), ("192", "COERCE"), ("195", "ASSAULT"),
    ("010", None), ("212", None), ("903", None), ("345", None), ("174K", None),
])
def test_cameo_to_plover(code, plover):
    assert cameo_to_plover(code) == plover


def test_cameo_root_and_quads():
    assert cameo_root("0871") == "08" and cameo_root("912") is None
    # Phoenix PentaClass (the CAMEO 5-way sentence labels): appeals are neutral, reducing
    # relations is verbal conflict; GDELT's QuadClass puts them in cooperation / material conflict
    assert event_quad("REQUEST", "023") == 0 and event_quad("SANCTION", "163") == 3
    assert event_quad("REQUEST", "023", scheme="quad") == 1
    assert event_quad("SANCTION", "163", scheme="quad") == 4
    assert event_quad("REQUEST") == 3  # the PLOVER manual files REQUEST under verbal conflict
    assert event_quad("PROTEST", "141") == 4 and event_quad("AID") == 2


def test_acled_mapping():
    assert acled_to_plover("Armed clash") == ("ASSAULT",)
    assert acled_to_plover(None, "NATURAL_DISASTER") == ()
    assert acled_to_plover(None, "DIPLO") == (ANY_TYPE,)
    assert acled_to_plover("Other") is None
    with pytest.raises(KeyError):
        acled_to_plover("Brand new sub-type")


# --- scorers ----------------------------------------------------------------------------------

QUOTE_TEXT = 'Obama spoke. "We will win," he said. Officials said taxes would rise.'


def _quote_doc() -> GoldDoc:
    direct = GoldQuote(spans=((13, 27),), kind="direct", text='"We will win,"', speaker="he",
                       speaker_span=(28, 30), cue="said", cue_span=(31, 35))
    indirect = GoldQuote(spans=((51, 68),), kind="indirect", text="taxes would rise",
                         speaker="Officials", speaker_span=(37, 46), cue="said")
    obama = GoldQuote(spans=((6, 11),), kind="indirect", text="spoke", speaker="Obama",
                      speaker_span=(0, 5))
    return GoldDoc(id="q1", text=QUOTE_TEXT, quotes=(direct, indirect, obama))


def test_score_quotes_spans_kinds_and_speakers():
    doc = _quote_doc()
    pred = {"quotes": [
        {"start": 14, "end": 26, "kind": "direct", "cue": "said",
         "speaker": {"name": "Barack Obama", "text": "he", "start": 28, "end": 30}},
        {"start": 51, "end": 68, "kind": "direct", "cue": "said", "speaker": None},
    ]}
    out = score_quotes([doc], [pred])
    assert out["spans"]["all"]["tp"] == 2 and out["spans"]["all"]["fn"] == 1
    assert out["spans"]["direct"] == {"p": 0.5, "r": 1.0, "f1": round(2 / 3, 4),
                                      "tp": 1, "fp": 1, "fn": 0}
    assert out["spans"]["indirect"]["tp"] == 0 and out["spans"]["indirect"]["fn"] == 2
    assert out["chars"]["direct"]["tp"] == 12
    # "he" is not scored: the one named speaker before it, "Obama", shows no person's title or
    # given name in this text (see test_antecedent_agrees_in_gender for a scored one)
    assert out["speaker"]["pronoun"]["unresolvable"] == 1
    assert out["speaker"]["named"]["n"] == 2 and out["speaker"]["named"]["correct"] == 0
    assert out["cue"]["correct"] == 2


def test_antecedent_is_the_named_speaker_mentioned_last():
    text = 'Mr. Obama spoke. Mr. Trump disagreed. "No," he said. Trump said so.'
    he = GoldQuote(spans=((38, 42),), kind="direct", text='"No,"', speaker="he",
                   speaker_span=(44, 46))
    obama = GoldQuote(spans=((10, 15),), kind="indirect", text="spoke", speaker="Mr. Obama",
                      speaker_span=(0, 9))
    trump = GoldQuote(spans=((59, 61),), kind="indirect", text="so", speaker="Trump",
                      speaker_span=(53, 58))
    assert gold_antecedents([obama, he, trump], text) == {1: "Trump"}


def test_cue_match():
    assert cue_match("has learned", "learned") and cue_match(":", ":")
    assert not cue_match("said", "told") and not cue_match(":", None)


def test_pronoun_without_named_antecedent_is_not_scored():
    q = GoldQuote(spans=((0, 3),), kind="direct", text="x", speaker="she", speaker_span=(5, 8))
    assert gold_antecedents([q], "abc  she") == {}
    out = score_quotes([GoldDoc(id="x", text="abc  she", quotes=(q,))], [{"quotes": []}])
    assert out["speaker"]["pronoun"]["n"] == 0 and out["speaker"]["pronoun"]["unresolvable"] == 1


def test_score_quotes_empty_prediction_is_zero():
    out = score_quotes([_quote_doc()], [{"quotes": []}])
    assert out["spans"]["all"]["f1"] == 0.0 and out["spans"]["all"]["fn"] == 3


def test_score_places():
    text = "Paris and Lyon and Nigerian"
    paris = GoldToponym(0, 5, "Paris", lat=48.8566, lon=2.3522, geonameid=2988507, country="FRA")
    lyon = GoldToponym(10, 14, "Lyon", lat=45.75, lon=4.85, geonameid=2996944, country="FRA")
    doc = GoldDoc(id="p", text=text, places=(paris, lyon), place_ignore=((19, 27),))
    pred = {"places": [
        {"name": "Paris", "lat": 48.85, "lon": 2.35, "country": "FRA", "geonameid": 2988507,
         "mentions": [{"start": 0, "end": 5, "text": "Paris", "use": "literal"}]},
        {"name": "Nigeria", "lat": 9.0, "lon": 8.0, "country": "NGA", "geonameid": 2328926,
         "mentions": [{"start": 19, "end": 27, "text": "Nigerian", "use": "adjectival"}]},
    ]}
    out = score_places([doc], [pred])
    assert out["acc161"]["acc161"] == 0.5 and out["acc161"]["acc161_matched"] == 1.0
    assert out["exact"]["exact"] == 0.5 and out["country"]["country"] == 0.5
    assert out["missed"] == {"missed": 0.5, "count": 1, "n": 2}
    assert out["detection"]["fp"] == 0  # the demonym span is neutral


def test_score_places_far_away_is_wrong():
    doc = GoldDoc(id="p", text="Paris", places=(GoldToponym(0, 5, "Paris", 48.8566, 2.3522),))
    texas = {"places": [{"name": "Paris", "lat": 33.66, "lon": -95.55, "mentions": [
        {"start": 0, "end": 5, "text": "Paris", "use": "literal"}]}]}
    out = score_places([doc], [texas])
    assert out["acc161"]["acc161"] == 0.0 and out["error_km"]["mean"] > 7000


def _event(kind: str, conf: float = 0.5, cameo: str | None = None, modality: str = "asserted",
           source: dict | None = None) -> dict:
    return {"type": kind, "confidence": conf, "cameo": cameo, "modality": modality,
            "source": source, "target": None}


def test_score_events_types_false_alarms_and_roots():
    docs = [
        GoldDoc(id="a", text="a", events=(GoldEvent(("ASSAULT",), cameo="190"),)),
        GoldDoc(id="b", text="b", events=(), label="NATURAL_DISASTER"),
        GoldDoc(id="c", text="c", events=(GoldEvent((), cameo="010"),)),
    ]
    records = [
        {"events": [_event("ASSAULT", cameo="193"), _event("THREATEN", modality="negated")]},
        {"events": [_event("AID")]},
        {"events": []},
    ]
    out = score_events(docs, records)
    assert out["plover"]["micro"]["tp"] == 1 and out["plover"]["micro"]["fp"] == 1
    assert out["false_alarms"]["NATURAL_DISASTER"] == {"rate": 1.0, "count": 1, "n": 1}
    assert out["false_alarms"]["all"]["n"] == 2  # the statement-only item has no PLOVER event
    assert out["cameo_root"]["tp"] == 1 and out["cameo_root"]["fn"] == 1
    assert out["detection"]["tp"] == 1 and out["detection"]["fp"] == 1


def test_pentaclass_from_top_event_and_roles():
    text = "Iraqi troops attacked the town."
    actors = (GoldActorMention(0, 12, "Iraqi troops", "source"),
              GoldActorMention(22, 30, "the town", "target"))
    docs = [GoldDoc(id="s", text=text, sentence_label=4, actors=actors),
            GoldDoc(id="n", text="Nothing.", sentence_label=0, actors=())]
    record = {"events": [_event("CONSULT", 0.2),
                         _event("ASSAULT", 0.9, source={"name": "Iraqi Army", "actor": "x"})],
              "actors": [{"id": "x", "mentions": [{"start": 0, "end": 5}]}]}
    assert predicted_class(record) == 4
    out = score_events(docs, [record, {"events": []}])
    assert out["pentaclass"]["accuracy"]["acc"] == 1.0
    assert out["roles"]["source"]["acc"] == 1.0 and out["roles"]["target"]["acc"] == 0.0


def test_score_actors_recall_by_role():
    doc = GoldDoc(id="a", text="Putin met Assad", actors=(
        GoldActorMention(0, 5, "Putin", "speaker"), GoldActorMention(10, 15, "Assad", "source")))
    out = score_actors([doc], [{"actors": [{"mentions": [{"start": 0, "end": 5}]}]}])
    assert out["mention_recall"]["all"] == {"acc": 0.5, "correct": 1, "n": 2}
    assert out["mention_recall"]["speaker"]["acc"] == 1.0


def test_reliability_bins_events_by_confidence():
    from chronicler.eval.gold import GoldDoc, GoldEvent
    from chronicler.eval.score_events import reliability

    doc = GoldDoc(id="d", text="x", events=(GoldEvent(types=("ASSAULT",)),))
    none = GoldDoc(id="n", text="y", events=())
    record = {"events": [{"type": "ASSAULT", "confidence": 0.82, "modality": "asserted"},
                         {"type": "PROTEST", "confidence": 0.85, "modality": "asserted"},
                         {"type": "ASSAULT", "confidence": 0.31, "modality": "negated"}]}
    other = {"events": [{"type": "AID", "confidence": 0.35, "modality": "asserted"}]}
    table = reliability([(doc, record), (none, other)])
    assert table["0.8-0.9"] == {"n": 2, "mean_confidence": 0.835, "share_correct": 0.5}
    assert table["0.3-0.4"] == {"n": 1, "mean_confidence": 0.35, "share_correct": 0.0}


def test_pronoun_speaker_is_judged_by_the_antecedents_name_key():
    from chronicler.eval.score_quotes import _speaker_right

    gold = None  # unused for pronouns
    assert _speaker_right("pronoun", gold, {"name": "Terry McAuliffe"}, "Gov. Terry McAuliffe (D)")
    assert not _speaker_right("pronoun", gold, {"name": "Tim Kaine"}, "Gov. Terry McAuliffe (D)")
    assert not _speaker_right("pronoun", gold, {}, "Gov. Terry McAuliffe (D)")


def _pron(text: str, pronoun: str, at: int) -> GoldQuote:
    return GoldQuote(spans=((at + len(pronoun) + 1, at + len(pronoun) + 3),), kind="indirect",
                     text="x", speaker=pronoun, speaker_span=(at, at + len(pronoun)))


def _named(text: str, name: str) -> GoldQuote:
    at = text.index(name)
    return GoldQuote(spans=((at + len(name) + 6, at + len(name) + 8),), kind="indirect",
                     text="x", speaker=name, speaker_span=(at, at + len(name)))


def test_antecedent_agrees_in_gender():
    text = "Jane Roe said it rained. Roe was asked about John Doe's plan. She said no."
    quotes = [_named(text, "Jane Roe"), _pron(text, "She", text.index("She"))]
    quotes.insert(1, _named(text, "John Doe"))
    assert gold_antecedents(quotes, text) == {2: "Jane Roe"}


def test_antecedent_key_is_the_head_name_before_the_apposition():
    text = "Jane Roe, 59, of Dover, Del., said it rained. She said more."
    quotes = [_named(text, "Jane Roe, 59, of Dover, Del."), _pron(text, "She", text.index("She"))]
    assert gold_antecedents(quotes, text) == {1: "Jane Roe, 59, of Dover, Del."}
    from chronicler.eval.antecedents import name_key
    assert name_key("Jane Roe, 59, of Dover, Del.") == "Roe"


def test_they_and_it_take_no_person_and_descriptions_are_no_candidates():
    text = "The Daily Ledger reported it. John Doe agreed. The GOP nominee spoke. It said so."
    quotes = [_named(text, "The Daily Ledger"), _named(text, "John Doe"),
              _named(text, "The GOP nominee"), _pron(text, "It", text.index("It said"))]
    assert gold_antecedents(quotes, text) == {3: "The Daily Ledger"}


def test_a_closer_person_who_is_no_gold_speaker_leaves_the_pronoun_unscored():
    text = "John Doe said it rained. Later Mr. Smith arrived. He said more."
    quotes = [_named(text, "John Doe"), _pron(text, "He", text.index("He said"))]
    assert gold_antecedents(quotes, text) == {}
