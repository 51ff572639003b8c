"""The Ray engine: the same Pipeline in Ray Data actors, records out as Parquet shards.

The driver reads articles with chronicler's own readers (so ids, cleaning and language checks
are those of the local engine) and hands them to Ray a window at a time. Each window is one
Ray Data job: ``from_items`` -> ``map_batches`` over a pool of ``ExtractActor`` (each loads
the model once and writes its batches' Parquet shards). Then the driver checks that every
article of the window came back: the articles of a task whose worker died more often than
Ray retries it are run again one per task, and an article that still kills its worker is
written as an error row, so it is reported, never silently lost. A job that makes no
progress for ``STALL_SECONDS`` is stopped and its missing articles reported, not run again.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..errors import E_RAY_MISSING, UsageError
from ..pipeline import PipelineConfig
from ..types import Article
from .shards import shard_row, shard_schema

# Articles handed to Ray per job. Each job starts its actors (a model load, ~3 s) and ends
# with the driver's completeness check and the store's load, so a window is large enough to
# hide that (~10 min of work on 2 cores) and small enough that a crash loses little.
WINDOW_ARTICLES = 8_000
# Articles per task: the local engine's batch size (spaCy's nlp.pipe batches inside it).
BATCH_ARTICLES = 16
# Times Ray retries a task whose worker died before the task counts as failed. A dead actor
# itself is always restarted: Ray Data does not replace an actor that is out of restarts, so
# a bound there would let a few poisoned articles empty the pool and hang the job.
RETRIES = 2
# A Ray job that produces nothing for this long is stuck: its actors cannot start (a worker
# that crashes while loading the model is restarted for ever) or the cluster has no free CPU.
# A task is 16 articles, seconds of work. Raise it (--stall) where a cluster scales up slowly.
STALL_SECONDS = 600
# Object store of a local Ray: a window's texts and records are a few MB per thousand
# articles; Ray's default (30 % of RAM) would reserve shared memory other work needs.
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide to run. ``workers=None``: every CPU of the cluster (a local Ray gets
    this machine's cores)."""

    address: str | None = None
    workers: int | None = None
    batch_size: int = BATCH_ARTICLES
    window: int = WINDOW_ARTICLES
    retries: int = RETRIES
    stall_seconds: float = STALL_SECONDS


def import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UsageError(f"[{E_RAY_MISSING}] --engine ray needs Ray: install chronicler's "
                         "'scale' extra (pip install 'chronicler[scale]'; make install does) "
                         f"({exc})") from exc
    return ray


