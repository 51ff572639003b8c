"""Who says what: speakers of sentences and quotations, and events coded from what is said.

* A speech verb's subject ("Mikdad said ...", "Putin was quoted saying ...") or "according to
  X" is the sentence's speaker. A sentence ending in a colon ("..., adding:") hands its speaker
  to the quotation that follows; a sentence that opens with a quotation mark and names no
  speaker takes the previous sentence's.
* Statements are coded by what they say: an action the speaker says someone must / should /
  needs to take, or that "it is necessary" for someone to take, is a REQUEST by the speaker; an
  action said to be "not on the agenda", or that "we cannot allow", is a REJECT; naming
  something with a condemning word ("called it a dangerous escalation") is an ACCUSE.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon, Sense
from .segment import Sentence
from .triggers import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

OPEN_QUOTES = ("“", '"', "‘", "«")
NEGATION_DEPS = ("neg",)


@dataclass
class SentenceInfo:
    """Speaker facts of one sentence."""

    speaker: Token | None = None  # subject of the main speech verb, or X of "according to X"
    according: Token | None = None
    carried: Token | None = None  # speaker handed over from the previous sentence
    quoted: bool = False  # the sentence opens with a quotation mark
    hands_over: bool = False  # ends with ":" (the next quotation is this speaker's)

    @property
    def voice(self) -> Token | None:
        """Who speaks in this sentence, if anyone."""
        return self.speaker or self.according or self.carried


def sentence_info(sent: Sentence, lex: Lexicon, previous: SentenceInfo | None) -> SentenceInfo:
    """Speaker facts of ``sent`` given the previous sentence's."""
    info = SentenceInfo()
    last = [t.text for t in sent.tokens[-3:]]
    info.quoted = sent.tokens[0].text[:1] in OPEN_QUOTES
    info.hands_over = ":" in last and not any(
        c.isalnum() for c in "".join(last[last.index(":") + 1:]))
    speech = lex.cues["speech"]
    if sent.lemmas & speech or "according" in sent.lemmas or "accord" in sent.lemmas:
        _find_speaker(sent, speech, info)
    if previous is not None and info.speaker is None and info.according is None and (
            previous.hands_over or (info.quoted and previous.voice is not None)):
        info.carried = previous.voice
    return info


def _find_speaker(sent: Sentence, speech: frozenset[str], info: SentenceInfo) -> None:
    for tok in sent.tokens:
        if tok.lower_ == "according":
            to = sx.child(tok, ("prep",))
            pobj = sx.child(to, ("pobj",)) if to is not None else None
            if pobj is not None:
                info.according = pobj
        elif info.speaker is None and tok.pos_ == "VERB" and tok.lemma_.lower() in speech:
            info.speaker = speaker_of(tok)


def speaker_of(verb: Token) -> Token | None:
    """Subject of a speech verb; "X was quoted (saying)" and "X is reported" give X."""
    node = verb
    for _ in range(3):
        own = sx.child(node, ("nsubj",))
        if own is not None:
            return own
        if sx.is_passive(node):
            return sx.child(node, ("nsubjpass",)) if node.lemma_ in (
                "quote", "report", "cite") else sx.agent(node)
        if node.dep_ in ("xcomp", "advcl", "conj") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        break
    return None


def speech_above(tok: Token, lex: Lexicon) -> Token | None:
    """The speech verb whose complement contains ``tok`` ("said [Iran will withdraw]")."""
    node = tok
    for _ in range(8):
        head = node.head
        if head is node:
            return None
        if head.pos_ == "VERB" and head.lemma_.lower() in lex.cues["speech"] and node.dep_ in (
                "ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj", "acl"):
            return head
        node = head
    return None


def necessity(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb is something someone must / should / needs to do."""
    modals = lex.cues["necessity_modals"]
    for c in verb.children:
        if c.dep_ == "aux" and c.tag_ == "MD" and c.lemma_.lower() in modals:
            return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need", "ought"):
        return True
    words = lex.cues["necessity_words"]
    if head.lemma_.lower() in words and head.pos_ in ("ADJ", "NOUN"):
        return True
    if verb.dep_ in ("advcl", "ccomp", "xcomp", "csubj") and head.lemma_ == "be":
        return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words
                   for c in head.children)
    return False


def negated(tok: Token) -> bool:
    """Whether the word has a negation ("not", "n't") among its children."""
    return any(c.dep_ in NEGATION_DEPS for c in tok.children)


def refusal(trig: Trigger, lex: Lexicon) -> bool:
    """An event said to be off the agenda / impossible: "withdrawal is not on the agenda"."""
    tok = trig.anchor
    head = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj") else tok
    if not negated(head):
        return False
    preds = lex.cues["refusal_preds"]
    for c in head.subtree:
        if c.lemma_.lower() in preds and c.i > tok.i:
            return True
    return head.lemma_.lower() in lex.cues["refusal_verbs"]


def first_sense(lemma: str, lex: Lexicon) -> Sense | None:
    """The first coded reading of a verb, whatever its conditions (for demands)."""
    for sense in lex.verbs.get(lemma) or ():
        if not sense.skip and sense.cameo and not sense.frame:
            return sense
    return None


def naming_target(verb: Token, lex: Lexicon) -> Token | None | bool:
    """For "X called Y a dangerous escalation": False when no condemning word follows the verb;
    else the first name after it (None when there is none)."""
    sent = verb.sent
    negative = lex.cues["negative"]
    words = [t for t in sent if t.i > verb.i][:30]
    if not any(t.lemma_.lower() in negative or t.lower_ in negative for t in words):
        return False
    for t in words:
        if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            return t
    return None
