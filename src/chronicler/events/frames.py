"""Frames: verbs that embed another event ("agreed to withdraw", "called for talks").

The frame's CAMEO code comes from the embedded event's code through the frame's map in
data/frames.yaml ("refused" + "withdraw" 0872 -> 1246 decline to de-escalate); a consuming
frame makes the embedded event part of itself, so it is not coded twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon
from .triggers import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "nsubjpass", "advcl", "acl")
COMPLEMENT_PREPS = ("for", "to", "on", "of", "against", "about")


#: Frames whose verb may also be a light verb of an event noun, by the light-verb class
#: (nouns.yaml) where that holds: "pledged support", "offered aid" (give) are the intent to
#: give, coded as if embedded; "committed rape" (do) is the act itself.
LIGHT_FRAMES = {"intent": "give"}


def apply_frames(triggers: list[Trigger], lex: Lexicon) -> None:
    """Resolve every frame trigger of one sentence in place (innermost frames first)."""
    for trig in triggers:
        if trig.light is not None and trig.how == "lexicon":
            _light_frame(trig, lex)
        if trig.how == "lexicon" and _intent_adjective(trig.anchor, lex):
            _recode(trig, lex.frames["intent"].code_for(trig.cameo) or trig.cameo, lex)
    frames = [t for t in triggers if t.sense.frame]
    if len(frames) > 1:
        frames.sort(key=lambda t: -_depth(t.token))
    for trig in frames:
        frame = lex.frames.get(trig.sense.frame or "")
        if frame is None:
            continue
        if frame.name == "refuse" and _no_comment(trig.token, lex):
            trig.consumed = True  # "declined to comment"
            continue
        if frame.name == "appeal" and _attempt(trig.token):
            trig.consumed = True  # "seeks to reinforce its positions": an attempt, no appeal
            continue
        embedded = _embedded(trig, triggers)
        trig.embedded = embedded
        if frame.name == "intent" and _promised_inquiry(trig.token, embedded, lex):
            trig.consumed = True  # "vowed a thorough investigation": no cooperation promised
            continue
        if frame.name == "prepare":
            _prepare(trig, embedded, lex)
            continue
        if frame.name == "cause" and embedded is not None:
            trig.consumed = True  # the embedded event is the event, done by the frame's subject
            embedded.source_tok = sx.subject(trig.token)
            continue
        if frame.name == "demand" and _insisted_fact(trig.token):
            trig.consumed = True  # "insisted that the vote had been fair": an assertion
            continue
        if frame.name == "threat" and _warning(trig.token):
            trig.consumed = True  # "warned that the rally was unauthorised": no threat made
            continue
        if frame.mapping or frame.default:
            stopped = embedded is not None and _stopped(trig.token, embedded, lex)
            code = frame.code_for(embedded.cameo if embedded else None, stopped)
            _recode(trig, code or trig.cameo, lex)
        if frame.consume and embedded is not None:
            embedded.consumed = True


def _light_frame(trig: Trigger, lex: Lexicon) -> None:
    """An event noun whose light verb is an intent verb is the intent to do it: "pledged
    support" / "offered aid" is CAMEO 033 (express intent to provide aid), not the aid."""
    light = trig.light.lemma_.lower() if trig.light is not None else ""
    name = next((s.frame for s in lex.verbs.get(light, ()) if s.frame), None)
    frame = lex.frames.get(name or "")
    if frame is not None and name in LIGHT_FRAMES and \
            light in lex.light_classes.get(LIGHT_FRAMES[name], ()):
        _recode(trig, frame.code_for(trig.cameo, _stopped(trig.light, trig, lex))
                or trig.cameo, lex)