@contextmanager
def ray_session(options: RayOptions) -> Iterator[Any]:
    """Ray connected (to ``options.address``) or started locally; quiet on stdout."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline: no usage report
    ray = import_ray()
    with redirect_stdout(sys.stderr):  # Ray prints its workers' and raylet's logs there
        started = False
        if not ray.is_initialized():
            common: dict[str, Any] = {"include_dashboard": False, "log_to_driver": True,
                                      "logging_level": logging.WARNING}
            if options.address:
                ray.init(address=options.address, **common)
            else:
                ray.init(num_cpus=os.cpu_count() or 1, object_store_memory=LOCAL_OBJECT_STORE_BYTES, **common)
            started = True
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # chronicler's own bar counts articles
        ctx.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        try:
            yield ray
        finally:
            if started:
                ray.shutdown()


class ExtractActor:
    """A Ray Data actor: one Pipeline per worker process, a batch of articles per call. With
    ``out`` it writes each batch's shard there itself (named by the batch's first and last
    article, so a retried task rewrites the same file) and returns only the articles' numbers:
    no separate write step competes with the actors for CPUs."""

    def __init__(self, config: PipelineConfig, out: str | None = None) -> None:
        sys.stdout = sys.stderr  # stdout carries records only, and workers write none
        from ..pipeline import build

        self.pipeline = build(replace(config, n_process=1))
        self.out = Path(out) if out else None

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = batch.to_pylist()
        articles = [article_of(r) for r in rows]
        table = pa.Table.from_pylist(self.code(rows, articles), schema=shard_schema())
        if self.out is None:
            return table
        seqs = table.column("seq").to_pylist()
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"part-{seqs[0]:09d}-{seqs[-1]:09d}.parquet"
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        pq.write_table(table, partial)
        os.replace(partial, path)  # atomic: a reader never sees half a shard
        return pa.table({"seq": seqs})

    def code(self, rows: list[dict[str, Any]], articles: list[Article]) -> list[dict[str, Any]]:
        try:
            records = list(self.pipeline.run(articles))
        except Exception:  # noqa: BLE001 - find the article that failed: one at a time
            return [self.one(row["seq"], article) for row, article in zip(rows, articles)]
        return [shard_row(row["seq"], record, article=article)
                for row, record, article in zip(rows, records, articles, strict=True)]

    def one(self, seq: int, article: Article) -> dict[str, Any]:
        try:
            return shard_row(seq, self.pipeline.process(article), article=article)
        except Exception as exc:  # noqa: BLE001 - reported in the shard, the run goes on
            return shard_row(seq, None, article=article,
                             error=f"the pipeline failed: {type(exc).__name__}: {exc}")


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def article_row(seq: int, article: Article) -> dict[str, Any]:
    return {"seq": seq, **{name: getattr(article, name) for name in _ARTICLE_FIELDS}}


def article_of(row: dict[str, Any]) -> Article:
    return Article(**{name: row[name] for name in _ARTICLE_FIELDS})


def windows(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_window(ray: Any, articles: list[Article], out: Path, *, config: PipelineConfig,
               options: RayOptions, actor_cls: type = ExtractActor) -> None:
    """Code one window of articles into Parquet shards under ``out`` (one row per article)."""
    rows = [article_row(seq, a) for seq, a in enumerate(articles)]
    stalled = _ray_job(ray, rows, out / "main", config=config, options=options,
                       actor_cls=actor_cls, batch_size=options.batch_size, one_at_a_time=False)
    missing = _missing(out, len(rows))
    if missing and not stalled:  # tasks that failed after their retries: again, one article
        # per task (a stalled job is not run again: it would stall again)
        print(f"chronicler: {len(missing)} article(s) of this window lost their worker; "
              "running them again one at a time", file=sys.stderr)
        _ray_job(ray, [rows[i] for i in missing], out / "again", config=config,
                 options=options, actor_cls=actor_cls, batch_size=1, one_at_a_time=True)
        missing = _missing(out, len(rows))
    if missing:
        _write_lost(out / "lost", [(i, articles[i]) for i in missing],
                    _stall_message(options) if stalled else _failed_message(options))


def _ray_job(ray: Any, rows: list[dict[str, Any]], out: Path, *, config: PipelineConfig,
             options: RayOptions, actor_cls: type, batch_size: int, one_at_a_time: bool) -> bool:
    """Run one Ray Data job; True when it stalled (see STALL_SECONDS).

    A worker that dies fails every task queued on it, so tasks behind a poisoned article may
    die with it. ``one_at_a_time`` queues one task per actor, so that only the poisoned
    article dies: the run-again job's way. The main job keeps Ray Data's queue (one at a
    time made a whole-corpus ingest 12 % slower)."""
    blocks = max(1, math.ceil(len(rows) / batch_size))
    ctx = ray.data.DataContext.get_current()
    ctx.max_errored_blocks = blocks  # a failed task must not stop the window: checked after
    ctx.execution_no_progress_timeout_s = options.stall_seconds
    workers = options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = ray.data.from_items(rows, override_num_blocks=blocks)
    with warnings.catch_warnings():  # Ray Data's own default retries a task forever; its only
        # spelling of a bound is the deprecated ray_remote_args
        warnings.simplefilter("ignore")
        ds = ds.map_batches(actor_cls, fn_constructor_kwargs={"config": config, "out": str(out)},
                            batch_size=batch_size, batch_format="pyarrow",
                            compute=ray.data.ActorPoolStrategy(
                                size=min(workers, blocks),
                                max_tasks_in_flight_per_actor=1 if one_at_a_time else None),
                            num_cpus=1, max_restarts=-1,
                            max_task_retries=options.retries)
    try:
        for _ in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            pass  # the shards are on disk; what matters is which arrived (checked after)
    except ray.data.exceptions.ExecutionTimeoutError:
        print(f"chronicler: a Ray job made no progress for {options.stall_seconds:g} s; "
              "stopped", file=sys.stderr)
        return True
    except Exception as exc:  # noqa: BLE001 - whatever came back is kept; the rest is redone
        print(f"chronicler: a Ray job failed ({type(exc).__name__}: {exc}); "
              "its missing articles are run again", file=sys.stderr)
    return False


def _missing(out: Path, n: int) -> list[int]:
    import pyarrow.parquet as pq

    seen: set[int] = set()
    for path in sorted(out.rglob("*.parquet")):
        try:
            seen.update(pq.read_table(path, columns=["seq"]).column("seq").to_pylist())
        except OSError:
            continue
    return [i for i in range(n) if i not in seen]


def _failed_message(options: RayOptions) -> str:
    return (f"its Ray task failed {2 * (options.retries + 1)} times (its worker died: out of "
            "memory, a crash in native code; or an error outside the pipeline); it is not "
            "stored; re-run to try it again")


def _stall_message(options: RayOptions) -> str:
    return (f"the Ray job made no progress for {options.stall_seconds:g} s (its workers could "
            "not start: check that every node has chronicler and its model installed and "
            "memory for ~0.5 GB per worker; or the cluster had no free CPU: raise --stall); "
            "it is not stored; re-run to try it again")


def _write_lost(out: Path, lost: list[tuple[int, Article]], message: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    rows = [shard_row(seq, None, article=article, error=message) for seq, article in lost]
    pq.write_table(pa.Table.from_pylist(rows, schema=shard_schema()), out / "lost.parquet")
