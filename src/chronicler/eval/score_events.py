"""Event scoring for sentence- and snippet-level gold.

* PLOVER types (PETRARCH records through CAMEO→PLOVER, CASE 2021 through ACLED→PLOVER): per
  item, the *set* of predicted PLOVER types against the gold slots (a slot may accept several
  types); P/R/F1 per type, micro and macro; a confusion table; item-level event detection; false
  alarms on items that must yield no political event (disasters, crime, PETRARCH no-event tests).
* CAMEO roots (PETRARCH): the set of predicted CAMEO roots against the gold roots.
* 5-way label (ConfliBERT CAMEO sentences): the predicted event with the highest confidence
  gives the class through ``mappings.event_quad`` (Phoenix PentaClass); no event gives 0.
* source/target actors (same sentences): the top event's source/target against the gold
  mention spans.

Only events whose modality is counted by default (SPEC: asserted, reported, future, historical)
are scored; negated and hypothetical events stay out, as in exports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..types import COUNTED_MODALITIES
from .gold import GoldDoc
from .mappings import PENTACLASS_NAMES, cameo_root, event_quad
from .metrics import PRF, TypeTally, accuracy, classification, ratio
from .score_actors import actor_ref_matches

Pair = tuple[GoldDoc, dict[str, Any]]


def counted_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's events with a counted modality."""
    return [e for e in record.get("events") or []
            if e.get("modality", "asserted") in COUNTED_MODALITIES]


