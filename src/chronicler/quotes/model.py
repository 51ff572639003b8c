"""The quotation stage's output record: a frozen ``QuoteSpan``."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]

#: ``QuoteSpan.other_kind`` values of quoted strings that are not speech.
NON_SPEECH_KINDS = ("title", "term", "scare")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation (or a quoted string that is not speech) found in a parsed Doc.

    Offsets are character offsets into ``doc.text``, ``end`` exclusive.

    * ``start``/``end``: the quoted content. Direct quotes: the text inside the quotation marks
      (without the marks, surrounding blanks and a trailing comma). Indirect quotes: the reported
      clause ("that the talks failed", "to take all measures").
    * ``kind``: ``"direct"`` (in quotation marks) or ``"indirect"``.
    * ``cue``: the cue words ("said", "according to", "called on"), or ``None``.
    * ``speaker``: the speaker mention as written; the PERSON/ORG/GPE entity inside the noun
      phrase when it has one ("Faisal Mikdad"), else the phrase ("the minister", "he").
    * ``speaker_np``: the whole noun phrase with titles ("Syrian Deputy Foreign Minister Faisal
      Mikdad").
    * ``antecedent``: for pronoun and nominal speakers ("he", "the minister"), the named mention
      they refer to, found by within-article coreference; for a surname alone ("Mikdad"), an
      earlier fuller mention of the same person when there is one.
    * ``other_kind``: ``None`` for speech; ``"title"``, ``"term"`` or ``"scare"`` for quoted
      strings that are not speech (only returned by ``find_non_speech``).
    * ``group``: quotes with the same group are one attribution: a quote split by "he said",
      the further sentences of a quote paragraph, and the paragraphs of a multi-paragraph
      quote. Each part is its own ``QuoteSpan``; ``merge_groups`` joins them.
    """

    start: int
    end: int
    kind: str
    cue: Span | None = None
    speaker: Span | None = None
    speaker_np: Span | None = None
    antecedent: Span | None = None
    other_kind: str | None = None
    group: int = 0

    def text(self, doc_text: str) -> str:
        """The quoted content."""
        return doc_text[self.start:self.end]
