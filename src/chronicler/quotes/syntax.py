"""Dependency-parse helpers: cue verbs, their speakers, noun-phrase and entity spans."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .context import Ctx
from .model import Span as CharSpan

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVES = frozenset({"who", "that", "which", "whom"})
#: Dependencies along which a subject-less verb takes the subject of its head.
CLIMB = frozenset({"advcl", "xcomp", "acl", "conj", "pcomp", "ccomp", "dep", "oprd", "prep",
                   "dobj", "pobj", "appos"})
NONFINITE_TAGS = frozenset({"VBG", "VBN", "VB", "TO"})
#: Passive verbs whose grammatical subject is the speaker ("Putin was quoted saying").
PASSIVE_SPEAKER = frozenset({"quote", "cite", "report", "hear", "record", "overhear"})
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
EXPLETIVES = frozenset({"it", "there"})
NP_RIGHT = frozenset({"compound", "flat", "nummod", "case"})
#: Entity types that never speak ("5:45 p.m. said" is a misparse; "73 percent said" of a poll's
#: respondents does speak).
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "ORDINAL"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "what", "which", "there", "here"})
MAX_CLIMB = 5


def is_cue(tok: Token) -> bool:
    """Whether ``tok`` is a speech-act verb ("said", "warned", "called" with a complement)."""
    lemma = tok.lemma_.lower()
    if lemma == "put" and tok.pos_ == "VERB":
        return as_put_it(tok)
    if tok.pos_ not in ("VERB", "AUX") or not lexicon.lemma_in(lemma, tok.lower_, lexicon.cues()):
        return False
    if lemma == "call":
        return any(c.dep_ in ("oprd", "xcomp", "ccomp") or
                   (c.dep_ == "prep" and c.lower_ in ("on", "for", "upon")) for c in tok.children)
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return True


def as_put_it(verb: Token) -> bool:
    """Whether ``verb`` is the "put" of "as the senator put it": the formula that attributes
    the words around it, with "it" as object and "as" opening the clause."""
    kids = list(verb.children)
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids) and \
        any(c.dep_ in ("mark", "advmod", "prep") and c.lower_ == "as" and c.i < verb.i
            for c in kids)


def is_according(tok: Token) -> bool:
    """Whether ``tok`` is the "according" of "according to X"."""
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to"


def cue_span(tok: Token) -> CharSpan:
    """The cue words: the verb with its particle or "on"/"for" ("pointed out", "called on")."""
    end = tok.idx + len(tok.text)
    for child in tok.children:
        if child.i == tok.i + 1 and (child.dep_ == "prt" or (
                child.dep_ == "prep" and child.lower_ in ("on", "for", "upon", "to"))):
            end = child.idx + len(child.text)
    return tok.idx, end


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def own_subject(verb: Token) -> Token | None:
    """The speaker given by the verb's own arguments, or ``None``."""
    kids = list(verb.children)
    if _passive(verb):
        for c in kids:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                return objs[0] if objs else None
        if verb.lemma_.lower() in PASSIVE_SPEAKER:
            subj = [c for c in kids if c.dep_ == "nsubjpass"]
            if subj and subj[0].lower_ not in EXPLETIVES:
                return subj[0]
        return None
    for c in kids:
        if c.dep_ in SUBJECTS:
            if c.lower_ in RELATIVES and verb.dep_ == "relcl":
                return verb.head
            return None if c.lower_ in EXPLETIVES else c
    return None


