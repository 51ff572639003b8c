#!/usr/bin/env python
"""Quality gate: every dev evaluation against the pinned floors in benchmarks/baseline.json.

    .venv/bin/python benchmarks/quality.py           # all dev sets, full (make bench)
    .venv/bin/python benchmarks/quality.py --fast    # first 30 items per set (CI, < 2 min)

Each floor names a set and a dotted metric of ``chronicler eval`` output ("quotes.spans.direct
.f1"); the gate fails (exit 1) when a figure is below its floor or above its ceiling, or when a
pinned metric is no longer produced. Gold sets live in ../shared/eval; a missing file is skipped
and named, and the gate passes on what it has. Floors go up as stages land: pin a floor a little
below a figure you just measured, with a note saying when and on what.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:  # runnable from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from chronicler.eval.loaders import load_gold
from chronicler.eval.runner import (
    PipelineLike,
    default_pipeline,
    flatten,
    predict,
    score_gold,
)
from chronicler.eval.score_events import score_actor_codes

DEFAULT_BASELINE = ROOT / "benchmarks" / "baseline.json"
DEFAULT_SHARED = ROOT.parent / "shared"
#: Items per set in --fast mode: ~60k words in all, well under 2 minutes on 2 cores.
FAST_LIMIT = 30
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class GateSet:
    """A gold file (relative to <shared>/eval, or absolute) and the tasks scored on it."""

    name: str
    path: str
    tasks: tuple[str, ...]
    verbs: tuple[str, ...] = ()  # PETRARCH-format dictionaries (relative to <shared>/eval)
    actors: tuple[str, ...] = ()


SETS: tuple[GateSet, ...] = (
    GateSet("quotes/polnear_dev", "quotes/polnear_dev.jsonl", ("quotes", "actors")),
    GateSet("places/lgl", "geo/lgl.jsonl", ("places",)),
    GateSet("places/geowebnews", "geo/geowebnews.jsonl", ("places",)),
    GateSet("places/trnews_dev", "geo/trnews_dev.jsonl", ("places",)),
    GateSet("events/petrarch2_unittest", "petrarch/petrarch2_unittest_records.jsonl",
            ("events",)),
    GateSet("events/udpetrarch_validate", "petrarch/udpetrarch_validate_records_2_02.jsonl",
            ("events",)),
    # The PETRARCH records coded with their own validation dictionaries loaded, as PETRARCH
    # itself is validated: measures chronicler's reading of PETRARCH dictionaries.
    GateSet("events/petrarch2_unittest+dicts", "petrarch/petrarch2_unittest_records.jsonl",
            ("events",), verbs=("petrarch/dictionaries/PETR.Validate.verbs.txt",),
            actors=("petrarch/dictionaries/PETR.Validate.actors.txt",
                    "petrarch/dictionaries/PETR.Validate.agents.txt")),
    GateSet("events/udpetrarch_validate+dicts", "petrarch/udpetrarch_validate_records_2_02.jsonl",
            ("events",), verbs=("petrarch/dictionaries/PETR_Validate_verbs_2_02.txt",),
            actors=("petrarch/dictionaries/PETR_Validate_actors_2_02.txt",
                    "petrarch/dictionaries/PETR_Validate_agents_2_02.txt")),
    GateSet("events/case2021_dev", "events/case2021_dev.jsonl", ("events",)),
    GateSet("events/cameo_train", "events/cameo_train.jsonl", ("events", "actors")),
)


@dataclass(frozen=True)
class Check:
    """One pinned figure: its value (None when no longer produced) against its bound."""

    set: str
    metric: str
    value: float | None
    bound: float
    kind: str  # "floor" | "ceiling"
    note: str = ""

    @property
    def ok(self) -> bool:
        if self.value is None:
            return False
        if self.kind == "ceiling":
            return self.value <= self.bound + _TOLERANCE
        return self.value >= self.bound - _TOLERANCE


@dataclass
class GateReport:
    """What the gate checked, skipped and measured."""

    checks: list[Check] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(c.ok for c in self.checks)

    def format(self) -> str:
        """The checks as a table, then what was skipped, then the verdict."""
        lines = [f"{'set':<28} {'metric':<36} {'value':>7} {'bound':>9}  status  note"]
        for c in self.checks:
            value = "missing" if c.value is None else f"{c.value:.4f}"
            sign = ">=" if c.kind == "floor" else "<="
            status = "ok" if c.ok else "FAIL"
            lines.append(f"{c.set:<28} {c.metric:<36} {value:>7} {sign} {c.bound:<6.4f}  "
                         f"{status:<6}  {c.note}".rstrip())
        lines += [f"skipped: {s}" for s in self.skipped]
        failed = [c for c in self.checks if not c.ok]
        verdict = "PASSED" if not failed else f"FAILED ({len(failed)} below floor or missing)"
        lines.append(f"quality gate {verdict}: {len(self.checks)} check(s), "
                     f"{len(self.results)} evaluation(s), {len(self.skipped)} skipped")
        return "\n".join(lines) + "\n"


def load_baseline(path: Path) -> dict[str, Any]:
    """The floors file; a clear error when it is missing or malformed."""
    try:
        baseline = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SystemExit(f"quality: cannot read baseline {path}: {exc}") from exc
    if not isinstance(baseline.get("floors"), dict):
        raise SystemExit(f"quality: {path} has no 'floors' object")
    return baseline


def run_gate(*, baseline: dict[str, Any], shared: Path = DEFAULT_SHARED, fast: bool = False,
             limit: int | None = None, pipeline: PipelineLike | None = None,
             sets: Sequence[GateSet] = SETS, progress: bool = False) -> GateReport:
    """Evaluate every set whose gold file exists and check its pinned figures."""
    report = GateReport()
    injected = pipeline
    limit = limit or (FAST_LIMIT if fast else None)
    floors: dict[str, dict[str, Any]] = baseline["floors"]
    for gate_set in sets:
        path = Path(gate_set.path)
        path = path if path.is_absolute() else shared / "eval" / path
        if not path.is_file():
            report.skipped.append(f"{gate_set.name}: {path} not found")
            continue
        if gate_set.verbs or gate_set.actors:
            dicts = [shared / "eval" / f for f in (*gate_set.verbs, *gate_set.actors)]
            if not all(d.is_file() for d in dicts):
                report.skipped.append(f"{gate_set.name}: dictionaries not found")
                continue
            if injected is not None:
                continue  # an injected (test) pipeline cannot load dictionaries
            set_pipeline = default_pipeline(verb_files=tuple(map(str, dicts[:len(gate_set.verbs)])),
                                            actor_files=tuple(map(str, dicts[len(gate_set.verbs):])))
        else:
            pipeline = pipeline or default_pipeline()
            set_pipeline = pipeline
        flat = _evaluate_set(gate_set, path, set_pipeline, limit, progress, report)
        report.checks += _checks(gate_set.name, floors.get(gate_set.name, {}), flat, fast)
    return report


def _evaluate_set(gate_set: GateSet, path: Path, pipeline: PipelineLike, limit: int | None,
                  progress: bool, report: GateReport) -> dict[str, float]:
    """Run the pipeline once on the set and score each of its tasks; dotted figures."""
    import time

    gold = load_gold(path, limit=limit)
    docs = [d for d in gold.docs if any(d.annotates(t) for t in gate_set.tasks)]
    started = time.perf_counter()
    records = predict(docs, pipeline, progress=progress, desc=gate_set.name)
    seconds = time.perf_counter() - started
    by_id = {d.id: r for d, r in zip(docs, records, strict=True)}
    flat: dict[str, float] = {}
    for task in gate_set.tasks:
        result = score_gold(task, gold, by_id, seconds=seconds)
        if task == "events" and gate_set.actors:  # PETRARCH gold codes the actors too
            scored = [d for d in docs if d.annotates(task)]
            codes = score_actor_codes(scored, [by_id[d.id] for d in scored])
            if codes:
                result["metrics"]["actor_codes"] = codes
        report.results[f"{gate_set.name}:{task}"] = result
        flat.update(flatten(result["metrics"], f"{task}."))
    return flat


def _checks(set_name: str, pinned: dict[str, Any], flat: dict[str, float],
            fast: bool) -> list[Check]:
    checks = []
    for metric, spec in pinned.items():
        kind = "ceiling" if "ceiling" in spec else "floor"
        bound = spec.get(f"fast_{kind}", spec[kind]) if fast else spec[kind]
        checks.append(Check(set_name, metric, flat.get(metric), float(bound), kind,
                            spec.get("note", "")))
    return checks


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="benchmarks/quality.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fast", action="store_true",
                   help=f"first {FAST_LIMIT} items of each set (the CI slice)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N items per set")
    p.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE, metavar="FILE")
    p.add_argument("--shared", type=Path, default=DEFAULT_SHARED, metavar="DIR",
                   help="the shared folder holding eval/ (default: ../shared)")
    p.add_argument("--json", dest="json_out", type=Path, metavar="OUT",
                   help="write every figure of every set as JSON")
    p.add_argument("--progress", action="store_true", help="progress bars on stderr")
    return p


def main(argv: Sequence[str] | None = None, *, pipeline: PipelineLike | None = None,
         sets: Sequence[GateSet] = SETS) -> int:
    """Run the gate; 0 when every pinned figure holds, 1 otherwise."""
    args = make_parser().parse_args(argv)
    report = run_gate(baseline=load_baseline(args.baseline), shared=args.shared, fast=args.fast,
                      limit=args.limit, pipeline=pipeline, sets=sets, progress=args.progress)
    sys.stdout.write(report.format())
    if args.json_out:
        args.json_out.write_text(json.dumps(report.results, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
