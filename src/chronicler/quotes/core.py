"""``find_quotes`` / ``find_non_speech``: the quotation stage over a parsed spaCy Doc."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribute import attribute_rest, label_turns
from .context import Ctx
from .coref import Resolver, build_mentions
from .direct import Found, classify, token_range
from .headline import find_headline
from .indirect import find_reported
from .marks import find_marked
from .model import QuoteSpan
from .model import Span as CharSpan
from .nesting import outer_cue
from .syntax import char_span, cue_span, is_according, speaker_spans


def _found(ctx: Ctx) -> list[Found]:
    """The quoted stretches of the Doc; sets ``ctx.owner`` (the stretch of each token)."""
    found: list[Found] = []
    for m in find_marked(ctx.text):
        rng = token_range(ctx, m)
        if rng is not None and (not found or rng[0] >= found[-1].last):
            found.append(Found(m, *rng))
    for k, f in enumerate(found):
        for i in range(f.first, f.last):
            ctx.owner[i] = k
    return found


def _cue_chars(cue: Token | None) -> CharSpan | None:
    if cue is None:
        return None
    if is_according(cue):
        nxt = cue.nbor()
        return cue.idx, nxt.idx + len(nxt.text)
    return cue_span(cue)


class _Builder:
    """Turns cue and speaker tokens into QuoteSpans, resolving speakers in reading order."""

    def __init__(self, ctx: Ctx, resolver: Resolver) -> None:
        self.ctx = ctx
        self.resolver = resolver

    def make(self, start: int, end: int, kind: str, cue: Token | None,
             speaker: Token | None, group: int, other: str | None = None,
             speaker_chars: CharSpan | None = None) -> QuoteSpan:
        """The QuoteSpan of a quote's content offsets, cue and speaker tokens (and the
        speaker's words, when they are known better than the parse knows them)."""
        spk = np = ante = None
        if speaker is not None:
            spk, np = speaker_spans(speaker, self.ctx)
            if speaker_chars is not None:
                spk = np = speaker_chars
            ante = self.resolver.resolve(speaker, spk)
            named = ante or (spk if speaker.ent_type_ or speaker.pos_ == "PROPN" else None)
            if named is not None:
                self.resolver.note_speaker(named)
        return QuoteSpan(start, end, kind, _cue_chars(cue), spk, np, ante, other, group)


def analyse(doc: Doc) -> tuple[list[QuoteSpan], list[QuoteSpan]]:
    """(speech quotes, non-speech quoted strings) of ``doc``, each in text order."""
    ctx = Ctx(doc)
    found = _found(ctx)
    for f in found:
        classify(ctx, f)
    label_turns(ctx, found)
    attribute_rest(ctx, found)
    for f in found:
        lifted = None if f.other_kind is not None or f.according else outer_cue(ctx, f.cue)
        if lifted is not None:
            f.cue, f.speaker = lifted
    speech = [f.other_kind is None for f in found]
    reported = find_reported(ctx, speech)
    builder = _Builder(ctx, Resolver(build_mentions(ctx), ctx))
    groups = max((f.group for f in found), default=-1) + 1
    items: list[tuple] = [
        (f.marked.start, f.marked.end, "direct", f.cue, f.speaker, f.group, None, None)
        for f in found if f.other_kind is None]
    spans = [(r.first, r.last, r.cue.i) for r in reported]
    for n, r in enumerate(reported):
        lifted = None if is_according(r.cue) else outer_cue(ctx, r.cue)
        if lifted is not None and r.cue.dep_ != "conj" and any(
                lo <= r.first and r.last <= hi and c == lifted[0].i for lo, hi, c in spans):
            # part of what the outer cue reports, and so said by the same source; a cue
            # coordinated with the reported verb ("said he had pneumonia and called it
            # common") is often the outer speaker's second statement, and stays
            continue
        start, end = char_span(doc, r.first, r.last)
        cue, speaker = lifted or (r.cue, r.speaker)
        items.append((start, end, "indirect", cue, speaker, groups + n, None, None))
    for h in find_headline(ctx):
        if not any(it[0] < h.end and h.start < it[1] for it in items):
            groups += len(reported) + 1
            items.append((h.start, h.end, "indirect", h.cue, h.speaker, groups, None,
                          h.speaker_chars))
    items.sort(key=lambda it: (it[0], it[1]))
    quotes = [builder.make(*it) for it in items]
    others = [QuoteSpan(f.marked.start, f.marked.end, "direct", other_kind=f.other_kind,
                        group=-1) for f in found if f.other_kind is not None]
    return quotes, others


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    """Direct and indirect quotations of a parsed ``doc`` (speech only), in text order."""
    return analyse(doc)[0]


def find_non_speech(doc: Doc) -> list[QuoteSpan]:
    """Quoted strings of ``doc`` that are not speech: titles, terms and scare quotes."""
    return analyse(doc)[1]


def merge_groups(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """One QuoteSpan per attribution: the parts of a group joined (from the first part's start
    to the last part's end, so an interrupting "he said" is inside), with the first part's cue
    and speaker (or the first part that has them)."""
    by_group: dict[int, list[QuoteSpan]] = {}
    for q in quotes:
        by_group.setdefault(q.group, []).append(q)
    merged = []
    for parts in by_group.values():
        lead = next((p for p in parts if p.speaker is not None), parts[0])
        merged.append(QuoteSpan(parts[0].start, max(p.end for p in parts), parts[0].kind,
                                lead.cue, lead.speaker, lead.speaker_np, lead.antecedent,
                                None, parts[0].group))
    return sorted(merged, key=lambda q: (q.start, q.end))
