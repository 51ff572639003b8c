"""Indirect (reported) speech: the clause a speech verb reports, without quotation marks.

* "X said (that) …", "X told Y (that) …", "X warned that …", "…, X said": the ccomp of a cue
  verb with a speaker; a parenthetical "…, X said, …" reports the clause around it;
* "X announced a ban on …", "X called for new tariffs": the noun object of a speech verb
  whose object is what was said, when it reports no clause;
* "X believes (that) …", "a survey shows that …": the ccomp of a verb of belief or evidence;
  with a source of evidence as subject also its noun object ("a poll shows Clinton ahead");
* "X wants to …", "X plans to …": the infinitive clause of a verb of intention;
* "X called the charges baseless", "described the plan as reckless": object and predicate;
* "X was critical of the plan", "X is sure that …": the complement of a stance adjective;
* "X's claim that …", "X's call for new elections": what a speech noun of X's reports;
* "X called on Y to …", "X urged Y to …": the infinitive clause (xcomp) of a directive verb;
* "according to X, …" / "…, according to X": the rest of the sentence;
* "the plan was criticized by the union": the subject of a passive verb of speech or stance
  whose "by" agent can speak;
* "the mayor railed against the tax", "warned against hasty moves": the object of a verb of
  speaking out with its preposition (``data/prep_cues.txt``);
* "the council made a condemnation of the test", "a request from the union to reopen talks":
  a speech noun after a light verb, or with a "by"/"from" speaker;
* "the senator, a longtime critic of the tariff": the "of"/"for" object of a stance holder's
  noun (``data/stance_agents.txt``), held by the one it describes;
* "likened the network to the BBC", "portrayed himself as a champion": object and likeness;
* "the residents were frustrated that …": a stance adjective tagged as a passive participle;
* "said after the meeting he would not accept": a finite clause the parser hung on the cue
  as an adverbial clause.

What is denied is not said: a verb right after "rather than", "instead of" or "without"
reports nothing.

A reported clause that contains a direct speech quote is left to the direct quote (it is
counted as direct speech), and clauses inside quotation marks are part of their quote.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from . import lexicon
from .context import Ctx
from .syntax import (
    NOT_SPEAKERS,
    according_speaker,
    governing_subject,
    is_according,
    is_cue,
    own_subject,
    speaker_of,
)


@dataclass(frozen=True)
class Reported:
    """One indirect quote: content token range, cue and speaker tokens."""

    first: int
    last: int
    cue: Token
    speaker: Token | None  # None: passive speech with no source named ("it was reported")


def _trimmed(ctx: Ctx, first: int, last: int) -> tuple[int, int]:
    """Token range within the paragraph of ``first``, without leading/trailing punctuation,
    blanks and conjunctions."""
    doc = ctx.doc
    for i in range(first + 1, last):
        if ctx.para_of[i] != ctx.para_of[first]:
            last = i
            break
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space
                            or doc[last - 1].dep_ == "cc"):
        last -= 1
    return first, last


def is_belief(tok: Token) -> bool:
    """Whether ``tok`` is a verb of belief or evidence ("believes", "shows", "found")."""
    return tok.pos_ == "VERB" and lexicon.lemma_in(tok.lemma_.lower(), tok.lower_,
                                                   lexicon.belief_cues())


def is_intention(tok: Token) -> bool:
    """Whether ``tok`` is a verb of intention with an infinitive ("wants to", "plans to");
    "like" and "love" only as a wish ("would like to")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or not lexicon.lemma_in(lemma, tok.lower_, lexicon.intention_cues()):
        return False
    if lemma in WISH_ONLY and not any(c.dep_ == "aux" and c.lower_ in ("would", "'d")
                                      for c in tok.children):
        return False
    return any(c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)
               for c in tok.children)


#: Verbs of liking that state an intention only with "would" ("would like to visit").
WISH_ONLY = frozenset({"like", "love"})


