"""Bounds on what one article may cost the parser, and the two tools that keep it bounded.

Measured on this project's 2-core machine (shared, so slow): spaCy's small model holds about
15 KB per token while a Doc goes through tok2vec and the parser in one piece (40,000 tokens:
+660 MB), and chronicler's quote stage walks a quote's whole sentence, so a sentence of
27,000 tokens with 3,000 quotation marks took 352 s. Hence:

- ``split_long_stretches``: a component before the parser that starts a new sentence every
  ``STRETCH_TOKENS`` tokens inside a run of more than ``MAX_STRETCH_TOKENS`` tokens with no
  sentence-ending punctuation or line break (the parser respects pre-set sentence starts, so no
  arc crosses them). Real sentences are far shorter; only run-on text is cut.
- ``pieces``: a text over ``CHUNK_CHARS`` is parsed in pieces cut at paragraph, line, sentence or
  word boundaries, and the pieces joined back into one Doc whose text is exactly the article's
  (offsets unchanged; the pipeline does this, batching pieces by characters).
- ``MAX_TOKENS``: an article with more tokens than this (words and punctuation, estimated
  without the parser) is not parsed at all: ~30 s and well under 1.5 GB on this machine.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_CHARS = 500_000  # a coarse cap checked before anything else (9 MB lines stop here)
MAX_TOKENS = 40_000  # about 25,000 words of news text; the longest news articles are ~10,000
CHUNK_CHARS = 10_000
MAX_STRETCH_TOKENS = 200
STRETCH_TOKENS = 100
_TOKENS = re.compile(r"\w+|[^\w\s]")
_ENDS = frozenset([".", "!", "?", ";", "…", "。", "؟", "।"])
COMPONENT = "chronicler_split_long_stretches"


def estimate_tokens(text: str, *, stop: int = MAX_TOKENS + 1) -> int:
    """Words plus punctuation marks, counted up to ``stop`` (spaCy's count is close to it)."""
    n = 0
    for _ in _TOKENS.finditer(text):
        n += 1
        if n >= stop:
            break
    return n


def too_long(text: str) -> str | None:
    """Why ``text`` is over the parser's limits, or None."""
    if len(text) > MAX_CHARS:
        return (f"article of {len(text):,} characters is over the parser's limit of "
                f"{MAX_CHARS:,}; split it into several articles")
    if estimate_tokens(text) > MAX_TOKENS:
        return (f"article of more than {MAX_TOKENS:,} words and punctuation marks is over the "
                "parser's limit (about 30 s and 1.5 GB); split it into several articles")
    return None


def split_long_stretches(doc: Doc) -> Doc:
    """Pre-set sentence starts inside over-long runs of tokens without an ending mark."""
    run = 0
    for token in doc:
        if token.text in _ENDS or "\n" in token.text:
            run = 0
            continue
        run += 1
        if run > MAX_STRETCH_TOKENS and run % STRETCH_TOKENS == 1:
            token.is_sent_start = True
    return doc


def add_stretch_splitter(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=split_long_stretches)
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")


def pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back into it, each cut
    after a blank line, else a line break, else a sentence end, else a space, else anywhere."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            at = window.rfind(mark, size // 2)
            if at > 0:
                cut = at + len(mark)
                break
        cut = cut if cut > 0 else size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out
