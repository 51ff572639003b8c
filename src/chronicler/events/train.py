"""Train the event gate and fit the confidence calibration from chronicler's own annotated
corpus.

    python -m chronicler.events.train [--corpus training/events] [--out PATH]
                                      [--calibration PATH]                      (`make train`)

Every sentence of the corpus (``training/events/*.jsonl``, written and annotated for chronicler;
format in ``training/events/README.md``) is parsed and coded by the rules with the gate off;
each draft event is labelled a hit when the sentence's annotation has an event of the draft's
PLOVER type, else a miss. A logistic model over the drafts' features (gate.py) is fitted with
L2; the L2 weight and the threshold are chosen by 5-fold cross-validation over sentences
(folds fixed by a hash of the sentence's template group, else its id). The same pass gives
the calibration (calibration.py): each coded event's rule score and whether its type is
annotated, fitted by isotonic regression. Deterministic: the same corpus gives the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import calibration
from .gate import GATE_FILE, DraftView, features

L2_GRID = (1e-3, 3e-3, 1e-2, 3e-2, 0.1)
FOLDS = 5
MIN_COUNT = 2  # a feature seen in fewer drafts than this gets no weight
ITERATIONS = 1500
STEP = 0.5
DEFAULT_CORPUS = Path("training/events")


@dataclass
class Drafts:
    """The drafts of the corpus: one row of feature ids per draft, its label and sentence."""

    rows: list[list[int]]
    labels: np.ndarray
    fold: np.ndarray
    names: list[str]
    scored: list[tuple[float, bool]]  # each draft's rule score and whether its type is right


def load_corpus(folder: Path) -> tuple[list[dict], str]:
    """The corpus items and a digest of the files' bytes (recorded in the weights file)."""
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"{folder}: no *.jsonl training files; run from the repository root "
                         f"or give --corpus")
    digest, items = hashlib.sha256(), []
    for path in files:
        data = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + data)
        for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except ValueError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON ({exc}); fix the line") from exc
    return items, digest.hexdigest()


def collect(items: list[dict]) -> Drafts:
    """Parse and code every item with the gate off; label each draft."""
    from ..actors import ActorResolver, load_kb
    from ..nlp import load_nlp
    from .coder import EventCoder

    kb, seen = load_kb(), []
    scored: list[tuple[float, bool]] = []
    views: list[DraftView] = []
    coder = EventCoder(kb, gate=False, recorder=views.append, calibration=False)
    resolver, nlp = ActorResolver(kb), load_nlp()
    for item, doc in zip(items, nlp.pipe(item["text"] for item in items), strict=True):
        views.clear()
        coder.code(doc, resolver.resolve(doc, day=None))
        gold = {e["type"] for e in item["events"]}
        # folds by template group: held-out sentences come from templates never seen in training
        key = item.get("group") or item["id"]
        fold = int(hashlib.sha1(key.encode()).hexdigest(), 16) % FOLDS
        seen.extend((features(v), v.trig.type in gold, fold) for v in views)
        scored.extend((v.rule_confidence, v.trig.type in gold) for v in views)
    counts: dict[str, int] = {}
    for feats, _, _ in seen:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    rows = [sorted({index[f] for f in feats if f in index}) for feats, _, _ in seen]
    return Drafts(rows, np.array([y for _, y, _ in seen], dtype=float),
                  np.array([k for _, _, k in seen]), names,
                  scored)


def fit(rows: list[list[int]], y: np.ndarray, n_features: int, l2: float) -> np.ndarray:
    """L2 logistic regression by full-batch gradient descent with Nesterov momentum.
    Returns the weights with the bias last."""
    row_ids = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    col_ids = np.array([c for r in rows for c in r], dtype=np.int64)
    w = np.zeros(n_features + 1)
    velocity = np.zeros_like(w)
    n = max(len(rows), 1)
    for _ in range(ITERATIONS):
        ahead = w + 0.9 * velocity
        p = _sigmoid(_scores(ahead, row_ids, col_ids, len(rows)))
        err = p - y
        grad = np.empty_like(w)
        grad[:-1] = np.bincount(col_ids, weights=err[row_ids], minlength=n_features) / n
        grad[:-1] += l2 * ahead[:-1]
        grad[-1] = err.sum() / n
        velocity = 0.9 * velocity - STEP * grad
        w = w + velocity
    return w


