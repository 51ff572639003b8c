"""Run the pipeline on a gold set and score one task: ``evaluate(task, gold_path)``."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from ..errors import UsageError
from ..types import Article
from .gold import TASKS, GoldDoc, GoldSet
from .loaders import load_gold
from .report import format_table
from .score_actors import score_actors
from .score_events import score_actor_codes, score_events
from .score_places import score_places
from .score_quotes import score_quotes

__all__ = ["TASKS", "evaluate", "flatten", "format_table", "predict", "score", "score_gold"]

Scorer = Callable[[Sequence[GoldDoc], Sequence[dict[str, Any]]], dict[str, Any]]

SCORERS: dict[str, Scorer] = {
    "quotes": score_quotes,
    "places": score_places,
    "events": score_events,
    "actors": score_actors,
}


class PipelineLike(Protocol):
    """What the evaluation needs of a pipeline (chronicler.pipeline.Pipeline, or a fake)."""

    def run(self, articles: Iterable[Article]) -> Iterator[Any]: ...


def default_pipeline(processes: int | None = None, *, verb_files: tuple[str, ...] = (),
                     actor_files: tuple[str, ...] = ()) -> PipelineLike:
    """The real pipeline, built once (loads spaCy), with the user's dictionaries if any."""
    from ..pipeline import PipelineConfig, build

    return build(PipelineConfig(n_process=processes, verb_files=tuple(verb_files),
                                actor_files=tuple(actor_files)))


def to_article(doc: GoldDoc) -> Article:
    """The Article of a gold item; its text is the gold text exactly, so offsets agree."""
    return Article(id=doc.id, text=doc.text, title=doc.title, published=doc.published,
                   origin=f"gold:{doc.id}")


def predict(docs: Sequence[GoldDoc], pipeline: PipelineLike, *, progress: bool = True,
            desc: str = "eval") -> list[dict[str, Any]]:
    """Record dicts for the gold docs, in order, with a progress bar on stderr."""
    from tqdm import tqdm

    records = []
    stream = pipeline.run(to_article(d) for d in docs)
    with tqdm(total=len(docs), desc=desc, unit=" doc", file=sys.stderr,
              disable=not progress) as bar:
        for record in stream:
            records.append(record.to_dict() if hasattr(record, "to_dict") else dict(record))
            bar.update(1)
    if len(records) != len(docs):
        raise RuntimeError(f"the pipeline returned {len(records)} records for {len(docs)} "
                           "articles; it must yield one record per article, in order")
    return records


def check_texts(docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]) -> list[str]:
    """Warnings for records whose article text differs from the gold (offsets would not agree)."""
    bad = [d.id for d, r in zip(docs, records, strict=True)
           if (r.get("article") or {}).get("text", d.text) != d.text]
    if not bad:
        return []
    return [(f"{len(bad)} record(s) changed the article text (e.g. {bad[0]}); span matching "
             "there is unreliable")]


def score(task: str, docs: Sequence[GoldDoc], records: Sequence[dict[str, Any]]
          ) -> dict[str, Any]:
    """Metrics of ``task`` on docs and their predicted records (no pipeline involved)."""
    if task not in SCORERS:
        raise UsageError(f"unknown task {task!r}; use one of {', '.join(TASKS)}")
    return SCORERS[task](docs, records)


def task_docs(gold: GoldSet, task: str) -> list[GoldDoc]:
    """The docs of ``gold`` that annotate ``task``; a usage error when there are none."""
    docs = [d for d in gold.docs if d.annotates(task)]
    if not docs and gold.docs:
        offered = ", ".join(gold.tasks()) or "nothing"
        raise UsageError(f"{gold.path} has no gold for {task!r} (it has: {offered})")
    return docs


def score_gold(task: str, gold: GoldSet, records_by_id: dict[str, dict[str, Any]],
               *, seconds: float = 0.0) -> dict[str, Any]:
    """The full result of one task on a loaded gold set whose records are already predicted."""
    docs = task_docs(gold, task)
    records = [records_by_id[d.id] for d in docs]
    words = sum(len(d.text.split()) for d in docs)
    return {
        "task": task, "gold": gold.path, "format": gold.format, "set": gold.name,
        "n_docs": len(docs), "words": words,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds) if seconds else None,
        "skipped": dict(gold.skipped), "notes": list(gold.notes),
        "warnings": check_texts(docs, records),
        "metrics": score(task, docs, records),
    }


def evaluate(task: str, gold_path: str | Path, *, limit: int | None = None,
             pipeline: PipelineLike | None = None, progress: bool = True,
             fmt: str | None = None, processes: int | None = None,
             verb_files: Sequence[str] = (), actor_files: Sequence[str] = ()) -> dict[str, Any]:
    """Load the gold, run the pipeline on its articles, score ``task``.

    ``limit`` keeps the first N gold items; ``pipeline`` defaults to the real one, built with
    the user's verb/actor dictionaries when given. With actor files, events on gold that codes
    actors (PETRARCH) are also scored for source/target codes (``metrics.actor_codes``).
    """
    if task not in SCORERS:
        raise UsageError(f"unknown task {task!r}; use one of {', '.join(TASKS)}")
    if limit is not None and limit <= 0:
        raise UsageError("--limit must be a positive number of gold items")
    gold = load_gold(gold_path, fmt=fmt, limit=limit)
    docs = task_docs(gold, task)
    if pipeline is None:
        pipeline = default_pipeline(processes, verb_files=tuple(verb_files),
                                    actor_files=tuple(actor_files)) \
            if verb_files or actor_files else default_pipeline(processes)
    started = time.perf_counter()
    records = predict(docs, pipeline, progress=progress, desc=f"{task} {gold.name}")
    seconds = time.perf_counter() - started
    result_records = {d.id: r for d, r in zip(docs, records, strict=True)}
    result = score_gold(task, gold, result_records, seconds=seconds)
    if task == "events" and actor_files:
        scored = task_docs(gold, task)
        codes = score_actor_codes(scored, [result_records[d.id] for d in scored])
        if codes:
            result["metrics"]["actor_codes"] = codes
    result["limit"] = limit
    return result


def flatten(metrics: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """Dotted names for every number in a metrics tree: {"spans.direct.f1": 0.5, ...}."""
    flat: dict[str, float] = {}
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            flat[name] = value
    return flat
