"""``chronicler ingest | export | stats | query``: the embedded event store."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from ..errors import UsageError
from ..ingest import IngestConfig
from ..store import DEFAULT_DB
from .extract import add_pipeline_options, pipeline_config, positive_int


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract articles into the DuckDB event store",
                       description="Extract every article under PATH into the store. Articles "
                       "already stored (same text) are skipped, so re-running after a crash or "
                       "on a grown folder only does the new work. Stories (one per real-world "
                       "event) are rebuilt at the end.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    p.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    p.add_argument("--force", action="store_true", help="redo articles already in the store")
    p.add_argument("--commit-every", type=positive_int, default=64, metavar="N",
                   help="articles per transaction (default 64): a crash loses at most this many")
    p.add_argument("--shards", metavar="DIR", default=None,
                   help="with --engine ray: where workers write Parquet shards before the "
                        "store loads them (default DB.shards; on a cluster, a folder every "
                        "node and this machine share)")
    add_pipeline_options(p)
    p.set_defaults(func=run_ingest)

    e = sub.add_parser("export", help="write events (or another table) to CSV, JSONL or Parquet",
                       description="One row per event with actors and places flattened into "
                       "columns. Negated and hypothetical events are left out unless "
                       "--all-modalities.")
    e.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    e.add_argument("--format", choices=("csv", "jsonl", "parquet"), default=None,
                   help="default: from the output file's extension (.csv/.tsv, .jsonl/.json, "
                        ".parquet), else csv")
    e.add_argument("--schema", choices=("plover", "cameo"), default="plover",
                   help="events in PLOVER fields, or PETRARCH-style tab-separated CAMEO lines")
    e.add_argument("--table", default="events",
                   help="events (default), articles, actors, mentions, quotes, places, "
                        "place_mentions, stories, story_events")
    e.add_argument("--all-modalities", action="store_true",
                   help="include negated and hypothetical events")
    e.add_argument("--output", "-o", required=True, metavar="FILE",
                   help="the file to write; - for stdout (csv and jsonl)")
    e.set_defaults(func=run_export)

    s = sub.add_parser("stats", help="counts by event type, top actors, date range",
                       description="What the store holds: articles, events (counted modalities "
                       "and all), quotes, stories, the date range, events by type and the top "
                       "actors as source or target.")
    s.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(func=run_stats)

    q = sub.add_parser("query", help="run read-only SQL on the store (CSV to stdout)",
                       description="One SELECT on the store, its rows streamed as CSV. Tables: "
                       "articles, actors, mentions, quotes, events, places, place_mentions, "
                       "stories, story_events, producers. Refused ([E032], exit 1): several "
                       "statements, any write, COPY, ATTACH, INSTALL/LOAD, SET, PRAGMA, CALL, "
                       "EXPORT/IMPORT, and file readers such as read_csv or read_text.")
    q.add_argument("sql")
    q.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    q.set_defaults(func=run_query)


def run_ingest(args: argparse.Namespace) -> int:
    from ..store.ingest import count_inputs, ingest

    config = pipeline_config(args)
    total = None if args.no_progress else count_inputs(args.paths)
    if args.engine == "ray":
        from ..scale.ray_ingest import ingest_ray
        from .extract import ray_options

        report = ingest_ray(args.paths, args.db, force=args.force, config=config,
                            ingest_config=IngestConfig(max_bytes=args.max_bytes),
                            options=ray_options(args), shards=args.shards,
                            progress=not args.no_progress, total=total)
    else:
        report = ingest(args.paths, args.db, force=args.force, config=config,
                        ingest_config=IngestConfig(max_bytes=args.max_bytes),
                        progress=not args.no_progress, total=total,
                        commit_every=args.commit_every)
    rate = report.written / report.seconds if report.seconds else 0.0
    print(f"chronicler: {report.written} article(s) stored in {args.db} ({rate:.1f}/s), "
          f"{report.skipped_known} already there, {report.events} events, "
          f"{report.stories} stories, {len(report.problems)} input(s) skipped", file=sys.stderr)
    return 2 if report.problems else 0


_EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".json": "jsonl",
               ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..store.queries import export

    fmt = args.format or _EXTENSIONS.get(Path(args.output).suffix.lower(), "csv")
    output = args.output
    if output == "-":
        if fmt == "parquet":
            raise UsageError("Parquet cannot go to stdout; give --output FILE.parquet")
        args.records_out.flush()
        output = "/dev/stdout"
    n = export(args.db, output, fmt=fmt, schema=args.schema, table=args.table,
               all_modalities=args.all_modalities)
    print(f"chronicler: {n} row(s) written to {args.output}", file=sys.stderr)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from ..store.queries import stats

    data = stats(args.db)
    if args.json:
        args.records_out.write(json.dumps(data, indent=2, default=str) + "\n")
        return 0
    out = args.records_out
    out.write(f"articles {data['articles']}, events {data['events']} (all modalities "
              f"{data['events_all_modalities']}), quotes {data['quotes']}, stories "
              f"{data['stories']} ({data['multi_article_stories']} reported by several "
              f"articles)\ndates {data['date_range'][0]} .. {data['date_range'][1]}\n\n")
    out.write("events by type\n")
    for etype, n in data["events_by_type"].items():
        out.write(f"  {etype:<10} {n:6d}\n")
    out.write("\ntop actors (as source or target)\n")
    for a in data["top_actors"]:
        out.write(f"  {a['name'][:40]:<40} {a['country'] or '-':<4} {a['sector'] or '-':<4} "
                  f"{a['events']:6d}\n")
    return 0


def run_query(args: argparse.Namespace) -> int:
    from ..store.sql_guard import stream_query

    columns, rows = stream_query(args.db, args.sql)  # fetched in batches: memory stays flat
    writer = csv.writer(args.records_out)
    writer.writerow(columns)
    writer.writerows(rows)
    return 0

