"""``chronicler demo``: run the pipeline on the sample articles shipped with the package,
store them in a DuckDB event store and print what was found."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from ..errors import Problem
from ..ingest import read_inputs
from ..pipeline import build
from ..types import Record


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run on the shipped sample articles and summarise",
                       description="Run chronicler on the sample articles that ship with it "
                                   "(written by the chronicler team about real events; quotes "
                                   "are illustrative) and print what it found.")
    p.add_argument("--out", default="out", metavar="DIR",
                   help="folder for demo.jsonl and demo.duckdb (default out/)")
    p.set_defaults(func=run)


def sample_paths() -> list[str]:
    root = Path(str(resources.files("chronicler") / "samples"))
    return [str(p) for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix in (".jsonl", ".txt", ".html")]


def run(args: argparse.Namespace) -> int:
    from ..store import ingest

    paths = sample_paths()
    if not paths:
        print("chronicler demo: no sample articles found in the package; reinstall with "
              "`make install`", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    records = _extract(paths, out / "demo.jsonl")
    db = out / "demo.duckdb"
    report = ingest(paths, db, progress=False)
    # The demo's output is the summary itself, for people: stdout.
    args.records_out.write(summary(records, out / "demo.jsonl", db, stored=report.written) + "\n")
    return 0


def _extract(paths: list[str], dest: Path) -> list[Record]:
    articles = []
    for item in read_inputs(paths):
        if isinstance(item, Problem):
            print(f"chronicler demo: skipped {item}", file=sys.stderr)
        else:
            articles.append(item)
    records = []
    with dest.open("w", encoding="utf-8") as handle:
        for record in build().run(articles):
            records.append(record)
            handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return records


def summary(records: list[Record], jsonl: Path, db: Path, *, stored: int) -> str:
    """A readable account of what was found."""
    distinct = len({r.article.text for r in records})
    lines = [(f"chronicler demo: {len(records)} sample inputs ({distinct} distinct articles: "
              "some ship both as .jsonl and as a scraped .txt/.html page)"), ""]
    actors: Counter[str] = Counter()
    types: Counter[str] = Counter()
    quotes = []
    for r in records:
        a = r.article
        lines.append(f"  {a.published or '----------'}  {(a.title or a.id)[:72]}")
        lines.append(f"      {len(a.text.split()):4d} words: {len(r.actors)} actors, "
                     f"{len(r.quotes)} quotes, {len(r.events)} events, {len(r.places)} places")
        for actor in r.actors:
            label = f"{actor.name} ({actor.country or '?'}/{actor.sector or '?'})"
            actors[label] += len(actor.mentions)
        types.update(e.type for e in r.events if e.modality not in ("negated", "hypothetical"))
        quotes.extend(q for q in r.quotes if q.speaker and q.kind == "direct")
    lines += ["", "most mentioned actors:"]
    lines += [f"  {n:3d}  {name}" for name, n in actors.most_common(10)]
    if types:
        lines += ["", "events by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common())]
    if quotes:
        lines += ["", "sample quotes:"]
        for q in quotes[:5]:
            lines.append(f"  {q.speaker.name} ({q.speaker.country or '?'}): "  # type: ignore[union-attr]
                         f"“{q.text[:90]}{'…' if len(q.text) > 90 else ''}”")
    lines += ["", f"records:     {jsonl}  (JSON Lines, one record per article)",
              f"event store: {db}  ({stored} new articles stored this run)",
              "next:",
              f"  .venv/bin/chronicler serve --db {db}   # dashboard and API at http://127.0.0.1:8050/",
              f"  .venv/bin/chronicler stats --db {db}",
              f"  .venv/bin/chronicler export --db {db} --format csv --output events.csv",
              "  .venv/bin/chronicler ingest YOUR_FOLDER --db events.duckdb   # your own articles"]
    return "\n".join(lines)
