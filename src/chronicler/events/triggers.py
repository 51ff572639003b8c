"""Event words in a sentence: verbs and nouns of the lexicon whose conditions hold.

A noun counts when a light verb of its sense governs it ("launch an offensive"), or, for nouns
marked ``alone``, when it has an agent ("Israeli airstrikes", "the army's offensive", "an
attack by rebels") or is the subject of a verb of occurrence ("clashes erupted"). A verb whose
object is an event noun it is a light verb for leaves the event to the noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon, Sense
from .segment import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs saying that something happened: their subject, when an event noun, is the event.
OCCURRENCE = frozenset({
    "erupt", "occur", "happen", "break", "continue", "kill", "hit", "rock", "target", "leave",
    "claim", "injure", "wound", "destroy", "damage", "begin", "start", "resume", "intensify",
    "escalate", "spread", "flare", "rage", "take", "shake", "strike", "rattle", "mark", "end",
    "ensue", "follow", "last", "trigger", "spark", "disrupt", "paralyse", "paralyze",
    "block", "demand", "call", "draw", "turn", "be", "rise", "climb", "reach", "increase",
    "mount", "jump", "stand"})
# Dependency labels by which a noun may hang from its light verb.
LIGHT_DEPS = ("dobj", "nsubjpass", "pobj", "attr", "conj", "appos")


@dataclass
class Trigger:
    """One event word and what the coder has decided about it so far."""

    token: Token
    sense: Sense
    kind: str  # "verb" | "noun"
    light: Token | None = None  # the light verb governing a noun
    cameo: str | None = None
    type: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    consumed: bool = False
    how: str = "lexicon"  # lexicon | frame | statement
    embedded: Trigger | None = None
    source_tok: Token | None = None  # overrides the parsed source (statements, "ordered")
    target_tok: Token | None = None  # overrides the parsed target (statements)
    pattern_target: Token | None = None  # the target a user dictionary pattern marks ("+")
    nested: bool = False  # the object of another (verbal) event: "condemned the attack"

    @property
    def anchor(self) -> Token:
        """The verb whose clause carries the event (light verb, verb, or the noun)."""
        return self.light if self.light is not None else self.token


def find_triggers(sent: Sentence, lex: Lexicon) -> list[Trigger]:
    """Every event word of ``sent`` with the sense that applies."""
    out: list[Trigger] = []
    lemmas = sent.lemmas
    for tok in sent.tokens:
        pos = tok.pos_
        if pos == "VERB":
            if _describes(tok, lex):
                continue
            senses = lookup(tok, lex.verbs)
            if senses and not _is_light(tok, lex):
                sense = _verb_sense(tok, senses, lex)
                if sense is not None and not _stationed(tok, sense) and \
                        not _standing(tok, sense, lex):
                    out.append(_trigger(tok, sense, "verb", None))
        elif pos in ("NOUN", "PROPN"):
            senses = lookup(tok, lex.nouns)
            if senses:
                found = _noun_sense(tok, senses, lex, lemmas)
                if found is not None:
                    out.append(_trigger(tok, found[0], "noun", found[1]))
    return out


ACTOR_CLASSES = frozenset({"person", "civilian", "captive", "official", "journalist",
                           "protester", "worker", "military", "armed", "police", "group",
                           "government", "country"})


def _describes(verb: Token, lex: Lexicon) -> bool:
    """A participle that describes a thing rather than reporting an act: "besieged Osgiliath",
    "ground seized in six days of fighting", "weapons seized on a boat". With an agent, or
    describing people ("foreigners arrested"), it stays an event."""
    head = verb.head
    if verb.dep_ == "amod":
        return verb.i < head.i
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    return head.pos_ == "NOUN" and not lex.in_class(head.lemma_.lower(), ACTOR_CLASSES)


def _stationed(verb: Token, sense: Sense) -> bool:
    """A participle of mobilising that says where forces are ("troops deployed along the
    border", "units stationed in the hills"): a description of the forces, not news of a
    deployment, unless it names who deployed them."""
    return sense.type == "MOBILIZE" and verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
        c.dep_ == "agent" for c in verb.children)


#: Types whose past participle on a thing names a standing relation, even with its agent ("a
#: clinic supported by an aid group", "amendments proposed by the president", "a school funded
#: by the EU"): a description of the thing, not news of the act.
STANDING_TYPES = frozenset({"AGREE", "SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE"})


def _standing(verb: Token, sense: Sense, lex: Lexicon) -> bool:
    head = verb.head
    return sense.type in STANDING_TYPES and verb.dep_ == "acl" and verb.tag_ == "VBN" and \
        head.pos_ == "NOUN" and not lex.in_class(head.lemma_.lower(), ACTOR_CLASSES)


def _trigger(tok: Token, sense: Sense, kind: str, light: Token | None) -> Trigger:
    return Trigger(token=tok, sense=sense, kind=kind, light=light, cameo=sense.cameo,
                   type=sense.type, mode=sense.mode, context=sense.context)


def lookup(tok: Token, table: dict[str, tuple[Sense, ...]]) -> tuple[Sense, ...] | None:
    """Senses of a word by its lemma, else by its form and simple de-inflections (the small
    model's lemmatizer errs: "raped" -> "rap"). A hyphenated compound split by the tokenizer
    is looked up whole first ("test-fired" -> "test-fire")."""
    whole = table.get(_hyphen_key(tok))
    if whole is not None:
        return whole
    hit = table.get(_noun_key(tok))
    if hit is not None:
        return hit
    low = tok.lower_
    for form in (low, low[:-1], low[:-2], low[:-3] + "e" if low.endswith("ing") else "",
                 low[:-3] + "y" if low.endswith("ies") else ""):
        if form and form in table and len(form) > 3:
            return table[form]
    return None


def _hyphen_key(tok: Token) -> str:
    """"test-fire" for the "fired" of "test-fired" (split by the tokenizer), else ""."""
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-2).whitespace_:
        return f"{tok.nbor(-2).lower_}-{tok.lemma_.lower()}"
    return ""


def _noun_key(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma not in ("talks", "negotiations") else lemma[:-1]


def _lemma(tok: Token | None) -> str:
    return tok.lemma_.lower() if tok is not None else ""


def _is_light(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb's object is an event noun this verb is a light verb for ("called off
    the strike" is not "called a strike")."""
    if _off(verb) or _hyphen_key(verb) in lex.verbs:
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("on", "in")):
            noun = c if c.dep_ != "prep" else sx.child(c, ("pobj",))
            senses = lex.nouns.get(_noun_key(noun)) if noun is not None else None
            if senses and any(s.light and verb.lemma_.lower() in s.light for s in senses):
                return True
    return False


def _off(verb: Token) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


#: Result complements the small model parses as adverbs ("set the station ablaze").
RESULT_WORDS = frozenset({"ablaze", "alight", "afire"})


def _verb_sense(verb: Token, senses: tuple[Sense, ...], lex: Lexicon) -> Sense | None:
    quantity = lex.cues["quantity_heads"]
    obj = sx.direct_object(verb)
    if obj is None:  # misparsed small clause: "dispersed [protesters camped outside]"
        clause = sx.child(verb, ("ccomp",))
        obj = sx.child(clause, ("nsubj",)) if clause is not None else None
    obj = sx.look_through(obj, quantity) if obj is not None else None
    subj = sx.subject(verb)
    subj = sx.look_through(subj, quantity) if subj is not None else None
    prts, preps = sx.particles(verb), sx.preps(verb)
    # a clause of its own ("agreed that ..."), not an infinitive misparsed as one
    clause = any(c.dep_ == "ccomp" and not sx.is_infinitive(c) for c in verb.children)
    comp = sx.child(verb, ("xcomp", "oprd", "acomp")) or next(
        (c for c in verb.children if (c.dep_ == "ccomp" and c.pos_ == "ADJ") or (
            c.dep_ == "advmod" and c.lower_ in RESULT_WORDS)), None)
    if comp is None and obj is not None:  # "allowed [observers to enter]" parsed as a clause
        comp = sx.child(obj, ("xcomp", "acl"))
    passive = sx.is_passive(verb)
    for sense in senses:
        if (sense.clause and not clause) or (sense.passive and not passive):
            continue
        if sense.xcomp is not None and (comp is None or comp.lemma_.lower() not in sense.xcomp):
            continue
        if _holds(sense, lex, obj, subj, prts, preps):
            return None if sense.skip else sense
    return None


def _holds(sense: Sense, lex: Lexicon, obj: Token | None, subj: Token | None,
           prts: set[str], preps: set[str]) -> bool:
    if sense.prt is not None and not (sense.prt & prts) and sense.prt:
        return False
    if sense.prt is not None and not sense.prt and prts:
        return False
    if sense.prep is not None and not (sense.prep & preps):
        return False
    if sense.needs_obj and obj is None:
        return False
    if sense.obj is not None and (obj is None or not _np_in(obj, sense.obj, lex)):
        return False
    if sense.obj_not is not None and obj is not None and _np_in(obj, sense.obj_not, lex):
        return False
    if sense.subj is not None and (subj is None or not _np_in(subj, sense.subj, lex)):
        return False
    return not (sense.subj_not is not None and subj is not None
                and _np_in(subj, sense.subj_not, lex))


def _np_in(tok: Token, classes: frozenset[str], lex: Lexicon) -> bool:
    """Whether a noun phrase belongs to one of ``classes`` (its head, or for a name, its kind:
    a country/organisation name counts as country/group/government)."""
    lemma = tok.lemma_.lower()
    if lex.in_class(lemma, classes) or lex.in_class(tok.lower_, classes) or (
            "-" in lemma and lex.in_class(lemma.rsplit("-", 1)[-1], classes)):
        return True
    ent = tok.ent_type_
    if ent in ("GPE", "NORP") and classes & {"country", "state", "government", "group"}:
        return True
    if ent == "ORG" and classes & {"group", "government", "organization", "party"}:
        return True
    if ent == "PERSON" and classes & {"person", "official"}:
        return True
    if tok.pos_ == "PROPN" and not ent and classes & {"country", "group", "person", "official"}:
        return True  # an unknown name: a country, group or person alike
    return any(c.dep_ in ("compound", "amod") and lex.in_class(c.lemma_.lower(), classes)
               for c in tok.children) and "place" not in classes


def _noun_sense(tok: Token, senses: tuple[Sense, ...], lex: Lexicon,
                lemmas: frozenset[str]) -> tuple[Sense, Token | None] | None:
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if tok.dep_ == "compound":
        mods.add(tok.head.lemma_.lower())
    light = _light_verb(tok)
    if light is not None and (_off(light) or _hyphen_key(light) in lex.verbs):
        light = None  # "called off the strike", "broke off talks": the verb is the event
    if light is None and tok.dep_ == "compound" and \
            tok.head.lemma_.lower() in lex.cues["effort_nouns"]:
        light = _light_verb(tok.head)  # "launched a mediation effort"
    if light is None:
        light = _nominal_light(tok, lex)  # "the resumption of talks"
    light_lemma = lex.nominal_light.get(light.lemma_.lower(), light.lemma_.lower()) \
        if light is not None else ""
    for sense in senses:
        if sense.mod is not None and not (sense.mod & mods):
            continue
        if sense.mod_not is not None and sense.mod_not & mods:
            continue
        if sense.cue is not None and not (lex.cues.get(sense.cue, frozenset()) & lemmas):
            continue
        if sense.skip:
            return None
        if sense.prep is not None and not (sense.prep & sx.preps(light or tok)):
            continue
        if light is not None and sense.light and light_lemma in sense.light:
            return sense, light
        if sense.mod is not None and sense.light is None:
            return sense, None  # "air strike": the modifier alone makes the event
        if sense.alone and _stands_alone(tok, lex):
            return sense, None
    return None


def _light_verb(noun: Token) -> Token | None:
    """The verb the noun hangs from as object ("held talks", "talks were held", "went on
    strike", "engaged in talks"), if any."""
    dep, head = noun.dep_, noun.head
    if dep in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if dep == "pobj" and head.dep_ in ("prep", "prt") and head.head.pos_ == "VERB":
        return head.head
    if dep == "pobj" and head.lower_ == "in" and head.head.lemma_ == "part" and \
            head.head.dep_ == "dobj" and head.head.head.lemma_ == "take":
        return head.head.head  # "took part in the march"
    if dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
            head.head.dep_ in ("dobj", "nsubjpass"):
        return _light_verb(head.head)  # "carried out a string of airstrikes"
    if dep == "conj":
        return _light_verb(head) if head.pos_ in ("NOUN", "PROPN") else None
    return None


def _nominal_light(noun: Token, lex: Lexicon) -> Token | None:
    """The noun naming a light verb's act that the event noun is the "of" object of ("the
    *resumption* of talks", "Russia's *imposition* of sanctions"), if any: as a subject or
    object, or with a named doer; in an oblique phrase ("drawn into talks by its resumption
    of ties") it is a circumstance, not news."""
    prep, act = noun.head, noun.head.head
    if not (noun.dep_ == "pobj" and prep.lower_ == "of" and act.pos_ == "NOUN"
            and act.lemma_.lower() in lex.nominal_light):
        return None
    if act.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT") or _stands_alone(act, lex):
        return act
    return None


def _stands_alone(noun: Token, lex: Lexicon) -> bool:
    """Agent ("Israeli airstrikes", "Syria's offensive", "attack by rebels") or occurrence
    ("clashes erupted in the north") or a headline without a verb."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "our", "my"):
            return True
        if c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                or c.lemma_.lower() in lex.agents):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "between", "against", "on"):
            return True
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in OCCURRENCE:
        return True
    return noun.dep_ == "ROOT"
