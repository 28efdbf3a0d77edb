"""Metrics the benches share: ranking (recall@k, reciprocal rank), labels (P/R/F1, macro-F1, confusion).

Plain functions over plain values (lists, sets, labels), so every bench scores the same way.
Not handled: graded relevance (nDCG) or weighted averages; add them here when a bench needs them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from statistics import mean


def recall_at_k(ranked: Sequence[Hashable], relevant: Iterable[Hashable], k: int) -> float:
    """Share of the relevant items found in the first k of a ranking (0.0 when nothing is relevant)."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[Hashable], relevant: Iterable[Hashable]) -> float:
    """1 / rank of the first relevant item, 0.0 when none is ranked."""
    relevant = set(relevant)
    return next((1.0 / rank for rank, item in enumerate(ranked, 1) if item in relevant), 0.0)


def precision_recall_f1(
    predicted: Iterable[Hashable], gold: Iterable[Hashable]
) -> tuple[float, float, float]:
    """Set precision, recall and F1; two empty sets agree perfectly (1.0, 1.0, 1.0)."""
    predicted, gold = set(predicted), set(gold)
    if not predicted and not gold:
        return 1.0, 1.0, 1.0
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def confusion_matrix(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[Hashable, Counter]:
    """Counts of predicted labels for each gold label: matrix[gold][predicted]."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold and predicted differ in length ({len(gold)} vs {len(predicted)})")
    matrix: dict[Hashable, Counter] = {}
    for truth, guess in zip(gold, predicted):
        matrix.setdefault(truth, Counter())[guess] += 1
    return matrix


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Unweighted mean over labels (gold or predicted) of each label's F1."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold and predicted differ in length ({len(gold)} vs {len(predicted)})")
    labels = sorted(set(gold) | set(predicted), key=str)
    if not labels:
        return 0.0
    scores = []
    for label in labels:
        gold_at = {i for i, g in enumerate(gold) if g == label}
        predicted_at = {i for i, p in enumerate(predicted) if p == label}
        scores.append(precision_recall_f1(predicted_at, gold_at)[2])
    return mean(scores)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
