"""Summary bench: key-point coverage of extractive summaries, on the selected posts and on the labelled ones.

    python -m bench summaries [--json] [--data FILE] [--home DIR] [--max-sentences N] [--check]

Reads bench/data/summaries.jsonl ({"request", "lang", "titles", "key_points": [{"point",
"keywords": [[alternative, ...], ...]}]}). A key point is covered when one summary sentence
contains, case-insensitively, at least one alternative of every keyword group. Each request is
summarised twice: on select_posts(topic_of(request)) ("selected") and on its labelled titles
("labelled", which isolates the summarizer from selection errors); the request is the focus.
Not handled: paraphrases the keyword lists do not foresee, or judging fluency.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.options import data_missing, quality_parser
from bench.topics import gold_ids, load_rows
from casework.config import Settings
from casework.skills.selection import select_posts, topic_of
from casework.skills.summarize import summarize
from casework.workspace import open_library

DATA = Path(__file__).parent / "data" / "summaries.jsonl"
TARGET = 0.7


def covered(point: dict, sentences: list[str]) -> bool:
    """Whether some sentence holds an alternative of every keyword group of a key point."""
    return any(
        all(any(alt.lower() in s.lower() for alt in group) for group in point["keywords"]) for s in sentences
    )


def score_request(library, row: dict, post_ids: list[str], max_sentences: int) -> dict:
    """Coverage of one request's key points by a summary of the given posts."""
    summary = summarize(library, post_ids, focus=row["request"], max_sentences=max_sentences)
    texts = [s.text for s in summary]
    hits = [covered(p, texts) for p in row["key_points"]]
    source_chars = sum(len(library.posts[pid].post.text) for pid in set(post_ids) if pid in library.posts)
    return {
        "covered": sum(hits),
        "points": len(hits),
        "coverage": round(sum(hits) / len(hits), 4) if hits else 0.0,
        "sentences": len(texts),
        "chars": sum(map(len, texts)),
        "source_chars": source_chars,
        "missed": [p["point"] for p, hit in zip(row["key_points"], hits) if not hit],
        "summary": texts,
    }


def run(library, rows: list[dict], max_sentences: int) -> dict:
    """Every figure of the bench, as a JSON-ready dict."""
    results = []
    for row in rows:
        selected = select_posts(library, topic_of(row["request"]))
        labelled = sorted(gold_ids(library, row["titles"]))
        results.append(
            {
                "request": row["request"],
                "lang": row["lang"],
                "selection_exact": set(selected) == set(labelled),
                "selected": score_request(library, row, selected, max_sentences),
                "labelled": score_request(library, row, labelled, max_sentences),
            }
        )
    overall = {
        mode: round(
            sum(r[mode]["covered"] for r in results) / max(1, sum(r[mode]["points"] for r in results)), 4
        )
        for mode in ("selected", "labelled")
    }
    selected = [r["selected"] for r in results]
    length = {
        "sentences": round(sum(r["sentences"] for r in selected) / max(1, len(selected)), 1),
        "chars": round(sum(r["chars"] for r in selected) / max(1, len(selected))),
        "ratio": round(
            sum(r["chars"] for r in selected) / max(1, sum(r["source_chars"] for r in selected)), 3
        ),
    }
    return {
        "requests": len(rows),
        "max_sentences": max_sentences,
        "coverage": overall,
        "length": length,
        "target": TARGET,
        "results": results,
    }


def markdown(report: dict) -> str:
    """Per-request coverage, the overall figures and the missed points, as Markdown."""
    size = report["max_sentences"] or "sized to the posts"
    lines = [
        f"Summary bench: {report['requests']} requests, length {size}",
        "",
        "| request | selection exact | selected | labelled | sentences | chars |",
        "|---|---|---|---|---|---|",
    ]
    for r in report["results"]:
        lines.append(
            f"| {r['request']} | {'yes' if r['selection_exact'] else 'no'} | "
            f"{r['selected']['covered']}/{r['selected']['points']} | "
            f"{r['labelled']['covered']}/{r['labelled']['points']} | "
            f"{r['selected']['sentences']} | {r['selected']['chars']} |"
        )
    c, n = report["coverage"], report["length"]
    coverage = f"**{c['selected']:.3f}** | **{c['labelled']:.3f}**"
    lines.append(f"| **overall** | | {coverage} | {n['sentences']} | {n['chars']} |")
    lines += [
        "",
        f"Summaries of the selected posts: {n['sentences']} sentences, {n['chars']} characters on average, "
        f"{n['ratio']:.1%} of the posts' text.",
    ]
    lines += ["", "Missed key points (labelled posts):", ""]
    lines += [f"- {r['request']}: {point}" for r in report["results"] for point in r["labelled"]["missed"]]
    lines += [
        "",
        f"target coverage >= {report['target']}: {'met' if c['selected'] >= report['target'] else 'missed'}",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = quality_parser("summaries", __doc__, DATA, "requests", "coverage")
    parser.add_argument(
        "--max-sentences",
        type=int,
        default=None,
        help="summary length in sentences (default: sized to the posts, as the summarizer agent does)",
    )
    args = parser.parse_args(argv)
    if data_missing("summaries", "requests", args.data):
        return 1
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as scratch:
        library = open_library(Settings(home=args.home or Path(scratch)))
        report = run(library, load_rows(args.data), args.max_sentences)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else markdown(report))
    return 1 if args.check and report["coverage"]["selected"] < TARGET else 0
