"""The quality gate passes on a working stage and fails when a stage is deliberately broken;
the ``chronicler eval`` command prints a table and writes JSON. All offline, with fakes."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from chronicler.eval import cli, runner
from chronicler.eval.loaders import load_gold
from chronicler.types import Article, Quote, Record, Speaker

ROOT = Path(__file__).resolve().parents[2]


def _load_quality():
    spec = importlib.util.spec_from_file_location("quality_gate", ROOT / "benchmarks" /
                                                  "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality_gate"] = module
    spec.loader.exec_module(module)
    return module


quality = _load_quality()

TEXTS = [
    '"We will win," Trump said. He said taxes would fall.',
    'Clinton said the plan was "a disaster." Aides said she was tired.',
]


def _gold_file(tmp_path: Path) -> Path:
    """A two-article PolNeAR-format gold file written by hand."""
    records = []
    for i, text in enumerate(TEXTS):
        quotes = []
        for quote, speaker, direct in (('"We will win,"', "Trump", True),
                                       ("taxes would fall", "He", False),
                                       ('the plan was "a disaster."', "Clinton", True),
                                       ("she was tired", "Aides", False)):
            start = text.find(quote)
            if start < 0:
                continue
            s_start = text.find(speaker)
            quotes.append({"quote": quote, "speaker": speaker, "span": [start, start + len(quote)],
                           "content_spans": [[start, start + len(quote)]],
                           "speaker_spans": [[s_start, s_start + len(speaker)]], "cue": "said",
                           "cue_spans": [], "contains_quote_marks": direct})
        records.append({"id": f"doc-{i}", "date": "2016-01-01", "text": text, "quotes": quotes})
    path = tmp_path / "eval" / "quotes" / "tiny.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class PerfectQuotes:
    """A fake pipeline whose quote stage reproduces the gold exactly."""

    def __init__(self, gold_path: Path) -> None:
        self.gold = {d.id: d for d in load_gold(gold_path).docs}

    def run(self, articles: Iterable[Article]) -> Iterator[Record]:
        for article in articles:
            doc = self.gold[article.id]
            quotes = tuple(
                Quote(text=q.text, start=q.spans[0][0], end=q.spans[-1][1], kind=q.kind,
                      cue=q.cue, speaker=Speaker(name=q.speaker or "", text=q.speaker or "",
                                                 start=q.speaker_span[0],
                                                 end=q.speaker_span[1]))
                for q in doc.quotes)
            yield Record(article=article, quotes=quotes)


class BrokenStage:
    """Wraps a pipeline and deliberately breaks one stage: its part of every record is empty."""

    def __init__(self, inner, part: str) -> None:
        self.inner, self.part = inner, part

    def run(self, articles: Iterable[Article]) -> Iterator[Record]:
        for record in self.inner.run(articles):
            yield replace(record, **{self.part: ()})


def _baseline(tmp_path: Path, floor: float = 0.9) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {"quotes/tiny": {
        "quotes.spans.all.f1": {"floor": floor, "note": "test"},
        "quotes.speaker.named.acc": {"floor": floor, "note": "test"},
    }}}), encoding="utf-8")
    return path


TINY = (quality.GateSet("quotes/tiny", "quotes/tiny.jsonl", ("quotes",)),)


def _run(tmp_path: Path, pipeline, *extra: str) -> int:
    return quality.main(["--baseline", str(_baseline(tmp_path)), "--shared", str(tmp_path),
                         *extra], pipeline=pipeline, sets=TINY)


def test_gate_passes_with_working_stage(tmp_path, capsys):
    gold = _gold_file(tmp_path)
    assert _run(tmp_path, PerfectQuotes(gold)) == 0
    out = capsys.readouterr().out
    assert "quality gate PASSED" in out and "1.0000" in out


def test_gate_fails_when_quote_stage_is_broken(tmp_path, capsys):
    gold = _gold_file(tmp_path)
    assert _run(tmp_path, BrokenStage(PerfectQuotes(gold), "quotes")) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "quality gate FAILED" in out


def test_gate_fails_when_a_pinned_metric_disappears(tmp_path):
    gold = _gold_file(tmp_path)
    baseline = json.loads(_baseline(tmp_path).read_text())
    baseline["floors"]["quotes/tiny"]["quotes.renamed.f1"] = {"floor": 0.0}
    report = quality.run_gate(baseline=baseline, shared=tmp_path,
                              pipeline=PerfectQuotes(gold), sets=TINY)
    assert not report.passed
    assert [c.metric for c in report.checks if not c.ok] == ["quotes.renamed.f1"]


def test_gate_ceiling(tmp_path):
    gold = _gold_file(tmp_path)
    baseline = {"floors": {"quotes/tiny": {"quotes.spans.all.fp": {"ceiling": 0}}}}
    assert quality.run_gate(baseline=baseline, shared=tmp_path, pipeline=PerfectQuotes(gold),
                            sets=TINY).passed


def test_gate_skips_missing_gold_and_passes_on_what_it_has(tmp_path, capsys):
    sets = (quality.GateSet("quotes/absent", "quotes/absent.jsonl", ("quotes",)),)
    code = quality.main(["--baseline", str(_baseline(tmp_path)), "--shared", str(tmp_path)],
                        pipeline=None,
                        sets=sets)
    out = capsys.readouterr().out
    assert code == 0 and "skipped: quotes/absent" in out and "not found" in out


def test_real_baseline_names_known_sets():
    baseline = quality.load_baseline(quality.DEFAULT_BASELINE)
    known = {s.name for s in quality.SETS}
    assert set(baseline["floors"]) <= known
    for name, pinned in baseline["floors"].items():
        tasks = next(s.tasks for s in quality.SETS if s.name == name)
        for metric, spec in pinned.items():
            assert metric.split(".")[0] in tasks, (name, metric)
            assert ("floor" in spec) != ("ceiling" in spec) and spec.get("note"), (name, metric)


def test_eval_command_prints_table_and_json(tmp_path, monkeypatch, capsys):
    gold = _gold_file(tmp_path)
    monkeypatch.setattr(runner, "default_pipeline", lambda processes=None: PerfectQuotes(gold))
    out_json = tmp_path / "out.json"
    code = cli.main(["quotes", "--gold", str(gold), "--json", str(out_json), "--no-progress"])
    assert code == 0
    table = capsys.readouterr().out
    assert "chronicler eval quotes" in table and "spans.direct" in table
    result = json.loads(out_json.read_text())
    assert result["metrics"]["spans"]["all"]["f1"] == 1.0 and result["n_docs"] == 2


def test_eval_command_usage_errors(tmp_path, capsys):
    gold = _gold_file(tmp_path)
    assert cli.main(["places", "--gold", str(gold), "--no-progress"]) == 1
    assert "has no gold for 'places'" in capsys.readouterr().err
    assert cli.main(["quotes", "--gold", str(tmp_path / "nope.jsonl")]) == 1


def test_evaluate_with_injected_pipeline(tmp_path):
    gold = _gold_file(tmp_path)
    result = runner.evaluate("quotes", gold, pipeline=PerfectQuotes(gold), progress=False,
                             limit=1)
    assert result["n_docs"] == 1 and result["metrics"]["spans"]["all"]["tp"] == 2


@pytest.mark.parametrize("task", ["quotes", "actors"])
def test_broken_pipeline_scores_zero_not_crash(tmp_path, task):
    gold = _gold_file(tmp_path)
    result = runner.evaluate(task, gold, pipeline=BrokenStage(PerfectQuotes(gold), "quotes"),
                             progress=False)
    flat = runner.flatten(result["metrics"])
    assert flat and all(v == 0 for k, v in flat.items() if k.endswith(("f1", "acc")))


ACTOR_SENTENCES = [
    ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.",
     "Vladimir Putin", "Recep Tayyip Erdogan"),
    ("The United Nations condemned Israel on Tuesday.", "The United Nations", "Israel"),
    ("Germany sent aid to Ukraine after the floods.", "Germany", "Ukraine"),
]


@pytest.fixture
def real_pipeline(pipeline):
    """The session's real pipeline (tests/conftest.py), with its own actor stage."""
    return pipeline


