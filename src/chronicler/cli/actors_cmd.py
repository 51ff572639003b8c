"""``chronicler actors update | lookup``: keep the actor knowledge base current and see how a
name resolves."""

from __future__ import annotations

import argparse
import datetime as dt

from ..actors.kb import load_kb
from ..actors.maintain import ENV_DIR, explain, overrides_dir, update
from ..errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("actors", help="update the actor knowledge base or look a name up",
                       description="Installed override files live in $" + ENV_DIR +
                       " (default ~/.local/share/chronicler/actors) and are loaded by every "
                       "run after the packaged tables, so a newer row wins.")
    cmds = p.add_subparsers(dest="actors_command", metavar="ACTION", required=True)
    u = cmds.add_parser("update", help="check a CSV/YAML/PETRARCH file and install it",
                        description="Rows as in chronicler/data/actors/people.csv (type person, "
                        "with valid_from/valid_to dates for a role) or organizations.csv "
                        "(type org). A file of the same name replaces the installed one.")
    u.add_argument("file", metavar="FILE")
    u.set_defaults(func=run_update)
    lk = cmds.add_parser("lookup", help="print how a name resolves on a date, and why")
    lk.add_argument("name", metavar="NAME")
    lk.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                    help="the article's date (default: none, the primary role)")
    lk.add_argument("--actors", action="append", default=[], metavar="FILE",
                    help="also load this actor file (repeatable), as `extract --actors` does")
    lk.set_defaults(func=run_lookup)


def _day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise UsageError(f"--date {value!r} is not a date; give YYYY-MM-DD") from exc


def run_update(args: argparse.Namespace) -> int:
    target, people, orgs = update(args.file, kb=load_kb())
    print(f"installed {target} ({people} person aliases added or changed, {orgs} organisation "
          f"aliases added); every run now loads the files in {overrides_dir()}",
          file=args.records_out)
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    kb = load_kb(args.actors)
    for line in explain(kb, args.name, day=_day(args.date)):
        print(line, file=args.records_out)
    return 0
