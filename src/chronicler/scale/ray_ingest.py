"""``ingest`` and ``extract`` on the Ray engine: windows of articles -> shards -> the store.

The store stays single-writer: Ray workers write Parquet shards, and this process loads them
(skipping articles the store has) and deletes them once committed. Shards a crashed run left
behind are loaded first, and articles already stored are never sent to Ray again, so a re-run
does only the missing work.
"""

from __future__ import annotations

import itertools
import shutil
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem, UsageError
from ..ingest import IngestConfig, read_inputs
from ..pipeline import PipelineConfig
from ..store.db import Store
from ..store.ingest import (
    WRITER_MEMORY,
    IngestReport,
    _bar,
    _new_articles,
    _tick,
    producer_id,
    rebuild_stories,
)
from ..types import Article
from .ray_runner import RayOptions, ray_session, run_window, windows
from .shards import load_shards, problem_of, read_shard_rows, shard_files


def shards_dir_of(db: str | Path) -> Path:
    """Where an ingest into ``db`` keeps its shards until they are loaded."""
    return Path(f"{db}.shards")


def ingest_ray(paths: Iterable[str], db: str | Path, *, force: bool = False,
               config: PipelineConfig | None = None, ingest_config: IngestConfig | None = None,
               options: RayOptions | None = None, shards: str | Path | None = None,
               progress: bool = True, total: int | None = None,
               actor_cls: type | None = None) -> IngestReport:
    """``store.ingest.ingest`` on Ray (same rows in the store for the same input)."""
    config = config or PipelineConfig()
    options = options or RayOptions()
    folder = Path(shards) if shards else shards_dir_of(db)
    report = IngestReport()
    started = time.perf_counter()
    store = Store(db, memory_limit=WRITER_MEMORY)
    try:
        producer, settings = producer_id(config)
        store.register_producer(producer, _version(), settings)
        if shard_files(folder):
            print(f"chronicler: loading the shards a previous run left in {folder}",
                  file=sys.stderr)
            _load(store, folder, producer, report)
        articles = _new_articles(read_inputs(paths, config=ingest_config), store, report,
                                 force=force)
        bar = _bar(progress, total)
        extra = {} if actor_cls is None else {"actor_cls": actor_cls}
        first = next(articles, None)
        if first is not None:  # nothing new: no Ray to start
            with ray_session(options) as ray:
                stream = itertools.chain([first], articles)
                for number, window in enumerate(windows(stream, options.window)):
                    out = folder / f"window-{number:05d}"
                    run_window(ray, window, out, config=config, options=options, **extra)
                    before = report.written
                    _load(store, out, producer, report)
                    _tick(bar, report.written - before, report, started)
        shutil.rmtree(folder, ignore_errors=True)
        report.stories = rebuild_stories(store)
        if bar is not None:
            bar.close()
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def _load(store: Store, folder: Path, producer: str, report: IngestReport) -> None:
    written, events, problems = load_shards(store, folder, producer)
    report.written += written
    report.events += events
    for problem in problems:
        print(f"chronicler: not stored: {problem}", file=sys.stderr)
    report.problems.extend(problems)


def _version() -> str:
    from .. import __version__

    return __version__


def extract_ray(articles: Iterable[Article], output: str | Path, *, config: PipelineConfig,
                options: RayOptions, actor_cls: type | None = None) -> tuple[int, list[Problem]]:
    """Records of ``articles`` as Parquet shards under the folder ``output`` (one window per
    sub-folder); (records written, articles that failed). Warnings go to stderr."""
    out = Path(output)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"--output {output} must be a new or empty folder for --engine ray "
                         "(it receives Parquet shards)")
    extra = {} if actor_cls is None else {"actor_cls": actor_cls}
    with ray_session(options) as ray:
        for number, window in enumerate(windows(articles, options.window)):
            run_window(ray, window, out / f"window-{number:05d}", config=config,
                       options=options, **extra)
    count, problems = 0, []
    for row in read_shard_rows(out):
        if row["error"] is not None:
            problems.append(problem_of(row))
            print(f"chronicler: failed: {problems[-1]}", file=sys.stderr)
            continue
        count += 1
        for warning in row["warnings"]:
            print(f"chronicler: {warning}", file=sys.stderr)
    return count, problems
