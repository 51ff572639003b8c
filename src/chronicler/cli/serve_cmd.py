"""``chronicler serve``: the REST API and dashboard over a store (127.0.0.1, read-only by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from ..serve.cache import DEFAULT_SIZE

DESCRIPTION = """\
Serve an event store to a browser: the dashboard at /, the REST API under /api/ (documented at
/docs and /openapi.json). Read-only unless --token-file is given; then POST /api/articles codes
and stores new articles for requests that send 'Authorization: Bearer <the file's token>'.
Binds to 127.0.0.1: put a reverse proxy with TLS in front before exposing it to a network.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the event store: browser dashboard and REST API",
                       description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", required=True, metavar="FILE", help="the DuckDB event store")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    p.add_argument("--token-file", metavar="F", help="enable POST /api/articles for callers "
                   "that send this file's token (at least 16 characters)")
    p.add_argument("--cache-size", type=int, default=DEFAULT_SIZE, metavar="N",
                   help=f"JSON answers kept until the store changes (default {DEFAULT_SIZE}; "
                        "0 turns the cache off)")
    p.set_defaults(func=run)


def read_token(path: str) -> str:
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the token file {path} ({exc}); give a readable text "
                         "file holding one token") from exc
    if len(token) < 16 or any(c.isspace() for c in token):
        raise UsageError(f"the token in {path} must be one word of at least 16 characters; "
                         "make one with: python -c 'import secrets; print(secrets.token_hex())'")
    return token


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..serve import create_app
    except ImportError as exc:
        raise UsageError(f"the server needs its extra ({exc}); run `make install`") from exc
    token = read_token(args.token_file) if args.token_file else None
    app = create_app(args.db, token=token, cache_size=args.cache_size)
    mode = "read-write (POST /api/articles with the token)" if token else "read-only"
    print(f"chronicler: serving {args.db} ({mode})\n  dashboard: http://{args.host}:{args.port}/"
          f"\n  API docs:  http://{args.host}:{args.port}/docs\n  stop with Ctrl-C",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