def is_directive(tok: Token) -> bool:
    """Whether ``tok`` is a verb of urging with an infinitive clause ("implored her to run",
    "pressed the board to resign")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.directive_cues() and any(
        c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in tok.children)


def _prep_object(verb: Token) -> list[tuple[int, int]]:
    """The object of "railed against the tax", "lashed out at critics", "lobbied for the
    bill": a verb of speaking out with its preposition (and particle) from prep_cues.txt."""
    pairs = lexicon.prep_cues().get(verb.lemma_.lower())
    if not pairs or verb.pos_ != "VERB":
        return []
    words = {c.lower_ for c in verb.children}
    for c in verb.children:
        if c.dep_ == "prep" and any(p == c.lower_ and (prt is None or prt in words)
                                    for prt, p in pairs):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return [(objs[0].left_edge.i, objs[0].right_edge.i + 1)]
    return []


def is_stance(tok: Token) -> bool:
    """Whether ``tok`` is an active verb of stance with a noun object ("endorsed Clinton") or
    a pronoun object and a reason ("accused her of lying")."""
    return tok.pos_ == "VERB" and _stance_lemma(tok) and bool(_stance_object(tok))


def _stance_lemma(verb: Token) -> bool:
    """Whether ``verb`` is a verb of stance; "attacked", "hammered" only with a person as
    subject (an army that attacks a town says nothing)."""
    lemma = verb.lemma_.lower()
    if lexicon.lemma_in(lemma, verb.lower_, lexicon.stance_cues()):
        return True
    if lemma not in lexicon.person_stance_cues():
        return False
    subj = own_subject(verb)
    return subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in PERSONS
                                 or subj.lemma_.lower() in lexicon.role_nouns())


#: Personal pronouns that name a person (not "they": an army, a crowd).
PERSONS = frozenset({"he", "she", "i", "we"})


def _passive_subject(verb: Token) -> tuple[list[tuple[int, int]], Token | None]:
    """(ranges, speaker) of "the plan was criticized by the union", "Smith was endorsed by
    two papers", "he has been called a fraud by his rivals": a passive verb of speech or
    stance with a "by" agent that can speak; the subject (with a naming verb's predicate) is
    what the agent said of it."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not (lemma in lexicon.stance_cues() or lemma in
                                   lexicon.person_stance_cues() or is_cue(verb)):
        return [], None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((g for c in verb.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or agent is None or subj.pos_ == "PRON" or not _can_speak(agent):
        return [], None
    # "called a charlatan by": the name given is part of what was said
    preds = [c.right_edge.i for c in verb.children
             if c.dep_ in ("oprd", "attr", "xcomp") and subj.i < c.i < agent.i]
    return [(subj.left_edge.i, max([subj.right_edge.i] + preds) + 1)], agent


def _adjective_stance(adj: Token) -> tuple[list[tuple[int, int]], Token | None]:
    """(ranges, speaker) of "X was critical of the plan", "X is sure that it will pass": the
    that-clause or the object of a stance adjective that complements a copula, with the
    copula's subject when it can speak."""
    if adj.dep_ != "acomp" or adj.lemma_.lower() not in lexicon.stance_adjectives():
        return [], None
    ranges = [(c.left_edge.i, c.right_edge.i + 1) for c in adj.children if c.dep_ == "ccomp"
              or (c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children))]
    if not ranges:
        ranges = [(g.left_edge.i, g.right_edge.i + 1) for c in adj.children
                  if c.dep_ == "prep" and c.lower_ in ("of", "about", "to", "with")
                  for g in c.children if g.dep_ in ("pobj", "pcomp")][:1]
    return ranges, (_speaking_subject(adj.head) if ranges else None)


def _participle_stance(verb: Token, ctx: Ctx) -> tuple[list[tuple[int, int]], Token | None]:
    """(ranges, speaker) of a stance adjective the tagger read as a passive participle ("the
    residents were frustrated that the city ...", "came away convinced that ..."): its
    that-clause or its "about"/"over"/"with" object, held by its subject when that can speak."""
    if verb.tag_ != "VBN" or verb.lower_ not in lexicon.stance_adjectives():
        return [], None
    ranges = [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children if c.dep_ == "ccomp"
              and any(g.dep_ == "mark" for g in c.children)][:1]
    if not ranges:
        ranges = [(g.left_edge.i, g.right_edge.i + 1) for c in verb.children
                  if c.dep_ == "prep" and c.lower_ in ("about", "over", "with", "by")
                  for g in c.children if g.dep_ in ("pobj", "pcomp")][:1]
    if not ranges:
        return [], None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        subj = governing_subject(verb, ctx) if verb.dep_ in ("advcl", "xcomp", "conj") else None
    return (ranges, subj) if subj is not None and _can_speak(subj) else ([], None)


