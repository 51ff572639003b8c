"""Actor scoring: how many gold actor mentions the record's actors cover, and event roles.

Gold actor mentions are event sources/targets (ConfliBERT CAMEO sentences) and named quote
speakers (PolNeAR). Neither set marks every actor in the text, so only recall is measured: a
gold mention is found when some predicted actor mention overlaps it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .gold import GoldActorMention, GoldDoc
from .metrics import accuracy, overlap, tokens_overlap


def score_actors(docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Mention recall overall and per role."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, record in zip(docs, records, strict=True):
        spans = [(m["start"], m["end"]) for a in record.get("actors") or []
                 for m in a.get("mentions") or []]
        for g in doc.actors or ():
            hit = any(overlap((g.start, g.end), s) > 0 for s in spans)
            for key in ("all", g.role):
                total[key] += 1
                found[key] += hit
    return {"mention_recall": {role: accuracy(found[role], total[role])
                               for role in ["all", *sorted(k for k in total if k != "all")]}}


def actor_ref_matches(ref: dict[str, Any] | None, gold: Sequence[GoldActorMention],
                      record: dict[str, Any]) -> bool:
    """Whether an event's ACTOR_REF points at one of the gold mentions: its actor has a mention
    overlapping a gold span, or its name shares a content word with a gold mention."""
    if not ref or not gold:
        return False
    actor_id = ref.get("actor")
    for actor in record.get("actors") or []:
        if actor_id is not None and actor.get("id") == actor_id:
            for m in actor.get("mentions") or []:
                if any(overlap((m["start"], m["end"]), (g.start, g.end)) for g in gold):
                    return True
    return any(tokens_overlap(ref.get("name"), g.text) for g in gold)