def test_gate_with_real_pipeline_fails_when_actor_stage_is_broken(tmp_path, real_pipeline):
    path = tmp_path / "eval" / "events" / "tiny_cameo.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("".join(json.dumps({
        "id": f"s{i}", "text": text, "pentaclass": 1, "source_mentions": [src],
        "target_mentions": [tgt], "reciprocal_mentions": []}) + "\n"
        for i, (text, src, tgt) in enumerate(ACTOR_SENTENCES)), encoding="utf-8")
    sets = (quality.GateSet("events/tiny_cameo", "events/tiny_cameo.jsonl", ("actors",)),)
    baseline = {"floors": {"events/tiny_cameo": {
        "actors.mention_recall.all.acc": {"floor": 0.8, "note": "easy hand-made sentences"}}}}
    working = quality.run_gate(baseline=baseline, shared=tmp_path, pipeline=real_pipeline,
                               sets=sets)
    assert working.passed, working.format()
    broken = quality.run_gate(baseline=baseline, shared=tmp_path,
                              pipeline=BrokenStage(real_pipeline, "actors"), sets=sets)
    assert not broken.passed and broken.checks[0].value == 0.0


def test_quality_gate_fast_slice_on_dev_sets(shared, pipeline, capsys):
    """The CI slice of `make bench`: the first 30 items of every dev set against the floors."""
    code = quality.main(["--fast", "--shared", str(shared)], pipeline=pipeline)
    out = capsys.readouterr().out
    assert code == 0, out
