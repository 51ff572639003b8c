"""Source and target actors of an event word, resolved through the article's ActorTable.

A noun phrase is an actor when the ActorTable has a mention over it; failing that, when it is
a named entity or proper noun (kept by its words, without an id), or when its head is an agent
noun ("police", "rebels", "protesters": sector from data/frames.yaml). Pronouns take the
nearest preceding compatible actor of the table ("he" a person, "they"/"it" a country or
group, "we"/"I" inside a quotation its speaker).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..types import ActorRef
from . import syntax as sx
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors.resolve import ActorTable, ResolvedActor
    from .triggers import Trigger

PRONOUN_WINDOW = 800  # characters back to look for a pronoun's actor
ANTECEDENT_TOKENS = 40  # tokens back to look for an unnamed antecedent
SUBJECT_WINDOW = 250  # ... and for a subject, which is preferred to a nearer non-subject
NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP")
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# "of" names the doer for these types ("withdrawal of troops"), the one done to otherwise.
OF_IS_SOURCE = frozenset({"RETREAT", "MOBILIZE", "CONSULT", "PROTEST", "AGREE", "REJECT"})
_DETS = ("the ", "a ", "an ", "some ", "all ", "other ", "these ", "those ")
# Noun classes (nouns.yaml) whose members head an actor noun phrase without a name.
PEOPLE_CLASSES = frozenset({"person", "official", "military", "armed", "police", "protester",
                            "civilian", "group", "government", "country", "captive", "worker"})
# Heads that take their actor from an of/from/in phrase ("republics from the CIS").
PEOPLE_NOUNS = frozenset({"republic", "member", "leader", "lawmaker", "official", "state",
                          "country", "nation", "people", "delegation", "representative"})
# Modifiers of a head noun that may name its actor, in order of preference.
_MOD_ORDER = ("appos", "compound", "poss", "nmod", "amod")


@dataclass
class Roles:
    """Source and target noun-phrase heads and their actors (conjuncts included)."""

    sources: list[ActorRef]
    targets: list[ActorRef]


def is_person(actor: ResolvedActor) -> bool:
    """Whether a table actor is a person (for he/she)."""
    return actor.id.startswith("person:") or bool(actor.role)


def to_ref(actor: ResolvedActor) -> ActorRef:
    """The record's reference to a table actor."""
    return ActorRef(name=actor.name, actor=actor.id, country=actor.country, sector=actor.sector)