def _agent_of(noun: Token) -> Token | None:
    """The speaker named by "by"/"from" after a noun of speech ("warnings from his attorney
    that ...", "a decision by the court to ..."), when it can speak."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 for g in c.children if g.dep_ == "pobj" and _can_speak(g)), None)


def _possessed_speech(noun: Token, ctx: Ctx) -> tuple[list[tuple[int, int]], Token | None]:
    """(ranges, speaker) of "the union's claim that wages fell", "Smith's call for new
    elections": what a speech noun reports, said by its possessor when that can speak; or,
    with no possessor, by the subject of a light verb whose object it is ("the council made
    a strong condemnation of the test", "she voiced support for the plan")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.speech_nouns():
        return [], None
    light = noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs()
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or _agent_of(noun)
    if owner is None and light:
        owner = _speaking_subject(noun.head, ctx)
        if owner is None:
            return [], None
    elif owner is None or not (owner.lower_ in POSSESSIVES if owner.pos_ == "PRON"
                               else _can_speak(owner)):
        return [], None
    # a noun that is the subject of a later verb reports nothing past that verb ("the
    # council's decision to close the school angered parents")
    stop = noun.head.i if noun.head.i > noun.i else len(noun.doc)
    ranges = [(c.left_edge.i, min(c.right_edge.i + 1, stop)) for c in noun.children
              if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" or g.tag_ == "TO"
                                                    for g in c.children)]
    if not ranges:
        ranges = [(g.left_edge.i, g.right_edge.i + 1) for c in noun.children
                  if c.dep_ == "prep" and c.lower_ in NOUN_TOPICS
                  for g in c.children if g.dep_ in ("pobj", "pcomp")][:1]
    if not ranges and light:
        # the parser often hangs the topic on the light verb ("made the case for a tax")
        ranges = [(g.left_edge.i, g.right_edge.i + 1) for c in noun.head.rights
                  if c.i > noun.i and c.dep_ == "prep" and c.lower_ in NOUN_TOPICS
                  for g in c.children if g.dep_ in ("pobj", "pcomp")][:1]
    return ranges, (owner if ranges else None)


#: Verbs linking a subject to a noun that describes it ("is a critic of", "became a backer").
COPULAS = frozenset({"be", "become", "remain"})


def _stance_agent(noun: Token) -> tuple[list[tuple[int, int]], Token | None]:
    """(ranges, speaker) of "the senator, a longtime critic of the tariff", "she has been a
    vocal supporter of the treaty", "an advocate for school reform, Smith said": the object
    of a stance holder's "of"/"for", said by the one the noun describes (the subject of a
    copula, or the noun phrase in apposition) when that one can speak."""
    if noun.lemma_.lower() not in lexicon.stance_agents():
        return [], None
    objs = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
            for g in c.children if g.dep_ in ("pobj", "pcomp")]
    if not objs:
        return [], None
    holder = None
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    elif noun.dep_ == "appos":
        holder = noun.head
    else:
        holder = next((c for c in noun.children if c.dep_ == "appos"), None)
    if holder is None or holder.pos_ == "PRON" and holder.lower_ not in PERSONS | {"they"} \
            or not _can_speak(holder):
        return [], None
    return [(objs[0].left_edge.i, objs[0].right_edge.i + 1)], holder


#: Possessive pronouns that stand for a speaker ("his claim that", "their support for"),
#: resolved like "he" and "they".
POSSESSIVES = frozenset({"his", "her", "their", "its"})
#: Prepositions after a noun of speech or stance that introduce what it is about ("claim
#: about", "call for", "criticism of", "views on", "case against", "anger over";
#: not "to": "statements to the FBI" names the hearer).
NOUN_TOPICS = frozenset({"about", "for", "of", "on", "against", "over", "toward", "towards"})


