"""``chronicler eval TASK --gold FILE``: run the pipeline on a gold set and print its scores."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ..errors import ChroniclerError, UsageError
from .gold import TASKS
from .loaders import LOADERS

HELP = """\
Run the real pipeline on the articles of a gold file and score one task against it.

TASK is quotes (span P/R/F1 direct/indirect, speakers, cues), places (accuracy within 161 km,
GeoNames exact match, country, share missed), events (PLOVER types, CAMEO roots, 5-way class,
false alarms, source/target) or actors (gold actor mentions found). The gold format is detected
from the file (PolNeAR, LGL/TR-News/GeoWebNews, ConfliBERT CAMEO, CASE 2021, PETRARCH).

A table goes to stdout, the progress bar to stderr; --json writes every figure.

examples:
  chronicler eval quotes --gold ../shared/eval/quotes/polnear_dev.jsonl --limit 20
  chronicler eval places --gold ../shared/eval/geo/trnews_dev.jsonl --json out/places.json
  chronicler eval events --gold petrarch_records.jsonl --verbs verbs.txt --actors actors.txt
"""


def configure(p: argparse.ArgumentParser) -> None:
    """Add the eval arguments to a parser."""
    p.add_argument("task", choices=TASKS, metavar="TASK", help=f"one of {', '.join(TASKS)}")
    p.add_argument("--gold", required=True, metavar="FILE", help="gold JSON Lines file")
    p.add_argument("--format", dest="fmt", choices=sorted(LOADERS), default=None,
                   help="gold format (default: detected from the file)")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="score only the first N gold items")
    p.add_argument("--json", dest="json_out", metavar="OUT", help="write all figures as JSON")
    p.add_argument("--processes", type=int, default=None, metavar="N",
                   help="pipeline worker processes (default: chosen by the pipeline)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--verbs", action="append", default=[], metavar="FILE",
                   help="a PETRARCH verb dictionary loaded into the pipeline; repeatable")
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="an actor dictionary (CSV/YAML, or PETRARCH actors/agents .txt) loaded "
                        "into the pipeline; repeatable. On PETRARCH gold, events also get "
                        "source/target code accuracy (actor_codes)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``eval`` on the main CLI's subparsers."""
    p = sub.add_parser("eval", help="score the pipeline against a gold set", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    configure(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate, print the table on stdout (``args.records_out`` under the main CLI)."""
    from .runner import evaluate, format_table

    if args.limit is not None and args.limit <= 0:
        raise UsageError("--limit must be a positive number of gold items")
    result = evaluate(args.task, args.gold, limit=args.limit, fmt=args.fmt,
                      progress=not args.no_progress, processes=args.processes,
                      verb_files=tuple(args.verbs), actor_files=tuple(args.actors))
    out = getattr(args, "records_out", None) or sys.stdout
    out.write(format_table(result))
    out.flush()
    if args.json_out:
        try:
            with open(args.json_out, "w", encoding="utf-8") as handle:
                json.dump(result, handle, indent=2, ensure_ascii=False)
                handle.write("\n")
        except OSError as exc:
            raise UsageError(f"cannot write --json {args.json_out}: {exc.strerror}") from exc
        print(f"chronicler: figures written to {args.json_out}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m chronicler.eval TASK --gold FILE``: the same command without the main CLI."""
    parser = argparse.ArgumentParser(prog="python -m chronicler.eval", description=HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    configure(parser)
    args = parser.parse_args(argv)
    records_out, sys.stdout = sys.stdout, sys.stderr  # library prints must not reach stdout
    args.records_out = records_out
    try:
        return run(args)
    except ChroniclerError as exc:
        print(f"chronicler: {exc}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = records_out
