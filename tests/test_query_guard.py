"""`chronicler query` is read-only and local: one SELECT on the store, nothing else; results
stream. Every refusal is [E032] with exit 1 and leaves no file behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from chronicler.cli import main
from chronicler.errors import QueryError, QueryRefusedError, UsageError
from chronicler.store.queries import query
from chronicler.store.sql_guard import check_sql, stream_query

CHRONICLER = str(Path(sys.executable).with_name("chronicler"))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("guard") / "events.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE articles AS SELECT range AS n, 'a' || range AS id FROM range(30)")
    con.close()
    return db


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n", "utf-8")
    return secret


REFUSED_BY_TYPE = [
    "COPY articles TO '{out}'",
    "COPY (SELECT 1) TO '{out}' (FORMAT csv)",
    "ATTACH '{out}' AS other",
    "DETACH other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "RESET lock_configuration",
    "PRAGMA show_tables",
    "CALL pragma_version()",
    "EXPORT DATABASE '{dir}'",
    "IMPORT DATABASE '{dir}'",
    "CHECKPOINT",
    "VACUUM",
    "BEGIN TRANSACTION",
    "USE memory",
    "DELETE FROM articles",
    "DROP TABLE articles",
    "INSERT INTO articles VALUES (99, 'x')",
    "UPDATE articles SET id = 'x'",
    "CREATE TABLE t AS SELECT 1",
    "CREATE MACRO m() AS 1",
    "EXPLAIN SELECT 1",
    "SELECT 1; SELECT 2",
    "SELECT 1; DELETE FROM articles",
    "SELECT * FROM articles; COPY articles TO '{out}'",
]

REFUSED_AT_RUN = [  # SELECTs that would read the file system: the connection denies them
    "SELECT * FROM read_csv('{secret}')",
    "SELECT * FROM read_csv_auto('{secret}')",
    "SELECT * FROM read_text('{secret}')",
    "SELECT * FROM read_blob('{secret}')",
    "SELECT * FROM read_json('{secret}')",
    "SELECT * FROM read_parquet('{secret}')",
    "SELECT * FROM glob('{dir}/*')",
    "SELECT * FROM sniff_csv('{secret}')",
    "SELECT content FROM read_text('/etc/hostname')",
]


@pytest.mark.parametrize("sql", REFUSED_BY_TYPE)
def test_non_select_statements_are_refused(store: Path, tmp_path: Path, sql: str) -> None:
    sql = sql.format(out=tmp_path / "leak.db", dir=tmp_path / "dump")
    with pytest.raises(QueryRefusedError, match=r"\[E032\]"):
        query(store, sql)
    assert not (tmp_path / "leak.db").exists() and not (tmp_path / "dump").exists()
    assert query(store, "SELECT count(*) FROM articles")[1] == [(30,)]


@pytest.mark.parametrize("sql", REFUSED_AT_RUN)
def test_file_readers_are_refused(store: Path, tmp_path: Path, sql: str) -> None:
    sql = sql.format(secret=_secret(tmp_path), dir=tmp_path)
    with pytest.raises(QueryRefusedError, match=r"\[E032\].*outside the store") as info:
        list(stream_query(store, sql)[1])
    assert "hunter2" not in str(info.value)


def test_a_quoted_path_is_not_read_as_a_table(store: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        query(store, f"SELECT * FROM '{_secret(tmp_path)}'")
    assert "hunter2" not in str(info.value)


@pytest.mark.parametrize("sql", ["WITH x AS (SELECT n FROM articles) SELECT max(n) FROM x",
                                 "FROM articles SELECT max(n)", "VALUES (29)",
                                 "SELECT max(n) FROM articles -- a comment; DROP TABLE x",
                                 "  SELECT 29 ;  "])
def test_selects_run(store: Path, sql: str) -> None:
    assert query(store, sql)[1] == [(29,)]


def test_bad_sql_is_a_coded_error(store: Path) -> None:
    with pytest.raises(QueryError, match=r"\[E033\]"):
        query(store, "SELEC 1")
    with pytest.raises(QueryError, match=r"\[E033\].*no_such_column"):
        query(store, "SELECT no_such_column FROM articles")
    with pytest.raises(UsageError, match="empty"):
        check_sql("  -- nothing\n")


def test_cli_refusal_exits_1_with_code_and_empty_stdout(store: Path, tmp_path: Path,
                                                        capsys) -> None:
    out = tmp_path / "leak.csv"
    assert main(["query", "--db", str(store), f"COPY articles TO '{out}'"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "[E032]" in captured.err and "COPY" in captured.err
    assert not out.exists()
    assert main(["query", "--db", str(store), "SELECT * FROM read_text('/etc/hostname')"]) == 1
    assert "[E032]" in capsys.readouterr().err
    assert main(["query", "--db", str(store), "SELECT n FROM articles ORDER BY n LIMIT 2"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "0", "1"]


def test_missing_store_is_named(tmp_path: Path, capsys) -> None:
    assert main(["query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 1
    assert "none.duckdb" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def test_large_results_stream(store: Path) -> None:
    """125,000 rows of 2,000 bytes (250 MB of CSV) go through a child chronicler whose peak
    memory stays far below the result's size."""
    sql = "SELECT range AS n, repeat('x', 2000) AS pad FROM range(125000)"
    child = ("import sys\nfrom chronicler.cli import main\n"
             f"rc = main(['query', '--db', {str(store)!r}, {sql!r}])\n"
             "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
             "sys.stderr.write(f'RSS {peak[0].split()[1]}\\n')\n"
             "sys.exit(rc)\n")
    proc = subprocess.run([sys.executable, "-c", child], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False, text=True)
    assert proc.returncode == 0, proc.stderr
    peak_mb = int(proc.stderr.rsplit("RSS ", 1)[1]) / 1024
    assert peak_mb < 300, f"peak RSS {peak_mb:.0f} MB for a 250 MB result"
