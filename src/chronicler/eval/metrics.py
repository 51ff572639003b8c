"""Pure scoring functions: span matching, precision/recall/F1, type-set matching.

Nothing here knows about the pipeline, files or gold formats; the task scorers build on these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from .gold import ANY_TYPE, Span

NONE_LABEL = "NONE"


# --- counts and ratios ------------------------------------------------------------------------

def ratio(num: float, den: float) -> float:
    """num / den, 0.0 when there is nothing to divide by (the honest figure for an empty stage)."""
    return num / den if den else 0.0


@dataclass
class PRF:
    """True positive, false positive and false negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return ratio(2 * p * r, p + r)

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def accuracy(correct: int, total: int) -> dict[str, float | int]:
    """{"acc", "correct", "n"}."""
    return {"acc": round(ratio(correct, total), 4), "correct": correct, "n": total}


# --- spans ------------------------------------------------------------------------------------

def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters shared by two sets of spans (each set assumed free of self-overlap)."""
    return sum(overlap(x, y) for x in a for y in b)


def greedy_match(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]],
                 *, min_overlap: int = 1) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, largest overlap first, ties in text order.

    Each item is a set of spans (a quote interrupted by "he said" has two). Pairs sharing fewer
    than ``min_overlap`` characters are never matched.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = spans_overlap(g, p)
            if shared >= min_overlap:
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Union of spans as sorted, disjoint spans."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def char_counts(gold: Iterable[Span], pred: Iterable[Span]) -> tuple[int, int, int]:
    """(tp, fp, fn) in characters: predicted characters inside gold spans, outside, and gold
    characters no prediction covers."""
    g, p = merge_spans(gold), merge_spans(pred)
    shared = spans_overlap(g, p)
    g_len = sum(e - s for s, e in g)
    p_len = sum(e - s for s, e in p)
    return shared, p_len - shared, g_len - shared


# --- statistics -------------------------------------------------------------------------------

def median(values: Sequence[float]) -> float:
    """Median, 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


# --- names ------------------------------------------------------------------------------------

#: Third-person personal pronouns: the gold speakers whose referent can be inferred.
_PERSONAL = "he him his she her hers they them their theirs it its himself herself themselves"
PERSONAL_PRONOUNS = frozenset(_PERSONAL.split())
#: Other pronouns that are never a resolvable name here (first/second person, relatives).
_OTHER = "i me my we us our you your who whom whose which that this these those one"
OTHER_PRONOUNS = frozenset(_OTHER.split())
_TITLE_WORDS = ("the a an mr mrs ms miss dr sir president sen senator rep gov governor secretary "
                "minister prime mayor gen general judge chairman chief")