def score_events(docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Every event figure the gold supports."""
    pairs = list(zip(docs, records, strict=True))
    typed = [(d, r) for d, r in pairs if d.events is not None]
    labelled = [(d, r) for d, r in pairs if d.sentence_label is not None]
    out: dict[str, Any] = {}
    if typed:
        out["plover"] = _plover(typed)
        out["detection"] = _detection(typed)
        out["false_alarms"] = _false_alarms(typed)
        out["reliability"] = reliability(typed)
        if any(e.modes for d, _ in typed for e in d.events or ()):
            out["mode"] = _modes(typed)
        if any(e.cameo for d, _ in typed for e in d.events or ()):
            out["cameo_root"] = _cameo_roots(typed)
    if labelled:
        out["pentaclass"] = _pentaclass(labelled)
        # the same with GDELT's QuadClass roots (02 cooperation, 16 material conflict), as
        # measured before round 3, for comparison
        out["pentaclass_gdelt"] = {"macro_f1": _pentaclass(labelled, "quad")["macro_f1"]}
        out["reliability"] = class_reliability(labelled)
        if any(d.actors for d, _ in labelled):
            out["roles"] = _roles(labelled)
    return out


def _gold_slots(doc: GoldDoc) -> set[tuple[str, ...]]:
    return {e.types for e in doc.events or () if e.is_plover}


def _pred_types(record: dict[str, Any]) -> set[str]:
    return {e["type"] for e in counted_events(record)}


def _plover(pairs: list[Pair]) -> dict[str, Any]:
    tally = TypeTally()
    for doc, record in pairs:
        tally.add(_gold_slots(doc), _pred_types(record))
    return tally.to_dict()


def _detection(pairs: list[Pair]) -> dict[str, Any]:
    """Item level: does the item report a political event at all?"""
    prf = PRF()
    for doc, record in pairs:
        gold, pred = bool(_gold_slots(doc)), bool(_pred_types(record))
        prf.add(tp=int(gold and pred), fp=int(pred and not gold), fn=int(gold and not pred))
    return prf.to_dict()


def _false_alarms(pairs: list[Pair]) -> dict[str, Any]:
    """Items without a gold political event that got one, overall and per gold label."""
    alarms: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for doc, record in pairs:
        if _gold_slots(doc):
            continue
        label = doc.label or "no event"
        fired = bool(_pred_types(record))
        for key in ("all", label):
            totals[key] += 1
            alarms[key] += fired
    return {key: {"rate": round(ratio(alarms[key], totals[key]), 4), "count": alarms[key],
                  "n": totals[key]} for key in ["all", *sorted(k for k in totals if k != "all")]}


def reliability(pairs: list[Pair], *, width: float = 0.1) -> dict[str, Any]:
    """Calibration: predicted events binned by confidence, with the share whose PLOVER type is
    one the item's gold accepts (items with no gold event make every prediction wrong)."""
    bins: dict[str, Counter[str]] = {}
    for doc, record in pairs:
        accepted = {t for slot in _gold_slots(doc) for t in slot}
        for event in counted_events(record):
            low = min(int(event.get("confidence", 0.0) / width), int(1 / width) - 1) * width
            key = f"{low:.1f}-{low + width:.1f}"
            tally = bins.setdefault(key, Counter())
            tally["n"] += 1
            tally["correct"] += event["type"] in accepted
            tally["conf_milli"] += round(1000 * event.get("confidence", 0.0))
    return {key: {"n": t["n"], "mean_confidence": round(t["conf_milli"] / 1000 / t["n"], 3),
                  "share_correct": round(ratio(t["correct"], t["n"]), 3)}
            for key, t in sorted(bins.items())}


def _modes(pairs: list[Pair]) -> dict[str, Any]:
    """Mode accuracy on items whose gold implies a mode. ``acc``: among those where an event of
    the gold's primary type was predicted, the share where one of them carries an accepted
    mode; ``acc_end_to_end``: the same over every such item (a missed event is wrong)."""
    tally: Counter[str] = Counter()
    for doc, record in pairs:
        for gold in doc.events or ():
            if not gold.modes:
                continue
            tally["n"] += 1
            same = [e for e in counted_events(record) if e["type"] == gold.types[0]]
            if not same:
                continue
            tally["typed"] += 1
            tally["correct"] += any(e.get("mode") in gold.modes for e in same)
    return {"acc": round(ratio(tally["correct"], tally["typed"]), 4),
            "acc_end_to_end": round(ratio(tally["correct"], tally["n"]), 4),
            "correct": tally["correct"], "typed": tally["typed"], "n": tally["n"]}


def _cameo_roots(pairs: list[Pair]) -> dict[str, Any]:
    """Set of CAMEO roots per item; ``acc`` is the share of gold roots predicted (recall)."""
    prf = PRF()
    for doc, record in pairs:
        gold = {cameo_root(e.cameo) for e in doc.events or () if e.cameo} - {None}
        pred = {cameo_root(e.get("cameo")) for e in counted_events(record)} - {None}
        prf.add(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred))
    out = prf.to_dict()
    out["acc"] = out["r"]
    return out


def top_event(record: dict[str, Any]) -> dict[str, Any] | None:
    """The counted event with the highest confidence (the first of equals)."""
    events = counted_events(record)
    return max(events, key=lambda e: e.get("confidence", 0.0)) if events else None


def predicted_class(record: dict[str, Any], scheme: str = "penta") -> int:
    """5-way class of a sentence from its top event (0 when there is none)."""
    event = top_event(record)
    return event_quad(event["type"], event.get("cameo"), scheme=scheme) if event else 0


def _pentaclass(pairs: list[Pair], scheme: str = "penta") -> dict[str, Any]:
    gold = [PENTACLASS_NAMES[d.sentence_label or 0] for d, _ in pairs]
    pred = [PENTACLASS_NAMES[predicted_class(r, scheme)] for _, r in pairs]
    return classification(gold, pred, PENTACLASS_NAMES)


