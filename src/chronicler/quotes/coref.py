"""Within-article coreference for quote speakers: "he", "they", "the minister" -> a named mention.

Deliberately small: candidates are PERSON/ORG/GPE/NORP entity mentions outside quotation
marks, before the speaker. Pronouns prefer the speaker of an earlier quote or a mention that
is a grammatical subject, nearest first, with gender kept consistent ("Mr."/"Mrs." titles and
earlier "he"/"she" resolutions); role nominals ("the minister") take the latest person whose
title contains the noun; organisation nominals ("the ministry") the latest organisation whose
name contains it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import lexicon
from .context import Ctx
from .model import Span as CharSpan
from .syntax import SUBJECTS, is_cue

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


def _np_words(ent: Span) -> frozenset[str]:
    head = ent.root
    while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
        head = head.head
    return frozenset(t.lower_ for t in ent.doc[head.left_edge.i:head.i + 1]) | \
        frozenset(t.lemma_.lower() for t in ent.doc[head.left_edge.i:head.i + 1])


def _is_subject(ent: Span) -> bool:
    """Whether the mention is the subject of a main clause or of a speech verb."""
    tok = ent.root
    for _ in range(3):
        if tok.dep_ in SUBJECTS:
            verb = tok.head
            return verb.dep_ == "ROOT" or is_cue(verb) or (
                verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if tok.dep_ not in ("compound", "flat", "appos") or tok.head is tok:
            return False
        tok = tok.head
    return False


def build_mentions(ctx: Ctx) -> list[Mention]:
    """Named mentions of the Doc outside quotation marks (``ctx.owner``), in order."""
    out = []
    for ent in ctx.ents:
        if ent.label_ not in ("PERSON",) and ent.label_ not in GROUP_LABELS:
            continue
        if ctx.owner[ent.start] != -1:
            continue
        out.append(Mention(ent.start_char, ent.end_char, ent.label_, _is_subject(ent),
                           _np_words(ent), ent[-1].lower_))
    return out


class Resolver:
    """Resolves speaker mentions of one article, in reading order, remembering genders."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.gender: dict[str, str] = {}
        self.speakers: list[Mention] = []  # named speakers of earlier quotes
        for m in mentions:
            if m.words & MALE_TITLES:
                self.gender.setdefault(m.key, "m")
            elif m.words & FEMALE_TITLES:
                self.gender.setdefault(m.key, "f")

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
            return self._person(speaker[0], "m" if word in MALE else "f")
        if word in PLURAL or word in NEUTER:
            return self._group(speaker[0])
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

    def _person(self, pos: int, gender: str) -> CharSpan | None:
        ok = [m for m in self._before(pos)
              if m.label == "PERSON" and self.gender.get(m.key, gender) == gender]
        spoke = {(m.start, m.end) for m in self.speakers}
        for m in ok:
            if m.subject or (m.start, m.end) in spoke:
                self.gender.setdefault(m.key, gender)
                return m.start, m.end
        if ok:
            self.gender.setdefault(ok[0].key, gender)
            return ok[0].start, ok[0].end
        return None

    def _group(self, pos: int) -> CharSpan | None:
        for m in self._before(pos)[:8]:
            if m.label in GROUP_LABELS and m.subject:
                return m.start, m.end
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
