"""Every input the fuzzer (benchmarks/fuzz.py) ever crashed on, replayed through its target:
each file in tests/fixtures/fuzz/ is named ``<target>-crash-<sha1>``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "fuzz"
CASES = sorted(p for p in FIXTURES.glob("*-*") if p.is_file())


def _fuzz_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("chronicler_fuzz", ROOT / "benchmarks" /
                                                  "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_fixtures() -> None:
    assert CASES, "the fuzz fixtures are missing"


@pytest.mark.parametrize("case", CASES, ids=[p.name[:24] for p in CASES])
def test_fuzz_crash_stays_fixed(case: Path) -> None:
    fuzz = _fuzz_module()
    target = case.name.split("-", 1)[0]
    fuzz.FUNCTIONS[target](case.read_bytes())


def test_lone_surrogates_in_jsonl_are_replaced(tmp_path: Path, pipeline) -> None:
    """JSON can spell a lone surrogate ("\\ud800"); spaCy and UTF-8 output cannot hold one
    (it was a UnicodeEncodeError traceback from spaCy's string store)."""
    from chronicler.ingest import read_inputs
    from chronicler.schema import validate_record

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "\\ud800", "text": "The minister \\udc00 met the envoy in Damascus.", '
                   '"title": "\\ud83d"}\n', "utf-8")
    (article,) = list(read_inputs([str(src)]))
    assert article.id == "?" and article.title == "?" and "\udc00" not in article.text
    (record,) = list(pipeline.run([article]))
    validate_record(record.to_dict())
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
