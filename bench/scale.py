"""Scale bench: ingest time and query p95 on synthetic corpora, on a local store and on a Chroma server.

    python -m bench scale [--sizes 1000,10000] [--embeddings use,hashed] [--full] [--smoke] [--json]

A synthetic post is eight sentences drawn (seeded) from the real corpus, so the Korean text, its
vocabulary and its analysis cost are realistic; only the topics are mixed. `--full` adds 50k
posts; `--smoke` runs 100 posts, local only. One row per size, store kind and embeddings, with
the ingest cost per post. Not handled: relevance at scale (the posts have no gold answers).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from pathlib import Path

from bench.metrics import percentile
from bench.server import chroma_server
from casework.config import PROJECT_CORPUS, Settings
from casework.engine.folder import load_posts
from casework.workspace import ingest, open_library

QUERIES = [
    "애자일 팀이 실패하는 이유",
    "엔비디아의 고객",
    "인공지능과 창의성",
    "GPT-3는 무엇을 배우나",
    "agile retrospective",
    "AI agents orchestration",
    "생산자의 시대",
    "데이터 센터 GPU 수요",
    "프로젝트 관리 방법",
    "추천 알고리즘",
    "미래를 위한 과거",
    "언어 모델의 한계",
]


def corpus_sentences(corpus: Path = PROJECT_CORPUS) -> list[str]:
    """The corpus's sentences, cut cheaply at sentence-final punctuation (no Kiwi needed here)."""
    posts, _warnings = load_posts(corpus)
    pieces = (s.strip() for p in posts for s in re.split(r"(?<=[.!?。])\s+|\n+", p.text))
    return [s for s in pieces if 15 <= len(s) <= 300]


def write_synthetic(folder: Path, count: int, sentences: list[str], seed: int = 13) -> Path:
    """`count` posts of eight recombined corpus sentences, written as Markdown files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        body = " ".join(rng.sample(sentences, 8))
        (folder / f"synthetic-{index:05d}.md").write_text(
            f"---\ntitle: 합성 글 {index}\n---\n\n{body}\n", encoding="utf-8"
        )
    return folder


def measure(settings: Settings, queries: list[str] = QUERIES) -> dict:
    """Ingest from scratch, then the hybrid query latency over the queries (after one warm-up)."""
    started = time.perf_counter()
    report = ingest(settings)
    ingest_s = time.perf_counter() - started
    library = open_library(settings)
    library.search(queries[0])
    times = []
    for query in queries * 2:
        started = time.perf_counter()
        library.search(query, k=5)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "posts": report.posts,
        "passages": report.passages,
        "ingest_s": round(ingest_s, 2),
        "ms_per_post": round(ingest_s * 1000 / max(1, report.posts), 1),
        "query_p50_ms": round(percentile(times, 50), 1),
        "query_p95_ms": round(percentile(times, 95), 1),
    }


def run(sizes: list[int], server: bool = True, embeddings: tuple[str, ...] = ("use",)) -> list[dict]:
    """One row per size, store kind and embeddings. The analysis cache (and the vector cache) is shared
    within one embeddings' home, so a server row times storing, not analysing or embedding again."""
    rows, sentences = [], corpus_sentences()
    with tempfile.TemporaryDirectory(prefix="casework-scale-") as scratch:
        root = Path(scratch)
        for size in sizes:
            corpus = write_synthetic(root / f"corpus-{size}", size, sentences)
            for name in embeddings:
                home = root / f"home-{size}-{name}"
                settings = Settings(home=home, corpus=corpus, embeddings=name)
                rows.append({"size": size, "store": "local", "embeddings": name, **measure(settings)})
                if server:
                    with chroma_server(root / f"chroma-{size}-{name}") as (url, _process):
                        row = measure(settings.model_copy(update={"chroma_url": url}))
                    note = "analysis and vectors cached by the local row"
                    rows.append({"size": size, "store": "server", "embeddings": name, **row, "note": note})
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| posts | store | embeddings | passages | ingest s | ms/post | query p50 ms | query p95 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['size']:,} | {r['store']} | {r.get('embeddings', 'use')} | {r['passages']:,} | "
        f"{r['ingest_s']} | "
        f"{r.get('ms_per_post', '')} | {r['query_p50_ms']} | {r['query_p95_ms']} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--full", action="store_true", help="add 50,000 posts")
    parser.add_argument("--smoke", action="store_true", help="100 posts, local store only (CI)")
    parser.add_argument("--no-server", action="store_true", help="local store only")
    parser.add_argument("--embeddings", default="use,hashed", help="comma-separated embeddings to compare")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sizes = [100] if args.smoke else [int(s) for s in args.sizes.split(",")] + ([50_000] if args.full else [])
    names = tuple(args.embeddings.split(","))
    rows = run(sizes, server=not (args.smoke or args.no_server), embeddings=names)
    print(json.dumps(rows, ensure_ascii=False, indent=2) if args.json else table(rows))
    return 0
