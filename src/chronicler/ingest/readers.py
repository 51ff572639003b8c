"""Inputs -> Articles. Every reader yields ``Article`` or ``Problem``; nothing here raises for one
bad input, so one broken file in a folder of 10,000 is reported and the run goes on."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import errors as E
from ..errors import Problem
from ..nlp.limits import too_long
from ..types import Article
from .meta import content_id, detect_language, normalise_date

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article (file, JSONL line or WARC record)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")

Item = Article | Problem


@dataclass(frozen=True)
class IngestConfig:
    """How inputs are read. ``max_bytes`` caps one article's raw size."""

    max_bytes: int = DEFAULT_MAX_BYTES
    detect_language: bool = True


def read_inputs(paths: Iterable[str], *, config: IngestConfig | None = None) -> Iterator[Item]:
    """Articles and problems from files, folders (recursive) and ``-`` (stdin), in order."""
    config = config or IngestConfig()
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(config)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                yield from read_file(child, config=config, folder=path)
        elif path.exists():
            yield from read_file(path, config=config)
        else:
            yield Problem(raw, E.E_NOT_FOUND, "no such file or folder; check the path")


# A folder's own documentation is not an article.
_FOLDER_DOCS = ("readme", "license", "licence", "changelog", "credits")


def _walk(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.rglob("*")):
        if not child.is_file() or child.stem.lower() in _FOLDER_DOCS:
            continue
        if not any(p.startswith(".") for p in child.relative_to(folder).parts):
            yield child


def read_file(path: Path, *, config: IngestConfig, folder: Path | None = None) -> Iterator[Item]:
    """One file of any supported kind. Inside a folder, a file's id is its path relative to the
    folder without the extension ("a/index"), so same-named files in sub-folders stay apart."""
    name = path.name.lower()
    origin = str(path)
    if name.endswith(WARC_SUFFIXES):
        from .warc import read_warc

        yield from read_warc(path, config=config)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, config)
        return
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            yield Problem(origin, E.E_TOO_LARGE, f"{size:,} bytes is over the limit of "
                          f"{config.max_bytes:,}; raise it with --max-bytes or split the file")
            return
        data = _read_pipe(path, config.max_bytes) if path.is_fifo() else path.read_bytes()
    except OSError as exc:
        yield Problem(origin, E.E_NOT_FOUND, f"cannot be read ({exc.strerror}); check permissions")
        return
    if len(data) > config.max_bytes:  # only a pipe can get here: its size is not known before
        yield Problem(origin, E.E_TOO_LARGE, f"over the limit of {config.max_bytes:,} bytes; "
                      "raise it with --max-bytes")
        return
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    article_id = path.stem if folder is None else path.relative_to(folder).with_suffix("").as_posix()
    yield from _from_bytes(data, origin=origin, default_id=article_id, kind=kind, config=config)


