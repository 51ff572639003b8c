"""Draft events, their confidence, modes refined by instrument, and the per-article merge.

Merge rule (one event per happening): within an article, mentions with the same PLOVER type,
the same source actor and the same target actor (by actor id, else by name) are one event,
provided they have the same polarity (negated and hypothetical mentions merge only with
mentions of the same modality). The earliest mention is kept (its evidence, codes and
modality) with the highest confidence of the group. Mentions with neither actor known merge
only within one sentence. Within a sentence, a mention without a target is dropped when a
mention of the same type and source has one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..types import ActorRef, Event, Evidence
from .args import actor_key

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Lexicon
    from .triggers import Trigger

# Confidence model (see README "confidence"): a base per kind of evidence, then adjustments.
# The constants were set by hand from the reliability tables on the development sets.
BASE = {"verb": 0.66, "noun-light": 0.7, "noun-alone": 0.6, "frame": 0.56,
        "statement": 0.62}
WEAK = -0.25
SOURCE_ID, SOURCE_NAME, NO_SOURCE = 0.08, 0.04, -0.06
TARGET = 0.08
HISTORICAL = -0.2  # background events: real, but rarely what a sentence is coded for
LONG_SENTENCE, LONG = -0.06, 45
FLOOR, CEIL = 0.05, 0.95

# Instrument words -> PLOVER ASSAULT / MOBILIZE mode, for events whose code gives none.
INSTRUMENT_MODES = {
    "drone": "drone", "uav": "drone", "warplane": "aerial", "jet": "aerial",
    "airstrike": "aerial", "aircraft": "aerial", "helicopter": "aerial", "air": "aerial",
    "airpower": "aerial", "bomber": "aerial", "artillery": "heavy-weapons",
    "shell": "heavy-weapons", "mortar": "heavy-weapons", "rocket": "heavy-weapons",
    "missile": "heavy-weapons", "tank": "heavy-weapons", "gun": "firearms",
    "rifle": "firearms", "gunman": "firearms", "sniper": "firearms", "bullet": "firearms",
    "bomb": "explosives", "ied": "explosives", "explosive": "explosives",
    "grenade": "explosives", "knife": "primitive", "machete": "primitive",
    "stone": "primitive", "stick": "primitive", "axe": "primitive",
}


@dataclass
class Draft:
    """An event mention before merging."""

    event: Event
    sentence: int
    position: int = 0  # token index of the event word (orders mentions of one sentence)

    @staticmethod
    def make(trig: Trigger, mode: str | None, source: ActorRef | None,
             target: ActorRef | None, modality: str, reported_by: str | None,
             conf: float, evidence: tuple[int, int, str], sentence: int) -> Draft:
        start, end, text = evidence
        event = Event(id="", type=trig.type or "", evidence=Evidence(start, end, text),
                      mode=mode, context=tuple(trig.context), cameo=trig.cameo,
                      source=source, target=target, modality=modality,
                      reported_by=reported_by, confidence=conf)
        return Draft(event=event, sentence=sentence, position=trig.token.i)

    def key(self) -> tuple[object, ...]:
        """Merge key: type, source, target, polarity (and the sentence when no actor)."""
        e = self.event
        src, tgt = actor_key(e.source), actor_key(e.target)
        polarity = e.modality if e.modality in ("negated", "hypothetical") else "real"
        where = self.sentence if src is None and tgt is None else -1
        return (e.type, src, tgt, polarity, where)


def evidence_kind(trig: Trigger) -> str:
    """The kind of evidence for an event: verb, noun-light, noun-alone, frame or statement."""
    if trig.how in ("frame", "statement"):
        return trig.how
    if trig.kind == "verb":
        return "verb"
    return "noun-light" if trig.light is not None else "noun-alone"


def confidence(trig: Trigger, source: ActorRef | None, has_target: bool, n_tokens: int,
               modality: str = "asserted") -> float:
    """The rule score: how likely the mention is a correctly typed event, by hand-set evidence
    weights (module constants); calibration.py maps it to a probability."""
    value = BASE[evidence_kind(trig)]
    if trig.sense.weak:
        value += WEAK
    if source is None:
        value += NO_SOURCE
    else:
        value += SOURCE_ID if source.actor else SOURCE_NAME
    if has_target:
        value += TARGET
    if n_tokens > LONG:
        value += LONG_SENTENCE
    if modality == "historical":
        value += HISTORICAL
    return round(min(CEIL, max(FLOOR, value)), 3)


#: Instrument words anywhere in the sentence, by precedence, for an ASSAULT whose trigger and
#: its arguments name none ("killed five people" in a sentence about a roadside bomb).
SENTENCE_MODES: tuple[tuple[str, frozenset[str]], ...] = (
    ("unconventional", frozenset({"chemical", "chlorine", "sarin", "nerve", "toxic", "mustard",
                                  "biological", "radiological"})),
    ("suicide-attack", frozenset({"suicide"})),
    ("explosives", frozenset({"ied", "landmine", "mine", "grenade", "explosive", "bomb",
                              "car-bomb", "roadside", "device", "explosion", "blast"})),
    ("drone", frozenset({"drone", "uav"})),
    ("aerial", frozenset({"airstrike", "air-strike", "warplane", "jet", "helicopter",
                          "aircraft", "airpower", "bombing"})),
    ("heavy-weapons", frozenset({"artillery", "shell", "shelling", "mortar", "rocket",
                                 "missile", "tank", "howitzer"})),
    ("crowd-control", frozenset({"teargas", "tear", "baton", "cannon", "rubber", "pellet"})),
    ("firearms", frozenset({"gun", "gunfire", "gunman", "rifle", "bullet", "sniper", "shoot",
                            "shot", "gunshot", "firearm"})),
    ("primitive", frozenset({"knife", "machete", "axe", "stone", "stick", "arrow", "spear"})),
)
_INSTRUMENTAL = frozenset({"aerial", "heavy-weapons", "explosives", "firearms", "drone"})


def refine_mode(trig: Trigger, lex: Lexicon) -> str | None:
    """The code's mode, or for ASSAULT/MOBILIZE without one, a mode from the instrument or the
    doer ("warplanes pounded" -> aerial; police mobilised -> police); for ASSAULT, the weapon
    named in the sentence decides where the code's mode is only a guess: chemical agents make
    it unconventional, a bombing without "suicide" is explosives, sexual violence is sexual."""
    if trig.type == "ASSAULT":
        lemmas = {t.lemma_.lower() for t in trig.token.sent}
        if trig.mode in (None, *_INSTRUMENTAL) and lemmas & SENTENCE_MODES[0][1]:
            return "unconventional"
        if trig.mode == "suicide-attack" and trig.cameo in ("183", "1833", "1832"):
            return "suicide-attack" if "suicide" in lemmas else "explosives"
        if trig.mode in ("beat", None) and lemmas & {"rape", "sexual", "sexually"}:
            return "sexual"
        if trig.mode and trig.mode != "destroy":
            return trig.mode
        near = _near_instrument(trig)
        if near is not None:
            return near
        if trig.mode:
            return trig.mode
        return next((mode for mode, words in SENTENCE_MODES[1:] if lemmas & words), None)
    if trig.mode or trig.type != "MOBILIZE":
        return trig.mode
    for w in _near_words(trig):
        for t in (w, *w.children):
            sector = lex.agents.get(t.lemma_.lower())
            if sector:
                return {"COP": "police", "REB": "militia", "MIL": "troops"}.get(sector)
    return None


def _near_words(trig: Trigger) -> list[Token]:
    words = [trig.token, *trig.token.children]
    if trig.light is not None:
        words.extend(trig.light.children)
    return words


def _near_instrument(trig: Trigger) -> str | None:
    for w in _near_words(trig):
        for t in (w, *w.children):
            lemma = t.lemma_.lower()
            if lemma == "bomber" and any(c.lower_ == "suicide" for c in t.children):
                return "suicide-attack"
            mode = INSTRUMENT_MODES.get(lemma)
            if mode:
                return mode
    return None


def merge(drafts: list[Draft]) -> list[Event]:
    """Apply the merge rule; events in order of their evidence."""
    drafts = _drop_untargeted(sorted(drafts, key=lambda d: (d.sentence, d.position)))
    kept: dict[tuple[object, ...], Event] = {}
    for d in drafts:
        key = d.key()
        first = kept.get(key)
        if first is None:
            kept[key] = d.event
        elif d.event.confidence > first.confidence:
            kept[key] = replace(first, confidence=d.event.confidence)
    return sorted(kept.values(), key=lambda e: e.evidence.start)


def _drop_untargeted(drafts: list[Draft]) -> list[Draft]:
    with_target = {(d.sentence, d.event.type, actor_key(d.event.source))
                   for d in drafts if d.event.target is not None}
    return [d for d in drafts if d.event.target is not None or
            (d.sentence, d.event.type, actor_key(d.event.source)) not in with_target]
