"""Inputs -> Articles. Every reader yields ``Article`` or ``Problem``; nothing here raises for one
bad input, so one broken file in a folder of 10,000 is reported and the run goes on."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import errors as E
from ..errors import Problem
from ..nlp.limits import MAX_CHARS, too_long
from ..types import Article
from .encoding import decode, to_text
from .meta import content_id, detect_language, normalise_date

__all__ = ["DEFAULT_MAX_BYTES", "IngestConfig", "build_article", "decode", "read_file",
           "read_inputs", "read_jsonl_lines"]

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
            found = False
            for child in _walk(path):
                found = True
                if isinstance(child, Problem):
                    yield child
                else:
                    yield from read_file(child, config=config, folder=path)
            if not found:
                yield Problem(raw, E.E_EMPTY, "the folder holds no file to read")
        elif path.exists():
            yield from read_file(path, config=config)
        else:
            yield Problem(raw, E.E_NOT_FOUND, _missing(raw))


def _missing(raw: str) -> str:
    """Why a path that does not exist cannot be read: no such path, a dangling link, a loop."""
    if not os.path.islink(raw):
        return "no such file or folder; check the path"
    try:
        os.stat(raw)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop (the link points back to itself); fix or remove it"
        return f"a dangling symbolic link to {os.readlink(raw)!r}; fix or remove it"
    return "no such file or folder; check the path"  # pragma: no cover - raced into existence


# A folder's own documentation is not an article.
_FOLDER_DOCS = ("readme", "license", "licence", "changelog", "credits")


def _walk(folder: Path) -> Iterator[Path | Problem]:
    """Files under ``folder`` in path order, following links to folders once each; broken
    links and link loops are named, hidden files and folder docs skipped."""
    found: list[tuple[str, Path | Problem]] = []
    seen = {os.path.realpath(folder)}
    def unreadable(exc: OSError) -> None:  # os.walk would skip the folder silently
        where = str(exc.filename or folder)
        found.append((where, Problem(where, E.E_NOT_FOUND, f"the folder cannot be read "
                                     f"({exc.strerror}); check permissions")))

    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable):
        kept = []
        for name in sorted(dirs):
            sub = os.path.join(root, name)
            real = os.path.realpath(sub)
            if name.startswith("."):
                continue
            if real in seen:
                found.append((sub, Problem(sub, E.E_NOT_FOUND, "a symbolic link loop (a folder "
                                           "inside itself); skipped, fix or remove the link")))
                continue
            seen.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in files:
            child = Path(root) / name
            if name.startswith(".") or child.stem.lower() in _FOLDER_DOCS:
                continue
            if child.is_symlink() and not child.exists():
                found.append((str(child), Problem(str(child), E.E_NOT_FOUND,
                                                  _missing(str(child)))))
            elif child.is_file() or child.is_fifo():
                found.append((str(child), child))
    for _, item in sorted(found, key=lambda pair: Path(pair[0]).parts):
        yield item


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
    yield _from_bytes(data, origin=origin, default_id=article_id, kind=kind, config=config)


def _read_pipe(path: Path, limit: int) -> bytes:
    """A named pipe (``<(cmd)``) without blocking on open when no writer is there: a pipe
    with no writer reads as empty instead of hanging."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as stream:
        return stream.read(limit + 1)


def _from_bytes(data: bytes, *, origin: str, default_id: str, kind: str,
                config: IngestConfig) -> Item:
    if not data.strip():
        what = "stdin is empty" if origin == "-" else "the file is empty"
        return Problem(origin, E.E_EMPTY, f"{what}; nothing to extract")
    decoded = to_text(data)
    if decoded.text is None:
        code, message = decoded.problem or (E.E_BAD_ENCODING, "could not be decoded")
        return Problem(origin, code, message)
    text = decoded.text
    if kind == "text" and _sniff_html(text):
        kind = "html"
    if default_id.startswith("stdin"):
        default_id = content_id(text, prefix="stdin")
    return build_article(text, origin=origin, article_id=default_id, kind=kind, config=config,
                         warnings=decoded.warnings)


def build_article(raw: str, *, origin: str, article_id: str, kind: str, config: IngestConfig,
                  meta: dict | None = None,
                  warnings: Iterable[tuple[str, str]] = ()) -> Item:
    """Clean ``raw`` (``kind`` is ``text``, ``html`` or ``asis``) into an Article;
    ``warnings`` are ``(code, message)`` pairs about what reading it repaired."""
    meta = meta or {}
    raw = _no_surrogates(raw)
    if kind == "text" and len(raw) > 4 * MAX_CHARS:  # over the limit after any cleaning
        kind = "asis"
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
        id=_no_surrogates(str(meta.get("id") or article_id)),
        text=body,
        title=_str_or_none(meta.get("title")) or title,
        author=_str_or_none(meta.get("author")) or author,
        published=normalise_date(meta.get("published")) or published,
        source=_str_or_none(meta.get("source")),
        url=_str_or_none(meta.get("url")),
        language=lang,
        origin=origin,
        warnings=tuple(f"[{code}] {origin}: {message}" for code, message in warnings),
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
    text = _no_surrogates(str(value)).strip()
    return text or None