def class_reliability(pairs: list[Pair], *, width: float = 0.1) -> dict[str, Any]:
    """Calibration on 5-way labelled sentences: each sentence's top event binned by confidence,
    with the share whose quad class is the sentence's gold class (the only label the gold has;
    a gold "no event" makes the prediction wrong)."""
    bins: dict[str, Counter[str]] = {}
    for doc, record in pairs:
        event = top_event(record)
        if event is None:
            continue
        low = min(int(event.get("confidence", 0.0) / width), int(1 / width) - 1) * width
        tally = bins.setdefault(f"{low:.1f}-{low + width:.1f}", Counter())
        tally["n"] += 1
        tally["correct"] += predicted_class(record) == (doc.sentence_label or 0)
        tally["conf_milli"] += round(1000 * event.get("confidence", 0.0))
    return {key: {"n": t["n"], "mean_confidence": round(t["conf_milli"] / 1000 / t["n"], 3),
                  "share_correct": round(ratio(t["correct"], t["n"]), 3)}
            for key, t in sorted(bins.items())}


def _roles(pairs: list[Pair]) -> dict[str, Any]:
    """Top event's source and target against the gold mentions (reciprocal mentions count for
    either role); end to end, an item without a predicted event is wrong."""
    tally: Counter[str] = Counter()
    for doc, record in pairs:
        event = top_event(record)
        for role in ("source", "target"):
            gold = [m for m in doc.actors or () if m.role in (role, "reciprocal")]
            if not gold:
                continue
            tally[f"{role}_n"] += 1
            if event is None:
                continue
            tally[f"{role}_with_event"] += 1
            tally[f"{role}_correct"] += actor_ref_matches(event.get(role), gold, record)
    return {role: {**accuracy(tally[f"{role}_correct"], tally[f"{role}_n"]),
                   "acc_with_event": round(ratio(tally[f"{role}_correct"],
                                                 tally[f"{role}_with_event"]), 4)}
            for role in ("source", "target")}


# --- actor codes (PETRARCH gold, with the user's actor dictionaries loaded) --------------------


def actor_code_matches(ref: dict[str, Any] | None, code: str | None) -> bool:
    """Whether a predicted actor carries the gold PETRARCH code ("ARN", "DAGGOV"): its id (the
    dictionary code), or its country + sector, or its country for a bare country code."""
    if not ref or not code:
        return False
    code = code.strip().upper()
    country, sector = (ref.get("country") or ""), (ref.get("sector") or "")
    candidates = {str(ref.get("actor") or "").upper(), (country + sector).upper()}
    if len(code) == 3:
        candidates.add(country.upper())
    return code in candidates


def score_actor_codes(docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]
                      ) -> dict[str, Any]:
    """Source/target accuracy per gold event that names actor codes: the predicted (counted)
    event of the same PLOVER type, else of the same CAMEO root, else the top event, must carry
    the gold code. End to end: a gold event with no predicted event is wrong. Empty when the
    gold has no actor codes."""
    tally: Counter[str] = Counter()
    for doc, record in zip(docs, records, strict=True):
        events = counted_events(record)
        for gold in doc.events or ():
            if not (gold.source or gold.target):
                continue
            pred = _same_event(gold, events)
            for role in ("source", "target"):
                code = getattr(gold, role)
                if not code or code.strip() in ("---", ""):
                    continue
                tally[f"{role}_n"] += 1
                if pred is None:
                    continue
                tally[f"{role}_with_event"] += 1
                tally[f"{role}_correct"] += actor_code_matches(pred.get(role), code)
    if not tally:
        return {}
    return {role: {**accuracy(tally[f"{role}_correct"], tally[f"{role}_n"]),
                   "acc_with_event": round(ratio(tally[f"{role}_correct"],
                                                 tally[f"{role}_with_event"]), 4)}
            for role in ("source", "target")}


def _same_event(gold: Any, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not events:
        return None
    root = cameo_root(gold.cameo)
    for test in (lambda e: gold.types and e.get("type") == gold.types[0],
                 lambda e: root is not None and cameo_root(e.get("cameo")) == root):
        hit = next((e for e in events if test(e)), None)
        if hit is not None:
            return hit
    return max(events, key=lambda e: e.get("confidence", 0.0))
