"""The DuckDB store: idempotent, crash-safe ingest; exports that pandas/pyarrow/DuckDB read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from chronicler.pipeline import PipelineConfig
from chronicler.store import ingest
from chronicler.store.queries import export, query, stats

CHRONICLER = str(Path(sys.executable).with_name("chronicler"))
LEADERS = [("Vladimir Putin", "Moscow"), ("Recep Tayyip Erdogan", "Ankara"),
           ("Emmanuel Macron", "Paris"), ("Olaf Scholz", "Berlin")]


def _corpus(path: Path, n: int) -> Path:
    lines = []
    for i in range(n):
        who, city = LEADERS[i % len(LEADERS)]
        text = (f"{who} met the visiting foreign minister of Jordan in {city} on day {i}. "
                f"The two sides signed an agreement on trade, officials said. Protesters "
                f"gathered outside the hall and police arrested {i % 7 + 2} people.")
        lines.append(json.dumps({"id": f"art-{i:04d}", "text": text, "published": "2019-03-0"
                                 f"{i % 9 + 1}", "source": "test"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _dump(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "ORDER BY 1").fetchall()]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    corpus = _corpus(root / "corpus.jsonl", 12)
    db = root / "events.duckdb"
    ingest([str(corpus)], db, config=PipelineConfig(n_process=1), progress=False)
    return db


def test_ingest_is_idempotent(small_store: Path, tmp_path: Path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 12)
    before = _dump(small_store)
    report = ingest([str(corpus)], small_store, config=PipelineConfig(n_process=1),
                    progress=False)
    assert report.written == 0 and report.skipped_known == 12
    assert _dump(small_store) == before


def test_force_redoes_without_doubling(small_store: Path, tmp_path: Path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 12)
    before = _dump(small_store)
    report = ingest([str(corpus)], small_store, force=True, config=PipelineConfig(n_process=1),
                    progress=False)
    assert report.written == 12
    assert _dump(small_store) == before


def test_exports_open_in_pandas_pyarrow_and_duckdb(small_store: Path, tmp_path: Path):
    import pandas as pd
    import pyarrow.parquet as pq

    for table in ("events", "articles", "actors"):
        pq_path, csv_path, jl_path = (tmp_path / f"{table}.{x}" for x in ("parquet", "csv", "jsonl"))
        n = export(small_store, pq_path, fmt="parquet", table=table)
        export(small_store, csv_path, fmt="csv", table=table)
        export(small_store, jl_path, fmt="jsonl", table=table)
        assert pq.read_table(pq_path).num_rows == n
        assert len(pd.read_csv(csv_path)) == n
        assert duckdb.sql(f"SELECT count(*) FROM '{pq_path}'").fetchall()[0][0] == n
    events = pq.read_table(tmp_path / "events.parquet").column_names
    for field in ("id", "date", "event_type", "mode", "context", "actor", "actor_country",
                  "actor_sector", "recipient", "recipient_country", "recipient_sector",
                  "location", "latitude", "longitude", "text", "link"):
        assert field in events


def test_stats_and_read_only_query(small_store: Path):
    data = stats(small_store)
    assert data["articles"] == 12
    columns, rows = query(small_store, "SELECT count(*) AS n FROM articles")
    assert columns == ["n"] and rows == [(12,)]
    from chronicler.errors import UsageError

    with pytest.raises(UsageError):
        query(small_store, "DELETE FROM articles")


def test_cameo_export_is_petrarch_style(small_store: Path, tmp_path: Path):
    dest = tmp_path / "events.tsv"
    export(small_store, dest, fmt="csv", schema="cameo")
    for line in dest.read_text().splitlines():
        fields = line.split("\t")
        assert len(fields) == 6 and fields[0].isdigit() and len(fields[0]) == 8
        assert fields[1] and fields[2] and fields[3].isdigit()


def test_query_cannot_touch_the_file_system(small_store: Path, tmp_path: Path):
    from chronicler.errors import UsageError

    with pytest.raises(UsageError):
        query(small_store, f"COPY articles TO '{tmp_path / 'leak.csv'}'")
    assert not (tmp_path / "leak.csv").exists()


def test_corrupt_store_file_is_named_not_blamed_on_a_writer(tmp_path: Path) -> None:
    from chronicler.errors import StoreCorruptError
    from chronicler.store.db import connect

    bad = tmp_path / "events.duckdb"
    bad.write_bytes(b"this is not a database" * 300)
    for read_only in (False, True):
        with pytest.raises(StoreCorruptError, match="not a chronicler store") as info:
            connect(bad, read_only=read_only)
        assert str(bad) in str(info.value) and "E031" in str(info.value)


def test_second_writer_gets_database_in_use(tmp_path: Path) -> None:
    from chronicler.store.db import connect

    db = tmp_path / "events.duckdb"
    con = connect(db)  # this process holds the write lock
    try:
        probe = ("from chronicler.store.db import connect\n"
                 "from chronicler.errors import StoreInUseError\n"
                 f"try:\n    connect({str(db)!r})\n"
                 "except StoreInUseError as e:\n    print(e)\n")
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             check=True).stdout
    finally:
        con.close()
    assert "E030" in out and "is in use" in out and str(db) in out


def test_writer_memory_limit_is_applied_and_checked(tmp_path: Path) -> None:
    from chronicler.store.db import Store
    from chronicler.store.ingest import WRITER_MEMORY

    store = Store(tmp_path / "capped.duckdb", memory_limit=WRITER_MEMORY)
    try:
        (limit,) = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit.replace(" ", "").upper() in ("61.0MIB", "64.0MB", "61MIB", "64MB")
    finally:
        store.close()
    with pytest.raises(ValueError, match="64MB or 1.5GB"):
        Store(tmp_path / "other.duckdb", memory_limit="64MB'; DROP TABLE articles; --")


def test_stories_rebuild_runs_uncapped_then_restores_the_cap(tmp_path: Path) -> None:
    from chronicler.store.db import Store
    from chronicler.store.ingest import WRITER_MEMORY, rebuild_stories

    store = Store(tmp_path / "s.duckdb", memory_limit=WRITER_MEMORY)
    try:
        capped = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
        assert rebuild_stories(store) == 0
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone() == capped
    finally:
        store.close()
