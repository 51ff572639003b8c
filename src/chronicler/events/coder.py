"""EventCoder: PLOVER events with CAMEO codes from a parsed Doc and its ActorTable.

Per sentence: event words (triggers.py) -> frames (frames.py) -> statements (statements.py) ->
one draft event per (source, target) pair with modality and confidence -> merged per article
(assemble.py). Pure and deterministic: all data is loaded in ``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..nlp.text import doc_text
from ..types import ActorRef, Event
from . import statements as st
from . import syntax as sx
from .args import ActorFinder, actor_key, roles
from .assemble import CEIL, FLOOR, Draft, confidence, merge, refine_mode
from .calibration import Calibration
from .frames import apply_frames
from .gate import DraftView, Gate, features
from .lexicon import Lexicon, Sense
from .modality import Cues, decide, read_cues
from .petrarch import apply_user_verbs, load_user_verbs
from .segment import Sentence, segments
from .triggers import Trigger, find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors.kb import KnowledgeBase
    from ..actors.resolve import ActorTable

MAX_PAIRS = 4  # events per mention when its source or target is a list of actors
_EMPTY = Sense()  # the sense of a statement event with no coded inner action
_SAID = Cues()  # statement events: the saying itself is asserted


class EventCoder:
    """Codes the events of one article; holds only read-only data."""

    def __init__(self, kb: KnowledgeBase | None = None,
                 verb_files: tuple[str, ...] = (), *, gate: Gate | None | bool = True,
                 recorder: Callable[[DraftView], None] | None = None,
                 calibration: Calibration | None | bool = True) -> None:
        """``gate``: True loads the shipped gate, False or None codes without one;
        ``recorder`` sees every draft before the gate (training) and disables the gate;
        ``calibration``: True maps the rule score through the shipped calibration
        (calibration.py), False or None leaves the rule score (fitting it)."""
        from ..actors import load_kb

        self.gate = Gate.load() if gate is True else (gate or None)
        self.calibration = Calibration.load() if calibration is True else (calibration or None)
        self.recorder = recorder

        self.lex = Lexicon()
        # The user's verb dictionaries (PETRARCH format): their senses win over the lexicon's.
        self.user_verbs = load_user_verbs(verb_files) if verb_files else None
        if self.user_verbs:
            self.lex.add_verbs(self.user_verbs.senses(), self.user_verbs.classes())
        # Country adjectives for actors the table does not name ("the Iraqi prime minister").
        self._country = (kb or load_kb()).country

    def code(self, doc: Doc, table: ActorTable, *, published: str | None = None) -> list[Event]:
        """Events of ``doc`` in text order, ids "e1", "e2", ..."""
        year = _year(published)
        toks = list(doc)  # one Token object per word (spaCy makes a new one on every access)
        finder = ActorFinder(doc, table, self.lex, doc_text(doc), self._country)
        drafts: list[Draft] = []
        previous: st.SentenceInfo | None = None
        scene = False  # the previous segment reports a protest
        for sent in segments(doc, toks):
            info = st.sentence_info(sent, self.lex, previous)
            here = bool(sent.lemmas & self.lex.cues["protest_scene"])
            drafts.extend(self._sentence(sent, info, finder, year, scene or here))
            previous, scene = info, here
        return [replace(e, id=f"e{i}") for i, e in enumerate(merge(drafts), start=1)]

    # --- one sentence -------------------------------------------------------------------------

    def _sentence(self, sent: Sentence, info: st.SentenceInfo, finder: ActorFinder,
                  year: int | None, scene: bool = False) -> list[Draft]:
        lex = self.lex
        triggers = find_triggers(sent, lex)
        if self.user_verbs:
            triggers = apply_user_verbs(triggers, sent, lex, self.user_verbs)
        apply_frames(triggers, lex)
        _mark_nested(triggers, lex.cues["topic_heads"])
        triggers.extend(self._statements(sent, info, triggers))
        out: list[Draft] = []
        for trig in triggers:
            if trig.consumed or trig.type is None or trig.nested:
                continue  # a nested event is the topic of another one, coded where reported
            if scene and _crowd_voice(trig, self.lex):
                self._recode(trig, "141")  # protesters' demands: PLOVER codes the protest
            elif trig.type == "ASSAULT" and _rioters(trig, self.lex):
                self._recode(trig, "145")  # protesters fighting or clashing: a violent protest
            out.extend(self._drafts(trig, sent, info, finder, year))
        return out

    def _statements(self, sent: Sentence, info: st.SentenceInfo,
                    triggers: list[Trigger]) -> list[Trigger]:
        """Events coded from what a speaker says (demands, refusals, accusations)."""
        lex, out = self.lex, []
        by_anchor = {t.anchor.i: t for t in triggers if not t.consumed}
        cues = lex.cues
        maybe = sent.lemmas & (cues["necessity_modals"] | cues["necessity_words"]
                               | cues["refusal_verbs"] | cues["naming"])
        for tok in sent.tokens if maybe else ():
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            made = self._naming(tok, by_anchor)
            if made is None and _elaborates(tok, by_anchor, lex):
                continue  # "accused X of shelling, saying those responsible must pay"
            if made is None and (st.necessity(tok, lex) or (
                    tok.i not in by_anchor and tok.lemma_.lower() in cues["refusal_verbs"])):
                voice = self._voice(tok, info)
                if voice is not None:
                    made = (self._demand(tok, voice, by_anchor.get(tok.i))
                            or self._refusal(tok, voice, by_anchor.get(tok.i)))
            if made is not None:
                out.append(made)
        for trig in triggers:
            voice = self._voice(trig.anchor, info)
            if not trig.consumed and voice is not None and trig.how == "lexicon" \
                    and st.refusal(trig, lex):
                out.append(self._derived(trig.anchor, "refuse", trig, voice, None))
                trig.consumed = True
        return out

    def _voice(self, tok: Token, info: st.SentenceInfo) -> Token | None:
        speech = st.speech_above(tok, self.lex)
        if speech is not None:
            return st.speaker_of(speech)
        return info.according or info.carried

    def _demand(self, verb: Token, voice: Token, trig: Trigger | None) -> Trigger | None:
        if not st.necessity(verb, self.lex):
            return None
        subj = sx.subject(verb)
        if subj is not None and self.lex.pronouns.get(subj.lower_) == "speaker":
            return None  # "we must act": the speaker's own intent, not a demand
        made = self._derived(verb, "demand", trig, voice, subj)
        if trig is not None:
            trig.consumed = True
        return made

    def _refusal(self, verb: Token, voice: Token, trig: Trigger | None) -> Trigger | None:
        if trig is not None or verb.lemma_.lower() not in self.lex.cues["refusal_verbs"]:
            return None
        if not st.negated(verb):
            return None
        return self._derived(verb, "refuse", None, voice, None)

    def _naming(self, verb: Token, by_anchor: dict[int, Trigger]) -> Trigger | None:
        if verb.lemma_.lower() not in self.lex.cues["naming"]:
            return None
        own = by_anchor.get(verb.i)
        if own is not None and not own.sense.weak:
            return None
        if sx.child(verb, ("nsubj",)) is None:
            return None
        target = st.naming_target(verb, self.lex)
        if target is False:
            return None
        trig = self._derived(verb, None, None, sx.child(verb, ("nsubj",)), None)
        coding = self.lex.coding("111")
        trig.cameo, trig.type = "111", coding.type if coding else "ACCUSE"
        trig.mode = coding.mode if coding else None
        trig.target_tok = target or None
        if own is not None:
            own.consumed = True  # "called X a provocation" is no phone call
        return trig

    def _derived(self, verb: Token, frame: str | None, inner: Trigger | None, voice: Token,
                 target: Token | None) -> Trigger:
        """A statement event by ``voice`` coded through ``frame`` from the inner action."""
        sense = inner.sense if inner is not None else st.first_sense(verb.lemma_.lower(),
                                                                        self.lex)
        inner_code = inner.cameo if inner is not None else (sense.cameo if sense else None)
        trig = Trigger(token=verb, sense=sense or _EMPTY, kind="verb", how="statement")
        trig.source_tok, trig.target_tok = voice, target
        if frame is not None:
            spec = self.lex.frames[frame]
            stopped = st.negated(verb) or verb.lemma_.lower() in self.lex.stop_words
            code = spec.code_for(inner_code, stopped)
            coding = self.lex.coding(code)
            if coding is not None and coding.type:
                trig.cameo, trig.type, trig.mode, trig.context = code, coding.type, \
                    coding.mode, coding.context
        return trig

    # --- events of one trigger ----------------------------------------------------------------

    def _drafts(self, trig: Trigger, sent: Sentence, info: st.SentenceInfo,
                finder: ActorFinder, year: int | None) -> list[Draft]:
        lex, lemmas, span = self.lex, sent.lemmas, sent.span
        voice = finder.ref(info.voice) if info.voice is not None else None
        if trig.how == "statement":
            sources = [r for r in [finder.ref(trig.source_tok)] if r is not None]
            targets = finder.refs(trig.target_tok, voice)
        else:
            found = roles(trig, finder, lex, voice)
            sources, targets = found.sources, found.targets
            if trig.source_tok is not None:
                sources = finder.refs(trig.source_tok, voice) or sources
            if trig.pattern_target is not None:
                targets = finder.refs(trig.pattern_target, voice) or targets
        if not self._plausible(trig, sources, targets, lemmas):
            return []
        if trig.type == "MOBILIZE" and lemmas & lex.cues["disaster"] \
                and not lemmas & lex.cues["attack"]:
            self._recode(trig, "073")  # forces mobilised for disaster relief: AID (PLOVER)
        cues = read_cues(trig, lex, year) if trig.how != "statement" else _SAID
        if cues.background:
            return []  # an old event recalled to date the news one
        if cues.refusal and trig.type in COOPERATIVE and trig.how == "lexicon":
            code = lex.frames["refuse"].code_for(trig.cameo)
            self._recode(trig, code or "120")  # "will not release" = declines to release
            cues = _SAID
        reporter = self._reporter(trig, cues.speech, info, finder, voice, lemmas)
        src0 = sources[0] if sources else None
        if trig.type == "ASSAULT" and _own_claim(cues.speech, reporter, src0):
            return []  # "X claimed it had attacked Y": a claim of responsibility (CAMEO 015)
        reported_by = reporter.name if reporter is not None and actor_key(reporter) != \
            actor_key(src0) else None
        modality = decide(cues, reported_by is not None or bool(lemmas & lex.cues["hearsay"]))
        mode = refine_mode(trig, lex)
        conf = confidence(trig, src0, bool(targets), len(sent.tokens), modality)
        if self.recorder is not None or self.gate is not None:
            view = DraftView(trig, modality, src0, bool(targets), reported_by is not None,
                             len(sent.tokens), conf)
            if self.recorder is not None:
                self.recorder(view)
            elif self.gate is not None:
                p = self.gate.probability(features(view))
                if p < self.gate.threshold:
                    return []
                conf = round(min(CEIL, max(FLOOR, p)), 3)
        elif self.calibration is not None:  # the rule score as a probability (fitted)
            conf = round(self.calibration(conf), 3)
        evidence = (span.start_char, span.end_char, span.text)
        out = []
        for src in (sources or [None])[:MAX_PAIRS]:
            for tgt in (targets or [None])[:MAX_PAIRS]:
                out.append(Draft.make(trig, mode, src, tgt, modality, reported_by, conf,
                                      evidence, sent.index))
        return out[:MAX_PAIRS]

    def _recode(self, trig: Trigger, code: str) -> None:
        coding = self.lex.coding(code)
        if coding is not None and coding.type:
            trig.cameo, trig.type, trig.mode, trig.context = code, coding.type, coding.mode, \
                coding.context

    def _plausible(self, trig: Trigger, sources: list[ActorRef], targets: list[ActorRef],
                   lemmas: frozenset[str]) -> bool:
        """Gates: an actor where the type needs one; no violence from disasters; no ordinary
        crime."""
        lex = self.lex
        if not sources and trig.type not in lex.sourceless and not (
                targets and trig.kind == "verb" and sx.is_passive(trig.token)) and not (
                trig.light is not None and sx.is_passive(trig.light)
                and trig.token.dep_ in ("nsubjpass", "conj")):
            return False
        doer = sx.subject(trig.anchor) if trig.anchor.pos_ == "VERB" else None
        disaster = lex.cues["disaster"]
        if trig.type in ("ASSAULT", "PROTEST", "COERCE"):
            if doer is not None and doer.lemma_.lower() in disaster:
                return False
            if lemmas & disaster and not lemmas & lex.cues["attack"] and not _armed(sources):
                return False
        if trig.type == "ACCUSE" and (trig.cameo or "").startswith("09") and \
                lemmas & disaster and not lemmas & lex.cues["attack"]:
            return False  # investigating an accident or outbreak accuses no one
        if trig.type == "ASSAULT" and not sources and not lemmas & lex.cues["attack"] and (
                trig.token.lemma_.lower() in lex.cues["generic_harm"]):
            return False  # "four workers were injured when a tank exploded"
        crime = bool(lemmas & lex.cues["crime"]) and not lemmas & lex.cues["political"]
        return not (crime and trig.type in ("ASSAULT", "COERCE", "ACCUSE"))

    def _reporter(self, trig: Trigger, speech: Token | None, info: st.SentenceInfo,
                  finder: ActorFinder, voice: ActorRef | None,
                  lemmas: frozenset[str]) -> ActorRef | None:
        if trig.how == "statement":
            return None
        if speech is not None:
            who = st.speaker_of(speech)
            if who is not None:
                return finder.ref(who, voice) or _text_ref(who, finder.text)
        if info.according is not None:
            return finder.ref(info.according) or _text_ref(info.according, finder.text)
        if info.carried is not None and info.quoted:
            return voice
        return None


COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE",
                         "RETREAT"})
VERBAL = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "AGREE", "THREATEN"})


TOPIC_PREPS = frozenset({"for", "of", "over", "about", "against"})


def _mark_nested(triggers: list[Trigger], topic_heads: frozenset[str]) -> None:
    """Flag events that are what a verbal event is about, not news of their own in this
    sentence: an event noun that is its object or the object of its for/of/over/about/against
    ("condemned the attack", "apologised for the killing"), an act it names through an object
    noun ("criticised the decision to expel journalists"), and an accused act ("accused X of
    shelling", "condemned X for firing"). A protest's stated purpose ("rallied to denounce the
    law") is the protest's own demand, not a separate event."""
    verbal = {t.token.i: t for t in triggers if t.kind == "verb" and t.type in VERBAL}
    protest = {t.anchor.i for t in triggers if t.type == "PROTEST"}
    anchors = {t.token.i for t in triggers if t.kind == "noun"}
    lights = {t.light.i for t in triggers if t.kind == "noun" and t.light is not None}
    for t in triggers:
        if _purpose(t) or _content(t, anchors, lights) or _topic(t, verbal) or \
                _topic_noun(t, topic_heads) or (
                t.type in ("ACCUSE", "REQUEST") and t.kind == "verb"
                                 and t.token.dep_ in ("advcl", "xcomp")
                                 and t.token.head.i in protest):
            t.nested = True


def _purpose(t: Trigger) -> bool:
    """Help that is the stated purpose of another act ("sent aid *to help* the victims",
    "is willing to provide troops *to help* the UN"): the act is the event, its purpose is not
    a second one (and is not yet done)."""
    tok = t.token
    if t.kind != "verb" or t.sense.frame != "assist" or tok.dep_ not in ("advcl", "xcomp"):
        return False
    head = tok.head
    return sx.is_infinitive(tok) and head.pos_ == "VERB" and (
        tok.dep_ == "advcl" or any(c.dep_ == "dobj" for c in head.children))


#: Speech participles that go on with what their clause's act says ("condemned the attack,
#: *saying* the perpetrators must be punished").
ELABORATING = frozenset({"say", "add", "stress", "insist", "note"})


def _elaborates(tok: Token, by_anchor: dict[int, Trigger], lex: Lexicon) -> bool:
    """A demand made in a participle that goes on with an accusation or condemnation by the
    same speaker is part of that accusation, not a second event."""
    speech = st.speech_above(tok, lex)
    if speech is None or speech.tag_ != "VBG" or speech.dep_ not in ("advcl", "conj") or \
            speech.lemma_.lower() not in ELABORATING:
        return False
    act = by_anchor.get(speech.head.i)
    return act is not None and act.type == "ACCUSE"


def _content(t: Trigger, nouns: set[int], lights: set[int]) -> bool:
    """What an event noun is for ("signed an accord *to supply* wheat", "a deal *to release*
    prisoners", "signed a deal on Monday *to supply*", "launched an offensive *to retake* the
    city"): the infinitive says what the agreement, talks or operation are to bring about; it
    is not a second act, and is not yet done."""
    tok = t.token
    if t.kind != "verb" or not sx.is_infinitive(tok):
        return False
    return (tok.dep_ == "acl" and tok.head.i in nouns) or (
        tok.dep_ == "advcl" and tok.head.i in lights)


def _topic_noun(t: Trigger, heads: frozenset[str]) -> bool:
    """An event noun without light verb that a topic noun is about ("condolences over the
    attack", "responsibility for the bombings", "concern regarding the casualties of the
    attack"), through conjuncts and "of" phrases."""
    if t.kind != "noun" or t.light is not None:
        return False
    tok = t.token
    for _ in range(6):
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        prep = tok.head  # "about the attack"; "regarding the attack" is parsed as a verb
        if not (tok.dep_ == "pobj" or (tok.dep_ == "dobj" and prep.lower_ in (
                "regarding", "concerning"))) or prep.dep_ not in ("prep", "acl", "advcl"):
            return False
        if prep.head.lemma_.lower() in heads:
            return True
        if prep.lower_ != "of":
            return False
        tok = prep.head
    return False


def _topic(t: Trigger, verbal: dict[int, Trigger]) -> bool:
    """Whether the trigger is what a verbal event (``verbal``: by token index) is about."""
    nominal = t.light is not None and t.light.pos_ == "NOUN"  # "the imposition of sanctions"
    tok = t.light if nominal and t.light is not None else t.token
    head = tok.head
    if t.kind == "noun" and (t.light is None or nominal):
        return (head.i in verbal and tok.dep_ in ("dobj", "pobj", "nsubjpass")) or (
            tok.dep_ == "pobj" and head.lower_ in TOPIC_PREPS and head.head.i in verbal)
    if t.kind != "verb" or t.type in VERBAL:
        return False
    accuser = verbal.get(head.head.i)
    if tok.dep_ == "pcomp" and head.lower_ in ("of", "for") and accuser is not None \
            and accuser.type == "ACCUSE":
        return True
    return tok.dep_ in ("acl", "relcl") and head.dep_ in ("dobj", "pobj") and (
        head.head.i in verbal or (head.head.dep_ == "prep" and head.head.head.i in verbal))


RIOTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "mob",
                     "crowd"})


