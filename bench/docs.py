"""Docs bench: a folder of Markdown pages as a user brings it (issue 16), English and Korean.

    python -m bench docs [--json] [--data FILE] [--home DIR] [--check]

Reads bench/data/docs.jsonl ({"request", "lang", "corpus", "docs": [path], "split"}) over the
folders bench/data/docs/en and bench/data/docs/ko, ingests each folder through `api.ingest` and reports:
- files: every file in the folder is accounted for: documents kept + skipped + merged (reported by name);
- topics: precision/recall/F1 of the documents `api.run(request)` reports (the user's path: case
  worker, summarizer, ...) against the gold pages, dev and test apart, beside a BM25-only baseline
  (the top document of lexical search for topic_of(request));
- markup: the share of that run's summary sentences that still carry Markdown syntax, beside lead-3
  of the pages read as plain text (what the old reader gave: lines of the raw file).
Gold pages are paths relative to their folder; a document's `source` is that path.
Not handled: summary quality on these pages (no key points are labelled here).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from bench.metrics import precision_recall_f1
from bench.options import data_missing, quality_parser
from bench.topics import figures
from casework import api
from casework.config import Settings
from casework.skills.selection import topic_of
from casework.workspace import open_library

DATA = Path(__file__).parent / "data" / "docs.jsonl"
FOLDERS = Path(__file__).parent / "data" / "docs"
TARGET_F1, TARGET_MARKUP = 0.85, 0.05
# Markdown syntax a reader should never see in a sentence: link targets, code ticks, bullets and
# list numbers, heading marks, emphasis stars, table pipes, {#anchors}, admonitions, HTML comments.
MARKUP = re.compile(
    r"\]\(|\]\[|`|^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|\|)|\*\*|\{#[\w-]+\}|^!!!|<!--|\s\|\s|^\+\+\+|^---"
)


def has_markup(sentence: str) -> bool:
    """Whether a sentence still shows Markdown syntax."""
    return bool(MARKUP.search(sentence))


def load_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def doc_ids(library, folder: Path, paths: list[str]) -> set[str]:
    """Document ids of gold paths, by each document's source path; an unknown path counts as missing."""
    by_source = {a.post.source: pid for pid, a in library.posts.items()}
    return {by_source.get(p, f"missing:{p}") for p in paths}


def files_accounted(folder: Path, report) -> dict:
    """Files on disk against what ingest reported: kept documents plus reported skips and merges."""
    on_disk = sum(1 for p in folder.rglob("*") if p.is_file())
    skipped, merged = report.skipped, report.merged
    return {
        "files": on_disk,
        "documents": report.posts,
        "skipped": len(skipped),
        "merged": len(merged),
        "accounted": report.posts + len(skipped) + len(merged) == on_disk,
        "skipped_lines": [str(s) for s in skipped],
        "merged_lines": [str(m) for m in merged],
    }


def lead3_plain(folder: Path, source: str) -> list[str]:
    """The first three non-empty lines of a page read as plain text: the baseline for markup left."""
    lines = [line.strip() for line in (folder / source).read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][:3]


def run_corpus(name: str, rows: list[dict], home: Path) -> dict:
    folder = FOLDERS / name
    settings = Settings(home=home, corpus=folder)
    ingested = api.ingest(settings)
    library = open_library(settings)
    results = []
    for row in rows:
        ran = api.run(row["request"], settings=settings, record=False)
        predicted = {post["post_id"] for post in ran.posts}
        gold = doc_ids(library, folder, row["docs"])
        baseline = {pid for pid, _ in library.search_posts(topic_of(row["request"]), k=1, mode="lexical")}
        summary = [s.sentence for s in ran.summary]
        plain = [line for source in row["docs"] for line in lead3_plain(folder, source)]
        p, r, f1 = precision_recall_f1(predicted, gold)
        bp, br, bf1 = precision_recall_f1(baseline, gold)
        title = {pid: a.post.source for pid, a in library.posts.items()}
        results.append(
            {
                "request": row["request"],
                "lang": row["lang"],
                "corpus": name,
                "split": row["split"],
                "predicted": predicted,
                "gold": gold,
                "p": p,
                "r": r,
                "f1": f1,
                "baseline": {"predicted": baseline, "gold": gold, "p": bp, "r": br, "f1": bf1},
                "picked": sorted(title.get(pid, pid) for pid in predicted),
                "summary": summary,
                "marked": [s for s in summary if has_markup(s)],
                "plain_marked": sum(map(has_markup, plain)),
                "plain": len(plain),
            }
        )
    return {"files": files_accounted(folder, ingested), "results": results}