def _stance_object(verb: Token) -> list[tuple[int, int]]:
    """The object of "praised the deal", with the reason of "accused X of lying" or "blamed X
    for the delay"; of "accused her of lying", only the reason."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"
                and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if obj is None:
        return []
    reasons = [c for c in verb.children if c.i > obj.i and c.dep_ == "prep"
               and c.lower_ in ("of", "for", "over", "as")]
    if obj.pos_ == "PRON":
        inner = [g for c in reasons for g in c.children if g.dep_ in ("pobj", "pcomp")]
        return [(inner[0].left_edge.i, inner[0].right_edge.i + 1)] if inner else []
    hi = max([obj.right_edge.i] + [c.right_edge.i for c in reasons])
    return [(obj.left_edge.i, hi + 1)]


def _infinitive(verb: Token) -> list[tuple[int, int]]:
    """The "to ..." clause of "wants to triple the program" (from "to" on)."""
    return [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children
            if c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)][:1]


def _evidence_object(verb: Token) -> list[tuple[int, int]]:
    """The noun object of a verb of evidence whose subject is a source of evidence ("a poll
    shows Clinton ahead", "video showed him with his hands raised")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lemma_.lower() not in lexicon.source_nouns():
        return []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
    if not objs:
        return []
    obj = objs[0]
    # "shows the mayor well ahead": what is predicated of the object hangs from the verb too
    hi = max([obj.right_edge.i] + [c.right_edge.i for c in verb.children if c.i > obj.i
                                   and c.dep_ not in ("punct", "cc", "conj", "prep")])
    return [(obj.left_edge.i, hi + 1)] if hi > obj.left_edge.i else []


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _clause(ctx: Ctx, verb: Token, speech: bool = True) -> list[tuple[int, int]]:
    """Token ranges of the clauses ``verb`` reports (in its paragraph); for a verb of belief
    (``speech`` false) only its clausal complement."""
    out = []
    directive = speech and verb.lemma_.lower() in lexicon.directive_cues()
    for child in verb.children:
        if ctx.para_of[child.i] != ctx.para_of[verb.i] or (
                is_cue(child) and child.tag_ in ("VBG", "VBN") and not _has_subject(child)):
            continue  # another paragraph, or a subject-less "adding" misread as a clause
        if child.dep_ == "ccomp" or (directive and child.dep_ == "xcomp" and any(
                g.tag_ == "TO" for g in child.children)):
            out.append((child.left_edge.i, _without_aside(child)))
    if not out and speech and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if head.i < verb.i:  # "…, X said."
            out.append((head.left_edge.i, verb.left_edge.i))
        elif _has_subject(head) and ctx.sent_of[head.i] == ctx.sent_of[verb.i]:
            # "The plan, X said, would cost more.": the clause around the parenthetical
            out.append((head.left_edge.i, head.right_edge.i + 1))
    if not out and speech:
        out.extend(_misread_clause(verb))
    if not out and speech:
        out.extend(_said_object(verb))
    if not out and not speech:
        out.extend(_evidence_object(verb))
    return out


def _misread_clause(verb: Token) -> list[tuple[int, int]]:
    """The reported clause the parser hung on the cue as an adverbial clause because a
    phrase came between them ("said after the meeting he would not accept the offer"): a
    finite clause after the cue, with a subject of its own and no conjunction ("because",
    "when") opening it."""
    for c in verb.rights:
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if c.dep_ == "advcl" and subj is not None \
                and not any(g.dep_ == "mark" or g.tag_ == "WRB" for g in c.children) \
                and (c.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
                    g.dep_ == "aux" and g.tag_ != "TO" for g in c.children)):
            # the phrase in between ("after the meeting") belongs to the cue, not the words
            lead = [g for g in c.children if g.i < subj.left_edge.i]
            lo = subj.left_edge.i if all(g.dep_ in ("prep", "npadvmod", "advmod", "punct")
                                         for g in lead) else c.left_edge.i
            return [(lo, c.right_edge.i + 1)]
    return []


