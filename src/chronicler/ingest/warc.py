"""WARC archives (``.warc``, ``.warc.gz``) through warcio: one article per HTML/text response."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import errors as E
from ..errors import Problem
from .meta import content_id

if TYPE_CHECKING:
    from .readers import IngestConfig, Item

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(path: Path, *, config: IngestConfig) -> Iterator[Item]:
    """Every ``response`` or ``resource`` record with an HTML or text payload."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .encoding import to_text
    from .readers import build_article

    origin = str(path)
    damage = _gzip_damage(path) if path.name.lower().endswith(".gz") else None
    if damage is not None:
        yield Problem(origin, E.E_BAD_ARCHIVE, f"the gzip stream is damaged ({damage}); records "
                      "before the damage are still read — check that the download finished")
    found = 0
    try:
        with path.open("rb") as stream:
            # warcio parses HTTP headers only for records with an http(s) target URI and
            # crashes on a record without one, so the HTTP headers are parsed here instead.
            for n, record in enumerate(ArchiveIterator(stream, no_record_parse=True), start=1):
                if record.rec_type not in ("response", "resource"):
                    continue
                _parse_http_headers(record)
                ctype = _content_type(record)
                if not ctype.startswith(_TEXT_TYPES):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{origin}#{n}"
                payload = record.content_stream().read(config.max_bytes + 1)
                if len(payload) > config.max_bytes:
                    yield Problem(where, E.E_TOO_LARGE, f"record over {config.max_bytes:,} bytes;"
                                  " raise it with --max-bytes")
                    continue
                decoded = to_text(payload)
                text = decoded.text
                if text is None:
                    code, message = decoded.problem or (E.E_BAD_ENCODING, "not decoded")
                    yield Problem(where, code, f"payload: {message}")
                    continue
                kind = "text" if ctype.startswith("text/plain") else "html"
                meta = {"url": uri, "id": uri or content_id(text, prefix="warc")}
                article = build_article(text, origin=where, article_id=meta["id"], kind=kind,
                                        config=config, meta=meta, warnings=decoded.warnings)
                found += 1
                yield article
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Problem(origin, E.E_BAD_ARCHIVE, f"not a readable WARC archive ({exc}); "
                      "check that the download finished")
        return
    if not found and damage is None:
        yield Problem(origin, E.W_NO_TEXT, "no HTML or text record in this archive")


def _parse_http_headers(record) -> None:  # type: ignore[no-untyped-def]
    """Give a ``response`` record its HTTP headers when its block starts with a status line."""
    from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

    if record.rec_type != "response" or not record.length:
        return
    try:
        record.http_headers = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"],
                                                     verify=False).parse(record.raw_stream)
    except (StatusAndHeadersParserException, EOFError, ValueError):
        record.http_headers = None


def _content_type(record) -> str:  # type: ignore[no-untyped-def]
    if record.rec_type == "response" and record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.lower().strip()


def _gzip_damage(path: Path) -> str | None:
    """Why a .gz file is truncated or corrupt, or None when it reads to the end."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        return str(exc) or type(exc).__name__
    return None