class ActorFinder:
    """Maps noun phrases of one Doc to ActorRefs (one per document)."""

    def __init__(self, doc: Doc, table: ActorTable, lex: Lexicon, text: str,
                 country: Callable[[str], str | None] | None = None) -> None:
        self.doc, self.table, self.lex = doc, table, lex
        self.country = country or (lambda _word: None)
        self.text = text  # the Doc's text (chronicler.nlp.text.doc_text)
        spans = sorted((s, e, a) for a in table.actors.values() for s, e in a.mentions)
        self._mentions = spans
        self._ends = [e for _, e, _ in spans]
        self.quantity = lex.cues["quantity_heads"]

    def ref(self, tok: Token | None, speaker: ActorRef | None = None) -> ActorRef | None:
        """The actor a noun phrase headed by ``tok`` denotes, or None."""
        if tok is None:
            return None
        tok = sx.look_through(tok, self.quantity)
        if tok.pos_ == "PRON":
            return self.pronoun(tok, speaker)
        actor = self._table_actor(tok)
        if actor is not None:
            return self._in_sector(actor, tok)
        poss = sx.child(tok, ("poss",))
        if poss is not None and poss.pos_ == "PRON" and self._modifier_country(tok) is None:
            return self.pronoun(poss, speaker)  # "his Somali counterpart" is Somali
        start, end = sx.left_span(tok)
        found = self._fallback(tok, start, end)
        if found is None:  # "the lions and the evil Gondor": an appositive name
            appos = sx.child(tok, ("appos",))
            if appos is not None and appos.pos_ == "PROPN":
                return self.ref(appos, speaker)
        return found

    def _in_sector(self, actor: ResolvedActor, tok: Token) -> ActorRef:
        """A country named by a modifier of a sector noun is that country's sector ("Gondor's
        government", "Gondor police", "Osgiliath soldiers"); any other actor is itself."""
        sector = self.lex.agents.get(tok.lemma_.lower())
        covers = actor.mentions and any(s <= tok.idx < e for s, e in actor.mentions)
        if sector is None or actor.sector or not actor.country or is_person(actor) or covers:
            return to_ref(actor)
        start, end = sx.left_span(tok)
        return ActorRef(name=_np_name(self.text[start:end]),
                        actor=f"{actor.country}-{sector}", country=actor.country,
                        sector=sector)

    def _table_actor(self, tok: Token) -> ResolvedActor | None:
        """A table actor whose mention covers the head word, else one of its name-like
        modifiers (appositive name, compound, possessor: "Assad's envoy Bashar al-Jaafari",
        "Hezbollah fighters", "Lebanon's government"), else "X of Y" for an agent noun."""
        actor = self.table.at(tok.idx, tok.idx + len(tok.text))
        if actor is not None:
            return actor
        kids = sorted((c for c in tok.children if c.dep_ in _MOD_ORDER),
                      key=lambda c: _MOD_ORDER.index(c.dep_))
        for c in kids:
            if c.dep_ == "amod" and c.ent_type_ not in ("NORP", "GPE"):
                continue
            actor = self.table.at(*sx.left_span(c))
            if actor is not None:
                return actor
        for prep in tok.children:  # "the government of Gondor", "lawmakers in Fornost"
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
                pobj = sx.child(prep, ("pobj",))
                actor = self.table.at(*sx.left_span(pobj)) if pobj is not None else None
                lemma = tok.lemma_.lower()
                if actor is not None and (lemma in self.lex.agents or lemma in PEOPLE_NOUNS):
                    return actor
        return None

    def refs(self, tok: Token | None, speaker: ActorRef | None = None) -> list[ActorRef]:
        """Actors of ``tok`` and its conjuncts, without repeats."""
        if tok is None:
            return []
        out: list[ActorRef] = []
        for t in sx.conjuncts(sx.look_through(tok, self.quantity)):
            r = self.ref(t, speaker)
            if r is not None and all(_key(r) != _key(o) for o in out):
                out.append(r)
        return out

    def _fallback(self, tok: Token, start: int, end: int) -> ActorRef | None:
        if tok.ent_type_ in NOT_ACTORS:
            return None
        text = _np_name(self.text[start:end])
        if not text:
            return None
        if tok.ent_type_ in ("NORP", "GPE"):  # "the American proposal": the country
            return ActorRef(name=text, country=self.country(text))
        if tok.ent_type_ in NAME_ENTS or tok.pos_ == "PROPN":
            return ActorRef(name=text)
        lemma = tok.lemma_.lower().split("-")[-1]
        sector = self.lex.agents.get(lemma)
        if sector is not None or self.lex.in_class(lemma, PEOPLE_CLASSES):
            return ActorRef(name=text, country=self._modifier_country(tok), sector=sector)
        return None

    def _modifier_country(self, tok: Token) -> str | None:
        """Country named by an adjective or possessor of an unnamed actor ("the Iraqi prime
        minister", "Iran's foreign minister")."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i:
                iso = self.country(c.text)
                if iso:
                    return iso
        return None

    def pronoun(self, tok: Token, speaker: ActorRef | None) -> ActorRef | None:
        """Nearest preceding compatible actor of a pronoun; an actor that was a subject within
        the last ``SUBJECT_WINDOW`` characters is preferred ("Hezbollah and its allies won a
        majority in Lebanon's election. Its military wing ..." -> Hezbollah)."""
        kind = self.lex.pronouns.get(tok.lower_)
        if kind is None or kind == "skip":
            return None
        if kind == "speaker":
            return speaker
        nearest = None
        i = bisect.bisect_right(self._ends, tok.idx) - 1
        while i >= 0:
            start, end, actor = self._mentions[i]
            i -= 1
            if tok.idx - end > PRONOUN_WINDOW:
                break
            if end > tok.idx or is_person(actor) != (kind == "person"):
                continue
            if nearest is None:
                nearest = actor
            if tok.idx - end > SUBJECT_WINDOW:
                break
            if self._is_subject(start, end):
                return to_ref(actor)
        if nearest is not None:
            return to_ref(nearest)
        return self._antecedent(tok, kind)

    def _antecedent(self, tok: Token, kind: str) -> ActorRef | None:
        """An unnamed subject before the pronoun ("The rebels said they ...")."""
        doc = self.doc
        for j in range(tok.i - 1, max(-1, tok.i - ANTECEDENT_TOKENS), -1):
            cand = doc[j]
            if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ in ("NOUN", "PROPN"):
                plural = cand.tag_ in ("NNS", "NNPS")
                if (kind == "person") == (not plural and cand.ent_type_ == "PERSON") or (
                        kind != "person" and plural):
                    return self.ref(cand)
        return None

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ in ("compound", "amod", "poss", "conj") and root.head is not root \
                and root.head.i < span.end + 3:
            root = root.head
        return root.dep_ in ("nsubj", "nsubjpass")


def _np_name(text: str) -> str:
    """A noun phrase's words as an actor name: no leading article, no possessive ending."""
    low = text.lower()
    for det in _DETS:
        if low.startswith(det):
            text = text[len(det):]
            break
    text = " ".join(text.split())
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail):
            return text[: -len(tail)]
    return text


