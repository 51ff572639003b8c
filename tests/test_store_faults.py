"""Store faults (issue 14, item 3): kill -9 at several points, each followed by a resumed run,
ends in exactly the store of an uninterrupted run; a full disk mid-write keeps what was
committed; two writers and a corrupt file give clear, coded errors naming the file."""

from __future__ import annotations

import fcntl
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

CHRONICLER = str(Path(sys.executable).with_name("chronicler"))
LEADERS = [("Vladimir Putin", "Moscow"), ("Recep Tayyip Erdogan", "Ankara"),
           ("Emmanuel Macron", "Paris"), ("Olaf Scholz", "Berlin")]
N_ARTICLES = 120
ARGS = ["--processes", "1", "--commit-every", "8"]
_PROGRESS = re.compile(rb"\|\s*(\d+)/\d+ \[")


def _corpus(path: Path, n: int) -> Path:
    lines = []
    for i in range(n):
        who, city = LEADERS[i % len(LEADERS)]
        text = (f"{who} met the visiting foreign minister of Jordan in {city} on day {i}. "
                f"Protesters gathered outside and police arrested {i % 7 + 2} people.")
        lines.append(json.dumps({"id": f"art-{i:04d}", "text": text,
                                 "published": f"2019-03-0{i % 9 + 1}"}))
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


def _whole_articles_only(db: Path) -> int:
    """Every stored row belongs to a stored article, every article has its events."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables")
                  .fetchall()}
        if "articles" not in tables:  # killed before the schema was created: an empty store
            return 0
        for table in ("events", "actors", "mentions", "quotes", "places", "place_mentions"):
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE article_key NOT IN "
                                  "(SELECT article_key FROM articles)").fetchone()[0]
            assert orphans == 0, table
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _ingest_until(corpus: Path, db: Path, stored_before: int, kill_at: int) -> None:
    """Run ingest and SIGKILL it once ``kill_at`` articles are committed in all (progress is
    reported after each commit); ``kill_at`` 0 kills it while it starts."""
    proc = subprocess.Popen([CHRONICLER, "ingest", str(corpus), "--db", str(db), *ARGS],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    fcntl.fcntl(proc.stderr, fcntl.F_SETFL, os.O_NONBLOCK)
    seen, buffer = 0, b""
    deadline = time.monotonic() + 180
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if kill_at == 0 and (db.exists() or Path(f"{db}.wal").exists()):
                break
            chunk = proc.stderr.read() or b""
            buffer = (buffer + chunk)[-4000:]
            done = [int(n) for n in _PROGRESS.findall(buffer)]
            seen = max([seen, *done])
            if kill_at and stored_before + seen >= kill_at:
                break
            time.sleep(0.02)
        assert proc.poll() is None, f"ingest ended before the kill at {kill_at}"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()


@pytest.fixture(scope="module")
def clean_store(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("faults")
    corpus = _corpus(root / "corpus.jsonl", N_ARTICLES)
    db = root / "clean.duckdb"
    subprocess.run([CHRONICLER, "ingest", str(corpus), "--db", str(db), "--no-progress", *ARGS],
                   check=True, capture_output=True)
    return corpus, db


def test_kill_9_at_several_points_then_resume_equals_uninterrupted(clean_store, tmp_path):
    corpus, clean_db = clean_store
    crash_db = tmp_path / "crash.duckdb"
    stored = 0
    for kill_at in (0, 16, 56, 96):  # while starting, then after 2, 7 and 12 commits in all
        _ingest_until(corpus, crash_db, stored, kill_at)
        if crash_db.exists():
            stored = _whole_articles_only(crash_db)
        assert stored < N_ARTICLES and stored >= kill_at
    proc = subprocess.run([CHRONICLER, "ingest", str(corpus), "--db", str(crash_db),
                           "--no-progress", *ARGS], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert f"{stored} already there" in proc.stderr
    assert _dump(crash_db) == _dump(clean_db)


def _limit_file_size(max_bytes: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return apply


def test_full_disk_mid_write_keeps_what_was_committed(clean_store, tmp_path: Path) -> None:
    corpus, clean_db = clean_store
    db = tmp_path / "full.duckdb"
    small = _corpus(tmp_path / "small.jsonl", 16)
    subprocess.run([CHRONICLER, "ingest", str(small), "--db", str(db), "--no-progress", *ARGS],
                   check=True, capture_output=True)
    before = _dump(db)
    limit = 100_000  # bytes per file: the WAL "fills the disk" a few batches into the next run
    proc = subprocess.run([CHRONICLER, "ingest", str(corpus), "--db", str(db), "--no-progress",
                           *ARGS], capture_output=True, text=True, check=False,
                          preexec_fn=_limit_file_size(limit))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "[E034]" in proc.stderr and str(db) in proc.stderr
    after = _dump(db)
    assert set(before["articles"]) <= set(after["articles"])  # nothing committed is lost
    _whole_articles_only(db)
    subprocess.run([CHRONICLER, "ingest", str(corpus), "--db", str(db), "--no-progress", *ARGS],
                   check=True, capture_output=True)
    assert _dump(db) == _dump(clean_db)


def test_two_concurrent_ingests_one_gets_in_use(clean_store, tmp_path: Path) -> None:
    corpus, _ = clean_store
    db = tmp_path / "busy.duckdb"
    # The first ingest reads standard input, which stays open: it holds the store for as long
    # as the test needs, however fast it codes what it was given.
    first = subprocess.Popen([CHRONICLER, "ingest", "-", "--db", str(db), *ARGS],
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        assert first.stdin is not None
        first.stdin.write(b"".join(corpus.read_bytes().splitlines(keepends=True)[:3]))
        first.stdin.flush()
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run([CHRONICLER, "ingest", str(corpus), "--db", str(db),
                                 "--no-progress", *ARGS], capture_output=True, text=True,
                          check=False)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
        if first.stdin is not None:
            first.stdin.close()
    assert second.returncode == 1 and "[E030]" in second.stderr and "in use" in second.stderr
    assert str(db) in second.stderr and "Traceback" not in second.stderr
    _whole_articles_only(db)  # the killed first writer left a consistent store


@pytest.mark.parametrize("damage", ["truncated", "zeroed", "garbage"])
def test_damaged_store_file_is_named(clean_store, tmp_path: Path, damage: str) -> None:
    _, clean_db = clean_store
    data = clean_db.read_bytes()
    db = tmp_path / f"{damage}.duckdb"
    if damage == "truncated":
        db.write_bytes(data[: len(data) // 3])
    elif damage == "zeroed":
        db.write_bytes(data[:4096] + b"\x00" * (len(data) - 4096))
    else:
        db.write_bytes(b"not a database, just text\n" * 500)
    for command in (["stats", "--db", str(db)],
                    ["query", "--db", str(db), "SELECT * FROM events, articles ORDER BY ALL"],
                    ["ingest", "-", "--db", str(db), "--no-progress"]):
        proc = subprocess.run([CHRONICLER, *command], capture_output=True, text=True,
                              input="", timeout=120, check=False)
        if command[0] == "query" and proc.returncode == 0:
            continue  # a query may read only blocks that survived; then its answer stands
        assert proc.returncode == 1, (command, proc.stderr)
        assert "Traceback" not in proc.stderr and str(db) in proc.stderr, (command, proc.stderr)
        assert re.search(r"\[E03[01]\]", proc.stderr), proc.stderr
