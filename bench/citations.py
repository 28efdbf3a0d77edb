"""Citation bench: does the citer cite the right post, and decline when the corpus has no source?

    python -m bench citations [--json] [--limit N] [--claims]

Reads bench/data/citations.jsonl ({"sentence", "lang", "titles", "quote"}), builds a store of the
corpus in a temporary home, and runs `find_citations` on every sentence. Over sentences with a
source: precision (share of returned citations whose post is labelled), recall (share of
sentences whose labelled post is among the citations), false-abstention rate. Over sentences
without one: abstention rate. `--claims` adds a held-out check on bench/data/claims.jsonl:
SUPPORTED claims should be cited, NOT_ENOUGH_INFO and REFUTED ones should not.
Not handled: whether the quoted sentence is the labelled one (only its post is scored).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from casework.config import PROJECT_CORPUS, Settings
from casework.skills.citations import find_citations
from casework.workspace import ingest, open_library

DATA = Path(__file__).parent / "data"
TARGETS = {"precision": 0.90, "recall": 0.85, "abstention": 1.0}


def load(path: Path, limit: int | None = None) -> list[dict]:
    """Rows of a JSON Lines file, in order (the first `limit` when given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def ratio(part: float, whole: float) -> float | None:
    """part / whole rounded, None when there is nothing to divide."""
    return round(part / whole, 4) if whole else None


def summarise(results: list[dict]) -> dict:
    """Precision, recall and abstention figures over one group of results."""
    sourced = [r for r in results if r["gold"]]
    unsourced = [r for r in results if not r["gold"]]
    cited = [t for r in sourced for t in r["cited"]]
    return {
        "n": len(results),
        "sourced": len(sourced),
        "unsourced": len(unsourced),
        "precision": ratio(sum(t in r["gold"] for r in sourced for t in r["cited"]), len(cited)),
        "recall": ratio(sum(bool(set(r["cited"]) & set(r["gold"])) for r in sourced), len(sourced)),
        "false_abstention": ratio(sum(not r["cited"] for r in sourced), len(sourced)),
        "abstention": ratio(sum(not r["cited"] for r in unsourced), len(unsourced)),
    }


def score(library, rows: list[dict], text_key: str) -> tuple[dict, list[dict]]:
    """Figures overall and per language, and the rows the citer got wrong."""
    results = []
    for row in rows:
        citations = find_citations(library, row[text_key])
        results.append(
            {
                "text": row[text_key],
                "lang": row["lang"],
                "gold": row["titles"],
                "cited": [c.title for c in citations],
                "quotes": [c.quote for c in citations],
            }
        )
    groups = {
        "all": results,
        **{lang: [r for r in results if r["lang"] == lang] for lang in sorted({r["lang"] for r in results})},
    }
    misses = [
        r
        for r in results
        if set(r["cited"]) - set(r["gold"]) or (r["gold"] and not set(r["cited"]) & set(r["gold"]))
    ]
    return {name: summarise(group) for name, group in groups.items()}, misses


def claim_rows(rows: list[dict]) -> list[dict]:
    """Claims as citation rows: only SUPPORTED claims have a source to cite."""
    return [{**row, "titles": row["titles"] if row["verdict"] == "SUPPORTED" else []} for row in rows]


def run(rows: list[dict], claims: list[dict] | None = None, corpus: Path = PROJECT_CORPUS) -> dict:
    """Every figure of the bench, as a JSON-ready dict."""
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as home:
        settings = Settings(home=Path(home), corpus=corpus)
        ingest(settings)
        library = open_library(settings)
        by_title = {a.post.title for a in library.posts.values()}
        unknown = sorted({t for row in rows + (claims or []) for t in row["titles"] if t not in by_title})
        if unknown:
            raise SystemExit(f"citation bench: titles that name no post: {unknown}")
        report = {"targets": TARGETS}
        report["citations"], report["misses"] = score(library, rows, "sentence")
        if claims:
            report["claims"], report["claim_misses"] = score(library, claim_rows(claims), "claim")
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench citations", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--limit", type=int, help="only the first N sentences")
    parser.add_argument("--claims", action="store_true", help="also score the claims file (held-out check)")
    args = parser.parse_args(argv)
    claims = load(DATA / "claims.jsonl") if args.claims else None
    report = run(load(DATA / "citations.jsonl", args.limit), claims)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for section in ("citations", "claims"):
        for group, figures in report.get(section, {}).items():
            print(f"{section:9} {group:3} " + "  ".join(f"{k}={v}" for k, v in figures.items()))
    for miss in report["misses"] + report.get("claim_misses", []):
        print(f"  miss [{miss['lang']}] {miss['text'][:60]}  gold={miss['gold']}  cited={miss['cited']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
