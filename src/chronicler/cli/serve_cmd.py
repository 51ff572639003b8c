"""``chronicler serve``: the REST API over a store (read-only, 127.0.0.1 by default)."""

from __future__ import annotations

import argparse
import sys

from ..errors import UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the event store as a read-only REST API")
    p.add_argument("--db", required=True, metavar="FILE", help="the DuckDB event store")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8050)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..serve import create_app
    except ImportError as exc:
        raise UsageError(f"the server needs its extra ({exc}); run `make install`") from exc
    app = create_app(args.db)
    print(f"chronicler: serving {args.db} at http://{args.host}:{args.port}/docs", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
