"""Per-Doc facts computed once: the text, sentence bounds per token, token offsets, POS and
lower-case word ids.

spaCy's ``Token.sent`` and ``Doc.text`` are rebuilt on every access; the quotation stage asks
for them often, so it reads them from here.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np
from spacy.attrs import IDX, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from ..nlp.text import doc_ents, doc_text


def _paragraph_numbers(text: str, starts: list[int]) -> list[int]:
    """Per token, the number of the paragraph (line) it is in; a line-break token belongs to
    the paragraph it ends."""
    out, para = [], 0
    for i, start in enumerate(starts):
        if i and "\n" in text[starts[i - 1]:start]:
            para += 1
        out.append(para)
    return out


def _sentences(doc: Doc, para_of: list[int]) -> list[tuple[int, int]]:
    """Token ranges of the sentences, cut at paragraph breaks (the parser sometimes runs one
    over a line break)."""
    flags = doc.to_array("SENT_START").tolist() if len(doc) else []
    out, start = [], 0
    for i in range(1, len(doc)):
        if flags[i] == 1 or para_of[i] != para_of[i - 1]:
            out.append((start, i))
            start = i
    if len(doc):
        out.append((start, len(doc)))
    return out


class Ctx:
    """Cached views of one parsed Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        cols = doc.to_array([IDX, POS, LOWER, ORTH, LEMMA]) if len(doc) else \
            np.zeros((0, 5), dtype="uint64")
        self.starts: list[int] = cols[:, 0].tolist()
        self.para_of = _paragraph_numbers(self.text, self.starts)
        self.bounds = _sentences(doc, self.para_of)
        self.sent_of = [0] * len(doc)
        for n, (lo, hi) in enumerate(self.bounds):
            for i in range(lo, hi):
                self.sent_of[i] = n
        self.pos_ids = cols[:, 1]  # spaCy's POS symbols (spacy.symbols.VERB, ...)
        self.lower_ids = cols[:, 2]  # hashes of the lower-cased words
        self.orth_ids = cols[:, 3]  # hashes of the words
        self.lemma_ids = cols[:, 4]  # hashes of the lemmas
        self._strings = doc.vocab.strings
        self.owner = [-1] * len(doc)  # quoted stretch of each token, -1 for none
        self.ents: list[Span] = list(doc_ents(doc))
        self.ent_at = [-1] * len(doc)  # entity of each token, -1 for none
        for n, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                self.ent_at[i] = n

    def lower(self, i: int) -> str:
        """Token ``i``'s lower-cased word (no Token object made)."""
        return self._strings[int(self.lower_ids[i])]  # type: ignore[no-any-return]

    def lemma_in(self, mask: np.ndarray, words: frozenset[str] | set[str]) -> np.ndarray:
        """Of the tokens ``mask`` selects, those whose lower-cased lemma is in ``words``."""
        strings = self._strings
        wanted = [lid for lid in np.unique(self.lemma_ids[mask]).tolist()
                  if strings[lid].lower() in words]
        return mask & np.isin(self.lemma_ids, wanted)

    def ents_in(self, lo: int, hi: int) -> list[Span]:
        """Entities overlapping tokens [lo, hi), in order."""
        seen = sorted({self.ent_at[i] for i in range(lo, hi)} - {-1})
        return [self.ents[n] for n in seen]

    def sent(self, i: int) -> tuple[int, int]:
        """Token range of the sentence of token ``i``."""
        return self.bounds[self.sent_of[i]]

    def sent_tokens(self, i: int) -> list[Token]:
        """The tokens of the sentence of token ``i``."""
        lo, hi = self.sent(i)
        return [self.doc[j] for j in range(lo, hi)]

    def token_at(self, char: int) -> Token:
        """The token that covers (or last starts before) character ``char``."""
        return self.doc[max(0, bisect_right(self.starts, char) - 1)]

    def paragraph_start(self, char: int) -> int:
        """Offset of the start of the line holding ``char``."""
        return self.text.rfind("\n", 0, char) + 1

    def paragraph_end(self, char: int) -> int:
        """Offset of the end of the line holding ``char``."""
        end = self.text.find("\n", char)
        return len(self.text) if end == -1 else end