def valid_speaker(tok: Token | None) -> Token | None:
    """``tok`` when it can head a speaker mention (a noun or personal pronoun), else None."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN", "PRON") or tok.ent_type_ in NOT_SPEAKERS:
        return None
    if is_dateline(tok):
        return None
    return None if tok.lower_ in DEMONSTRATIVES else tok


def is_dateline(tok: Token) -> bool:
    """Whether ``tok`` is in an upper-case place name opening a line ("CROMWELL, Conn. —",
    "RIDGE FARM, Ill."): a dateline, never a speaker."""
    first = tok.left_edge.i
    words = tok.doc[first:tok.i + 1]
    if not all(w.is_alpha and w.is_upper and len(w) > 1 for w in words):
        return False
    after = tok.doc[tok.i + 1].text if tok.i + 1 < len(tok.doc) else ""
    return after in (",", "—", "–", "-", "(") and (
        first == 0 or "\n" in tok.doc[first - 1].text_with_ws)


def governing_subject(cue: Token, ctx: Ctx) -> Token | None:
    """The subject of ``cue``, or of the verb a subject-less participle, infinitive or
    coordinated ``cue`` depends on. Subjects inside quotation marks are misparses: skipped."""
    verb = cue
    for _ in range(MAX_CLIMB):
        found = own_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if found is not None:
            return valid_speaker(found) if ctx.owner[found.i] == -1 else None
        if verb.pos_ in ("VERB", "AUX") and _passive(verb):
            return None
        finite = verb.pos_ in ("VERB", "AUX") and verb.tag_ not in NONFINITE_TAGS
        if verb.head is verb or verb.dep_ not in CLIMB or (finite and verb.dep_ != "conj") \
                or ctx.para_of[verb.head.i] != ctx.para_of[cue.i]:
            break
        verb = verb.head
    return None


def noun_head(tok: Token) -> Token:
    """Up from a compound or apposition to the head of its noun phrase."""
    for _ in range(3):
        if tok.dep_ not in ("compound", "flat", "appos") or tok.head is tok \
                or abs(tok.head.i - tok.i) > 4:
            break
        tok = tok.head
    return tok


def adjacent_speaker(cue: Token, ctx: Ctx) -> Token | None:
    """The noun phrase right before the cue ("Flynn, a top surrogate, said") or, after a
    quotation mark or comma, right after it ("…,” said the minister"), outside quotes."""
    doc = cue.doc
    j = cue.i - 1
    while j >= 0 and (doc[j].pos_ in ("ADV", "AUX", "PART") or doc[j].text == ","):
        j -= 1
    if j >= 0 and ctx.owner[j] == -1 and doc[j].pos_ in ("NOUN", "PROPN", "PRON"):
        before = noun_head(doc[j])
        owner = valid_speaker(phrase_owner(before)) if before.dep_ == "pobj" else None
        return owner or valid_speaker(before)
    k = cue.i + 1
    while k < len(doc) and doc[k].pos_ in ("DET", "ADJ") and k - cue.i < 4:
        k += 1
    if k < len(doc) and ctx.owner[k] == -1 and doc[k].pos_ in ("NOUN", "PROPN") \
            and ctx.para_of[k] == ctx.para_of[cue.i]:
        tok = doc[k]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i - k < 6:
            tok = tok.head
        return valid_speaker(tok)
    return None


def phrase_owner(pobj: Token) -> Token | None:
    """For a noun inside a prepositional phrase right before a cue ("Protesters marching
    through the streets chanted"), the one the phrase describes: the noun it modifies, or the
    subject of the participle it belongs to (or the noun that participle modifies). The noun
    of a prepositional phrase is never the subject itself."""
    head = pobj.head.head if pobj.head.dep_ == "prep" else None
    if head is None:
        return None
    if head.pos_ in ("NOUN", "PROPN"):
        return head
    if head.pos_ == "VERB":
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def speaker_of(cue: Token, ctx: Ctx) -> Token | None:
    """The head token of the speaker of ``cue``: its subject; for a participle, infinitive or
    coordinated verb without one, the subject of the verb it depends on ("Putin was quoted
    saying", "clarified his comment, saying"); for a subject-less "adding:", the nearest
    subject before it in the sentence; failing all, the noun phrase next to the cue."""
    found = governing_subject(cue, ctx)
    if found is not None:
        return found
    if cue.tag_ in NONFINITE_TAGS:
        lo = ctx.sent(cue.i)[0]
        before = [t for t in cue.doc[lo:cue.i] if t.dep_ == "nsubj" and ctx.owner[t.i] == -1
                  and t.lower_ not in RELATIVES | EXPLETIVES]
        if before:
            return valid_speaker(before[-1])
        return None
    if _passive(cue):
        return None
    return adjacent_speaker(cue, ctx)


def according_speaker(tok: Token) -> Token | None:
    """The X of "according to X"."""
    to = tok.nbor()
    objs = [c for c in to.children if c.dep_ == "pobj"] or \
        [c for c in tok.children if c.dep_ == "pobj"]
    return valid_speaker(objs[0]) if objs else None


def _extends_np(head: Token, child: Token) -> bool:
    """Whether a right dependent belongs in the speaker phrase: compounds; the preposition
    phrases of a common noun ("envoy to Syria"); a name in apposition ("envoy Bashar
    al-Jaafari", "the spokesman, Ali Rabiei")."""
    if child.dep_ in NP_RIGHT:
        return True
    if head.pos_ != "NOUN":
        return False
    return child.dep_ == "prep" or (child.dep_ == "appos" and child.pos_ == "PROPN")


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``tok``, without relative clauses
    or parentheticals on its right."""
    start = tok.left_edge.i
    end = tok.i + 1
    doc = tok.doc
    for child in tok.rights:
        gap = doc[end:child.left_edge.i]
        if any(not t.is_punct or t.text not in ",-—–" for t in gap) or not _extends_np(tok, child):
            break
        end = child.right_edge.i + 1
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end - 1 > tok.i and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def char_span(doc: Doc, start: int, end: int) -> CharSpan:
    """Character offsets of tokens [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _with_given_names(ent: Span, np_start: int) -> Span:
    """``ent`` extended left over capitalised name words the tagger left out ("Leyla" of
    "Leyla Demir"), stopping at titles ("Minister", "Sen.")."""
    doc, start = ent.doc, ent.start
    while start > np_start:
        prev = doc[start - 1]
        low = prev.lower_
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() \
                or prev.ent_type_ not in ("", ent.label_) \
                or low in lexicon.honorifics() or low in lexicon.role_nouns():
            break
        start -= 1
    return doc[start:ent.end] if start < ent.start else ent


def speaker_entity(tok: Token, np: tuple[int, int], ctx: Ctx) -> Span | None:
    """The named-entity span standing for the speaker inside its noun phrase, if any."""
    doc = tok.doc
    ents = [e for e in ctx.ents_in(*np) if e.label_ in SPEAKER_LABELS]
    for e in ents:
        if e.start <= tok.i < e.end:
            return _with_given_names(e, np[0])
    ents = [e for e in ents if e.root.dep_ != "poss" and e[-1].dep_ != "case"]
    for label in SPEAKER_LABELS:
        chosen = [e for e in ents if e.label_ == label]
        if chosen:
            return chosen[-1]
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        start = tok.i
        while start > np[0] and doc[start - 1].pos_ == "PROPN":
            start -= 1
        return doc[start:tok.i + 1]
    return None


def speaker_spans(tok: Token, ctx: Ctx) -> tuple[CharSpan, CharSpan]:
    """(speaker, speaker_np) character spans for the speaker head ``tok``."""
    np = noun_phrase(tok)
    ent = speaker_entity(tok, np, ctx)
    np_chars = char_span(tok.doc, *np)
    if ent is None:
        return np_chars, np_chars
    start, end = ent.start_char, ent.end_char
    text = ent.text
    cut = text.find("(")
    if cut > 0 and ")" not in text[cut:]:
        end = start + len(text[:cut].rstrip())  # "DEBKAfile (DF": the tagger cut a parenthesis
    return (start, end), np_chars
