"""Topic-selection bench: post-level precision, recall and F1 of select_posts(topic_of(request)).

    python -m bench topics [--json] [--data FILE] [--home DIR] [--check]

Reads the dev split, bench/data/topics.jsonl and the later bench/data/dev/topics-*.jsonl
({"request", "lang", "titles"}: the exhaustive set of posts whose main subject is the topic), or
one `--data` file, scores micro (pooled over every request) and macro (mean of each
request's scores) figures overall and per language, and lists every request with a wrong set.
Not handled: graded relevance (a post half about the topic counts as wrong either way).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.metrics import precision_recall_f1
from bench.options import data_missing, quality_parser
from bench.splits import split_rows
from casework.config import Settings
from casework.skills.selection import score_posts, select_posts, topic_of
from casework.workspace import open_library

DATA = Path(__file__).parent / "data" / "topics.jsonl"
TARGET_F1 = 0.9


def load_rows(path: Path) -> list[dict]:
    """The labelled requests, in file order."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_ids(library, titles: list[str]) -> set[str]:
    """Post ids for labelled titles; a title that names no post is a data error and stops the bench."""
    by_title = {a.post.title: pid for pid, a in library.posts.items()}
    unknown = [t for t in titles if t not in by_title]
    if unknown:
        raise SystemExit(f"topics bench: titles that name no post: {unknown}")
    return {by_title[t] for t in titles}


def figures(results: list[dict]) -> dict:
    """Micro and macro precision, recall and F1 over some requests."""
    hits = sum(len(r["predicted"] & r["gold"]) for r in results)
    predicted = sum(len(r["predicted"]) for r in results)
    gold = sum(len(r["gold"]) for r in results)
    micro_p = hits / predicted if predicted else 0.0
    micro_r = hits / gold if gold else 0.0
    micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    n = len(results) or 1
    macro = [sum(r[key] for r in results) / n for key in ("p", "r", "f1")]
    return {
        "n": len(results),
        "micro_p": round(micro_p, 4),
        "micro_r": round(micro_r, 4),
        "micro_f1": round(micro_f, 4),
        "macro_p": round(macro[0], 4),
        "macro_r": round(macro[1], 4),
        "macro_f1": round(macro[2], 4),
    }


def run(library, rows: list[dict]) -> dict:
    """Every figure of the bench, as a JSON-ready dict."""
    results = []
    for row in rows:
        topic = topic_of(row["request"])
        predicted, gold = set(select_posts(library, topic)), gold_ids(library, row["titles"])
        p, r, f1 = precision_recall_f1(predicted, gold)
        results.append(
            {
                "request": row["request"],
                "lang": row["lang"],
                "topic": topic,
                "predicted": predicted,
                "gold": gold,
                "p": p,
                "r": r,
                "f1": f1,
                "scores": score_posts(library, topic)[:6],
            }
        )
    groups = {
        "all": results,
        **{lang: [r for r in results if r["lang"] == lang] for lang in sorted({r["lang"] for r in results})},
    }
    title = {pid: a.post.title for pid, a in library.posts.items()}
    misses = [
        {
            "request": r["request"],
            "topic": r["topic"],
            "f1": round(r["f1"], 4),
            "missing": sorted(title[p] for p in r["gold"] - r["predicted"]),
            "extra": sorted(title[p] for p in r["predicted"] - r["gold"]),
            "scores": [(title[p], s) for p, s in r["scores"]],
        }
        for r in results
        if r["f1"] < 1.0
    ]
    return {
        "requests": len(rows),
        "groups": {name: figures(rs) for name, rs in groups.items() if rs},
        "target_f1": TARGET_F1,
        "misses": misses,
    }


def markdown(report: dict) -> str:
    """The figures and the misses as Markdown."""
    lines = [
        f"Topic-selection bench: {report['requests']} requests",
        "",
        "| group | n | micro P | micro R | micro F1 | macro P | macro R | macro F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, f in report["groups"].items():
        lines.append(
            f"| {name} | {f['n']} | {f['micro_p']:.3f} | {f['micro_r']:.3f} | {f['micro_f1']:.3f} | "
            f"{f['macro_p']:.3f} | {f['macro_r']:.3f} | {f['macro_f1']:.3f} |"
        )
    if report["misses"]:
        lines += ["", "| request | topic | F1 | missing | extra |", "|---|---|---|---|---|"]
        for m in report["misses"]:
            missing, extra = "; ".join(m["missing"]), "; ".join(m["extra"])
            lines.append(f"| {m['request']} | {m['topic']} | {m['f1']:.2f} | {missing} | {extra} |")
    overall = report["groups"]["all"]["micro_f1"]
    lines += [
        "",
        f"target micro F1 >= {report['target_f1']}: {'met' if overall >= report['target_f1'] else 'missed'}",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = quality_parser("topics", __doc__, DATA, "requests", "F1")
    args = parser.parse_args(argv)
    if data_missing("topics", "requests", args.data):
        return 1
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as scratch:
        library = open_library(Settings(home=args.home or Path(scratch)))
        rows = split_rows("topics", "dev") if args.data == DATA else load_rows(args.data)
        report = run(library, rows)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else markdown(report))
    return 1 if args.check and report["groups"]["all"]["micro_f1"] < TARGET_F1 else 0
