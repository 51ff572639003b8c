"""Within-article coreference for quote speakers: "he", "they", "the minister" -> a named mention.

Deliberately small: candidates are PERSON/ORG/GPE/NORP entity mentions outside quotation
marks, before the speaker. "he"/"she" look back sentence by sentence: in each sentence the
first mention that is a grammatical subject or an earlier quote's speaker; failing that, in
the pronoun's own paragraph, the sentence's nearest mention known to agree in gender; earlier paragraphs only
offer subjects and speakers. Gender must agree: "Mr."/"Mrs." titles, common given names
("David", "Susan") and earlier "he"/"she" resolutions of the same surname. Role nominals ("the
minister") take the latest person whose title contains the noun; organisation nominals ("the
ministry") the latest organisation whose name contains it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from . import lexicon
from .context import Ctx
from .model import Span as CharSpan
from .syntax import SUBJECTS, char_span, is_cue, noun_phrase

MALE = frozenset({"he", "him", "his"})
FEMALE = frozenset({"she", "her", "hers"})
PLURAL = frozenset({"they", "them", "their"})
NEUTER = frozenset({"it", "its"})
MALE_TITLES = frozenset({"mr.", "mr", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "queen",
                           "princess", "dame"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: How far back (characters) a pronoun looks for an antecedent.
WINDOW = 3000


@dataclass(frozen=True)
class Mention:
    """A named mention that can be an antecedent."""

    start: int
    end: int
    label: str
    subject: bool
    words: frozenset[str]  # lower-cased words of its noun phrase (titles included)
    key: str  # the last word, standing for the person
    sent: int = 0  # sentence number
    para: int = 0  # paragraph number
    gender: str | None = None  # "m"/"f" from a title or given name in the mention itself


def _np_words(ent: Span) -> frozenset[str]:
    head = ent.root
    while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
        head = head.head
    return frozenset(t.lower_ for t in ent.doc[head.left_edge.i:head.i + 1]) | \
        frozenset(t.lemma_.lower() for t in ent.doc[head.left_edge.i:head.i + 1])


def _is_subject(ent: Span) -> bool:
    """Whether the mention is the subject of a main clause or of a speech verb (not a name
    modifying a common noun: "a Clinton surrogate said")."""
    tok = ent.root
    for _ in range(3):
        if tok.dep_ in SUBJECTS:
            verb = tok.head
            return verb.dep_ == "ROOT" or is_cue(verb) or (
                verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if tok.dep_ not in ("compound", "flat", "appos") or tok.head is tok or (
                tok.dep_ == "compound" and tok.head.pos_ != "PROPN"):
            return False
        tok = tok.head
    return False


def _own_gender(ent: Span, words: frozenset[str]) -> str | None:
    """"m"/"f" when the mention carries a gendered title or starts with a common given name."""
    if words & MALE_TITLES:
        return "m"
    if words & FEMALE_TITLES:
        return "f"
    if len(ent) > 1:
        first = ent[0].lower_
        if first in lexicon.male_names():
            return "m"
        if first in lexicon.female_names():
            return "f"
    return None


def build_mentions(ctx: Ctx) -> list[Mention]:
    """Named mentions of the Doc outside quotation marks (``ctx.owner``), in order. A lone
    surname of a person named elsewhere in the article is that person whatever the tagger
    made of it ("Trump" tagged ORG or left untagged)."""
    surnames = {e[-1].text for e in ctx.ents if e.label_ == "PERSON" and len(e) > 1}
    out = []
    for ent in ctx.ents:
        label = ent.label_
        if len(ent) == 1 and ent.text in surnames and ent.root.dep_ != "compound":
            label = "PERSON"  # not "the Trump campaign", which stands for the organisation
        if label != "PERSON" and label not in GROUP_LABELS:
            continue
        if ctx.owner[ent.start] != -1:
            continue
        out.append(_mention(ctx, ent, label))
    strings = ctx.doc.vocab.strings
    hits = np.isin(ctx.orth_ids, [strings[s] for s in surnames]) if surnames else ()
    for i in np.flatnonzero(hits).tolist():
        tok = ctx.doc[i]
        if not tok.ent_type_ and tok.pos_ == "PROPN" \
                and ctx.owner[tok.i] == -1 and tok.dep_ not in ("compound", "poss"):
            out.append(_mention(ctx, ctx.doc[tok.i:tok.i + 1], "PERSON"))
    out.sort(key=lambda m: m.start)
    return out


def _mention(ctx: Ctx, ent: Span, label: str) -> Mention:
    words = _np_words(ent)
    gender = _own_gender(ent, words) if label == "PERSON" else None
    return Mention(ent.start_char, ent.end_char, label, _is_subject(ent), words,
                   ent[-1].lower_, ctx.sent_of[ent.start], ctx.para_of[ent.start], gender)


class Resolver:
    """Resolves speaker mentions of one article, in reading order, remembering genders."""

    def __init__(self, mentions: list[Mention], ctx: Ctx | None = None) -> None:
        self.mentions = mentions
        self.ctx = ctx
        self.gender: dict[str, str] = {}  # surname -> gender learnt from "he"/"she"
        self.speakers: list[Mention] = []  # named speakers of earlier quotes
        # Per mention, the gender of its own title or given name, else of the latest earlier
        # mention of the same surname that has one, else of any mention of it (when the
        # surname's mentions agree: "Bill Clinton" and "Hillary Clinton" do not).
        known: dict[str, set[str]] = {}
        for m in mentions:
            if m.gender:
                known.setdefault(m.key, set()).add(m.gender)
        self.inherited: dict[tuple[int, int], str] = {}
        last: dict[str, str] = {}
        for m in mentions:
            if m.gender:
                last[m.key] = m.gender
            g = m.gender or last.get(m.key)
            if g is None and len(known.get(m.key, ())) == 1:
                g = next(iter(known[m.key]))
            if g:
                self.inherited[(m.start, m.end)] = g

    def note_speaker(self, span: CharSpan) -> None:
        """Remember the named mention at ``span`` as an earlier quote's speaker."""
        for m in self.mentions:
            if m.start < span[1] and m.end > span[0]:
                self.speakers.append(m)
                return

    def resolve(self, head: Token, speaker: CharSpan) -> CharSpan | None:
        """The named mention the speaker whose head token is ``head`` refers to."""
        word = head.lower_
        if word in MALE or word in FEMALE:
            return self._person(speaker[0], "m" if word in MALE else "f", head)
        if word in PLURAL or word in NEUTER:
            return self._group(speaker[0]) or self._common_group(head, word in PLURAL)
        if head.pos_ in ("NOUN", "PROPN") and head.is_lower and self._definite(head):
            return self._nominal(head, speaker[0])
        if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
            return self._fuller_name(head, speaker[0])
        return None

    @staticmethod
    def _definite(head: Token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its",
                                                               "his", "her", "their")
                   for c in head.children)

    def _before(self, pos: int) -> list[Mention]:
        return [m for m in reversed(self.mentions) if m.end <= pos and pos - m.end < WINDOW]

    def _gender_of(self, m: Mention) -> str | None:
        return self.inherited.get((m.start, m.end)) or self.gender.get(m.key)

    def _person(self, pos: int, gender: str, head: Token | None = None) -> CharSpan | None:
        ok = [m for m in self._before(pos)
              if m.label == "PERSON" and self._gender_of(m) in (None, gender)]
        if not ok:
            return None
        chosen = self._salient(ok, head, gender) or ok[0]
        self.gender.setdefault(chosen.key, gender)
        return chosen.start, chosen.end

    def _salient(self, ok: list[Mention], head: Token | None, gender: str) -> Mention | None:
        """Sentence by sentence back from the pronoun: the first subject or earlier speaker of
        the sentence; in the pronoun's paragraph, else the sentence's nearest mention whose
        gender is known to agree."""
        spoke = {(m.start, m.end) for m in self.speakers}
        if self.ctx is None or head is None:
            return next((m for m in ok if m.subject or (m.start, m.end) in spoke), None)
        para = self.ctx.para_of[head.i]
        by_sent: dict[int, list[Mention]] = {}
        for m in ok:  # nearest first
            by_sent.setdefault(m.sent, []).append(m)
        for sent in sorted(by_sent, reverse=True):
            ms = by_sent[sent]
            salient = [m for m in ms if m.subject or (m.start, m.end) in spoke]
            if salient:
                return salient[-1]  # the first in the sentence
            known = [m for m in ms if self._gender_of(m) == gender]
            if known and known[0].para == para:
                return known[0]
        return None

    def _group(self, pos: int) -> CharSpan | None:
        for m in self._before(pos)[:8]:
            if m.label in GROUP_LABELS and m.subject:
                return m.start, m.end
        return None

    def _common_group(self, head: Token, plural: bool) -> CharSpan | None:
        """For "it"/"they" with no named organisation before: the subject of one of the two
        sentences before, when it is an organisation by its noun ("The city sent a letter. It
        says …", "Foreign policy analysts … They argue …"): a singular organisation noun for
        "it", a plural noun of organisations or people for "they"."""
        if self.ctx is None:
            return None
        ctx = self.ctx
        sent = ctx.sent_of[head.i]
        for back in (0, 1, 2):
            if sent - back < 0:
                break
            lo, hi = ctx.bounds[sent - back]
            for tok in ctx.doc[lo:min(hi, head.i)]:
                if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or ctx.owner[tok.i] != -1:
                    continue
                lemma = tok.lemma_.lower()
                is_plural = tok.tag_ == "NNS"
                if plural != is_plural:
                    continue
                if lemma in lexicon.org_nouns() or (plural and lemma in lexicon.role_nouns()):
                    start, end = noun_phrase(tok)
                    return char_span(ctx.doc, start, end)
        return None

    def _nominal(self, head: Token, pos: int) -> CharSpan | None:
        lemma = head.lemma_.lower()
        if lemma in lexicon.role_nouns():
            for m in self._before(pos):
                if m.label == "PERSON" and (lemma in m.words or head.lower_ in m.words):
                    return m.start, m.end
        elif lemma in lexicon.org_nouns():
            for m in self._before(pos):
                if m.label in GROUP_LABELS and lemma in m.words:
                    return m.start, m.end
        return None

    def _fuller_name(self, head: Token, pos: int) -> CharSpan | None:
        key = head.lower_
        fuller = [m for m in self.mentions if m.end <= pos and m.label == "PERSON"
                  and m.key == key and m.end - m.start > len(head.text)]
        return (fuller[0].start, fuller[0].end) if fuller else None
