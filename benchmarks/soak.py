"""Memory over a long stream: N articles (the news corpus repeated, each copy with new ids and
some words changed, so every copy is new to the store and brings new strings to spaCy's
vocabulary) through `chronicler ingest`, with the PSS of the whole process tree printed every
--every articles.

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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest import tree_rss_kb
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


def soak(src: Path, db: Path, *, every: int, processes: int, engine: str) -> list[tuple[int, float]]:
    """Run ingest; (articles done, tree PSS in MB) at each --every articles."""
    cmd = [str(ROOT / ".venv" / "bin" / "chronicler"), "ingest", str(src), "--db", str(db),
           "--processes", str(processes), "--engine", engine]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            bufsize=1)
    curve: list[tuple[int, float]] = []
    started, mark, buffer = time.perf_counter(), every, ""
    assert proc.stderr is not None
    while True:
        chunk = proc.stderr.read(256)
        if not chunk:
            break
        buffer = (buffer + chunk)[-512:]
        done = [int(m) for m in _PROGRESS.findall(buffer)]
        if done and done[-1] >= mark:
            mb = tree_rss_kb(proc.pid) / 1024
            curve.append((done[-1], mb))
            print(f"{done[-1]:7,d} articles  {time.perf_counter() - started:7.0f} s  "
                  f"PSS {mb:7,.0f} MB", flush=True)
            mark = (done[-1] // every + 1) * every
    if proc.wait() not in (0, 2):
        raise SystemExit(f"ingest failed with exit code {proc.returncode}")
    return curve


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
    after = [mb for n, mb in curve if n >= args.warmup] or [mb for _, mb in curve]
    if after:
        low, high = min(after), max(after)
        print(f"after warm-up: {low:,.0f} .. {high:,.0f} MB, spread {(high - low) / low:.1%} "
              f"(target: within 10 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