def _no_surrogates(text: str) -> str:
    """JSON may spell lone surrogates ("\\ud800"), which no UTF-8 output can hold: '?'."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="replace").decode("utf-8")
    return text


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
        yield from read_jsonl_lines(bounded_lines(handle, config.max_bytes), origin=str(path),
                                    stem=path.stem, config=config)


def bounded_lines(stream, limit: int) -> Iterator[bytes | int]:  # type: ignore[no-untyped-def]
    """The lines of a binary stream, each read into memory only up to ``limit`` bytes: a
    longer line is skipped in 1 MB steps and given as its length (an int) instead."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n") and len(line) == limit + 1:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(1 << 20)):
            size += len(line)
        yield size


def read_jsonl_lines(lines: Iterable[bytes | int], *, origin: str, stem: str,
                     config: IngestConfig) -> Iterator[Item]:
    """One article per JSON line: ``id``, ``text`` or ``html``, optional metadata. An int in
    ``lines`` stands for a line over the size limit (its length; see ``bounded_lines``)."""
    ids: dict[str, int] = {}
    lineno = 0
    seen = False
    for lineno, line in enumerate(lines, start=1):
        where = f"{origin}:{lineno}"
        seen = seen or isinstance(line, int) or bool(line.strip())
        if isinstance(line, int) or len(line) > config.max_bytes:
            size = line if isinstance(line, int) else len(line)
            yield Problem(where, E.E_TOO_LARGE, f"line of {size:,} bytes is over the limit "
                          f"of {config.max_bytes:,}; raise it with --max-bytes")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Problem(where, E.E_BAD_JSON, f"not valid JSON ({exc}); fix or remove the line")
            continue
        item = _jsonl_article(obj, where=where, default_id=f"{stem}-{lineno}", config=config)
        if isinstance(item, Article):
            if item.id in ids:
                item = _warn(item, E.W_DUPLICATE_ID, f"id {item.id!r} is also on line "
                             f"{ids[item.id]}; both articles are kept under the same id")
            else:
                ids[item.id] = lineno
        yield item
    if not seen:
        what = "no line" if lineno == 0 else "only blank lines"
        yield Problem(origin, E.E_EMPTY, f"the file has {what}; nothing to extract")


def _warn(article: Article, code: str, message: str) -> Article:
    from dataclasses import replace

    note = f"[{code}] {article.origin}: {message}"
    return replace(article, warnings=(*article.warnings, note))


def _jsonl_article(obj: object, *, where: str, default_id: str, config: IngestConfig) -> Item:
    if not isinstance(obj, dict):
        return Problem(where, E.E_BAD_RECORD, "a JSON object with 'text' or 'html' is needed")
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        both = [(E.W_BOTH_FIELDS, "both 'text' and 'html' are given; 'text' is used")] \
            if isinstance(html, str) and html.strip() else []
        return build_article(text, origin=where, article_id=default_id, kind="asis",
                             config=config, meta=obj, warnings=both)
    if isinstance(html, str) and html.strip():
        return build_article(html, origin=where, article_id=default_id, kind="html",
                             config=config, meta=obj)
    return Problem(where, E.E_BAD_RECORD, "no non-empty string field 'text' or 'html'; "
                   "add the article body under one of them")


def _read_stdin(config: IngestConfig) -> Iterator[Item]:
    if sys.stdin is None or sys.stdin.closed:  # started with stdin closed (`<&-`)
        yield Problem("-", E.E_NOT_FOUND, "stdin is closed; pipe an article in or give a path")
        return
    stream = sys.stdin.buffer
    head = stream.read(config.max_bytes + 1)  # never more than one article's worth at once
    if head.lstrip().startswith(b"{"):
        lines = bounded_lines(_Prefixed(head, stream), config.max_bytes)
        yield from read_jsonl_lines(lines, origin="-", stem="stdin", config=config)
        return
    if len(head) > config.max_bytes:
        yield Problem("-", E.E_TOO_LARGE, f"stdin is over the limit of {config.max_bytes:,} "
                      "bytes; raise it with --max-bytes")
        return
    yield _from_bytes(head, origin="-", default_id="stdin", kind="text", config=config)


class _Prefixed:
    """``readline`` over bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest) -> None:  # type: ignore[no-untyped-def]
        self.head = io.BytesIO(head)
        self.rest = rest

    def readline(self, size: int) -> bytes:
        line = self.head.readline(size)
        if line.endswith(b"\n") or len(line) >= size:
            return line
        return line + self.rest.readline(size - len(line))
