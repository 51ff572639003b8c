"""The ``chronicler`` command: thin subcommands over importable functions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__
from ..errors import ChroniclerError
from . import actors_cmd, serve_cmd, store_cmds
from . import demo as demo_cmd
from . import extract as extract_cmd

EPILOG = """\
examples:
  chronicler extract article.txt                 one scraped article -> one JSON line
  chronicler extract corpus/ --output out.jsonl  a folder (recursive): .txt .html .jsonl .warc(.gz)
  cat page.html | chronicler extract - --pretty  stdin, indented JSON
  chronicler ingest corpus/ --db events.duckdb   build the event store (re-run: only new work)
  chronicler export --db events.duckdb --format parquet -o events.parquet
  chronicler stats --db events.duckdb
  chronicler query --db events.duckdb "SELECT type, count(*) FROM events GROUP BY 1"
  chronicler eval quotes --gold polnear_dev.jsonl --limit 20
  chronicler actors lookup "Rubio" --date 2025-03-01   how a name resolves, and why
  chronicler actors update cabinet.csv          install newer people/roles for every run

stdout carries records only; logs, warnings and progress go to stderr.
exit codes: 0 every input read, 2 some inputs skipped (named on stderr), 1 usage or fatal error.
"""


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 1 (SPEC), not argparse's 2, which means "some inputs skipped"."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="chronicler",
        description="Political event data from news articles: who did or said what to whom, "
                    "where and when. Offline.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"chronicler {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract_cmd.add_parser(sub)
    demo_cmd.add_parser(sub)
    store_cmds.add_parsers(sub)
    actors_cmd.add_parser(sub)
    serve_cmd.add_parser(sub)
    try:
        from ..eval import cli as eval_cmd
    except ImportError:  # the eval package is optional in stripped installs
        eval_cmd = None  # type: ignore[assignment]
    if eval_cmd is not None:
        eval_cmd.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point. While a command runs, library prints go to stderr: stdout holds records."""
    parser = make_parser()
    args = parser.parse_args(argv)  # --help and --version print to stdout, as usual
    if args.command is None:
        parser.print_help(sys.stderr)
        return 1
    records_out = sys.stdout
    sys.stdout = sys.stderr
    try:
        args.records_out = records_out
        return int(args.func(args) or 0)
    except ChroniclerError as exc:
        print(f"chronicler: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not type(exc).__module__.startswith(("duckdb", "_duckdb")) or not getattr(
                args, "db", None):
            raise
        from ..store.db import store_failure  # a store that breaks mid-command: no traceback

        print(f"chronicler: {store_failure(args.db, exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("chronicler: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        sys.stdout = records_out


if __name__ == "__main__":
    sys.exit(main())
