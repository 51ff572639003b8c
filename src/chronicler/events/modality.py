"""Modality of an event mention: negated, hypothetical, future, historical, reported, asserted.

The clause chain of an event word is the word, the verb it hangs from (light or occurrence
verb), and the verbs above it through complements ("plans to attack", "refused to meet",
"will not hold talks"), stopping at a speech verb. Cues on that chain decide, in this order of
precedence: negated (not, never, no, without, "rather than", "no one" as object) >
hypothetical (if/unless, could/might/may, "would" outside reported speech, possible X) >
future (will/shall, going to, about to, plan/intend/prepare to, upcoming X, "would" in reported
speech) > historical (past perfect; a year before the article's; "years ago"; "since 2011";
"first began") > reported (someone other than the actor says it; "according to"; "reportedly")
> asserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .triggers import Trigger

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
CHAIN_DEPS = ("xcomp", "conj", "ccomp", "csubj")
HEAD_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "compound")


@dataclass(frozen=True)
class Cues:
    """What the clause chain of one mention says."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    speech: Token | None = None
    refusal: bool = False  # negated with will/would/can or "failed to": a refusal
    background: bool = False  # "five years after crowds burned its embassy": old, not news


def chain(trig: Trigger, lex: Lexicon) -> tuple[list[Token], Token | None]:
    """The mention's clause chain and the speech verb above it (if any)."""
    speech = lex.cues["speech"]
    node = trig.anchor
    out = [trig.token] if trig.light is not None else []
    if node.pos_ in ("NOUN", "PROPN"):
        out.append(node)
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head
        if node.dep_ in HEAD_DEPS or node.dep_ == "prep":
            node = node.head
            if node.pos_ in ("NOUN", "PROPN", "ADP"):
                return out + [node], None
        else:
            return out, None
    for _ in range(6):
        out.append(node)
        head = node.head
        if head is node or node.dep_ not in CHAIN_DEPS:
            break
        if head.lemma_.lower() in speech and head.pos_ == "VERB":
            return out, head
        node = head
    head = node.head
    if head is not node and head.pos_ == "VERB" and head.lemma_.lower() in speech and \
            node.dep_ in ("ccomp", "parataxis", "advcl", "xcomp"):
        return out, head
    return out, None


def read_cues(trig: Trigger, lex: Lexicon, year: int | None) -> Cues:
    """Modality cues of one mention."""
    verbs, speech = chain(trig, lex)
    cues = lex.cues
    flags = {"neg": False, "hyp": False, "fut": False, "modal": False, "fail": False}
    hist = background = False
    for i, v in enumerate(verbs):
        lemma = v.lemma_.lower()
        if v is trig.light:
            lemma = ""  # "set fire to", "stopped work": the noun's own light verb, no cue
        if i and v.pos_ == "VERB" and lemma in cues["negation_verbs"]:
            flags["neg"] = True
            flags["fail"] = flags["fail"] or lemma in ("fail", "refuse")
        if i and v.pos_ == "VERB" and lemma in cues["future_verbs"]:
            flags["fut"] = True
        if i and v.pos_ == "VERB" and lemma in cues["hypothetical_verbs"]:
            flags["hyp"] = True
        _children(v, cues, speech is not None, flags)
        flags["neg"] = flags["neg"] or _negated_object(v, cues) or _rather_than(v) \
            or _without(v)
        flags["fut"] = flags["fut"] or _about_to(v) or _going_to(v)
        hist = hist or _past_perfect(v) or _past_date(v, year)
        background = background or _stale_clause(v)
    if verbs and (_unmet_condition(verbs[-1]) or _capability(verbs[-1], cues)):
        flags["hyp"] = True
    if speech is not None and speech.lemma_.lower() in cues["negation_verbs"]:
        flags["neg"] = True  # "denied that it had shelled the town"
        flags["fail"] = False
    refusal = flags["neg"] and (flags["fut"] or flags["modal"] or flags["fail"])
    return Cues(negated=flags["neg"], hypothetical=flags["hyp"], future=flags["fut"],
                historical=hist or background, speech=speech, refusal=refusal,
                background=background)


