"""``ingest``: inputs -> pipeline (worker processes) -> the store (this process writes)."""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from .. import __version__
from ..errors import Problem, StoreWriteError
from ..ingest import IngestConfig, read_inputs
from ..pipeline import PipelineConfig, build
from ..types import Article, Record
from .db import Store
from .rows import article_key
from .stories import build_stories

# Articles checked against the store per query, and records written per transaction: big
# enough for bulk inserts, small enough that a crash loses little work.
LOOKUP_CHUNK = 256
WRITE_BATCH = 64
#: DuckDB's buffer pool in the writing process. By default it keeps every block written (up to
#: 80 % of RAM), so a long ingest grows with its store; capped, old blocks go back to the file
#: and the writer stays flat (benchmarks/soak.py). Inserts evict and re-read index blocks a
#: little more often: about a millisecond per article, next to ~70 ms of processing.
WRITER_MEMORY = "64MB"


@dataclass
class IngestReport:
    read: int = 0
    skipped_known: int = 0
    written: int = 0
    events: int = 0
    stories: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)


def producer_id(config: PipelineConfig) -> tuple[str, dict]:
    """A stable name for (version, configuration)."""
    settings = {k: v for k, v in asdict(config).items() if k != "n_process"}
    digest = hashlib.sha1(json.dumps(settings, sort_keys=True, default=str).encode())
    return f"chronicler-{__version__}-{digest.hexdigest()[:8]}", settings


def ingest(paths: Iterable[str], db: str | Path, *, force: bool = False,
           config: PipelineConfig | None = None, ingest_config: IngestConfig | None = None,
           progress: bool = True, total: int | None = None,
           commit_every: int = WRITE_BATCH) -> IngestReport:
    """Read, extract and store; already-stored articles are skipped unless ``force``."""
    config = config or PipelineConfig()
    report = IngestReport()
    started = time.perf_counter()
    store = Store(db, memory_limit=WRITER_MEMORY)
    try:
        producer, settings = producer_id(config)
        store.register_producer(producer, __version__, settings)
        articles = _new_articles(read_inputs(paths, config=ingest_config), store, report,
                                 force=force)
        pipeline = build(config)
        bar = _bar(progress, total)
        try:
            for batch in _batches(pipeline.run(articles), commit_every):
                _report_record_errors(batch, report)
                store.write(batch, producer)
                report.written += len(batch)
                report.events += sum(len(r.events) for r in batch)
                _tick(bar, len(batch), report, started)
            report.stories = rebuild_stories(store)
        except duckdb.Error as exc:
            fix = ("Free memory (close other programs)" if "out of memory" in str(exc).lower()
                   else "Free disk space (or fix the file system)")
            raise StoreWriteError(
                f"writing to the store {db} failed ({str(exc).splitlines()[0]}); the "
                f"{report.written} article(s) committed by this run before it are kept. {fix} "
                "and re-run the same `chronicler ingest`: it resumes where this run "
                "stopped.") from exc
        if bar is not None:
            bar.close()
    finally:
        try:
            store.close()
        except duckdb.Error:  # a store that failed to write may fail to close as well
            pass
    report.seconds = time.perf_counter() - started
    return report


def rebuild_stories(store: Store) -> int:
    """Stories brought up to date once the stream is written: the keys this run's events
    touched are clustered again (build_stories). A first ingest touches every key, so the pass
    runs without WRITER_MEMORY's cap (under it DuckDB ran out of memory at 100,000 events)."""
    store.cap_memory(False)
    try:
        return build_stories(store.con)
    finally:
        store.cap_memory(True)


def _new_articles(items: Iterable[Article | Problem], store: Store, report: IngestReport, *,
                  force: bool) -> Iterator[Article]:
    """Articles not in the store yet (all of them, after deleting old rows, with ``force``)."""
    seen: set[str] = set()
    it = iter(items)
    while chunk := list(itertools.islice(it, LOOKUP_CHUNK)):
        articles = []
        for item in chunk:
            if isinstance(item, Problem):
                report.problems.append(item)
                print(f"chronicler: skipped {item}", file=sys.stderr)
            else:
                for warning in item.warnings:  # repaired on reading; the article is kept
                    print(f"chronicler: {warning}", file=sys.stderr)
                report.read += 1
                articles.append(item)
        keys = [article_key(a.text) for a in articles]
        known = store.known(keys)
        if force:
            store.delete(known - seen)
            known = set()
        for article, key in zip(articles, keys):
            if key in known or key in seen:
                report.skipped_known += 1
                continue
            seen.add(key)
            yield article


def _report_record_errors(batch: list[Record], report: IngestReport) -> None:
    """Records stored with empty NLP parts because of an error ([E...]) count as problems."""
    for record in batch:
        for warning in record.warnings:
            print(f"chronicler: {warning}", file=sys.stderr)
            if warning.startswith("[E"):
                report.problems.append(Problem(record.article.origin or record.article.id,
                                               warning[1:5], warning))


def _batches(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while batch := list(itertools.islice(records, size)):
        yield batch


def _bar(progress: bool, total: int | None):  # type: ignore[no-untyped-def]
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=" art", desc="ingest", file=sys.stderr, dynamic_ncols=True)


def _tick(bar, n: int, report: IngestReport, started: float) -> None:  # type: ignore[no-untyped-def]
    if bar is None:
        return
    elapsed = max(time.perf_counter() - started, 1e-9)
    bar.update(n)
    bar.set_postfix_str(f"{report.written / elapsed:.1f} art/s, {report.events / elapsed:.1f} "
                        f"events/s, {report.events} events", refresh=False)


def count_inputs(paths: Iterable[str]) -> int | None:
    """A cheap upper bound on the number of articles, for the progress bar's ETA."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                with f.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif f.name.lower().endswith((".warc", ".warc.gz")):
                return None
            else:
                total += 1
    return total