#: Conjunctions opening an aside of the writer's after a reported clause ("…, although he …").
ASIDE_MARKS = frozenset({"although", "though", "while", "whereas"})


def _without_aside(head: Token) -> int:
    """The end of the clause headed by ``head`` without a trailing aside after a comma: a
    subject-less participle ("that he had his hands up, contradicting the police") or a
    concessive clause ("that it was smart, although he refused to ...")."""
    doc = head.doc
    for c in head.rights:
        lo = c.left_edge.i
        if c.dep_ != "advcl" or lo == 0 or doc[lo - 1].text != ",":
            continue
        participle = c.tag_ in ("VBG", "VBN") and not _has_subject(c) and lo == c.i
        if participle or any(g.dep_ == "mark" and g.lower_ in ASIDE_MARKS for g in c.children):
            return lo - 1
    return head.right_edge.i + 1


def _said_object(verb: Token) -> list[tuple[int, int]]:
    """The noun object of "announced a ban", "called for new tariffs" (not a pronoun), or the
    gerund clause of "called for eliminating the tax", "proposed raising it"."""
    lemma = verb.lemma_.lower()
    named = _naming(verb) or _topic(verb)
    if named:
        return named
    if lemma not in lexicon.object_cues():
        return []
    if lemma == "call":
        objs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children if g.dep_ in ("pobj", "pcomp")]
    else:  # "announced a ban", or a gerund clause: "proposed raising the tax"
        objs = [c for c in verb.children if c.dep_ == "dobj" or (
            c.dep_ == "xcomp" and c.tag_ == "VBG")]
    return [(o.left_edge.i, o.right_edge.i + 1) for o in objs[:1]
            if (o.right_edge.i > o.left_edge.i or _one_word_topic(o)) and (
                o.pos_ in ("NOUN", "PROPN") or (o.tag_ == "VBG" and o.dep_ != "dobj"))
            and o.lower_ not in EMPTY_OBJECTS]


#: Objects that say nothing of what was said ("threatens no one", "announced nothing").
EMPTY_OBJECTS = frozenset({"one", "nothing", "anything", "something", "everything", "nobody",
                           "anybody", "somebody", "everybody", "anyone", "someone",
                           "everyone"})


TOPIC_VERBS = frozenset({"speak", "talk", "write", "ask", "testify", "comment", "complain",
                         "warn", "boast", "joke", "tweet"})


def _topic(verb: Token) -> list[tuple[int, int]]:
    """What a speaker spoke about: "spoke of a rigged system", "asked about the emails",
    "discussed the tax plan"."""
    lemma = verb.lemma_.lower()
    if lemma == "discuss":
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    elif lemma in TOPIC_VERBS:
        objs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("about", "of", "on")
                for g in c.children if g.dep_ in ("pobj", "pcomp")]
    else:
        return []
    return [(o.left_edge.i, o.right_edge.i + 1) for o in objs[:1]
            if o.right_edge.i > o.left_edge.i or o.pos_ in ("NOUN", "PROPN")]


#: Verbs naming or describing something as something ("called the charges baseless",
#: "portrayed himself as a champion of workers").
NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "brand", "term", "consider",
                          "view", "regard", "see", "portray", "depict", "characterize",
                          "characterise"})
#: Verbs comparing something to something ("likened the network to the BBC").
LIKENING_VERBS = frozenset({"liken", "compare"})


def _naming(verb: Token) -> list[tuple[int, int]]:
    """What a speaker called something: "called the charges unsubstantiated", "described the
    plan as reckless", "dubbed him a fraud": the object with its predicate."""
    lemma = verb.lemma_.lower()
    if lemma not in NAMING_VERBS and lemma not in LIKENING_VERBS:
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"] or \
        [c for c in verb.children if c.dep_ == "dobj"]
    preds = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp")
             or (c.dep_ == "prep" and c.lower_ == "as")
             or (c.dep_ == "prep" and c.lower_ == "to" and lemma in LIKENING_VERBS)]
    if not objs or not preds:
        return []
    lo = min(objs[0].left_edge.i, preds[0].left_edge.i)
    hi = max(objs[0].right_edge.i, preds[0].right_edge.i) + 1
    return [(lo, hi)]