def _children(v: Token, cues: dict[str, frozenset[str]], reported: bool,
              flags: dict[str, bool]) -> None:
    """Negation, modal and marker cues among a chain verb's children."""
    for c in v.children:
        low, dep = c.lower_, c.dep_
        if dep == "neg" or (dep in ("det", "advmod", "preconj") and low in cues["negation_dets"]):
            flags["neg"] = True
        elif dep == "aux" and c.tag_ == "MD":
            flags["modal"] = flags["modal"] or low in ("can", "ca", "cannot", "could", "would",
                                                       "will", "wo", "shall")
            if low in cues["future_aux"] or c.lemma_ in ("will", "shall") or low == "wo":
                flags["fut"] = True
            elif low == "would":
                flags["fut" if reported else "hyp"] = True
            elif low in cues["hypothetical_aux"]:
                flags["hyp"] = True
        elif (dep == "mark" and low in cues["hypothetical_marks"]) or (
                dep in ("amod", "advmod") and low in cues["hypothetical_adjs"]):
            flags["hyp"] = True
        elif dep == "amod" and low in cues["future_adjs"]:
            flags["fut"] = True


def decide(c: Cues, reported: bool) -> str:
    """One modality from the cues, by precedence."""
    if c.negated:
        return "negated"
    if c.hypothetical:
        return "hypothetical"
    if c.future:
        return "future"
    if c.historical:
        return "historical"
    return "reported" if reported else "asserted"


def _unmet_condition(v: Token) -> bool:
    """An "until" clause of an intended or future act ("vowed to fight until the army
    withdraws", "will stay until a deal is signed"): a condition, not a reported event."""
    if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("until", "till")
                                    for c in v.children):
        return False
    head = v.head
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.lemma_ in ("will", "shall")
                                    or c.lower_ in ("will", "wo", "would", "shall", "'ll"))
               for c in head.children)


def _capability(v: Token, cues: dict[str, frozenset[str]]) -> bool:
    """Whether ``v`` is the infinitive of a noun of capability or leave ("has the power to take
    the state to war", "the right to strike"): what could be done, not what was done; unless
    the capability is put to use ("used its power to seize the airport")."""
    noun = v.head
    return v.dep_ == "acl" and noun.lemma_.lower() in cues["capability_nouns"] and \
        sx.is_infinitive(v) and not (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues["exercise_verbs"])


def _negated_object(v: Token, cues: dict[str, frozenset[str]]) -> bool:
    for c in v.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass"):
            if c.lower_ in cues["negation_objects"]:
                return True
            if any((d.dep_ == "det" and d.lower_ in ("no", "neither")) or (
                    d.dep_ == "preconj" and d.lower_ == "neither") for d in c.children):
                return True
    return False


def _rather_than(v: Token) -> bool:
    i = v.left_edge.i
    doc = v.doc
    return i >= 2 and doc[i - 1].lower_ == "than" and doc[i - 2].lower_ in ("rather", "instead")


def _without(v: Token) -> bool:
    head = v.head
    return v.dep_ in ("pcomp", "pobj") and head.lower_ == "without"


def _about_to(v: Token) -> bool:
    if v.dep_ != "xcomp":
        return False
    head = v.head
    if head.lower_ in ("about", "set", "poised", "ready", "due", "likely", "expected"):
        return True
    return any(c.lower_ == "about" for c in head.children) and head.lemma_ == "be"


def _going_to(v: Token) -> bool:
    return v.dep_ == "xcomp" and v.head.lower_ == "going" and v.head.tag_ == "VBG"


STALE_UNITS = frozenset({"year", "decade", "month", "century"})


def _stale_clause(v: Token) -> bool:
    """A clause dated months or years before the main one ("five years after crowds trashed
    its embassy", "a decade since the war began"): background, not a reported event."""
    if v.dep_ != "advcl":
        return False
    marks = [c for c in v.children if c.dep_ == "mark" and c.lower_ in ("after", "since")]
    if not marks:
        return False
    near = list(v.children) + [c for m in marks for c in m.children]
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in STALE_UNITS for c in near)


def _past_perfect(v: Token) -> bool:
    return v.tag_ == "VBN" and any(c.dep_ in ("aux",) and c.lower_ == "had" for c in v.children)


def _past_date(v: Token, year: int | None) -> bool:
    """A date phrase under the verb naming a year before the article's year (or "N years
    ago", "last year", "first" began)."""
    for c in v.children:
        if c.dep_ == "advmod" and c.lower_ in ("first", "previously", "formerly", "once"):
            if c.lower_ == "first" and v.lemma_ not in ("begin", "start", "erupt", "break"):
                continue
            return True
        if c.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        text = " ".join(t.lower_ for t in c.subtree)
        if "years ago" in text or "year ago" in text or text in ("last year", "in the past"):
            return True
        if year is not None:
            years = [int(y) for y in YEAR.findall(text)]
            if years and max(years) < year and c.lower_ in ("in", "since", "during", "between",
                                                           "until", "before", "from"):
                return True
    return False