def _read_pipe(path: Path, limit: int) -> bytes:
    """A named pipe (``<(cmd)``) without blocking on open when no writer is there: a pipe
    with no writer reads as empty instead of hanging."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as stream:
        return stream.read(limit + 1)


def _from_bytes(data: bytes, *, origin: str, default_id: str, kind: str,
                config: IngestConfig) -> Iterator[Item]:
    if not data.strip():
        what = "stdin is empty" if origin == "-" else "the file is empty"
        yield Problem(origin, E.E_EMPTY, f"{what}; nothing to extract")
        return
    if data.startswith(_WIDE_BOMS):
        try:
            data = data.decode("utf-32" if data[:4] in _WIDE_BOMS[:2] else "utf-16").encode()
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        yield Problem(origin, E.E_BINARY, "binary data, not text/HTML/JSONL/WARC; "
                      "remove it from the input or convert it to text")
        return
    text = decode(data)
    if text is None:
        yield Problem(origin, E.E_BAD_ENCODING, "the text encoding could not be detected; "
                      "save the file as UTF-8")
        return
    if kind == "text" and _sniff_html(text):
        kind = "html"
    yield build_article(text, origin=origin, article_id=default_id, kind=kind, config=config)


def build_article(raw: str, *, origin: str, article_id: str, kind: str, config: IngestConfig,
                  meta: dict | None = None) -> Item:
    """Clean ``raw`` (``kind`` is ``text``, ``html`` or ``asis``) into an Article."""
    meta = meta or {}
    if kind == "asis":
        title, author, published, body = None, None, None, raw
    else:
        cleaned = _clean(raw, kind=kind, url=meta.get("url"))
        title, author, published, body = (cleaned.title, cleaned.author, cleaned.published,
                                          cleaned.text)
    if not body.strip():
        return Problem(origin, E.W_NO_TEXT, "no article text was found in it")
    if (why := too_long(body)) is not None:
        return Problem(origin, E.E_TOO_LARGE, why)
    lang = detect_language(body) if config.detect_language else "en"
    return Article(
        id=str(meta.get("id") or article_id),
        text=body,
        title=_str_or_none(meta.get("title")) or title,
        author=_str_or_none(meta.get("author")) or author,
        published=normalise_date(meta.get("published")) or published,
        source=_str_or_none(meta.get("source")),
        url=_str_or_none(meta.get("url")),
        language=lang,
        origin=origin,
    )


def _clean(raw: str, *, kind: str, url: str | None):  # type: ignore[no-untyped-def]
    if kind == "html":
        from .html import clean_html

        return clean_html(raw, url=url)
    from .plaintext import clean_plaintext

    return clean_plaintext(raw)


def _str_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    return text or None


# UTF-32 first: its little-endian BOM starts with UTF-16's.
_WIDE_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # Control bytes other than tab/newline/CR/form-feed/ESC are rare in any text encoding.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM) first, then charset detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def _sniff_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _read_jsonl_file(path: Path, config: IngestConfig) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(str(path), E.E_NOT_FOUND, f"cannot be read ({exc.strerror})")
        return
    with handle:
        yield from read_jsonl_lines(handle, origin=str(path), stem=path.stem, config=config)


def read_jsonl_lines(lines: Iterable[bytes], *, origin: str, stem: str,
                     config: IngestConfig) -> Iterator[Item]:
    """One article per JSON line: ``id``, ``text`` or ``html``, optional metadata."""
    for lineno, line in enumerate(lines, start=1):
        where = f"{origin}:{lineno}"
        if not line.strip():
            continue
        if len(line) > config.max_bytes:
            yield Problem(where, E.E_TOO_LARGE, f"line of {len(line):,} bytes is over the limit "
                          f"of {config.max_bytes:,}; raise it with --max-bytes")
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Problem(where, E.E_BAD_JSON, f"not valid JSON ({exc}); fix or remove the line")
            continue
        yield _jsonl_article(obj, where=where, default_id=f"{stem}-{lineno}", config=config)


def _jsonl_article(obj: object, *, where: str, default_id: str, config: IngestConfig) -> Item:
    if not isinstance(obj, dict):
        return Problem(where, E.E_BAD_RECORD, "a JSON object with 'text' or 'html' is needed")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return build_article(text, origin=where, article_id=default_id, kind="asis",
                             config=config, meta=obj)
    if isinstance(html, str) and html.strip():
        return build_article(html, origin=where, article_id=default_id, kind="html",
                             config=config, meta=obj)
    return Problem(where, E.E_BAD_RECORD, "no non-empty string field 'text' or 'html'; "
                   "add the article body under one of them")


def _read_stdin(config: IngestConfig) -> Iterator[Item]:
    if sys.stdin is None or sys.stdin.closed:  # started with stdin closed (`<&-`)
        yield Problem("-", E.E_NOT_FOUND, "stdin is closed; pipe an article in or give a path")
        return
    data = sys.stdin.buffer.read()
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        yield from read_jsonl_lines(data.splitlines(), origin="-", stem="stdin", config=config)
        return
    if len(data) > config.max_bytes:
        yield Problem("-", E.E_TOO_LARGE, f"stdin is over the limit of {config.max_bytes:,} "
                      "bytes; raise it with --max-bytes")
        return
    text = decode(data) or ""
    yield from _from_bytes(data, origin="-", default_id=content_id(text, prefix="stdin"),
                           kind="text", config=config)
