"""`chronicler ingest` on ../shared/corpus/news: throughput against bare spaCy with two
processes on the same texts, and the peak memory of the whole process tree.

    .venv/bin/python benchmarks/ingest.py [--limit N]

Target (issue 7): at least 0.75x bare spaCy's two-process words/s, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from speed import NEWS, ROOT, bare_spacy, load_texts


def tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants (Linux /proc): the sum of their
    proportional set sizes (PSS), so pages forked workers share with their parent (the spaCy
    model, the gazetteer) count once, as they do in physical memory."""
    return sum(tree_pss_kb(pid).values())


def tree_pss_kb(pid: int) -> dict[int, int]:
    """PSS in KB of a process and each of its descendants, by pid."""
    children: dict[int, list[int]] = {}
    pages: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            pages[int(entry)] = int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
    out: dict[int, int] = {}
    stack = [pid]
    while stack:
        p = stack.pop()
        if p in pages:
            out[p] = _pss_kb(p, pages[p] * os.sysconf("SC_PAGE_SIZE") // 1024)
        stack.extend(children.get(p, []))
    return out


def _pss_kb(pid: int, fallback: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return fallback


def run_ingest(rows: list[dict]) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        return timed_peak([str(ROOT / ".venv" / "bin" / "chronicler"), "ingest", str(src),
                           "--db", str(Path(tmp) / "bench.duckdb"), "--no-progress"],
                          every=0.2, stdout=None)


def timed_peak(cmd: list[str], *, every: float, stdout=subprocess.DEVNULL,
               stderr=None) -> tuple[float, int]:
    """Run ``cmd``; (seconds, peak memory of its process tree in KB, sampled every
    ``every`` seconds). Exit codes 0 and 2 (some inputs skipped) count as success."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(every)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return time.perf_counter() - start, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"ingest benchmark: {NEWS} is absent; skipped")
        return 0
    rows = load_texts(args.limit)
    words = sum(len(r["text"].split()) for r in rows)
    spacy_s = bare_spacy([r["text"] for r in rows], 2)
    print(f"bare spaCy, 2 processes: {spacy_s:6.1f} s  {words / spacy_s:8,.0f} words/s",
          flush=True)
    ingest_s, peak_kb = run_ingest(rows)
    print(f"chronicler ingest:       {ingest_s:6.1f} s  {words / ingest_s:8,.0f} words/s  "
          f"({len(rows) / ingest_s:.1f} articles/s), peak memory {peak_kb / 1024:,.0f} MB")
    print(f"ratio ingest / bare spaCy (2 processes) = {spacy_s / ingest_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