def _scores(w: np.ndarray, row_ids: np.ndarray, col_ids: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(row_ids, weights=w[col_ids], minlength=n) + w[-1]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def predict(w: np.ndarray, rows: list[list[int]]) -> np.ndarray:
    row_ids = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    col_ids = np.array([c for r in rows for c in r], dtype=np.int64)
    return _sigmoid(_scores(w, row_ids, col_ids, len(rows)))


def cross_validate(d: Drafts) -> dict:
    """Held-out probabilities per L2 weight; the best by log-loss, its F1-best threshold."""
    best: dict | None = None
    for l2 in L2_GRID:
        held = np.zeros(len(d.rows))
        for k in range(FOLDS):
            train = [i for i in range(len(d.rows)) if d.fold[i] != k]
            test = [i for i in range(len(d.rows)) if d.fold[i] == k]
            w = fit([d.rows[i] for i in train], d.labels[train], len(d.names), l2)
            held[test] = predict(w, [d.rows[i] for i in test])
        eps = 1e-9
        loss = float(-np.mean(d.labels * np.log(held + eps)
                              + (1 - d.labels) * np.log(1 - held + eps)))
        if best is None or loss < best["log_loss"]:
            best = {"l2": l2, "log_loss": round(loss, 4), "held": held}
    assert best is not None
    best.update(_threshold(best.pop("held"), d.labels))
    return best


def _threshold(p: np.ndarray, y: np.ndarray) -> dict:
    """The threshold with the best held-out F1 of kept hits; the rules' F1 (keep all) too."""
    def f1(keep: np.ndarray) -> float:
        tp = float((keep & (y == 1)).sum())
        return 2 * tp / (keep.sum() + y.sum()) if tp else 0.0
    grid = [round(t, 2) for t in np.arange(0.1, 0.71, 0.05)]
    scores = {t: f1(p >= t) for t in grid}
    t = max(grid, key=lambda t: (round(scores[t], 4), -t))
    return {"threshold": t, "cv_f1": round(scores[t], 4),
            "keep_all_f1": round(f1(np.ones_like(y, dtype=bool)), 4)}


def train(corpus: Path, out: Path, calibration_out: Path | None = None) -> dict:
    items, digest = load_corpus(corpus)
    d = collect(items)
    if calibration_out is not None:
        cal = {"about": "chronicler confidence calibration; fitted by `make train` on "
                        "training/events (isotonic, rule score -> share of drafts whose "
                        "PLOVER type is annotated)",
               "training": {"sentences": len(items), "drafts": len(d.scored),
                            "right": sum(r for _, r in d.scored), "corpus_sha256": digest},
               **calibration.fit(d.scored)}
        calibration_out.write_text(json.dumps(cal, indent=0, sort_keys=True) + "\n",
                                   encoding="utf-8")
    cv = cross_validate(d)
    w = fit(d.rows, d.labels, len(d.names), cv["l2"])
    weights = {f: round(float(v), 4) for f, v in zip(d.names, w[:-1], strict=True)
               if abs(v) >= 1e-4}
    summary = {"sentences": len(items), "drafts": len(d.rows), "hits": int(d.labels.sum()),
               "features": len(weights), "corpus_sha256": digest, **cv}
    data = {"about": "chronicler event gate; trained by `make train` on training/events",
            "training": summary, "bias": round(float(w[-1]), 4),
            "threshold": cv["threshold"], "weights": weights}
    out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m chronicler.events.train",
                                 description="Train chronicler's event gate from its own "
                                             "annotated corpus.")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="folder of annotated *.jsonl files (default: training/events)")
    ap.add_argument("--out", type=Path, default=GATE_FILE,
                    help="weights file to write (default: the package's data/gate.json)")
    ap.add_argument("--calibration", type=Path, default=calibration.CALIBRATION_FILE,
                    help="confidence calibration file to write (default: the package's "
                         "data/calibration.json)")
    args = ap.parse_args(argv)
    summary = train(args.corpus, args.out, args.calibration)
    print(json.dumps(summary, indent=1), file=sys.stderr)
    print(f"wrote {args.out} and {args.calibration}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