def _intent_adjective(tok: Token, lex: Lexicon) -> bool:
    """Whether the event is what someone is ready, willing or eager to do ("Italy is ready to
    contribute", "is willing to provide support"): an intent (CAMEO 03x), like "pledged to"."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.pos_ == "ADJ" and \
        head.lemma_.lower() in lex.cues["intent_adjectives"]


#: Verbs of warning: with a clause saying how things are, they caution, they do not threaten
#: ("warned that the rally was unauthorised", "warned that the road was closed"); a threat is
#: a warning of what will or would be done ("warned that it would retaliate").
WARNING_VERBS = frozenset({"warn", "caution"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "could", "may", "might", "'ll", "wo",
                           "going"})


def _warning(tok: Token) -> bool:
    """A warning whose clause states a fact, not an act to come."""
    if tok.lemma_.lower() not in WARNING_VERBS:
        return False
    clause = sx.child(tok, ("ccomp",))
    return clause is not None and not any(
        c.lower_ in FUTURE_MODALS for c in clause.children if c.dep_ in ("aux", "auxpass"))


#: Verbs that demand with a subjunctive or modal clause ("insisted that troops withdraw",
#: "insisted that they must leave") but assert with a clause of fact ("insisted that the
#: election had been free and fair").
INSIST_VERBS = frozenset({"insist"})
DEMAND_MODALS = frozenset({"must", "should", "need", "ought"})


def _insisted_fact(tok: Token) -> bool:
    if tok.lemma_.lower() not in INSIST_VERBS:
        return False
    clause = sx.child(tok, ("ccomp",))
    if clause is None:
        return False
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in DEMAND_MODALS for c in aux):
        return False
    # a tensed clause states a fact; a bare verb ("that Israel withdraw") is a subjunctive
    return clause.tag_ in ("VBD", "VBZ") or clause.lemma_ == "be" or any(
        c.tag_ in ("VBD", "VBZ") or c.lemma_ in ("be", "have", "do") for c in aux)


#: Verbs that mean "try" before an infinitive ("seeks to regain", "sought to reassure"); with
#: an object they ask for something ("sought talks", "seeks a ceasefire").
ATTEMPT_VERBS = frozenset({"seek"})


def _attempt(tok: Token) -> bool:
    comp = sx.child(tok, ("xcomp",))
    return tok.lemma_.lower() in ATTEMPT_VERBS and comp is not None and sx.is_infinitive(comp)


def _promised_inquiry(tok: Token, embedded: Trigger | None, lex: Lexicon) -> bool:
    """A promise of an investigation ("vowed a thorough inquiry", "pledged to investigate"):
    an intent to investigate is no intent to cooperate (CAMEO 03x), and the investigation
    itself is not done yet."""
    if embedded is not None:
        return embedded.cameo is not None and embedded.cameo.startswith("09")
    obj = sx.child(tok, ("dobj",))
    if obj is None:
        return False
    return any(s.cameo and s.cameo.startswith("09")
               for s in lex.nouns.get(obj.lemma_.lower(), ()))


def _no_comment(tok: Token, lex: Lexicon) -> bool:
    comp = sx.child(tok, ("xcomp",))
    return comp is not None and comp.lemma_.lower() in lex.cues["no_comment"]


def _recode(trig: Trigger, code: str | None, lex: Lexicon) -> None:
    coding = lex.coding(code)
    if coding is None or coding.type is None:
        return
    trig.cameo, trig.type, trig.mode, trig.context = code, coding.type, coding.mode, \
        coding.context
    trig.how = "frame"


def _prepare(trig: Trigger, embedded: Trigger | None, lex: Lexicon) -> None:
    frame = lex.frames["prepare"]
    if embedded is not None and embedded.cameo and embedded.cameo[:2] in frame.mobilize_for:
        _recode(trig, frame.mobilize, lex)
        mode = "militia" if _armed_subject(trig.token, lex) else "troops"
        trig.mode = mode
    else:
        trig.consumed = True  # "prepare" alone is no event; its complement turns future


def _armed_subject(verb: Token, lex: Lexicon) -> bool:
    subj = sx.subject(verb)
    return subj is not None and lex.agents.get(
        sx.look_through(subj, lex.cues["quantity_heads"]).lemma_.lower()) in ("REB", "UAF")


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head is not tok and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


#: Subordinators of an adverbial clause that sets a time or reason, not the frame's content:
#: "vowed an inquiry *after* seven people were murdered" embeds no murder.
CIRCUMSTANCE_MARKS = frozenset({"after", "before", "when", "since", "as", "because", "while",
                                "although", "though", "once", "whereas", "whenever"})


def _complement(tok: Token) -> set[int]:
    """Token indices of the frame word's complement (infinitive, clause, object, for-phrase)."""
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS
                                     for m in c.children):
            continue
        if c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS):
            out.update(t.i for t in c.subtree)
    if tok.dep_ in ("dobj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
        light = tok.head  # "issued a call for talks": the noun's own complement only
        out.discard(light.i)
    return out


def _embedded(trig: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The nearest other trigger inside the frame word's complement."""
    span = _complement(trig.token)
    best: Trigger | None = None
    for other in triggers:
        if other is trig or other.consumed:
            continue
        inside = other.token.i in span or (other.light is not None and other.light.i in span)
        if inside and (best is None or abs(other.token.i - trig.token.i) < abs(
                best.token.i - trig.token.i)):
            best = other
    return best


def _stopped(frame_tok: Token, embedded: Trigger, lex: Lexicon) -> bool:
    """Whether the embedded event is to be stopped ("stop the attacks", "an end to the
    fighting", "not to attack")."""
    node = embedded.anchor
    if any(c.dep_ == "neg" for c in node.children):
        return True
    for _ in range(6):
        if node is frame_tok or node.head is node:
            break
        node = node.head
        if node is not frame_tok and (node.lemma_.lower() in lex.stop_words or any(
                c.dep_ == "neg" for c in node.children)):
            return True
    return False
