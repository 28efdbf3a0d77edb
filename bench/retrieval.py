"""Retrieval bench: post-level Recall@k and MRR of hybrid, dense-only and BM25-only search, plus timings.

    python -m bench retrieval [--json] [--limit N] [--check]

Reads bench/data/retrieval.jsonl ({"query", "lang", "titles"}), builds a fresh store of the
corpus in a temporary home (so the ingest time is from scratch), then scores every query in
every mode. A query is relevant to the posts whose titles it lists; a title that names no post
is a data error and stops the bench. Not handled: graded relevance, passage-level scoring.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.metrics import percentile, recall_at_k, reciprocal_rank
from casework.config import PROJECT_CORPUS, Settings
from casework.workspace import IngestReport, ingest, open_library

DATA = Path(__file__).parent / "data" / "retrieval.jsonl"
MODES = ("hybrid", "dense", "lexical")
TARGETS = {"recall@5": 0.90, "mrr": 0.75, "ingest_s": 20.0, "reingest_s": 3.0, "query_p50_ms": 50.0}


def load_queries(path: Path, limit: int | None = None) -> list[dict]:
    """The bench queries, in file order (the first `limit` when given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def relevant_ids(library, rows: list[dict]) -> list[set[str]]:
    """Each query's relevant post ids, looked up by title."""
    by_title = {a.post.title: post_id for post_id, a in library.posts.items()}
    unknown = sorted({t for row in rows for t in row["titles"] if t not in by_title})
    if unknown:
        raise SystemExit(f"retrieval bench: titles that name no post: {unknown}")
    return [{by_title[t] for t in row["titles"]} for row in rows]


def score(
    library, rows: list[dict], relevant: list[set[str]], mode: str, k: int
) -> tuple[dict, list[dict], list[float]]:
    """Recall@k and MRR overall and per language, the misses, and each query's time in ms."""
    per_query, times = [], []
    for row, gold in zip(rows, relevant):
        started = time.perf_counter()
        ranked = [post_id for post_id, _ in library.search_posts(row["query"], k=10, mode=mode)]
        times.append((time.perf_counter() - started) * 1000)
        per_query.append(
            {
                "query": row["query"],
                "lang": row["lang"],
                "recall": recall_at_k(ranked, gold, k),
                "rr": reciprocal_rank(ranked, gold),
                "top": ranked[:k],
                "gold": sorted(gold),
            }
        )
    groups = {
        "all": per_query,
        **{
            lang: [q for q in per_query if q["lang"] == lang]
            for lang in sorted({q["lang"] for q in per_query})
        },
    }
    summary = {
        name: {
            "n": len(qs),
            f"recall@{k}": round(sum(q["recall"] for q in qs) / len(qs), 4),
            "mrr": round(sum(q["rr"] for q in qs) / len(qs), 4),
        }
        for name, qs in groups.items()
        if qs
    }
    misses = [q for q in per_query if q["recall"] < 1.0 or q["rr"] < 1.0]
    return summary, misses, times


def timed_ingests(settings: Settings) -> tuple[IngestReport, float, IngestReport, float]:
    """Ingest from scratch, then again with nothing changed: both reports and both times in seconds."""
    started = time.perf_counter()
    first = ingest(settings)
    middle = time.perf_counter()
    again = ingest(settings)
    return first, middle - started, again, time.perf_counter() - middle


def run(rows: list[dict], corpus: Path = PROJECT_CORPUS, k: int = 5) -> dict:
    """Every figure of the bench, as a JSON-ready dict."""
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as home:
        settings = Settings(home=Path(home), corpus=corpus)
        first, ingest_s, again, reingest_s = timed_ingests(settings)
        library = open_library(settings)
        relevant = relevant_ids(library, rows)
        library.search_posts(rows[0]["query"])  # warm-up: first Chroma query pays for loading the index
        results, misses, timings = {}, {}, {}
        for mode in MODES:
            results[mode], misses[mode], timings[mode] = score(library, rows, relevant, mode, k)
    hybrid_ms = timings["hybrid"]
    return {
        "queries": len(rows),
        "k": k,
        "posts": first.posts,
        "passages": first.passages,
        "modes": results,
        "timings": {
            "ingest_s": round(ingest_s, 3),
            "reingest_s": round(reingest_s, 3),
            "reingest_added": again.added,
            "query_p50_ms": round(percentile(hybrid_ms, 50), 2),
            "query_p95_ms": round(percentile(hybrid_ms, 95), 2),
        },
        "targets": TARGETS,
        "misses": {
            mode: [{key: q[key] for key in ("query", "lang", "rr", "top", "gold")} for q in qs]
            for mode, qs in misses.items()
        },
    }


def failures(report: dict) -> list[str]:
    """The targets the report misses, one line each."""
    hybrid, timing, k = report["modes"]["hybrid"]["all"], report["timings"], report["k"]
    checks = [
        (f"recall@{k}", hybrid[f"recall@{k}"] >= TARGETS["recall@5"]),
        ("mrr", hybrid["mrr"] >= TARGETS["mrr"]),
        ("ingest_s", timing["ingest_s"] <= TARGETS["ingest_s"]),
        ("reingest_s", timing["reingest_s"] <= TARGETS["reingest_s"]),
        ("query_p50_ms", timing["query_p50_ms"] <= TARGETS["query_p50_ms"]),
    ]
    return [name for name, ok in checks if not ok]


def markdown(report: dict) -> str:
    """The figures as a small Markdown table, for people and for bench/results.md."""
    k = report["k"]
    lines = [
        f"Retrieval bench: {report['queries']} queries, {report['posts']} posts, "
        f"{report['passages']} passages",
        "",
        f"| mode | group | n | Recall@{k} | MRR |",
        "|---|---|---|---|---|",
    ]
    for mode, groups in report["modes"].items():
        for group, figures in groups.items():
            lines.append(
                f"| {mode} | {group} | {figures['n']} | {figures[f'recall@{k}']:.3f} | {figures['mrr']:.3f} |"
            )
    t = report["timings"]
    lines += [
        "",
        "| timing | value |",
        "|---|---|",
        f"| ingest from scratch | {t['ingest_s']:.2f} s |",
        f"| re-ingest unchanged | {t['reingest_s']:.2f} s |",
        f"| query p50 (hybrid) | {t['query_p50_ms']:.1f} ms |",
        f"| query p95 (hybrid) | {t['query_p95_ms']:.1f} ms |",
    ]
    missed = failures(report)
    lines += ["", "targets met" if not missed else f"targets missed: {', '.join(missed)}"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench retrieval", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, help="only the first N queries (a quick smoke run)")
    parser.add_argument("--data", type=Path, default=DATA, help="queries file (JSON lines)")
    parser.add_argument("--corpus", type=Path, default=PROJECT_CORPUS, help="folder of posts")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"retrieval bench: no queries file at {args.data}", file=sys.stderr)
        return 1
    report = run(load_queries(args.data, args.limit), args.corpus)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else markdown(report))
    return 1 if args.check and failures(report) else 0
