"""Quote scoring: span P/R/F1 (direct, indirect, all), character overlap, speakers and cues.

A predicted quote matches a gold quote when their spans overlap (greedy, one-to-one, largest
overlap first). Speakers are judged on matched pairs:

* named gold speakers ("Mr. Obama", "The New York Post"): right when the predicted speaker span
  overlaps the gold one or the predicted name contains the gold's last name word;
* third-person pronoun speakers ("he"): the gold gives no referent, so it is inferred from the
  gold's own data (``antecedents.py``): the named gold speaker of the same article that agrees
  with the pronoun in gender and personhood and is mentioned last before it; right when the
  predicted canonical name holds that speaker's name key. Pronouns with no such speaker are
  not scored (a heuristic: gold has no coreference, so this figure is approximate).
  Until round 4 the referent was the named gold speaker mentioned last, with no agreement and
  keyed by the last capitalised word of the whole mention ("Del." of "Jane Roe, 59, of Dover,
  Del."). Hand check on PolNeAR dev at the same predictions: of the first 40 pronoun quotes
  that scorer counted wrong, 24 had the right speaker (a "she" right after "Jane Roe said of
  John Doe ..." inferred as Doe); of 30 quotes the new inference scores (random sample), its
  referent is right for 25 and its verdict for 28 (wrong referents: "it"/"they" for a
  campaign, an ad or a group the gold names by description, "she" for a person the gold never
  names as speaker, a surname two people share; wrong verdicts: another person of the same
  surname). Same predictions: pronoun acc_matched 0.523 (138/264) with the old inference,
  0.764 (184/241) with this one;
* nominal speakers ("sources"): right when the spans overlap or the words match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .antecedents import gold_antecedents, name_key
from .gold import GoldDoc, GoldQuote
from .metrics import (
    PRF,
    accuracy,
    char_counts,
    greedy_match,
    name_tokens,
    names_match,
    overlap,
    speaker_class,
)

KINDS = ("all", "direct", "indirect")
_WORD = re.compile(r"[^\W_]+")


def score_quotes(docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Quote metrics over gold docs and their predicted records (same order)."""
    spans = {k: PRF() for k in KINDS}
    chars = {k: PRF() for k in KINDS}
    speakers: Counter[str] = Counter()
    for doc, record in zip(docs, records, strict=True):
        gold = list(doc.quotes or ())
        pred = list(record.get("quotes") or [])
        for kind in KINDS:
            g = [q for q in gold if kind in ("all", q.kind)]
            p = [q for q in pred if kind in ("all", q.get("kind"))]
            pairs = greedy_match([q.spans for q in g], [[(q["start"], q["end"])] for q in p])
            spans[kind].add(tp=len(pairs), fp=len(p) - len(pairs), fn=len(g) - len(pairs))
            chars[kind].add(*char_counts([s for q in g for s in q.spans],
                                         [(q["start"], q["end"]) for q in p]))
            if kind == "all":
                _score_speakers(gold, pred, doc.text, pairs, speakers)
    return {
        "spans": {k: v.to_dict() for k, v in spans.items()},
        "chars": {k: v.to_dict() for k, v in chars.items()},
        "speaker": _speaker_summary(speakers),
        "cue": accuracy(speakers["cue_correct"], speakers["cue_n"]),
        "counts": {"gold": spans["all"].tp + spans["all"].fn,
                   "gold_direct": spans["direct"].tp + spans["direct"].fn,
                   "gold_indirect": spans["indirect"].tp + spans["indirect"].fn,
                   "predicted": spans["all"].tp + spans["all"].fp},
    }


def _score_speakers(gold: list[GoldQuote], pred: list[dict[str, Any]], text: str,
                    pairs: list[tuple[int, int]], tally: Counter[str]) -> None:
    antecedents = gold_antecedents(gold, text)
    matched = dict(pairs)
    for gi, q in enumerate(gold):
        p = pred[matched[gi]] if gi in matched else None
        if q.cue:
            tally["cue_n"] += 1
            tally["cue_correct"] += bool(p and cue_match(q.cue, p.get("cue")))
        cls = speaker_class(q.speaker)
        if cls == "pronoun" and gi not in antecedents:
            tally["pronoun_unresolvable"] += 1
            continue
        if cls not in ("named", "pronoun", "nominal"):
            continue
        tally[f"{cls}_gold"] += 1
        if p is None:
            continue
        tally[f"{cls}_matched"] += 1
        if _speaker_right(cls, q, p.get("speaker") or {}, antecedents.get(gi)):
            tally[f"{cls}_correct"] += 1


def cue_match(gold: str, predicted: str | None) -> bool:
    """Whether the predicted cue is the gold one: the gold's last word is among the predicted
    words ("has learned" ~ "learned"); a punctuation cue (":", "―") must be equal."""
    words = _WORD.findall(gold.lower())
    if not words:
        return gold.strip() == (predicted or "").strip()
    return words[-1] in _WORD.findall((predicted or "").lower())


def _speaker_right(cls: str, gold: GoldQuote, speaker: dict[str, Any],
                   antecedent: str | None) -> bool:
    if not speaker:
        return False
    if cls == "pronoun":  # by the key the antecedent was found by: "Gov. Terry McAuliffe (D)"
        key = name_key(antecedent)  # is "McAuliffe", not "(D)"
        return bool(key) and name_tokens(key)[-1] in name_tokens(speaker.get("name"))
    start, end = speaker.get("start"), speaker.get("end")
    if gold.speaker_span and start is not None and end is not None \
            and overlap(gold.speaker_span, (start, end)) > 0:
        return True
    if cls == "named":
        return names_match(gold.speaker, speaker.get("name")) or \
            names_match(gold.speaker, speaker.get("text"))
    return names_match(gold.speaker, speaker.get("text"))


def _speaker_summary(tally: Counter[str]) -> dict[str, Any]:
    """Per speaker class: accuracy on matched quotes, and end to end (a missed quote is wrong)."""
    summary: dict[str, Any] = {}
    for cls in ("named", "pronoun", "nominal"):
        correct = tally[f"{cls}_correct"]
        summary[cls] = {
            "acc_matched": accuracy(correct, tally[f"{cls}_matched"])["acc"],
            "acc": accuracy(correct, tally[f"{cls}_gold"])["acc"],
            "correct": correct, "matched": tally[f"{cls}_matched"], "n": tally[f"{cls}_gold"],
        }
    summary["pronoun"]["unresolvable"] = tally["pronoun_unresolvable"]
    return summary