def _key(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return ref.actor or ref.name.lower()


def actor_key(ref: ActorRef | None) -> str | None:
    """Identity of an actor for merging: its id, else its lower-cased name."""
    return _key(ref)


def roles(trig: Trigger, finder: ActorFinder, lex: Lexicon,
          speaker: ActorRef | None = None) -> Roles:
    """Source and target actors of a trigger."""
    if trig.kind == "verb":
        src_tok, tgt_tok = _verb_roles(trig, lex)
    else:
        src_tok, tgt_tok = _noun_roles(trig, lex)
    sources = finder.refs(src_tok, speaker)
    targets = [t for t in finder.refs(tgt_tok, speaker) if all(
        _key(t) != _key(s) for s in sources)]
    if not targets and len(sources) > 1 and (trig.type in lex.symmetric or _joint(trig)):
        sources, targets = sources[:1], sources[1:]
    return Roles(sources=sources, targets=targets)


def _joint(trig: Trigger) -> bool:
    """Whether coordinated doers act on something they share, so that each is the other's
    target ("Gondor and Osgiliath postponed *their* meeting", "... cut ties *with each
    other*")."""
    word = trig.light if trig.light is not None else trig.token
    things = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    if trig.kind == "noun":
        things.append(trig.token)
    for thing in things:
        if any(c.dep_ == "poss" and c.lower_ == "their" for c in thing.children):
            return True
    return any(p.lower_ in ("other", "another") for p in sx.prep_objects(word, ("with",)))


def _verb_roles(trig: Trigger, lex: Lexicon) -> tuple[Token | None, Token | None]:
    verb = trig.token
    src = sx.subject(verb)
    if trig.sense.reverse:  # "X received aid from Y": Y gives to X
        return next(sx.prep_objects(verb, ("from",)), None), src
    # what is mobilised (troops, forces) is moved, not targeted: only the type's prepositions
    tgt = None if trig.type == "MOBILIZE" else (
        sx.passive_target(verb) or sx.child(verb, ("dobj", "dative")))
    if tgt is None or not _actorish(tgt, lex):
        tgt = _prep_actor(verb, lex.target_preps.get(trig.type or "", ())) or tgt
    if tgt is not None and not _actorish(tgt, lex):  # "rejected the American proposal",
        tgt = _inner_actor(tgt, lex) or tgt  # "cut ties with Qatar", "shelled rebel positions"
    if tgt is None and trig.cameo == "042":  # a visit's host: "arrived in Amman", "flew to X"
        tgt = next(sx.prep_objects(verb, ("in", "to", "for")), None)
    if tgt is None and trig.embedded is not None and trig.embedded.consumed:
        tgt = _embedded_target(trig.embedded, lex)  # "refused to negotiate with X"
    if tgt is None and trig.sense.frame:  # "helping X combat Y": the parser makes X the
        clause = sx.child(verb, ("ccomp", "xcomp"))  # embedded clause's subject; X is the
        tgt = sx.subject(clause) if clause is not None else None  # frame verb's recipient
    return src, tgt


def _prep_actor(tok: Token, preps: tuple[str, ...] | list[str]) -> Token | None:
    """The first object of one of ``preps`` under ``tok`` that is no date, time or number
    ("attacked *on* Thursday" is a when, "attacked *on* the village" a whom)."""
    return next((p for p in sx.prep_objects(tok, preps) if p.ent_type_ not in NOT_ACTORS),
                None)


def _embedded_target(inner: Trigger, lex: Lexicon) -> Token | None:
    """The target of a frame's embedded act ("refused to negotiate *with X*", "promised to
    send aid *to X*", "refused to release *the sailors*"): its target preposition first, then
    its object when that is an actor, then the actor inside its object."""
    verb = inner.anchor if inner.kind == "noun" else inner.token
    if verb.pos_ != "VERB":
        return None
    found = _prep_actor(verb, lex.target_preps.get(inner.type or "", ()))
    if found is not None:
        return found
    obj = sx.child(verb, ("dobj", "dative"))
    if obj is None:
        return None
    return obj if _actorish(obj, lex) else _inner_actor(obj, lex)


def _noun_roles(trig: Trigger, lex: Lexicon) -> tuple[Token | None, Token | None]:
    noun, light = trig.token, trig.light
    preps = lex.target_preps.get(trig.type or "", ())
    tgt = _prep_actor(noun, preps)
    if light is not None and light.pos_ == "NOUN":  # "Russia's imposition of sanctions on X"
        between = next(sx.prep_objects(noun, ("between",)), None)
        return _noun_agent(light, lex) or between, tgt or _prep_actor(light, preps)
    if light is not None:
        src = sx.subject(light) if noun.dep_ != "nsubjpass" else sx.agent(light)
        if tgt is None:
            tgt = _prep_actor(light, preps) or sx.child(light, ("dative",))
        return src, tgt
    src = _noun_agent(noun, lex)
    of = next(sx.prep_objects(noun, ("of",)), None)
    if of is not None:
        if trig.type in OF_IS_SOURCE and src is None:
            src = of
        elif tgt is None and trig.type not in OF_IS_SOURCE:
            tgt = of
    between = next(sx.prep_objects(noun, ("between",)), None)
    if between is not None and src is None:
        src = between
    if tgt is None and noun.dep_ in ("nsubj",) and noun.head.pos_ == "VERB":
        tgt = sx.child(noun.head, ("dobj",))
    return src, tgt


def _noun_agent(noun: Token, lex: Lexicon) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in NAME_ENTS or c.lemma_.lower() in lex.agents):
            return c
    return next(sx.prep_objects(noun, ("by",)), None)


