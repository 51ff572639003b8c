"""``chronicler extract``: articles in, JSON Lines records out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from ..errors import Problem, UsageError
from ..ingest import DEFAULT_MAX_BYTES, IngestConfig, read_inputs
from ..pipeline import PipelineConfig, build
from ..types import Article

HELP = """\
Read articles and write one JSON record per article (JSON Lines; SPEC record contract).

PATH may be a .txt file (scraped page text: title, byline and page furniture are cleaned),
an .html/.htm file (cleaned with trafilatura), a .jsonl file (one article per line with
'id' and 'text' or 'html', optional 'title', 'published', 'url', 'source'; 'text' is kept
exactly as given so offsets match yours), a .warc/.warc.gz archive, a folder of these
(recursive), or - for stdin.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract records from articles", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    p.add_argument("--pretty", action="store_true", help="indented JSON (one record per block)")
    add_pipeline_options(p)
    p.set_defaults(func=run)


def add_pipeline_options(p: argparse.ArgumentParser) -> None:
    """Options shared by every command that runs the pipeline (extract, ingest)."""
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"skip articles larger than N bytes (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--processes", type=positive_int, default=None, metavar="N",
                   help="worker processes (default: 1 for a few articles, all cores for more)")
    p.add_argument("--reference-date", metavar="YYYY-MM-DD", default=None,
                   help="resolve relative dates (\"last week\", \"on Wednesday\") against this "
                        "day when an article has no published date")
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="your own actor dictionary (CSV or YAML, format in "
                        "chronicler/data/actors/README.md, or a PETRARCH actors/agents "
                        "dictionary .txt); repeatable, later files win")
    p.add_argument("--verbs", action="append", default=[], metavar="FILE",
                   help="a PETRARCH / UniversalPetrarch verb dictionary (CAMEO verb patterns); "
                        "its senses win over the built-in verb lexicon; repeatable, later "
                        "files win")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: worker processes on this machine (default); ray: the same "
                        "pipeline on Ray Data (the 'scale' extra), locally or on a cluster")
    p.add_argument("--address", metavar="ADDR", default=None,
                   help="with --engine ray: the Ray cluster to use (e.g. 10.0.0.5:6379 from "
                        "`ray start --head`, or auto); default: start a local Ray")
    p.add_argument("--workers", type=positive_int, default=None, metavar="N",
                   help="workers: Ray actors with --engine ray (default: every CPU of the "
                        "cluster), worker processes with --engine local (as --processes)")
    p.add_argument("--stall", type=positive_int, default=None, metavar="SECONDS",
                   help="with --engine ray: stop a Ray job that makes no progress for this "
                        "long and report its articles (workers that cannot start, a cluster "
                        "with no free CPU); default 600")


def positive_int(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def pipeline_config(args: argparse.Namespace) -> PipelineConfig:
    """The PipelineConfig of the shared options (usage errors for bad values)."""
    if args.max_bytes <= 0:
        raise UsageError("--max-bytes must be a positive number of bytes")
    if args.engine == "local" and args.address:
        raise UsageError("--address needs --engine ray")
    if args.engine == "local" and args.stall is not None:
        raise UsageError("--stall needs --engine ray")
    processes = args.processes or (args.workers if args.engine == "local" else None)
    return PipelineConfig(n_process=processes, actor_files=tuple(args.actors),
                          verb_files=tuple(getattr(args, "verbs", None) or ()),
                          reference_date=reference_date_arg(args.reference_date))


def ray_options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The RayOptions of --address, --workers and --stall."""
    from ..scale.ray_runner import STALL_SECONDS, RayOptions

    return RayOptions(address=args.address, workers=args.workers,
                      stall_seconds=STALL_SECONDS if args.stall is None else args.stall)


def run(args: argparse.Namespace) -> int:
    config = pipeline_config(args)
    problems: list[Problem] = []
    articles = _articles(args.paths, IngestConfig(max_bytes=args.max_bytes), problems)
    if args.engine == "ray":
        return _run_ray(args, config, articles, problems)
    pipeline = build(config)
    _check_output(args.output, args.paths)
    with ExitStack() as stack:
        out: IO[str] = args.records_out
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
            except OSError as exc:
                raise UsageError(f"cannot write {args.output} ({exc.strerror}); check the "
                                 "folder exists and is writable") from exc
        count = _write(pipeline.run(articles), out, pretty=args.pretty,
                       progress=not args.no_progress, problems=problems)
    print(f"chronicler: {count} record(s) written"
          + (f", {len(problems)} input(s) skipped" if problems else ""), file=sys.stderr)
    return 2 if problems else 0


def _run_ray(args: argparse.Namespace, config: PipelineConfig, articles: Iterator[Article],
             problems: list[Problem]) -> int:
    from ..scale.ray_ingest import extract_ray

    if not args.output or args.pretty:
        raise UsageError("--engine ray writes Parquet shards: give --output DIR (a new or empty "
                         "folder); --pretty is for JSON Lines")
    _check_output(args.output, args.paths)
    count, failed = extract_ray(articles, args.output, config=config, options=ray_options(args))
    print(f"chronicler: {count} record(s) written to {args.output}"
          + (f", {len(problems)} input(s) skipped" if problems else "")
          + (f", {len(failed)} article(s) failed" if failed else ""), file=sys.stderr)
    return 2 if problems or failed else 0


def _check_output(output: str | None, paths: list[str]) -> None:
    """Refuse to overwrite an input with the output (it would be emptied before it is read)."""
    if not output:
        return
    target = Path(output).resolve()
    for raw in paths:
        if raw != "-" and Path(raw).resolve() == target:
            raise UsageError(f"--output {output} is also an input; write the records elsewhere")


def _articles(paths: list[str], config: IngestConfig, problems: list[Problem]) -> Iterator[Article]:
    for item in read_inputs(paths, config=config):
        if isinstance(item, Problem):
            problems.append(item)
            print(f"chronicler: skipped {item}", file=sys.stderr)
        else:
            for warning in item.warnings:  # repaired on reading; the article is kept
                print(f"chronicler: {warning}", file=sys.stderr)
            yield item


def _write(records: Iterator, out: IO[str], *, pretty: bool, progress: bool,  # type: ignore[type-arg]
           problems: list[Problem]) -> int:
    """Write the records; an article whose record carries an error ([E...]: too long to parse,
    a stage failed) is written with empty NLP parts and counted as a problem (exit 2)."""
    from tqdm import tqdm

    count = 0
    with tqdm(desc="articles", unit=" art", disable=None if progress else True,
              file=sys.stderr) as bar:
        for record in records:
            for warning in record.warnings:
                print(f"chronicler: {warning}", file=sys.stderr)
                if warning.startswith("[E"):
                    problems.append(Problem(record.article.origin or record.article.id,
                                            warning[1:5], warning))
            text = json.dumps(record.to_dict(), ensure_ascii=False, indent=2 if pretty else None)
            out.write(text + "\n")
            count += 1
            bar.update(1)
    return count


def reference_date_arg(value: str | None) -> str | None:
    """--reference-date as YYYY-MM-DD (a usage error when it is no date)."""
    from ..ingest.meta import normalise_date

    if value is None:
        return None
    day = normalise_date(value)
    if day is None:
        raise UsageError(f"--reference-date {value!r} is not a date; write it as YYYY-MM-DD")
    return day
