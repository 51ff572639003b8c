"""Place scoring: the Mordecai3 geoparsing figures plus toponym detection.

Gold toponyms and predicted place mentions are matched by character span (greedy, one-to-one,
largest overlap first). For each gold toponym:

* ``acc161``: the matched place lies within 161 km (100 miles) of the gold coordinates;
* ``exact``: the matched place has the gold GeoNames id (where the gold has ids);
* ``country``: the matched place's country (ISO alpha-3) is the gold's;
* ``missed``: no predicted mention overlaps it.

Each accuracy is given end to end (over all gold toponyms that carry that field, a missed
toponym counting wrong) and ``*_matched`` (over the toponyms that were found), as Mordecai3
reports resolution accuracy beside the share missed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..geometry import haversine_km
from .gold import GoldDoc, GoldToponym, Span
from .metrics import PRF, greedy_match, median, overlap, ratio

#: Distance under which a resolution counts as right: 161 km = 100 miles, the field's usual
#: threshold (Leidner; Gritta et al.; Halterman's Mordecai3).
ACC_KM = 161.0


def score_places(docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Place metrics over gold docs and their predicted records (same order)."""
    tally: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    detection = PRF()
    errors_km: list[float] = []
    for doc, record in zip(docs, records, strict=True):
        gold = list(doc.places or ())
        pred = _predicted_mentions(record, doc.place_ignore)
        pairs = dict(greedy_match([[(t.start, t.end)] for t in gold],
                                  [[(m[0], m[1])] for m in pred]))
        detection.add(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
        for gi, toponym in enumerate(gold):
            place = pred[pairs[gi]][2] if gi in pairs else None
            _tally_toponym(toponym, place, tally, errors_km)
            if toponym.kind:
                _tally_toponym(toponym, place, by_kind.setdefault(toponym.kind, Counter()), [])
    summary = _summary(tally, detection, errors_km)
    if by_kind:  # per GeoNames feature class (or GeoWebNews type): acc161 and missed share
        summary["by_class"] = {
            kind: {"acc161": round(ratio(t["acc161"], t["coord_n"]), 4), "n": t["n"],
                   "missed": round(ratio(t["missed"], t["n"]), 4)}
            for kind, t in sorted(by_kind.items(), key=lambda kv: -kv[1]["n"])}
    return summary


def _predicted_mentions(record: dict[str, Any], ignore: Sequence[Span]
                        ) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, place) of every predicted mention not on a neutral gold span."""
    out = []
    for place in record.get("places") or []:
        for m in place.get("mentions") or []:
            span = (m["start"], m["end"])
            if not any(overlap(span, s) for s in ignore):
                out.append((span[0], span[1], place))
    return out


def _tally_toponym(gold: GoldToponym, place: dict[str, Any] | None, tally: Counter[str],
                   errors_km: list[float]) -> None:
    found = place is not None
    tally["n"] += 1
    tally["missed"] += not found
    if gold.lat is not None and gold.lon is not None:
        tally["coord_n"] += 1
        if place is not None and place.get("lat") is not None and place.get("lon") is not None:
            tally["coord_matched"] += 1
            km = haversine_km(gold.lat, gold.lon, place["lat"], place["lon"])
            errors_km.append(km)
            tally["acc161"] += km <= ACC_KM
    if gold.geonameid is not None:
        tally["gid_n"] += 1
        tally["gid_matched"] += found
        tally["exact"] += bool(place and place.get("geonameid") == gold.geonameid)
    if gold.country is not None:
        tally["country_n"] += 1
        tally["country_matched"] += found
        tally["country"] += bool(place and place.get("country") == gold.country)
    if gold.use is not None:
        tally["use_n"] += 1
        tally["use_matched"] += found
        if place is not None:
            uses = {m.get("use") for m in place.get("mentions") or []}
            tally["use"] += gold.use in uses


def _summary(tally: Counter[str], detection: PRF, errors_km: list[float]) -> dict[str, Any]:
    def pair(key: str, n: str, matched: str) -> dict[str, float | int]:
        return {key: round(ratio(tally[key], tally[n]), 4),
                f"{key}_matched": round(ratio(tally[key], tally[matched]), 4),
                "correct": tally[key], "n": tally[n], "matched": tally[matched]}

    return {
        "acc161": pair("acc161", "coord_n", "coord_matched"),
        "exact": pair("exact", "gid_n", "gid_matched"),
        "country": pair("country", "country_n", "country_matched"),
        "missed": {"missed": round(ratio(tally["missed"], tally["n"]), 4),
                   "count": tally["missed"], "n": tally["n"]},
        "use": pair("use", "use_n", "use_matched"),
        "error_km": {"mean": round(ratio(sum(errors_km), len(errors_km)), 1),
                     "median": round(median(errors_km), 1), "n": len(errors_km)},
        "detection": detection.to_dict(),
    }