def _can_speak(tok: Token) -> bool:
    """Whether ``tok`` names someone who can speak: a person, organisation, country or group,
    a personal pronoun, or a noun of role, organisation or people ("critics", "voters")."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.lower_ in (
        "he", "she", "they", "we", "i") or lemma in lexicon.role_nouns() \
        or lemma in lexicon.org_nouns() or lemma in lexicon.people_nouns() \
        or tok.lower_ in INDEFINITES or lemma == "percent" \
        or (tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children)) \
        or (lemma in PORTIONS and any(_can_speak(g) for c in tok.children
                                      if c.dep_ == "prep" and c.lower_ == "of"
                                      for g in c.children if g.dep_ == "pobj"))


#: Nouns of number or part whose "of" phrase says who speaks ("a number of lawmakers", "a
#: chorus of Republicans", "the majority of voters"); "percent" alone stands for the people
#: polled ("73 percent said").
PORTIONS = frozenset({"number", "majority", "minority", "handful", "chorus", "group", "dozen",
                      "half", "third", "quarter", "share", "lot", "couple", "host"})


#: Indefinite pronouns for people, who speak as a group ("others have opposed it", "many
#: criticized the plan", "everyone agrees that", "no one expected it").
INDEFINITES = frozenset({"others", "many", "some", "few", "most", "several", "everyone",
                         "everybody", "someone", "somebody", "nobody", "anyone", "anybody"})


def _speaking_subject(verb: Token, ctx: Ctx | None = None) -> Token | None:
    """The subject of a stance verb when it can speak (not "the tanks backed …"): its own
    (the noun a relative clause hangs on for "who"/"that"), or with ``ctx`` that of the verb
    a subject-less participle or coordinated verb depends on ("filed papers opposing the
    sale", "met the unions and endorsed their plan")."""
    subj = governing_subject(verb, ctx) if ctx is not None else \
        next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and _can_speak(subj) else None


def _frames_what_follows(doc: Doc, hi: int) -> bool:
    """Whether the clause ends in ":" ("explained it as follows:"): what is reported comes
    after it, not in it."""
    return hi < len(doc) and doc[hi].text == ":"


def _according_clause(ctx: Ctx, tok: Token) -> tuple[int, int]:
    """The rest of the sentence of "according to X"."""
    start, end = ctx.sent(tok.i)
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if lo <= start + 1:
        return hi, end
    if hi >= end - 1:
        return start, lo
    return start, end


#: Words right before a verb that deny it happened: "rather than signaling a withdrawal",
#: "instead of endorsing him", "without mentioning the deal".
DENIALS = (("rather", "than"), ("instead", "of"), ("without",))


def _denied(ctx: Ctx, i: int, last_words: set[int]) -> bool:
    """Whether the verb at ``i`` is introduced as what was not done ("rather than ...");
    ``last_words`` are the ids of the denials' last words, a quick first test."""
    if i == 0 or int(ctx.lower_ids[i - 1]) not in last_words:
        return False
    before = tuple(ctx.lower(j) for j in range(max(0, i - 2), i))
    return any(before[-len(d):] == d for d in DENIALS)


def _candidates(ctx: Ctx) -> list[int]:
    """The tokens find_reported must look at: verbs, "according", the nouns whose lemma is a
    speech noun or a stance holder's noun, and the adjectives whose lemma is a stance
    adjective; no other token can report anything (every test of find_reported's branches
    wants one of these: a new branch must add its tokens here)."""
    pos, strings = ctx.pos_ids, ctx.doc.vocab.strings
    mask = (pos == VERB) | (pos == AUX) | (ctx.lower_ids == strings["according"])
    mask |= ctx.lemma_in(pos == NOUN, lexicon.speech_nouns() | lexicon.stance_agents())
    mask |= ctx.lemma_in(pos == ADJ, lexicon.stance_adjectives())
    return np.flatnonzero(mask).tolist()  # type: ignore[no-any-return]


def _unsourced(verb: Token) -> list[tuple[int, int]]:
    """What passive speech with no source named reports: the that-clause of "it was reported
    that ...", "it is believed that ..."; the subject and reason of "he was accused of
    lying", "the agency has been criticized for its delays". Its speaker stays unknown."""
    if verb.pos_ != "VERB" or not (is_cue(verb) or is_belief(verb) or _stance_lemma(verb)) \
            or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ == "agent" for c in verb.children):
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return []
    if subj.lower_ == "it":
        return [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children
                if c.dep_ == "ccomp"][:1]
    reasons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")
               and c.i > verb.i]
    if not reasons or subj.lower_ in DEMONSTRATIVES_AND_RELATIVES:
        return []
    return [(subj.left_edge.i, reasons[0].right_edge.i + 1)]


