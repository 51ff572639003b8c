"""Attributions in a headline: the first line of an article, when it is a short title.

Headlines report speech in their own style, which the parser reads badly (Title Case turns
verbs into proper nouns). Three patterns, each a convention of news headlines:

* "Sanders: Clinton needs to get away from …" / "Obama on Climate Change: The Trends Are
  'Terrifying.'": a speaker, optionally with what they spoke on, a colon, then what they said;
* "Flynn says Trump 'absolutely right' …", "New Poll Shows Minor Bump For Clinton": a speaker
  phrase, a speech, evidence or intention verb in the third person present, then the content;
* "Clinton Hid Past Health Problems, Former White House Doctor Says.": the content, a comma, the
  speaker and the verb at the end.

The speaker phrase must name someone: a person, organisation or group the NER tags, or a noun
of role, organisation or evidence ("chairman", "union", "poll"). Anything else ("Stealth Over
Health: …") is a title, not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from . import lexicon
from .context import Ctx

MAX_HEADLINE_WORDS = 30
MAX_SPEAKER_WORDS = 6
SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass(frozen=True)
class HeadlineQuote:
    start: int  # content, characters
    end: int
    cue: Token
    speaker: Token
    speaker_chars: tuple[int, int]


def _third_person(lemma: str) -> str:
    if lemma == "say":
        return "says"
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


@cache
def verb_forms() -> frozenset[str]:
    """Third-person present forms of the speech, evidence and intention verbs ("says")."""
    lemmas = (lexicon.cues() | lexicon.belief_cues() | lexicon.intention_cues()
              | lexicon.directive_cues())
    return frozenset(_third_person(w) for w in lemmas if " " not in w)


def _names_someone(ctx: Ctx, lo: int, hi: int) -> int | None:
    """The head token index of a speaker phrase over tokens [lo, hi), or None."""
    words = [t for t in ctx.doc[lo:hi] if not t.is_punct]
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    for ent in ctx.ents_in(lo, hi):
        if ent.label_ in SPEAKING_LABELS and ent.start >= lo:
            return min(ent.end, hi) - 1  # "Obama Says" tagged as one name ends before "Says"
    last = words[-1].lower_
    if last in lexicon.role_nouns() or last in lexicon.org_nouns() \
            or last in lexicon.source_nouns() or last.rstrip("s") in lexicon.role_nouns():
        return words[-1].i
    return None


def _content(ctx: Ctx, lo: int, hi: int) -> tuple[int, int] | None:
    """Character span of tokens [lo, hi) without outer punctuation and blanks."""
    doc = ctx.doc
    while lo < hi and (doc[lo].is_punct and doc[lo].text not in "‘'\"“") or \
            (lo < hi and doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in (".", ",", ";", ":")):
        hi -= 1
    if hi - lo < 2:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def find_headline(ctx: Ctx) -> list[HeadlineQuote]:
    """Attributions of the article's first line, when it is a headline."""
    doc = ctx.doc
    line_end = ctx.text.find("\n")
    if line_end <= 0:
        return []
    toks = [t for t in doc if t.idx < line_end and not t.is_space]
    if not toks or len(toks) > MAX_HEADLINE_WORDS or any(ctx.owner[t.i] != -1 and
                                                         t.text == ":" for t in toks):
        return []
    end = toks[-1].i + 1
    colon = next((t for t in toks if t.text == ":"), None)
    if colon is not None:
        head = _names_someone(ctx, toks[0].i, colon.i)
        if head is None:
            head = _leading_name(ctx, toks[0].i, colon.i)
        span = _content(ctx, colon.i + 1, end)
        if head is not None and span is not None:
            return [_quote(ctx, span, colon, head, toks[0].i, colon.i)]
        return []
    for t in toks[1:]:
        if t.lower_ not in verb_forms():
            continue
        comma = max((c.i for c in toks if c.text == "," and c.i < t.i), default=None)
        lo = comma + 1 if comma is not None else toks[0].i
        head = _names_someone(ctx, lo, t.i)
        if head is None:
            continue
        if t.i >= end - 2 and comma is not None:  # "Content, Former Doctor Says."
            span = _content(ctx, toks[0].i, comma)
        else:
            span = _content(ctx, t.i + 1, end)
        if span is not None:
            return [_quote(ctx, span, t, head, lo, t.i)]
    return []


def _leading_name(ctx: Ctx, lo: int, hi: int) -> int | None:
    """A person or organisation named in the part before the colon ("Obama on Climate
    Change:", "A lesson from Loretta Lynch:"); or one to three capitalised words whose last
    is a person's or organisation's name elsewhere in the article ("Pence:", which the
    tagger misses in Title Case)."""
    for ent in ctx.ents_in(lo, hi):
        if ent.label_ in SPEAKING_LABELS and ent.start >= lo:
            return min(ent.end, hi) - 1
    words = [t for t in ctx.doc[lo:hi] if not t.is_punct]
    if not 1 <= len(words) <= 3 or not all(w.is_title or w.is_upper for w in words):
        return None
    last = words[-1].text
    named = any(ent.label_ in ("PERSON", "ORG") and ent.start >= hi and
                last in ent.text.split() for ent in ctx.ents)
    return words[-1].i if named else None


def _quote(ctx: Ctx, span: tuple[int, int], cue: Token, head: int, lo: int,
           hi: int) -> HeadlineQuote:
    doc = ctx.doc
    ent = next((e for e in ctx.ents_in(lo, hi) if e.start <= head < e.end), None)
    if ent is not None:
        last = doc[min(ent.end, hi) - 1]
        chars = (ent.start_char, last.idx + len(last.text))
    else:
        words = [t for t in doc[lo:hi] if not t.is_punct]
        chars = (words[0].idx, words[-1].idx + len(words[-1].text))
    return HeadlineQuote(span[0], span[1], cue, doc[head], chars)
