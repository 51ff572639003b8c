"""The Python API: ``chronicler.extract`` for one article, ``chronicler.build`` for many."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import InputError, Problem
from .ingest import IngestConfig, read_inputs
from .ingest.readers import build_article
from .pipeline import Pipeline, PipelineConfig, build
from .types import Record


@lru_cache(maxsize=2)
def _default_pipeline(config: PipelineConfig) -> Pipeline:
    return build(config)


def extract(text_or_path: str | Path, *, clean: bool | None = None, article_id: str = "text",
            title: str | None = None, published: str | None = None,
            pipeline: Pipeline | None = None) -> Record:
    """Extract the record of one article.

    ``text_or_path`` is a path to a ``.txt``/``.html``/``.warc`` file (cleaned like the CLI
    does; the first article is returned) or the article text itself. Text is kept exactly as
    given, so offsets point into your string, unless ``clean=True`` asks for the scraped-page
    cleaning (title, byline, page furniture) applied to ``.txt`` files.
    """
    pipe = pipeline or _default_pipeline(PipelineConfig())
    if isinstance(text_or_path, str) and _looks_like_path(text_or_path) \
            and not Path(text_or_path).exists():
        raise InputError(f"{text_or_path}: no such file; pass the article text itself or an "
                         "existing path")
    if isinstance(text_or_path, Path) or _is_path(text_or_path):
        for item in read_inputs([str(text_or_path)]):
            if isinstance(item, Problem):
                raise InputError(_problem_text(item))
            return pipe.process(item)
        raise InputError(f"{text_or_path}: no article found in it")
    kind = "text" if clean else "asis"
    meta = {"id": article_id, "title": title, "published": published}
    item = build_article(str(text_or_path), origin=article_id, article_id=article_id, kind=kind,
                         config=IngestConfig(), meta=meta)
    if isinstance(item, Problem):
        raise InputError(_problem_text(item))
    return pipe.process(item)


def _problem_text(problem: Problem) -> str:
    return f"{problem.origin}: {problem.message} ({problem.code})"


_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".warc", ".warc.gz", ".md")


def _looks_like_path(value: str) -> bool:
    """A single word ending like a file chronicler reads ("news/a.txt"), not article text."""
    return (len(value) < 1024 and not any(c.isspace() for c in value.strip())
            and value.strip().lower().endswith(_PATH_SUFFIXES))


def _is_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).is_file()
    except OSError:
        return False