#: Subjects that do not stand for what a passive report is about by themselves.
DEMONSTRATIVES_AND_RELATIVES = frozenset({"this", "that", "these", "those", "which", "who",
                                          "what", "there"})


def _one_word_topic(tok: Token) -> bool:
    """Whether a one-word content is still what was said: a name or a noun ("endorsed
    Clinton", "declared bankruptcy"), not a date, number or pronoun ("said Monday")."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in NOT_SPEAKERS


def find_reported(ctx: Ctx, speech: list[bool]) -> list[Reported]:
    """Indirect quotes. ``ctx.owner[i]`` is the quoted stretch token ``i`` is in (or -1);
    ``speech[k]`` whether stretch ``k`` is a speech quote."""
    doc, quoted = ctx.doc, ctx.owner
    out: list[Reported] = []
    last_words = {doc.vocab.strings[d[-1]] for d in DENIALS}
    for i in _candidates(ctx):
        if quoted[i] != -1 or _denied(ctx, i, last_words):
            continue
        tok = doc[i]
        if is_according(tok):
            ranges = [_according_clause(ctx, tok)]
            speaker = according_speaker(tok)
        elif is_cue(tok) or is_belief(tok) or is_directive(tok):
            ranges = _clause(ctx, tok, speech=is_cue(tok) or is_directive(tok))
            if not ranges and is_stance(tok):  # "accused the agency of hiding it"
                ranges = _stance_object(tok)
            if not ranges:  # "warned against hackers"
                ranges = _prep_object(tok)
            if not ranges and is_intention(tok):  # "hopes to", "decided to": belief and intention
                ranges = _infinitive(tok)
            if ranges:
                speaker = speaker_of(tok, ctx)
            else:  # "the plan was criticized by the union"
                ranges, speaker = _passive_subject(tok)
        elif is_intention(tok):
            ranges = _infinitive(tok)
            speaker = speaker_of(tok, ctx) if ranges else None
        elif is_stance(tok):
            ranges = _stance_object(tok)
            speaker = _speaking_subject(tok, ctx)
        elif tok.pos_ == "VERB" and tok.dep_ != "amod":
            # "the residents were frustrated that ..."
            ranges, speaker = _participle_stance(tok, ctx)
            if not ranges:
                ranges = _prep_object(tok)
                if ranges:  # "railed against the tax"
                    speaker = _speaking_subject(tok, ctx)
                else:  # "the plan was criticized by the union"
                    ranges, speaker = _passive_subject(tok)
        elif tok.pos_ == "ADJ":
            ranges, speaker = _adjective_stance(tok)
        elif tok.pos_ == "NOUN":
            ranges, speaker = _possessed_speech(tok, ctx)
            if not ranges:  # "the senator, a longtime critic of the tariff"
                ranges, speaker = _stance_agent(tok)
        else:
            continue
        if speaker is None:
            ranges = _unsourced(tok)
        for lo, hi in ranges:
            lo, hi = _trimmed(ctx, lo, hi)
            inside = {quoted[i] for i in range(lo, hi)} - {-1}
            short = hi - lo < 2 and not (hi - lo == 1 and _one_word_topic(doc[lo]))
            if short or any(speech[k] for k in inside) or _frames_what_follows(doc, hi):
                continue
            out.append(Reported(lo, hi, tok, speaker))
    return out
