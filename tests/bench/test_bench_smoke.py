"""The retrieval bench runs end to end on a slice of its queries and reports every figure."""

from __future__ import annotations

import json

import pytest

from bench.__main__ import main as bench_main
from bench.metrics import (
    confusion_matrix,
    macro_f1,
    percentile,
    precision_recall_f1,
    recall_at_k,
    reciprocal_rank,
)
from bench.retrieval import DATA


@pytest.mark.skipif(not DATA.exists(), reason="bench/data/retrieval.jsonl is not in this checkout")
def test_retrieval_bench_reports_every_metric_on_both_splits(capsys):
    assert bench_main(["retrieval", "--limit", "4", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["queries"] == {"dev": 4, "test": 4}
    for split in ("dev", "test"):
        assert set(report["splits"][split]) == {"hybrid", "dense", "lexical"}  # lexical: the BM25 baseline
        for groups in report["splits"][split].values():
            assert {"recall@5", "mrr", "n"} <= set(groups["all"])
            assert 0.0 <= groups["all"]["recall@5"] <= 1.0 and 0.0 <= groups["all"]["mrr"] <= 1.0
    assert {"ingest_s", "reingest_s", "query_p50_ms", "query_p95_ms"} <= set(report["timings"])
    assert report["timings"]["reingest_added"] == 0


def test_unknown_bench_is_an_error(capsys):
    assert bench_main(["nope"]) == 2
    assert "unknown bench 'nope'" in capsys.readouterr().err


def test_ranking_metrics():
    assert recall_at_k(["a", "b", "c"], {"c", "d"}, k=3) == 0.5
    assert recall_at_k(["a", "b", "c"], {"c"}, k=2) == 0.0
    assert reciprocal_rank(["a", "b", "c"], {"b", "c"}) == 0.5
    assert reciprocal_rank(["a"], {"z"}) == 0.0


def test_set_and_label_metrics():
    assert precision_recall_f1({"a", "b"}, {"b", "c"}) == (0.5, 0.5, 0.5)
    assert precision_recall_f1(set(), set()) == (1.0, 1.0, 1.0)
    assert precision_recall_f1(set(), {"a"}) == (0.0, 0.0, 0.0)
    gold, predicted = ["x", "x", "y", "y"], ["x", "y", "y", "y"]
    assert confusion_matrix(gold, predicted) == {"x": {"x": 1, "y": 1}, "y": {"y": 2}}
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 0.8) / 2)
    assert macro_f1(["a"], ["a"]) == 1.0
    with pytest.raises(ValueError):
        macro_f1(["a"], [])


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5], 95) == 5 and percentile([], 50) == 0.0