def run(rows: list[dict], home: Path) -> dict:
    corpora = {
        name: run_corpus(name, [r for r in rows if r["corpus"] == name], home) for name in ("en", "ko")
    }
    results = [r for c in corpora.values() for r in c["results"]]
    topics = {}
    for split in ("dev", "test"):
        chosen = [r for r in results if r["split"] == split]
        baseline = figures([r["baseline"] for r in chosen])  # BM25 top-1, the same requests
        topics[split] = figures(chosen) | {"bm25_micro_f1": baseline["micro_f1"]}
    sentences = sum(len(r["summary"]) for r in results)
    marked = sum(len(r["marked"]) for r in results)
    plain = sum(r["plain"] for r in results)
    return {
        "requests": len(rows),
        "files": {name: c["files"] for name, c in corpora.items()},
        "files_accounted_share": sum(c["files"]["accounted"] for c in corpora.values()) / len(corpora),
        "topics": topics,
        "markup": {
            "summary_sentences": sentences,
            "with_markup": marked,
            "share": round(marked / max(1, sentences), 4),
            "baseline_plain_lead3": round(sum(r["plain_marked"] for r in results) / max(1, plain), 4),
            "examples": [s for r in results for s in r["marked"]][:10],
        },
        "misses": [
            {k: r[k] for k in ("request", "corpus", "split", "picked")} | {"f1": round(r["f1"], 3)}
            for r in results
            if r["f1"] < 1.0 and r["split"] == "dev"  # the test split's items stay unseen: figures only
        ],
    }


def markdown(report: dict) -> str:
    lines = [f"Docs bench: {report['requests']} requests over bench/data/docs/en and ko", ""]
    lines += [
        "| folder | files | documents | skipped | merged | every file accounted |",
        "|---|---|---|---|---|---|",
    ]
    for name, f in report["files"].items():
        ok = "yes" if f["accounted"] else "NO"
        lines.append(f"| {name} | {f['files']} | {f['documents']} | {f['skipped']} | {f['merged']} | {ok} |")
    lines += [
        "",
        "| split | n | micro P | micro R | micro F1 | macro F1 | BM25 top-1 micro F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for split, s in report["topics"].items():
        lines.append(
            f"| {split} | {s['n']} | {s['micro_p']:.3f} | {s['micro_r']:.3f} | {s['micro_f1']:.3f} | "
            f"{s['macro_f1']:.3f} | {s['bm25_micro_f1']:.3f} |"
        )
    m = report["markup"]
    lines += [
        "",
        f"Summary sentences with Markdown syntax: {m['with_markup']}/{m['summary_sentences']} "
        f"= {m['share']:.1%} "
        f"(baseline, lead-3 of the pages read as plain text: {m['baseline_plain_lead3']:.1%})",
    ]
    lines += [f"- {example}" for example in m["examples"]]
    if report["misses"]:
        lines += ["", "| request | folder | split | F1 | picked |", "|---|---|---|---|---|"]
        lines += [
            f"| {x['request']} | {x['corpus']} | {x['split']} | {x['f1']:.2f} | {'; '.join(x['picked'])} |"
            for x in report["misses"]
        ]
    test = report["topics"]["test"]["micro_f1"]
    met = (
        test >= TARGET_F1
        and m["share"] <= TARGET_MARKUP
        and all(f["accounted"] for f in report["files"].values())
    )
    lines += [
        "",
        f"targets (test micro F1 >= {TARGET_F1}, markup <= {TARGET_MARKUP:.0%}, every file): "
        + ("met" if met else "missed"),
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = quality_parser("docs", __doc__, DATA, "requests", "F1, markup and files")
    args = parser.parse_args(argv)
    if data_missing("docs", "requests", args.data):
        return 1
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as scratch:
        report = run(load_rows(args.data), args.home or Path(scratch))
    print(json.dumps(report, ensure_ascii=False, indent=2, default=sorted) if args.json else markdown(report))
    failed = "missed" in markdown(report).splitlines()[-1]
    return 1 if args.check and failed else 0