_TITLES = frozenset(_TITLE_WORDS.split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def name_tokens(name: str | None) -> list[str]:
    """Lower-case word tokens of a name without titles, articles and possessive endings."""
    if not name:
        return []
    words = [w.lower() for w in _WORD.findall(name)]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return [w for w in words if w not in _TITLES]


def speaker_class(text: str | None) -> str:
    """'none', 'pronoun' (third person), 'other_pronoun', 'named' (has a capitalised word after
    any leading article) or 'nominal' ("sources", "a campaign operative")."""
    if not text or not text.strip():
        return "none"
    low = text.strip().lower()
    if low in PERSONAL_PRONOUNS:
        return "pronoun"
    if low in OTHER_PRONOUNS:
        return "other_pronoun"
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return "named" if any(w[:1].isupper() for w in words) else "nominal"


def names_match(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted name refers to the gold name: the gold's last name word (surname,
    head noun) is among the predicted words. "Mr. Obama" matches "Barack Obama"."""
    g, p = name_tokens(gold), name_tokens(predicted)
    return bool(g) and g[-1] in p


def tokens_overlap(a: str | None, b: str | None) -> bool:
    """Whether two mentions share a content word of 3+ letters (for loose actor matching)."""
    stop = {"the", "and", "for", "with", "from", "its", "their", "his", "her", "who", "that"}
    ta = {w for w in name_tokens(a) if len(w) > 2 and w not in stop}
    return bool(ta & set(name_tokens(b)))


# --- type sets --------------------------------------------------------------------------------

Slot = tuple[str, ...]  # acceptable labels, first = primary; (ANY_TYPE,) accepts any label


def match_slots(gold: Iterable[Slot], pred: Iterable[str]
                ) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Match gold slots to predicted labels one-to-one.

    Returns (matched (primary, predicted) pairs, missed primaries, spurious predictions).
    Specific slots choose first (fewest alternatives first, primary preferred); wildcard slots
    take any label left.
    """
    slots = sorted(set(gold), key=lambda s: (s == (ANY_TYPE,), len(s), s))
    left = sorted(set(pred))
    matched, missed = [], []
    for slot in slots:
        choice = next((t for t in slot if t in left), None)
        if choice is None and slot == (ANY_TYPE,) and left:
            choice = left[0]
        if choice is None:
            missed.append(slot[0])
        else:
            left.remove(choice)
            matched.append((slot[0], choice))
    return matched, missed, left


@dataclass
class TypeTally:
    """Per-label P/R/F1 (micro and macro) and a confusion table over many items."""

    per_label: dict[str, PRF] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def _prf(self, label: str) -> PRF:
        return self.per_label.setdefault(label, PRF())

    def add(self, gold: Iterable[Slot], pred: Iterable[str]) -> None:
        """Score one item: its gold slots against its set of predicted labels."""
        matched, missed, spurious = match_slots(gold, pred)
        for primary, got in matched:
            self._prf(got).add(tp=1)
            self.confusion[(primary, got)] += 1
        for label in missed:
            self._prf(label).add(fn=1)
        for label in spurious:
            self._prf(label).add(fp=1)
        # Unmatched gold and predictions of the same item are each other's confusions.
        for i in range(max(len(missed), len(spurious))):
            row = missed[i] if i < len(missed) else NONE_LABEL
            col = spurious[i] if i < len(spurious) else NONE_LABEL
            self.confusion[(row, col)] += 1

    def to_dict(self) -> dict[str, object]:
        micro = PRF()
        for prf in self.per_label.values():
            micro.add(prf.tp, prf.fp, prf.fn)
        scored = [p for label, p in self.per_label.items() if label != ANY_TYPE]
        macro = {k: round(ratio(sum(getattr(p, k) for p in scored), len(scored)), 4)
                 for k in ("precision", "recall", "f1")}
        return {
            "micro": micro.to_dict(),
            "macro": {"p": macro["precision"], "r": macro["recall"], "f1": macro["f1"]},
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_label.items())},
            "confusion": confusion_dict(self.confusion),
        }


def confusion_dict(pairs: Counter[tuple[str, str]], order: Sequence[str] = ()
                   ) -> dict[str, dict[str, int]]:
    """{gold row: {predicted column: count}} from counted (gold, predicted) pairs; rows and
    columns follow ``order`` first, then alphabetical."""
    rank = {label: i for i, label in enumerate(order)}

    def key(label: str) -> tuple[int, str]:
        return (rank.get(label, len(rank)), label)

    table: dict[str, dict[str, int]] = {}
    for (row, col), n in sorted(pairs.items(), key=lambda kv: (key(kv[0][0]), key(kv[0][1]))):
        table.setdefault(row, {})[col] = n
    return table


def classification(gold: Sequence[Hashable], pred: Sequence[Hashable],
                   labels: Sequence[Hashable]) -> dict[str, object]:
    """Accuracy, per-class P/R/F1, macro F1 and confusion of single-label predictions."""
    per = {label: PRF() for label in labels}
    pairs: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, pred, strict=True):
        pairs[(str(g), str(p))] += 1
        if g == p:
            per.setdefault(g, PRF()).add(tp=1)
        else:
            per.setdefault(g, PRF()).add(fn=1)
            per.setdefault(p, PRF()).add(fp=1)
    correct = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    return {
        "accuracy": accuracy(correct, len(gold)),
        "macro_f1": round(ratio(sum(p.f1 for p in per.values()), len(per)), 4),
        "per_class": {str(k): v.to_dict() for k, v in per.items()},
        "confusion": confusion_dict(pairs, [str(label) for label in labels]),
    }
