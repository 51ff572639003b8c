"""Direct quotes: quoted stretches of a Doc, each with its cue verb and speaker token, or a
non-speech kind (title, term, scare quote).

Order of decisions for one quoted stretch:

1. a title ("titled “…”", "the book “…”") or a mentioned term ("the so-called “…”");
2. a cue verb the quote hangs from in the parse (an ancestor of the quote's words: "said “…”",
   "called what's going on “…”") or that hangs from the quote ("“…,” he said"); failing that,
   a verb with a subject the quote hangs from through "as" ("described him as a “…”");
3. "according to X" in the quote's sentence;
4. short quotes (at most three words) inside a longer sentence with none of the above are
   scare quotes; Title-Case strings with no cue are titles;
5. otherwise, the nearest cue verb with a speaker in the quote's first or last sentence, or
   a cue opening the sentence right after the quote ("“…?” Graham asked.").

Quotes still without a cue are attributed from their context by ``attribute.attribute_rest``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from . import lexicon
from .context import Ctx
from .marks import Marked
from .syntax import according_speaker, as_put_it, is_according, is_cue, speaker_of

SHORT_WORDS = 3
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
                        "of", "on", "or", "the", "to", "with", "vs", "nor", "per", "via"})
TITLE_PARTICIPLES = frozenset({"titled", "entitled", "headlined", "subtitled", "captioned"})
NAMING = frozenset({"called", "named", "dubbed"})
SO_CALLED = re.compile(r"so[-\s]?called\s*$", re.IGNORECASE)
SENTENCE_END = ".?!…"
BOUNDARY_BEFORE = ".?!:;”\"’)]—–"
MAX_WALK = 12
#: The walk from a quote up to its cue stops at these (participial and appositive modifiers:
#: "Eastland, wearing “Ted Cruz” pins, said" does not make "Ted Cruz" speech).
WALL = frozenset({"acl", "advcl", "appos"})
FOLLOWING_CUE_WINDOW = 6


@dataclass
class Found:
    """Working state of one quoted stretch."""

    marked: Marked
    first: int  # token range covering the marks and the content
    last: int
    cue: Token | None = None
    speaker: Token | None = None
    according: bool = False
    other_kind: str | None = None
    group: int = -1

    @property
    def lo(self) -> int:
        """Offset of the opening mark (or of the content when it is missing)."""
        return self.marked.outer[0]

    @property
    def hi(self) -> int:
        """Offset just after the closing mark (or the content when it is missing)."""
        return self.marked.outer[1]


def token_range(ctx: Ctx, m: Marked) -> tuple[int, int] | None:
    """Tokens [first, last) covering the marks and the content of ``m``."""
    span = ctx.doc.char_span(*m.outer, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def words(text: str) -> int:
    """Number of words in ``text``."""
    return len(WORD.findall(text))


def _previous_word(ctx: Ctx, i: int) -> Token | None:
    return ctx.doc[i - 1] if i > 0 and ctx.sent_of[i - 1] == ctx.sent_of[i] else None


def title_case(text: str) -> bool:
    """Whether ``text`` is written like a title ("Flashpoint in Ukraine")."""
    found = WORD.findall(text)
    if len(found) < 2 or not found[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in SMALL_WORDS or not w[0].isalpha() for w in found)


def _after_naming(ctx: Ctx, prev: Token, text: str) -> str | None:
    """Kind of a quote after "called"/"named"/"dubbed"/"as" and the word before those."""
    before = _previous_word(ctx, prev.i)
    if before is None:
        return None
    if before.lemma_.lower() in lexicon.title_cues():
        return "title"
    if before.lower_ in lexicon.term_cues():
        return "term"
    if prev.lower_ != "as" and before.pos_ in ("NOUN", "PROPN") and title_case(text):
        return "title"
    return None


def naming_kind(ctx: Ctx, f: Found, text: str) -> str | None:
    """"title" or "term" from the words right before the opening mark."""
    if SO_CALLED.search(ctx.text[max(0, f.lo - 12):f.lo]):
        return "term"
    prev = _previous_word(ctx, f.first)
    if prev is None:
        return None
    low = prev.lower_
    if low in TITLE_PARTICIPLES:
        return "title"
    if low in NAMING or low == "as":
        return _after_naming(ctx, prev, text)
    if prev.pos_ == "NOUN" and prev.lemma_.lower() in lexicon.title_cues() and \
            (title_case(text) or words(text) <= SHORT_WORDS):
        return "title"
    if low in lexicon.term_cues() and words(text) <= SHORT_WORDS + 2:
        return "term"
    if title_case(text) and (_object_of_preposition(ctx, f) or prev.tag_ == "POS"):
        return "title"  # "on Fox News’s “Fox and Friends”", "in “The Apprentice”"
    return None


def _object_of_preposition(ctx: Ctx, f: Found) -> bool:
    """Whether the quote's words hang from a preposition right before it (not "as")."""
    heads = {t.head.i for t in ctx.doc[f.first:f.last]
             if not t.is_punct and not f.first <= t.head.i < f.last}
    if len(heads) != 1:
        return False
    head = ctx.doc[heads.pop()]
    return head.dep_ == "prep" and head.lower_ != "as" and f.first - head.i <= 2


def _walk_up(ctx: Ctx, head: Token) -> tuple[int, Token | None, Token | None]:
    """From ``head`` up the tree within its paragraph: (depth, first cue verb, first verb
    reached through "as")."""
    through_as = None
    para = ctx.para_of[head.i]
    for depth in range(MAX_WALK):
        if ctx.para_of[head.i] != para:
            break
        if ctx.owner[head.i] == -1 and is_cue(head):
            return depth, head, through_as
        if head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
                and through_as is None:
            through_as = head.head
        if head.head is head or head.dep_ in WALL:
            break
        head = head.head
    return MAX_WALK, None, through_as