def _rioters(trig: Trigger, lex: Lexicon) -> bool:
    """An attack or clash whose doer, or whose other side in a clash ("clashed with
    demonstrators"), is protesters or a crowd: a violent protest, not an armed attack."""
    if trig.kind != "verb":
        return False
    quantity = lex.cues["quantity_heads"]
    doer = sx.subject(trig.anchor)
    if doer is not None and sx.look_through(doer, quantity).lemma_.lower() in RIOTERS:
        return True
    if trig.token.lemma_.lower() in ("clash", "fight", "scuffle", "battle"):
        for p in trig.token.children:
            other = sx.child(p, ("pobj",)) if p.dep_ == "prep" and p.lower_ == "with" else None
            if other is not None and sx.look_through(other, quantity).lemma_.lower() in RIOTERS:
                return True
    return False


def _crowd_voice(trig: Trigger, lex: Lexicon) -> bool:
    """A demand, vow or act of defiance by protesters (or by a crowd, a people named by their
    nationality, or "they", in a sentence next to a protest): PLOVER codes the protest, whose
    demands and resolve it carries, not a REQUEST/REJECT/AGREE."""
    vow = trig.how == "frame" and trig.type == "AGREE"  # "vowed to continue their protest"
    if not (trig.type == "REQUEST" or trig.cameo == "128" or vow) or trig.how == "statement":
        return False
    who = trig.source_tok if trig.source_tok is not None else (
        sx.subject(trig.anchor) if trig.anchor.pos_ in ("VERB", "AUX") else None)
    if who is None:
        return False
    if who.lower_ == "they":
        return True
    if _crowd(who, lex):
        return True
    return who.lemma_.lower() in lex.cues["quantity_heads"] and any(
        _crowd(c, lex) for c in sx.prep_objects(who, ("of",)))


def _crowd(tok: Token, lex: Lexicon) -> bool:
    """Protesters, a crowd, civilians, workers, or a people by nationality ("Bosnians")."""
    return lex.in_class(tok.lemma_.lower(), CROWD_CLASSES) or (
        tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS"))


CROWD_CLASSES = frozenset({"protester", "crowd", "civilian", "worker"})


#: Verbs by which an actor claims an attack as its own: with the claimer as the attacker, the
#: news is the claim (CAMEO 015 claim responsibility, a statement with no PLOVER type).
CLAIM_VERBS = frozenset({"claim", "boast"})


def _own_claim(speech: Token | None, reporter: ActorRef | None,
               source: ActorRef | None) -> bool:
    return speech is not None and speech.lemma_.lower() in CLAIM_VERBS and \
        reporter is not None and source is not None and actor_key(reporter) == actor_key(source)


def _armed(refs: list[ActorRef]) -> bool:
    return any(r.sector in ("MIL", "REB", "UAF", "COP") for r in refs)


def _text_ref(tok: Token, text: str) -> ActorRef:
    start, end = sx.left_span(tok)
    return ActorRef(name=" ".join(text[start:end].split()))


def _year(published: str | None) -> int | None:
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return None
