"""Accuracy against public gold sets: loaders, metrics and the ``chronicler eval`` command.

>>> from chronicler.eval import evaluate, format_table
>>> result = evaluate("quotes", "../shared/eval/quotes/polnear_dev.jsonl", limit=5)  # doctest: +SKIP
>>> print(format_table(result))  # doctest: +SKIP

Nothing heavy is imported here: the pipeline loads only when ``evaluate`` runs without one.
"""

from __future__ import annotations

from typing import Any

__all__ = ["evaluate", "format_table", "load_gold", "score"]


def __getattr__(name: str) -> Any:  # lazy, so `import chronicler.eval` stays cheap
    if name in ("evaluate", "format_table", "score"):
        from . import runner

        return getattr(runner, name)
    if name == "load_gold":
        from .loaders import load_gold

        return load_gold
    raise AttributeError(f"module 'chronicler.eval' has no attribute {name!r}")
