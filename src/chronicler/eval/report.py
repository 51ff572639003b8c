"""A readable plain-text table of an evaluation result (the JSON holds the same figures)."""

from __future__ import annotations

from typing import Any

_PRF_KEYS = {"p", "r", "f1"}
_NAME_WIDTH = 38


def format_table(result: dict[str, Any]) -> str:
    """The result as text: a header, then one line per figure and a grid per confusion table."""
    lines = [_header(result)]
    for key in ("skipped", "notes", "warnings"):
        lines += _extras(key, result.get(key))
    lines.append("")
    lines += _tree(result.get("metrics", {}), "")
    return "\n".join(lines).rstrip() + "\n"


def _header(result: dict[str, Any]) -> str:
    speed = result.get("words_per_s")
    timing = f", {result.get('seconds', 0):.1f} s" + (f" ({speed:,} words/s)" if speed else "")
    limit = f", limit {result['limit']}" if result.get("limit") else ""
    return (f"chronicler eval {result.get('task')} — {result.get('set')} "
            f"({result.get('format')}): {result.get('n_docs', 0)} items, "
            f"{result.get('words', 0):,} words{timing}{limit}")


def _extras(key: str, value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, dict):
        return [f"{key}: " + "; ".join(f"{k} ×{n}" for k, n in sorted(value.items()))]
    return [f"{key}: {v}" for v in value]


def _tree(node: dict[str, Any], prefix: str) -> list[str]:
    lines: list[str] = []
    for key, value in node.items():
        name = f"{prefix}{key}"
        if key == "confusion" and isinstance(value, dict):
            lines += _grid(name, value)
        elif isinstance(value, dict) and _PRF_KEYS <= value.keys():
            lines.append(_prf_line(name, value))
        elif isinstance(value, dict) and all(not isinstance(v, dict) for v in value.values()):
            lines.append(f"{name:<{_NAME_WIDTH}} " + "  ".join(
                f"{k} {_num(v)}" for k, v in value.items()))
        elif isinstance(value, dict):
            lines += _tree(value, name + ".")
        else:
            lines.append(f"{name:<{_NAME_WIDTH}} {_num(value)}")
    return lines


def _prf_line(name: str, v: dict[str, Any]) -> str:
    counts = f"(tp {v.get('tp', 0)}, fp {v.get('fp', 0)}, fn {v.get('fn', 0)})" \
        if "tp" in v else ""
    return (f"{name:<{_NAME_WIDTH}} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  "
            f"{counts}").rstrip()


def _num(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _short(labels: list[str]) -> dict[str, str]:
    """The shortest prefixes (5 characters or more) that keep the labels apart."""
    width = 5
    while len({lab[:width] for lab in labels}) < len(labels):
        width += 1
    return {lab: lab[:width] for lab in labels}


def _grid(name: str, table: dict[str, dict[str, int]]) -> list[str]:
    """A confusion table: rows are gold, columns predicted."""
    rows = list(table)  # in the scorer's order
    seen = {c for r in table.values() for c in r}
    cols = [r for r in rows if r in seen] + sorted(seen - set(rows))
    if not rows:
        return [f"{name:<{_NAME_WIDTH}} (empty)"]
    short = _short(sorted(set(rows) | set(cols)))
    width = max(len(s) for s in short.values()) + 1
    head = max(len(r) for r in rows) + 2
    lines = [f"{name} (rows gold, columns predicted):",
             " " * head + "".join(f"{short[c]:>{width}}" for c in cols)]
    for r in rows:
        cells = "".join(f"{table[r].get(c, 0) or '.':>{width}}" for c in cols)
        lines.append(f"{r:<{head}}{cells}")
    return lines
