"""Memory over a long stream: N articles (the news corpus repeated, each copy with new ids and
some words changed, so every copy is new to the store and brings new strings to spaCy's
vocabulary) through `chronicler ingest`, with the PSS of the whole process tree printed every
--every articles: for each interval the peak of the tree, of the writer (the ingest process,
which holds the store) and of the biggest worker, sampled four times a second.

    nice -n 5 .venv/bin/python benchmarks/soak.py [-n 20000] [--every 1000] [--processes 2]

Target (issue 13): flat within 10 % from article 1,000 (after warm-up) to the end. Without
../shared the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent))
from ingest import tree_pss_kb
from speed import NEWS, ROOT, load_texts

#: Every this many words of a copy gets the copy's mark ("Damascus" -> "Damascusq7"): new
#: strings for the vocabulary in every copy, as a stream of fresh news brings new names.
VARY_EVERY = 25
_PROGRESS = re.compile(r"(\d+)/\d+ \[")


def varied(row: dict, copy: int) -> dict:
    words = row["text"].split(" ")
    mark = f"q{copy}"
    for i in range(copy % VARY_EVERY, len(words), VARY_EVERY):
        if words[i].isalpha():
            words[i] += mark
    return {**row, "id": f"{row['id']}~{copy}", "text": " ".join(words)}


def write_stream(rows: list[dict], n: int, path: Path) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = varied(rows[i % len(rows)], i // len(rows))
            words += len(row["text"].split())
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return words


def soak(src: Path, db: Path, *, every: int, processes: int, engine: str,
         sample: float = 0.25) -> list[Mark]:
    """Run ingest, sampling memory every ``sample`` seconds; one Mark per ``every`` articles
    with the peaks of its interval (so a mark never depends on where one sample lands)."""
    cmd = [str(ROOT / ".venv" / "bin" / "chronicler"), "ingest", str(src), "--db", str(db),
           "--processes", str(processes), "--engine", engine]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            bufsize=1)
    done = [0]
    threading.Thread(target=_follow, args=(proc, done), daemon=True).start()
    curve: list[Mark] = []
    started, mark = time.perf_counter(), every
    peak = Mark(0, 0.0, 0.0, 0.0, 0.0)
    while proc.poll() is None:
        tree = tree_pss_kb(proc.pid)
        writer = tree.pop(proc.pid, 0) / 1024
        workers = [kb / 1024 for kb in tree.values()]
        peak = Mark(done[0], max(peak.tree, writer + sum(workers)), max(peak.writer, writer),
                    max([peak.worker, *workers]), writer + sum(workers))
        if done[0] >= mark:
            curve.append(peak)
            print(f"{done[0]:7,d} articles  {time.perf_counter() - started:6.0f} s  "
                  f"tree {peak.now:6,.0f} MB now, {peak.tree:6,.0f} peak  "
                  f"writer peak {peak.writer:5,.0f}  worker peak {peak.worker:5,.0f}", flush=True)
            peak = Mark(0, 0.0, 0.0, 0.0, 0.0)
            mark = (done[0] // every + 1) * every
        time.sleep(sample)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"ingest failed with exit code {proc.returncode}")
    return curve


class Mark(NamedTuple):
    """Memory over one interval, MB of PSS: the tree's peak, the writer's (the ingest process)
    and the biggest worker's, and the tree at the mark itself."""

    articles: int
    tree: float
    writer: float
    worker: float
    now: float


def _follow(proc: subprocess.Popen, done: list[int]) -> None:  # type: ignore[type-arg]
    """Articles done, read off the progress bar on the ingest's stderr."""
    buffer = ""
    assert proc.stderr is not None
    while chunk := proc.stderr.read(256):
        buffer = (buffer + chunk)[-512:]
        found = _PROGRESS.findall(buffer)
        if found:
            done[0] = int(found[-1])


def spread(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:,.0f} .. {high:,.0f} MB, spread {(high - low) / low:.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20_000, help="articles (default 20,000)")
    parser.add_argument("--every", type=int, default=1_000, help="print PSS this often")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--warmup", type=int, default=1_000,
                        help="articles before the curve counts (default 1,000)")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"soak: {NEWS} is absent; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stream.jsonl"
        words = write_stream(load_texts(None), args.n, src)
        print(f"stream: {args.n:,} articles, {words:,} words; ingest with "
              f"{args.processes} processes ({args.engine})", flush=True)
        db = Path(tmp) / "soak.duckdb"
        curve = soak(src, db, every=args.every, processes=args.processes, engine=args.engine)
        print(f"store: {db.stat().st_size / 1e6:,.0f} MB for {args.n:,} articles "
              f"({src.stat().st_size / 1e6:,.0f} MB of JSONL in)")
    after = [m for m in curve if m.articles >= args.warmup] or curve
    if after:
        print(f"after warm-up (article {args.warmup:,} on), target within 10 %:")
        print(f"  tree, peak of each interval:   {spread([m.tree for m in after])}")
        print(f"  tree, at each mark:            {spread([m.now for m in after])}")
        print(f"  writer, peak of each interval: {spread([m.writer for m in after])}")
        print(f"  worker, peak of each interval: {spread([m.worker for m in after])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
