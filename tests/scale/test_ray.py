"""The Ray engine against the local one on the shipped samples: the same store, retries of a
dead worker, poisoned articles reported, and a re-run that does only the missing work.

One local Ray (2 CPUs) serves the whole module; skipped where Ray is not installed.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray (the 'scale' extra) is not installed")

from chronicler.ingest import read_inputs
from chronicler.pipeline import PipelineConfig
from chronicler.scale.ray_ingest import extract_ray, ingest_ray
from chronicler.scale.ray_runner import ExtractActor, RayOptions, ray_session
from chronicler.scale.shards import read_shard_rows
from chronicler.store.ingest import IngestReport, ingest
from chronicler.store.rows import TABLE_COLUMNS
from chronicler.types import Article

SAMPLES = str(resources.files("chronicler").joinpath("samples/articles.jsonl"))
OPTIONS = RayOptions(workers=2, batch_size=2, retries=1)


@pytest.fixture(scope="module")
def session():
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # test actors by value
    with ray_session(RayOptions(workers=2)) as handle:
        yield handle


def _tables(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in [*TABLE_COLUMNS, "stories", "story_events"]}
    finally:
        con.close()


def _few(tmp_path: Path, n: int) -> str:
    lines = Path(SAMPLES).read_text("utf-8").splitlines()[:n]
    path = tmp_path / "few.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return str(path)


def test_ray_store_is_the_local_store(session, tmp_path: Path) -> None:
    config = PipelineConfig(n_process=1)
    local = ingest([SAMPLES], tmp_path / "local.duckdb", config=config, progress=False)
    far = ingest_ray([SAMPLES], tmp_path / "ray.duckdb", config=config, options=OPTIONS,
                     progress=False)
    assert far.written == local.written == 12 and far.events == local.events
    assert not far.problems
    assert _tables(tmp_path / "ray.duckdb") == _tables(tmp_path / "local.duckdb")
    again = ingest_ray([SAMPLES], tmp_path / "ray.duckdb", config=config, options=OPTIONS,
                       progress=False, actor_cls=DiesOnEverything)
    assert (again.written, again.skipped_known, again.problems) == (0, 12, [])
    assert not (tmp_path / "ray.duckdb.shards").exists()


class DiesOnce(ExtractActor):
    """Kills its worker the first time it meets the second article (a marker file says so)."""

    marker = ""

    def __call__(self, batch):  # type: ignore[no-untyped-def]
        if len(batch) > 1 and not os.path.exists(self.marker):
            Path(self.marker).write_text("died", "utf-8")
            os._exit(1)
        return super().__call__(batch)


class Poisoned(ExtractActor):
    """An article whose id says 'die' kills its worker; the pipeline raises on one whose id
    says 'fail'."""

    def __init__(self, config: PipelineConfig, out: str | None = None) -> None:
        super().__init__(config, out)
        run, process = self.pipeline.run, self.pipeline.process

        def check(article: Article) -> Article:
            if "-fail" in article.id:
                raise ValueError("a poisoned article")
            return article

        self.pipeline.run = lambda articles: run([check(a) for a in articles])
        self.pipeline.process = lambda article: process(check(article))

    def code(self, rows, articles):  # type: ignore[no-untyped-def]
        if any("-die" in a.id for a in articles):
            os._exit(1)
        return super().code(rows, articles)


class DiesOnEverything(ExtractActor):
    def __call__(self, batch):  # type: ignore[no-untyped-def]
        os._exit(1)


def test_dead_worker_task_is_retried(session, tmp_path: Path) -> None:
    DiesOnce.marker = str(tmp_path / "died-once")
    report = ingest_ray([_few(tmp_path, 4)], tmp_path / "r.duckdb",
                        config=PipelineConfig(), options=OPTIONS, progress=False,
                        actor_cls=DiesOnce)
    assert Path(DiesOnce.marker).read_text("utf-8") == "died"
    assert (report.written, report.problems) == (4, [])


def _ingest_poisoned(tmp_path: Path, n: int, marks: dict[int, str], options: RayOptions
                     ) -> tuple[list[dict], IngestReport]:
    """The first ``n`` samples, the ids of some marked for ``Poisoned``, ingested on Ray."""
    rows = [json.loads(line) for line in Path(_few(tmp_path, n)).read_text("utf-8").splitlines()]
    for index, mark in marks.items():
        rows[index]["id"] += mark
    src = tmp_path / "poisoned.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    report = ingest_ray([str(src)], tmp_path / "p.duckdb", config=PipelineConfig(),
                        options=options, progress=False, actor_cls=Poisoned)
    return rows, report


def test_poisoned_articles_are_reported_and_the_rest_stored(session, tmp_path: Path) -> None:
    rows, report = _ingest_poisoned(tmp_path, 5, {1: "-die", 3: "-fail"}, OPTIONS)
    assert report.written == 3
    failed = {p.origin: (p.code, p.message) for p in report.problems}
    assert set(failed) == {f"article {rows[1]['id']}", f"article {rows[3]['id']}"}
    assert all(code == "E040" for code, _ in failed.values())
    assert "worker" in failed[f"article {rows[1]['id']}"][1]
    assert "ValueError" in failed[f"article {rows[3]['id']}"][1]


def test_shards_left_by_a_crash_are_loaded_not_redone(session, pipeline, tmp_path: Path
                                                      ) -> None:
    src = _few(tmp_path, 3)
    articles = [a for a in read_inputs([src]) if isinstance(a, Article)]
    count, failed = extract_ray(articles, tmp_path / "db.duckdb.shards",
                                config=PipelineConfig(), options=OPTIONS)
    assert (count, failed) == (3, [])
    rows = sorted(read_shard_rows(tmp_path / "db.duckdb.shards"), key=lambda r: r["article_id"])
    local = sorted(pipeline.run(articles), key=lambda r: r.article.id)
    assert [json.loads(r["record"]) for r in rows] == [r.to_dict() for r in local]
    report = ingest_ray([src], tmp_path / "db.duckdb", config=PipelineConfig(),
                        options=replace(OPTIONS), progress=False, actor_cls=DiesOnEverything)
    assert (report.written, report.skipped_known, report.problems) == (3, 3, [])


def test_ray_extract_needs_an_output_folder(tmp_path: Path) -> None:
    from chronicler.cli import main

    assert main(["extract", SAMPLES, "--engine", "ray", "--no-progress"]) == 1
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.parquet").write_text("x")
    assert main(["extract", SAMPLES, "--engine", "ray", "--output", str(tmp_path / "full"),
                 "--no-progress"]) == 1
    assert main(["extract", SAMPLES, "--address", "auto", "--no-progress"]) == 1
    assert main(["extract", SAMPLES, "--stall", "5", "--no-progress"]) == 1


def test_a_dying_worker_takes_no_other_article_with_it(session, tmp_path: Path) -> None:
    # One worker, one article per task, two articles that kill it: the other tasks wait for
    # the same actor. They must not be queued on it (a dead worker fails every task it holds),
    # and the actor must come back after each death (a pool with no actor left hangs).
    rows, report = _ingest_poisoned(tmp_path, 4, {0: "-die", 2: "-die"},
                                    replace(OPTIONS, workers=1, batch_size=1))
    assert report.written == 2
    assert sorted(p.origin for p in report.problems) == [f"article {rows[0]['id']}",
                                                         f"article {rows[2]['id']}"]


class CrashesOnStart(ExtractActor):
    """Its worker dies while it loads (as an out-of-memory kill during the model load would)."""

    def __init__(self, config: PipelineConfig, out: str | None = None) -> None:
        os._exit(1)


def test_workers_that_cannot_start_stop_the_job_and_are_reported(session, tmp_path: Path
                                                                   ) -> None:
    # Ray restarts the dying actor for ever; the job must stop once it makes no progress.
    report = ingest_ray([_few(tmp_path, 2)], tmp_path / "s.duckdb", config=PipelineConfig(),
                        options=replace(OPTIONS, workers=1, stall_seconds=10), progress=False,
                        actor_cls=CrashesOnStart)
    assert report.written == 0 and len(report.problems) == 2
    assert all("no progress for 10 s" in p.message for p in report.problems)