def attached_cue(ctx: Ctx, f: Found) -> Token | None:
    """A cue verb the quote hangs from (nearest ancestor) or that hangs from the quote."""
    best: tuple[int, int, Token] | None = None
    characterizing = None
    for tok in ctx.doc[f.first:f.last]:
        if tok.is_punct or f.first <= tok.head.i < f.last or \
                ctx.para_of[tok.head.i] != ctx.para_of[tok.i]:
            continue
        depth, cue, through_as = _walk_up(ctx, tok.head)
        characterizing = characterizing or through_as
        if cue is not None and (best is None or (depth, abs(cue.i - tok.i)) < best[:2]):
            best = (depth, abs(cue.i - tok.i), cue)
    if best is not None:
        return best[2]
    for tok in ctx.doc[f.first:f.last]:
        for child in tok.children:
            if not f.first <= child.i < f.last and ctx.owner[child.i] == -1 and is_cue(child) \
                    and ctx.para_of[child.i] == ctx.para_of[tok.i]:
                return child
    if characterizing is not None and speaker_of(characterizing, ctx) is not None:
        return characterizing
    return None


def sentence_tokens(ctx: Ctx, f: Found) -> list[Token]:
    """Tokens of the quote's first and last sentences."""
    toks = ctx.sent_tokens(f.first)
    if ctx.sent_of[f.last - 1] != ctx.sent_of[f.first]:
        toks += ctx.sent_tokens(f.last - 1)
    return toks


def according_in(ctx: Ctx, f: Found) -> Token | None:
    """An "according" (to X) in the quote's sentences, outside quotes."""
    for tok in sentence_tokens(ctx, f):
        if ctx.owner[tok.i] == -1 and is_according(tok):
            return tok
    return None


def _subject_of(ctx: Ctx, f: Found, cue: Token) -> bool:
    """Whether the quote is the grammatical subject of the cue verb."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and f.first <= c.i < f.last for c in cue.children)


def _put_it(ctx: Ctx, f: Found) -> Token | None:
    """The "put" of "as the senator put it" in the quote's sentences: the writer names whose
    words these are, whatever other verb the quote hangs from."""
    for tok in sentence_tokens(ctx, f):
        if tok.lower_ == "put" and ctx.owner[tok.i] == -1 and as_put_it(tok) \
                and speaker_of(tok, ctx) is not None:
            return tok
    return None


def _nearest_cue(ctx: Ctx, f: Found) -> Token | None:
    cands = [t for t in sentence_tokens(ctx, f)
             if ctx.owner[t.i] == -1 and is_cue(t) and speaker_of(t, ctx) is not None]
    if not cands:
        return None
    return min(cands, key=lambda t: min(abs(t.i - f.first), abs(t.i - f.last + 1)))


def _following_cue(ctx: Ctx, f: Found) -> Token | None:
    """A cue opening the sentence right after the quote, in its paragraph ("Graham asked.")."""
    if f.last >= len(ctx.doc) or ctx.sent_of[f.last] == ctx.sent_of[f.last - 1]:
        return None
    lo, hi = ctx.sent(f.last)
    if "\n" in ctx.text[f.hi:ctx.starts[lo]]:
        return None
    for tok in ctx.doc[lo:min(hi, lo + FOLLOWING_CUE_WINDOW)]:
        if ctx.owner[tok.i] == -1 and is_cue(tok) and speaker_of(tok, ctx) is not None \
                and not any(c.dep_ == "ccomp" for c in tok.children):
            return tok
    return None


def standalone(ctx: Ctx, f: Found) -> bool:
    """Whether the quote is a sentence of its own (not a phrase inside a sentence)."""
    if all(f.first <= t.i < f.last or t.is_punct or t.is_space
           for t in sentence_tokens(ctx, f)):
        return True
    before = ctx.text[:f.lo].rstrip()
    content = ctx.text[f.marked.start:f.marked.end]
    return (not before or before[-1] in BOUNDARY_BEFORE or "\n" in ctx.text[len(before):f.lo]) \
        and content[-1] in SENTENCE_END


def classify(ctx: Ctx, f: Found) -> None:
    """Set the cue, speaker or non-speech kind of ``f`` from its own sentence."""
    text = ctx.text[f.marked.start:f.marked.end]
    f.other_kind = naming_kind(ctx, f, text)
    if f.other_kind is not None:
        return
    cue = _put_it(ctx, f) or attached_cue(ctx, f)
    if cue is None:
        cue = according_in(ctx, f)
        f.according = cue is not None
    alone = standalone(ctx, f)
    if cue is None and not alone:
        if words(text) <= SHORT_WORDS:
            f.other_kind = "scare"
            return
        if title_case(text):
            f.other_kind = "title"
            return
    cue = cue or _nearest_cue(ctx, f) or _following_cue(ctx, f)
    if cue is None:
        return
    if title_case(text) and _subject_of(ctx, f, cue):
        f.other_kind = "title"  # "“Songs of Rain” was written by Lee": the work, not words
        return
    speaker = according_speaker(cue) if f.according else speaker_of(cue, ctx)
    if speaker is None and words(text) <= SHORT_WORDS and not alone:
        f.other_kind = "scare"  # a short quote needs a cue with a speaker in its clause
        return
    f.cue, f.speaker = cue, speaker
