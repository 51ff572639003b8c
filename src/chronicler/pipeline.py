"""build(config) -> Pipeline; Pipeline.run(articles) -> Iterator[Record]. No I/O here.

The pipeline loads spaCy once. Streams of more than a handful of articles are spread over
worker processes (each runs the whole per-article work, spaCy and chronicler's stages), with
a bounded number of batches in flight so memory stays flat and output keeps input order.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import errors as E
from .actors import ActorResolver, load_kb
from .events import EventCoder
from .nlp import DEFAULT_MODEL, load_nlp
from .nlp.limits import CHUNK_CHARS, pieces, too_long
from .places import PlaceResolver
from .records import Stages, doc_to_record
from .types import Article, Record

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Below this many articles a second process costs more (fork, warm-up) than it saves; measured
# on the news corpus: 2 processes pay off from roughly a dozen average-length articles.
MIN_PARALLEL_ARTICLES = 12
# Articles per batch sent to a worker: large enough to amortise pickling, small enough that
# two batches in flight per worker keep memory flat.
BATCH_ARTICLES = 16
IN_FLIGHT_PER_WORKER = 2
# Articles per spaCy memory zone: the strings and lexemes a zone's articles add to the
# vocabulary are freed when it closes, so a long-lived worker's vocabulary stays the model's
# own (without zones it grew with every new name; see benchmarks/soak.py).
ZONE_ARTICLES = 64
# The parser's memory grows with the text it is given at once. Bodies longer than PART_CHARS
# are parsed in parts cut at paragraph or sentence ends and joined back into one Doc over the
# original text (offsets unchanged; the part size is nlp/limits.py's, which also bounds the
# quote stage's work per sentence); a parser batch holds at most BATCH_CHARS characters
# (tuned on the first 800 news articles, 2 workers: 200,000 gave a peak PSS of 1,320 MB,
# 50,000 gave 1,150 MB and no loss of speed).
PART_CHARS = CHUNK_CHARS
BATCH_CHARS = 50_000


@dataclass(frozen=True)
class PipelineConfig:
    """What the pipeline does. ``n_process=None`` picks 1 or all cores by the stream's size."""

    model: str = DEFAULT_MODEL
    n_process: int | None = None
    batch_size: int = BATCH_ARTICLES
    actor_files: tuple[str, ...] = ()  # user dictionaries (CSV/YAML, or PETRARCH actors/agents
    # .txt) added to the knowledge base
    verb_files: tuple[str, ...] = ()  # PETRARCH verb dictionaries; their senses win over the
    # built-in verb lexicon (chronicler.events.petrarch)
    reference_date: str | None = None  # YYYY-MM-DD for "last week" when an article has no date


