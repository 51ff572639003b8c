"""``chronicler demo``: run the pipeline on the sample articles shipped with the package."""

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
    p.add_argument("--output", default="out/demo.jsonl", metavar="FILE",
                   help="where the records go (default out/demo.jsonl)")
    p.set_defaults(func=run)


def sample_paths() -> list[str]:
    root = Path(str(resources.files("chronicler") / "samples"))
    return [str(p) for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix in (".jsonl", ".txt", ".html")]


def run(args: argparse.Namespace) -> int:
    paths = sample_paths()
    if not paths:
        print("chronicler demo: no sample articles found in the package; reinstall with "
              "`make install`", file=sys.stderr)
        return 1
    pipeline = build()
    articles = []
    for item in read_inputs(paths):
        if isinstance(item, Problem):
            print(f"chronicler demo: skipped {item}", file=sys.stderr)
        else:
            articles.append(item)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    records: list[Record] = []
    with out.open("w", encoding="utf-8") as handle:
        for record in pipeline.run(articles):
            records.append(record)
            handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    print(summary(records, out), file=sys.stderr)
    return 0


def summary(records: list[Record], out: Path) -> str:
    """A readable account of what was found."""
    lines = [f"chronicler demo: {len(records)} sample articles", ""]
    actor_counts: Counter[str] = Counter()
    for r in records:
        a = r.article
        lines.append(f"  {a.published or '----------'}  {(a.title or a.id)[:70]}"
                     + (f"  (by {a.author})" if a.author else ""))
        lines.append(f"      {len(a.text.split()):4d} words, {len(r.actors)} actors, "
                     f"{len(r.quotes)} quotes, {len(r.events)} events, {len(r.places)} places")
        for actor in r.actors:
            actor_counts[actor.name] += len(actor.mentions)
    lines += ["", "most mentioned actors: " + ", ".join(
        f"{name} ({n})" for name, n in actor_counts.most_common(10))]
    lines += ["", f"records: {out}  (JSON Lines, one record per article)",
              "next:    .venv/bin/chronicler extract YOUR_FOLDER --output records.jsonl",
              "         .venv/bin/chronicler --help"]
    return "\n".join(lines)