# Prepositions of a thing-object that name the actor it belongs to or is aimed at, in order:
# its author or doer first ("condemned an attack *by* X", "welcomed memos *from* X"), then
# whom it concerns ("ties *with* Qatar", "shells *at* Seoul"). Not "in": a place.
_INNER_PREPS = ("by", "from", "with", "against", "on", "at", "between", "of", "to", "into")
_INNER_DEPTH = 2  # "a resumption *of* ties *with* X": things inside things, two levels down


def _inner_actor(thing: Token, lex: Lexicon, depth: int = _INNER_DEPTH) -> Token | None:
    """The actor inside a verb's object that is a thing, not an actor: its possessor or
    name/agent modifier ("Russia's invasion", "the American proposal", "rebel positions"),
    else the object of one of its prepositions ("ties with Qatar", "an attack by rebels"),
    else the same inside a thing of its "of" phrase ("a resumption of ties with Qatar")."""
    for c in thing.children:
        if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in ("their", "its", "his", "her"):
            continue  # "their resumption of ties with X": the doer, not whom it concerns
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < thing.i and (
                c.ent_type_ in NAME_ENTS or c.lemma_.lower() in lex.agents)):
            return c
    for prep in _INNER_PREPS:
        for pobj in sx.prep_objects(thing, (prep,)):
            if _actorish(pobj, lex):
                return pobj
    if depth > 1:
        for pobj in sx.prep_objects(thing, ("of",)):
            if pobj.pos_ == "NOUN":
                found = _inner_actor(pobj, lex, depth - 1)
                if found is not None:
                    return found
    return None


def _actorish(tok: Token, lex: Lexicon) -> bool:
    tok = sx.look_through(tok, lex.cues["quantity_heads"])
    return (tok.ent_type_ in NAME_ENTS or tok.pos_ in ("PROPN", "PRON")
            or tok.lemma_.lower() in lex.agents or lex.in_class(
                tok.lemma_.lower(), frozenset({"person", "civilian", "official", "captive"})))