class Pipeline:
    """Turns Articles into Records."""

    def __init__(self, config: PipelineConfig, nlp: Language, stages: Stages) -> None:
        self.config = config
        self.nlp = nlp
        self.stages = stages

    def process(self, article: Article) -> Record:
        """One article (in this process)."""
        return next(iter(self._run_local([article])))

    def run(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records in input order; uses worker processes for large streams."""
        stream = iter(articles)
        head = list(itertools.islice(stream, MIN_PARALLEL_ARTICLES))
        workers = self._workers(len(head))
        if workers <= 1:
            yield from self._run_local(itertools.chain(head, stream))
        else:
            yield from self._run_pool(itertools.chain(head, stream), workers)

    def _workers(self, head_size: int) -> int:
        if self.config.n_process is not None:
            return max(1, self.config.n_process)
        if head_size < MIN_PARALLEL_ARTICLES:
            return 1
        return min(os.cpu_count() or 1, 4)  # at most 4: every worker holds a parser in memory

    def _run_local(self, articles: Iterable[Article]) -> Iterator[Record]:
        others, english = _split_language(articles, self.nlp.max_length)
        for item in _merge(others, self._docs(english)):
            if isinstance(item, Record):
                yield item
            else:
                doc, article = item
                yield _record_or_failure(doc, article, self.stages)

    def _docs(self, english: Iterator[Article]) -> Iterator[tuple[Doc, Article]]:
        """(Doc, article) in input order; each group of articles in its own memory zone (its
        Docs are used, and become records, before the zone closes)."""
        for group in _batches(english, ZONE_ARTICLES):
            with self.nlp.memory_zone():
                parts: list[Doc] = []
                for batch in part_batches(group, self.config.batch_size, BATCH_CHARS):
                    texts = [text for text, _, _ in batch]
                    for doc, (_, article, last) in zip(
                            self.nlp.pipe(texts, batch_size=len(texts)), batch, strict=True):
                        parts.append(doc)
                        if last:
                            yield self._joined(parts, article.text), article
                            parts = []

    def _joined(self, parts: list[Doc], text: str) -> Doc:
        """The Doc of an article parsed in parts; parsed whole if the parts do not join back to
        exactly its text (they do by construction: never risk offsets beside their words)."""
        if len(parts) == 1:
            return parts[0]
        doc = join_docs(parts)
        return doc if doc.text == text else self.nlp(text)

    def _run_pool(self, articles: Iterable[Article], workers: int) -> Iterator[Record]:
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = self  # inherited by forked workers: no second model load
        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        gc.freeze()  # keep the loaded model out of the collector: forked pages stay shared
        pending: deque[Future[list[Record]]] = deque()
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                 initializer=_init_worker, initargs=(self.config,)) as pool:
            for batch in _batches(articles, self.config.batch_size):
                pending.append(pool.submit(_work, batch))
                while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()


def build(config: PipelineConfig | None = None) -> Pipeline:
    """Load the model and chronicler's components once."""
    config = config or PipelineConfig()
    kb = load_kb(config.actor_files)
    places = PlaceResolver(kb)
    places.gazetteer  # noqa: B018 - load the gazetteer (built once into the cache) before forking
    return Pipeline(config, load_nlp(config.model),
                    Stages(actors=ActorResolver(kb), places=places, events=EventCoder(kb, verb_files=config.verb_files),
                           reference_date=config.reference_date))


# --- helpers ----------------------------------------------------------------------------------

def _record_or_failure(doc, article: Article, stages: Stages) -> Record:  # type: ignore[no-untyped-def]
    """The article's record; when a stage raises on it, a record with empty NLP parts and an
    [E022] warning, so one unforeseen article never stops a batch of thousands."""
    try:
        return doc_to_record(doc, article, stages)
    except Exception as exc:
        log.warning("stages failed on %s", article.origin or article.id, exc_info=True)
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return Record(article=article, warnings=(
            (f"[{E.E_STAGE_FAILED}] {article.origin or article.id}: chronicler's NLP stages "
            f"failed on this article ({detail}); the record has empty NLP parts. Please report "
            "it with the article."),))


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None or _WORKER_PIPELINE.config != config:
        _WORKER_PIPELINE = build(config)


def _work(batch: list[Article]) -> list[Record]:
    assert _WORKER_PIPELINE is not None
    return list(_WORKER_PIPELINE._run_local(batch))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def split_text(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into consecutive parts of at most ``limit`` characters (joined, they are
    ``text``), each cut after a paragraph break, else a line break, else a sentence end, else
    a space (nlp/limits.py's ``pieces``)."""
    return pieces(text, PART_CHARS if limit is None else limit)


def part_batches(articles: list[Article], size: int, max_chars: int
                 ) -> Iterator[list[tuple[str, Article, bool]]]:
    """Parser batches of (text, article, is its last part): at most ``size`` texts and
    ``max_chars`` characters (a single part may be a batch alone)."""
    batch: list[tuple[str, Article, bool]] = []
    chars = 0
    for article in articles:
        parts = split_text(article.text) if len(article.text) > PART_CHARS else [article.text]
        for i, piece in enumerate(parts):
            if batch and (len(batch) >= size or chars + len(piece) > max_chars):
                yield batch
                batch, chars = [], 0
            batch.append((piece, article, i == len(parts) - 1))
            chars += len(piece)
    if batch:
        yield batch


def join_docs(parts: list[Doc]) -> Doc:
    """One Doc over the parts' texts joined as they are (no whitespace added)."""
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False)


class _LanguageSplit:
    """Routes non-English articles around spaCy while keeping the input order."""

    def __init__(self, articles: Iterable[Article], max_chars: int) -> None:
        self.source = iter(articles)
        self.max_chars = max_chars
        self.order: deque[Article | Record] = deque()

    def english(self) -> Iterator[Article]:
        for article in self.source:
            if not isinstance(article, Article):
                raise TypeError(f"Pipeline.run takes chronicler.types.Article objects, not "
                                f"{type(article).__name__}; use chronicler.extract() for text")
            if article.language != "en":
                self.order.append(_skipped(article))
            elif (why := too_long(article.text)) is not None:
                self.order.append(_skipped(article, f"[{E.E_TOO_LARGE}] "
                                           f"{article.origin or article.id}: {why}; the record "
                                           "has empty NLP parts"))
            else:
                self.order.append(article)
                yield article


def _split_language(articles: Iterable[Article],
                    max_chars: int) -> tuple[_LanguageSplit, Iterator[Article]]:
    split = _LanguageSplit(articles, max_chars)
    return split, split.english()


def _merge(split: _LanguageSplit, docs: Iterator) -> Iterator:  # type: ignore[type-arg]
    """Yield skipped records and (doc, article) pairs in input order."""
    for doc_pair in docs:
        while split.order and isinstance(split.order[0], Record):
            yield split.order.popleft()
        split.order.popleft()
        yield doc_pair
    while split.order:
        item = split.order.popleft()
        if isinstance(item, Record):
            yield item


def _skipped(article: Article, why: str | None = None) -> Record:
    """A record with empty NLP parts, and the warning that says why."""
    why = why or (f"[{E.W_LANGUAGE}] {article.origin or article.id}: language "
                  f"{article.language!r} is not supported yet; the record has empty NLP parts")
    return Record(article=article, warnings=(why,))
