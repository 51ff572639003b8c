"""Attributing quotes that have no cue in their own sentence, and grouping quote parts.

In this order:

* A quote signed with a dash and a name ("“…” ― Jane Roe") is that person's.
* A quote right after a sentence ending with ":" takes that sentence's last cue verb
  ("… adding:", "He said:"); failing a cue, the subject of its main verb ("Caddell
  continued:") or the name the sentence consists of ("Jane Roe, 24, Ohio:").
* Otherwise it continues the previous quote of its paragraph ("“A,” she said. “B.”"), or the
  quote of the previous paragraph when that one ran on without a closing mark or when the
  paragraph is a quote paragraph right after a quote paragraph.
* A quote paragraph still without a speaker takes the subject of the sentence before it when
  that is a person (or a personal pronoun), without a cue.

Groups: the parts of one attribution share a group number: a quote interrupted by "he said",
the further sentences of a quote paragraph and the paragraphs of a multi-paragraph quote.
A new paragraph opened by a quote with a speaker of its own starts a new group.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .context import Ctx
from .direct import Found
from .syntax import (
    SUBJECTS,
    according_speaker,
    is_according,
    is_cue,
    noun_head,
    speaker_of,
    valid_speaker,
)

SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PERSONAL = frozenset({"he", "she", "they", "i", "we"})
DASH_NAME = re.compile(r"[^\S\n]*[―—–-]{1,2}[^\S\n]*(?=[A-Z])")
MAX_CUE_AFTER_QUOTE = 8  # words of a cue clause after a quote that ends its paragraph


def _frame_sentence(ctx: Ctx, f: Found) -> tuple[int, int] | None:
    """Token range of the sentence ending with ":" right before the quote, up to the colon."""
    before = ctx.text[:f.lo].rstrip()
    if not before.endswith(":"):
        return None
    colon = ctx.token_at(len(before) - 1)
    return ctx.sent(colon.i)[0], colon.i


def _root_subject(ctx: Ctx, lo: int, hi: int) -> Token | None:
    """The subject of the main verb of tokens [lo, hi), or a person/organisation named there."""
    roots = [t for t in ctx.doc[lo:hi] if t.head is t or not lo <= t.head.i < hi]
    for root in roots:
        subj = [c for c in root.children if c.dep_ in SUBJECTS and ctx.owner[c.i] == -1]
        if subj and valid_speaker(subj[0]) is not None:
            return subj[0]
    for ent in ctx.ents_in(lo, hi):
        if ent.label_ in SPEAKING_LABELS and ent.root.dep_ not in ("pobj", "dobj", "poss"):
            return ent.root
    return None


def _colon_frame(ctx: Ctx, f: Found) -> tuple[Token | None, Token | None] | None:
    """(cue, speaker) of a ":"-sentence right before the quote, or None."""
    frame = _frame_sentence(ctx, f)
    if frame is None:
        return None
    lo, hi = frame
    cues = [t for t in ctx.doc[lo:hi] if ctx.owner[t.i] == -1 and (is_cue(t) or is_according(t))]
    if cues:
        cue = cues[-1]
        return cue, according_speaker(cue) if is_according(cue) else speaker_of(cue, ctx)
    subj = _root_subject(ctx, lo, hi)
    return (None, subj) if subj is not None else None


def _starts_paragraph(ctx: Ctx, f: Found) -> bool:
    return not ctx.text[ctx.paragraph_start(f.lo):f.lo].strip()


def _ends_paragraph(ctx: Ctx, f: Found) -> bool:
    """Whether at most a cue clause follows the quote in its paragraph."""
    rest = ctx.text[f.hi:ctx.paragraph_end(f.hi)]
    return len(rest.split()) <= MAX_CUE_AFTER_QUOTE


def _source(ctx: Ctx, found: list[Found], k: int) -> Found | None:
    """The earlier speech quote that ``found[k]`` continues, if any."""
    f = found[k]
    prev = [g for g in found[:k] if g.other_kind is None]
    if not prev:
        return None
    last = prev[-1]
    if last.marked.para == f.marked.para:
        return last
    if last.marked.para == f.marked.para - 1 and (last.marked.continues or (
            _starts_paragraph(ctx, f) and _ends_paragraph(ctx, last))):
        return last
    return None


def _previous_subject(ctx: Ctx, f: Found) -> Token | None:
    """The subject of the sentence before a paragraph-opening quote, if it can speak."""
    if f.first == 0 or not _starts_paragraph(ctx, f):
        return None
    lo, hi = ctx.sent(f.first - 1)
    subj = _root_subject(ctx, lo, hi)
    if subj is None:
        return None
    if subj.lower_ in PERSONAL or subj.ent_type_ == "PERSON":
        return subj
    return None


def _dash_signature(ctx: Ctx, f: Found) -> Token | None:
    """The name after a dash right after the quote ("“…” ― Jane Roe"), as in lists of
    reactions and epigraphs."""
    match = DASH_NAME.match(ctx.text, f.hi)
    if match is None:
        return None
    tok = noun_head(ctx.token_at(match.end()))
    return tok if tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "PROPN" else None


def _attribute(ctx: Ctx, f: Found, source: Found | None) -> Found | None:
    """Fill in a cue-less quote from its context; returns the quote it continues, if any."""
    signed = _dash_signature(ctx, f)
    if signed is not None:
        f.speaker = signed
        return None
    frame = _colon_frame(ctx, f)
    if frame is not None:
        f.cue, f.speaker = frame
        f.according = f.cue is not None and is_according(f.cue)
        return None
    if source is not None:
        f.cue, f.speaker, f.according = source.cue, source.speaker, source.according
        return source
    reported = _reporting_sentence(ctx, f)
    if reported is not None:
        f.cue, f.speaker = reported
        return None
    f.speaker = _previous_subject(ctx, f)
    return None


def _reporting_sentence(ctx: Ctx, f: Found) -> tuple[Token, Token] | None:
    """(cue, speaker) of the sentence right before a quote inside its paragraph when that
    sentence is itself speech ("The plan may fail, Lee said. “We have no money.”"): the
    quote goes on with the same speaker."""
    if f.first == 0 or _starts_paragraph(ctx, f):
        return None
    lo, hi = ctx.sent(f.first - 1)
    if ctx.para_of[lo] != ctx.para_of[f.first]:
        return None
    for tok in ctx.doc[lo:hi]:
        if ctx.owner[tok.i] == -1 and (tok.dep_ == "ROOT" or (
                tok.dep_ == "parataxis" and tok.head.dep_ == "ROOT")) and is_cue(tok):
            speaker = speaker_of(tok, ctx)
            if speaker is not None and ctx.owner[speaker.i] == -1:
                return tok, speaker
    return None


def _index(tok: Token | None) -> int:
    return -1 if tok is None else tok.i


#: A speaker label opening a transcript turn: "WALLACE: Let's start …", "MR. PENCE: Well, …".
TURN_LABEL = re.compile(r"((?:[A-Z][A-Z'.-]+ ){0,2}[A-Z][A-Z'-]{2,}):\s")


def label_turns(ctx: Ctx, found: list[Found]) -> None:
    """In a quoted transcript, a turn opening with an upper-case speaker label ("PENCE: …")
    is that speaker's, with the colon as its cue, when the label is the surname of a person
    the article names ("Mike Pence")."""
    surnames = {e[-1].lower_ for e in ctx.ents if e.label_ == "PERSON"}
    for f in found:
        if f.other_kind is not None or f.speaker is not None:
            continue
        m = TURN_LABEL.match(ctx.text, f.marked.start)
        if m is None or m.group(1).split()[-1].lower() not in surnames:
            continue
        name = ctx.token_at(m.start(1) + m.group(1).rfind(" ") + 1)
        f.speaker, f.cue = name, ctx.token_at(m.end(1))


def attribute_rest(ctx: Ctx, found: list[Found]) -> None:
    """Give cue-less speech quotes a cue and speaker from their context; number the groups."""
    group = -1
    for k, f in enumerate(found):
        if f.other_kind is not None:
            continue
        source = _source(ctx, found, k)
        if f.cue is None and f.speaker is None:
            source = _attribute(ctx, f, source)
        same = source is not None and _index(source.cue) == _index(f.cue) and \
            _index(source.speaker) == _index(f.speaker) and (
                source.marked.para == f.marked.para or source.marked.continues)
        if same and source is not None:
            f.group = source.group
        else:
            group += 1
            f.group = group
