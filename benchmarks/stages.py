"""What each stage costs next to the spaCy parse, on the same texts.

    .venv/bin/python benchmarks/stages.py [--limit N]

Parses ../shared/corpus/news once (one process, timed), then times every stage over the parsed
Docs in this process. The issue budgets: actors + quotes <= 7 %, events <= 8 %,
places + dates <= 5 % of the parse time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "corpus" / "news"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=400, help="articles (default 400)")
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"stages: {NEWS} is absent; nothing to measure (skipped)")
        return 0
    from chronicler.pipeline import build

    rows = []
    for path in sorted(NEWS.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = rows[:: max(1, len(rows) // args.limit)][: args.limit]  # spread over all three sets
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    pipe = build()
    start = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - start
    print(f"{len(docs)} articles, {words:,} words; spaCy parse {parse:.1f} s "
          f"({words / parse:,.0f} words/s, one process)")
    for name, seconds in stage_times(pipe, docs, [r.get("published") for r in rows]).items():
        print(f"  {name:<22} {seconds:7.2f} s  {100 * seconds / parse:5.1f} % of the parse")
    return 0


def stage_times(pipe, docs, dates) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds per stage over the parsed docs (each stage run as the pipeline runs it; "places
    + dates" also places and dates every event the events stage found)."""
    from chronicler.ingest.meta import normalise_date
    from chronicler.quotes import find_quotes, merge_groups

    stages = pipe.stages
    times: dict[str, float] = {}
    days = [normalise_date(d) for d in dates]
    t = time.perf_counter()
    tables = [stages.actors.resolve(doc, day=day) for doc, day in zip(docs, days)]
    times["actors"] = time.perf_counter() - t
    t = time.perf_counter()
    for doc in docs:
        merge_groups(find_quotes(doc))
    times["quotes"] = time.perf_counter() - t
    times["actors + quotes"] = times["actors"] + times["quotes"]
    for name, fn in _optional_stages(stages, docs, tables, days):
        t = time.perf_counter()
        fn()
        times[name] = time.perf_counter() - t
    return times


def _optional_stages(stages, docs, tables, days):  # type: ignore[no-untyped-def]
    coded: list = [[] for _ in docs]
    events = getattr(stages, "events", None)
    if events is not None:
        def code() -> None:
            coded[:] = [events.code(d, tb, published=dy) for d, tb, dy in zip(docs, tables, days)]
        yield "events", code
    places = getattr(stages, "places", None)
    if places is not None:
        from chronicler.places import date_event, locate

        def place_and_date() -> None:  # as records.doc_to_record runs them
            for doc, table, day, evs in zip(docs, tables, days, coded):
                found = places.resolve(doc, kb_table=table)
                for e in evs:
                    date_event(replace(e, location=locate(e, doc, found)), doc, day)
        yield "places + dates", place_and_date


if __name__ == "__main__":
    sys.exit(main())
