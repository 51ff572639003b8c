"""chronicler's own annotated event corpus (training/events): rebuilt byte-for-byte by its
script, every PLOVER type and mode valid and present, and many sentences with no event."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "training" / "events"
MODES = yaml.safe_load((REPO / "src" / "chronicler" / "events" / "data" / "plover_modes.yaml")
                       .read_text(encoding="utf-8"))
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

pytestmark = pytest.mark.skipif(not (CORPUS / "corpus.jsonl").exists(), reason="no corpus")


def _items() -> list[dict]:
    return [json.loads(line) for line in
            (CORPUS / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line]


def test_build_script_reproduces_the_corpus(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_corpus", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    module.OUT = tmp_path / "corpus.jsonl"
    module.main()
    assert module.OUT.read_bytes() == (CORPUS / "corpus.jsonl").read_bytes()


def test_every_type_and_mode_is_valid_and_every_type_is_present() -> None:
    items = _items()
    assert len({i["id"] for i in items}) == len(items)
    counts: Counter[str] = Counter()
    for item in items:
        for e in item["events"]:
            assert e["type"] in TYPES, item
            assert e["mode"] is None or e["mode"] in MODES.get(e["type"], []), item
            assert e["modality"] in ("asserted", "reported", "future", "negated",
                                     "hypothetical"), item
            counts[e["type"]] += 1
    assert set(counts) == TYPES and min(counts.values()) >= 50
    assert sum(1 for i in items if not i["events"]) >= 500  # many non-events
