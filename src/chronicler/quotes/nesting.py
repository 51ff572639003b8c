"""Nested attribution: a cue inside what another speaker is reported to have said.

In "Smith said that Jones described the deal as “a disaster”", the words reach the reader
through Smith: Smith is the source the article vouches for, and Jones's description is part
of what Smith said. Attribution schemes such as PolNeAR's give the quote to the outermost
source of such a chain. ``outer_cue`` finds that source: climbing from a cue verb through the
clauses it sits in, the speech verb whose reported clause (``ccomp``) holds it, when that
verb has a speaker of its own outside quotation marks.

Only the clause structure of one sentence is followed; a cue inside quotation marks is the
quoted speaker's own and is never lifted (``ctx.owner`` marks quoted tokens).
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import Ctx
from .syntax import is_cue, speaker_of

#: Dependencies climbed from an inner cue towards the clause that holds it: coordinated and
#: complement clauses ("said the videos were inconclusive and that the footage did not show";
#: "said she wanted to speak"), not relative clauses or asides of the writer's.
CLIMB = frozenset({"ccomp", "conj", "xcomp", "advcl"})
MAX_DEPTH = 6


def outer_cue(ctx: Ctx, cue: Token | None) -> tuple[Token, Token] | None:
    """(outer cue, its speaker) when ``cue`` is inside the reported clause of a speech verb
    before it ("X said that Y ...") with a speaker outside quotation marks, else None. The
    nearest such verb wins. A clause before its verb ("“…?” she asked, but ... Lee said") is
    not lifted: there the parser has usually joined two statements."""
    if cue is None or ctx.owner[cue.i] != -1 or cue.pos_ not in ("VERB", "AUX"):
        return None
    node = cue
    for _ in range(MAX_DEPTH):
        head = node.head
        if head is node or node.dep_ not in CLIMB or ctx.sent_of[head.i] != ctx.sent_of[cue.i]:
            return None
        if node.dep_ == "ccomp" and head.i < cue.i and ctx.owner[head.i] == -1 \
                and is_cue(head):
            speaker = speaker_of(head, ctx)
            if speaker is not None and ctx.owner[speaker.i] == -1:
                return head, speaker
        node = head
    return None
