"""Mode accuracy on gold that implies a mode (CASE 2021 ACLED sub-types)."""

from chronicler.eval.gold import GoldDoc, GoldEvent
from chronicler.eval.mappings import ACLED_MODES, ACLED_TO_PLOVER
from chronicler.eval.score_events import score_events


def _doc(i: int, modes: tuple[str, ...]) -> GoldDoc:
    return GoldDoc(id=str(i), text="x", events=(GoldEvent(types=("ASSAULT",), modes=modes),))


def test_mode_accuracy_counts_typed_and_end_to_end():
    docs = [_doc(1, ("aerial", "drone")), _doc(2, ("explosives",)), _doc(3, ("explosives",))]
    records = [
        {"events": [{"type": "ASSAULT", "mode": "drone", "confidence": 0.7}]},
        {"events": [{"type": "ASSAULT", "mode": "firearms", "confidence": 0.7}]},
        {"events": []},
    ]
    mode = score_events(docs, records)["mode"]
    assert (mode["n"], mode["typed"], mode["correct"]) == (3, 2, 1)
    assert mode["acc"] == 0.5 and mode["acc_end_to_end"] == round(1 / 3, 4)


def test_every_mode_row_is_an_acled_sub_type():
    assert set(ACLED_MODES) <= set(ACLED_TO_PLOVER)
