"""Dependency helpers over spaCy tokens: subjects, objects, agents, prepositional phrases.

The parser's labels are ClearNLP-style (spaCy English): nsubj, nsubjpass, dobj, agent, prep,
pobj, xcomp, ccomp, advcl, conj, relcl, acl, pcomp.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj",)
INHERIT_UP = ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "ccomp")
# Verbs whose object is the subject of their infinitive ("urged Iran to withdraw").
OBJECT_CONTROL = frozenset({
    "urge", "ask", "order", "force", "help", "allow", "tell", "call", "press", "pressure",
    "invite", "persuade", "compel", "encourage", "require", "authorize", "permit", "enable",
    "let", "push", "implore", "beg", "appeal", "warn", "advise", "instruct", "assist",
    "pressurize", "oblige", "get", "want", "expect", "need"})


def child(tok: Token, deps: Iterable[str]) -> Token | None:
    """The first child of ``tok`` with one of the dependency labels ``deps``."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def is_infinitive(verb: Token) -> bool:
    """Whether the verb has an infinitive "to" ("to help", "to take")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """Whether the verb is passive (has a passive subject or auxiliary)."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def look_through(tok: Token, quantity: frozenset[str]) -> Token:
    """From "thousands of troops" to "troops" (up to three steps)."""
    for _ in range(3):
        if tok.lemma_.lower() not in quantity and not tok.like_num:
            return tok
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = child(of, ("pobj",)) if of is not None else None
        if pobj is None:
            return tok
        tok = pobj
    return tok


PARTICLES = frozenset({"off", "out", "up", "down", "back", "away", "over", "in"})


def particles(verb: Token) -> set[str]:
    """Particles of a phrasal verb; the parser sometimes makes them prepositions
    ("cordoned off the roads")."""
    return {c.lower_ for c in verb.children
            if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in PARTICLES)
            or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES and c.i > verb.i)}


#: Particles the small model often parses as adverbs ("pull back from", "won back two towns").
ADVERB_PARTICLES = frozenset({"back", "off", "out", "down"})


def preps(verb: Token) -> set[str]:
    """Lemmas of prepositions attached to ``verb`` (including the passive agent "by")."""
    out = {c.lower_ for c in verb.children if c.dep_ in ("prep", "agent", "dative")}
    return out


def prep_objects(tok: Token, names: Iterable[str]) -> Iterator[Token]:
    """Objects of the prepositions ``names`` under ``tok`` ("met *with* Assad")."""
    wanted = set(names)
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in wanted:
            if c.dep_ == "dative" and c.pos_ != "ADP":
                yield c
                continue
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield g


def direct_object(verb: Token) -> Token | None:
    """The object of an active verb or the subject of a passive one."""
    obj = child(verb, OBJ)
    if obj is None and is_passive(verb):
        obj = child(verb, PASSIVE_SUBJ)
    if obj is None:
        obj = child(verb, ("attr", "oprd")) if verb.lemma_ != "be" else None
    return obj


def agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb."""
    by = child(verb, ("agent",))
    return child(by, ("pobj",)) if by is not None else None


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The doer of ``verb``: its subject, the passive agent, or one inherited up the clause
    ("After meeting with Assad, Putin said" -> Putin; "urged Iran to withdraw" -> Iran)."""
    own = child(verb, SUBJ)
    if own is not None:
        return own
    if is_passive(verb):
        # inherited into a passive clause ("After meeting Assad, Putin was quoted"): its subject
        return agent(verb) if depth == 0 else child(verb, PASSIVE_SUBJ)
    if depth > 3 or verb.dep_ == "ROOT":
        return None
    head = verb.head
    dep = verb.dep_
    if dep == "conj" and passive_conjunct(verb):
        # "were injured and airlifted": the conjunct shares the passive; its subject is
        # done to, the doer is an agent if any
        return agent(verb) or agent(head)
    if dep == "xcomp" and head.lemma_ in OBJECT_CONTROL:
        obj = child(head, OBJ)
        if obj is not None:
            return obj
    if dep in ("relcl",) or (dep == "acl" and verb.tag_ == "VBG"):
        return head
    if dep == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and head.pos_ in (
            "NOUN", "PROPN"):
        return head  # a finite verb the small model hangs from a verbless "root" noun: "The
        # rebels handed over their weapons" parsed as a noun phrase
    if dep == "acl" and verb.tag_ == "VBN":
        return agent(verb)
    if dep == "pcomp" and head.dep_ == "prep":
        head = head.head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp"):
        head = head.head  # "Arnor is about to restore", "is ready to sign": the subject of "is"
    if dep in INHERIT_UP or dep == "pcomp":
        if head.pos_ in ("VERB", "AUX"):
            return subject(head, depth + 1)
        if dep == "conj":
            return None
    return None


def passive_conjunct(verb: Token) -> bool:
    """A participle coordinated with a passive verb shares its passive ("were injured and
    airlifted", "were injured, and airlifted": the small model tags the second as a past tense
    after a comma). With its own auxiliary, subject or object it is a clause of its own."""
    if verb.tag_ not in ("VBN", "VBD") or not is_passive(verb.head):
        return False
    own = ("aux", "auxpass", "nsubj", "nsubjpass") if verb.tag_ == "VBN" else (
        "aux", "auxpass", "nsubj", "nsubjpass", "dobj", "dative")
    return not any(c.dep_ in own for c in verb.children)


def passive_target(verb: Token) -> Token | None:
    """What a passive verb or a past-participle modifier is done to."""
    if is_passive(verb):
        return child(verb, PASSIVE_SUBJ)
    if verb.dep_ == "conj" and passive_conjunct(verb):
        return child(verb.head, PASSIVE_SUBJ)  # "were injured and airlifted"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return None


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the words coordinated with it ("Syria and Iran")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(c))
    return out[:6]


def left_span(tok: Token) -> tuple[int, int]:
    """Character span of ``tok`` with its left modifiers ("Syrian Deputy Foreign Minister
    Faisal Mikdad"), without what follows it."""
    start = tok.left_edge.idx
    return start, tok.idx + len(tok.text)


def clause_verbs(tok: Token, stop: frozenset[str]) -> list[Token]:
    """The verbs from ``tok`` up the tree until a verb whose lemma is in ``stop`` (a speech
    verb) or the root; ``tok`` itself first."""
    out: list[Token] = []
    node = tok
    for _ in range(8):
        out.append(node)
        if node.dep_ == "ROOT" or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in stop and node.pos_ in ("VERB", "AUX"):
            break
    return out
