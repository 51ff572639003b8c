"""Throughput of `chronicler ingest` on the local engine and on Ray (1 and 2 workers) against
bare spaCy with 2 processes, on ../shared/corpus/news.

    nice -n 5 .venv/bin/python benchmarks/scale.py [--limit N] [--workers 1|2] [--json OUT]

Each figure is words/s of the whole command (start-up, Ray start, reading, storing) on the
same texts. Goal (issue 13): Ray >= 0.8x the local engine with the same number of workers.
Without ../shared the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest import timed_peak
from speed import NEWS, ROOT, bare_spacy, load_texts

RUNS = (("local", 1), ("local", 2), ("ray", 1), ("ray", 2))


def run_ingest(src: Path, db: Path, engine: str, workers: int) -> tuple[float, float]:
    """(seconds, peak PSS in MB of the whole process tree: with Ray, its daemons and workers)."""
    cmd = [str(ROOT / ".venv" / "bin" / "chronicler"), "ingest", str(src), "--db", str(db),
           "--no-progress", "--engine", engine, "--workers", str(workers)]
    seconds, peak = timed_peak(cmd, every=0.5, stderr=subprocess.DEVNULL)
    return seconds, peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--json", metavar="OUT", help="write the figures here as JSON")
    parser.add_argument("--workers", type=int, action="append", choices=(1, 2),
                        help="only the runs with this many workers (repeatable; default 1 and 2)")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"scale: {NEWS} is absent; nothing to measure (skipped)")
        return 0
    counts = sorted(set(args.workers or (1, 2)))
    rows = load_texts(args.limit)
    words = sum(len(r["text"].split()) for r in rows)
    print(f"corpus: {len(rows)} articles, {words:,} words", flush=True)
    figures: dict[str, float] = {}
    seconds = bare_spacy([r["text"] for r in rows], 2)
    figures["spacy_2proc"] = words / seconds
    print(f"{'bare spaCy, 2 processes':<26} {seconds:7.1f} s  {words / seconds:9,.0f} words/s",
          flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        for engine, workers in RUNS:
            if workers not in counts:
                continue
            seconds, peak = run_ingest(src, Path(tmp) / f"{engine}{workers}.duckdb", engine,
                                       workers)
            name = f"{engine}_{workers}"
            figures[name] = words / seconds
            print(f"{'ingest --engine ' + engine + ' --workers ' + str(workers):<26} "
                  f"{seconds:7.1f} s  {words / seconds:9,.0f} words/s  "
                  f"{words / seconds / figures['spacy_2proc']:.2f}x bare spaCy  "
                  f"peak PSS {peak:,.0f} MB", flush=True)
    for workers in counts:
        ratio = figures[f"ray_{workers}"] / figures[f"local_{workers}"]
        figures[f"ray_over_local_{workers}"] = ratio
        print(f"ray / local with {workers} worker(s) = {ratio:.2f} (goal >= 0.8)")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
