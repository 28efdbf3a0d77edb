"""Citation bench: does the citer cite the right post, and decline when the corpus has no source?

    python -m bench citations [--split dev|test|both] [--json] [--limit N] [--claims] [--check]

Reads bench/data/citations.jsonl (dev) and bench/data/test/citations.jsonl (test), rows
{"sentence", "lang", "titles", "quote"}, builds a store of the corpus in a temporary home, and
runs `find_citations` (what `casework cite` and the citation finder call for each sentence) on
every sentence. Over sentences with a source: precision (share of returned citations whose post is
labelled), recall (share of sentences whose labelled post is among the citations),
false-abstention rate. Over sentences without one: abstention rate. The baseline beside it cites
the top sentence of hybrid search whenever it shares half the sentence's weighted terms.
`--claims` adds a check on the claims files: SUPPORTED claims should be cited, the others not.
Not handled: whether the quoted sentence is the labelled one (only its post is scored).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from bench.splits import chosen, missed, parser, split_rows
from casework.config import PROJECT_CORPUS, Settings
from casework.skills.citations import find_citations
from casework.workspace import ingest, open_library

FLOORS = {"precision": 0.95, "recall": 0.90, "abstention": 1.0}
BASELINE = 0.5  # the baseline cites the top hit when it shares this much of the sentence's weighted terms


def baseline(library, sentence: str) -> list:
    """Search alone: the top sentence of hybrid search, when it overlaps enough."""
    hits = library.search_sentences(sentence, k=1)
    return [hits[0]] if hits and hits[0].overlap >= BASELINE else []


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


def score(library, rows: list[dict], text_key: str, cite=find_citations) -> tuple[dict, list[dict]]:
    """Figures overall and per language, and the rows the citer got wrong."""
    results = []
    for row in rows:
        citations = cite(library, row[text_key])
        results.append(
            {
                "text": row[text_key],
                "lang": row["lang"],
                "gold": row["titles"],
                "cited": [c.title for c in citations],
                "quotes": [getattr(c, "quote", getattr(c, "sentence", "")) for c in citations],
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


def run(splits: dict[str, list[dict]], claims: dict | None = None, corpus: Path = PROJECT_CORPUS) -> dict:
    """Every figure of the bench per split, the citer's and the baseline's, as a JSON-ready dict."""
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as home:
        settings = Settings(home=Path(home), corpus=corpus)
        ingest(settings)
        library = open_library(settings)
        by_title = {a.post.title for a in library.posts.values()}
        every = [row for rows in [*splits.values(), *(claims or {}).values()] for row in rows]
        unknown = sorted({t for row in every for t in row["titles"] if t not in by_title})
        if unknown:
            raise SystemExit(f"citation bench: titles that name no post: {unknown}")
        report = {"floors": FLOORS, "splits": {}, "baseline": {}, "misses": {}}
        for split, rows in splits.items():
            report["splits"][split], report["misses"][split] = score(library, rows, "sentence")
            report["baseline"][split], _ = score(library, rows, "sentence", baseline)
        for split, rows in (claims or {}).items():
            report.setdefault("claims", {})[split], _ = score(library, claim_rows(rows), "claim")
    return report


def failures(report: dict) -> list[str]:
    """The floors the test split misses (overall figures)."""
    return missed(report["splits"].get("test", {}).get("all", {}), FLOORS)


def main(argv: list[str]) -> int:
    args_parser = parser("citations", __doc__, FLOORS)
    args_parser.add_argument("--claims", action="store_true", help="also score the claims files")
    args_parser.add_argument("--errors", action="store_true", help="also list the dev split's misses")
    args = args_parser.parse_args(argv)
    splits = chosen("citations", args)
    claims = {s: split_rows("claims", s, args.limit) for s in splits} if args.claims else None
    report = run(splits, claims)
    report["failures"] = failures(report)
    report["misses"] = {"dev": report["misses"]["dev"]} if args.errors and "dev" in report["misses"] else {}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if args.check and report["failures"] else 0
    print("| split | group | precision | recall | abstention | false abstention | baseline P / R / abst. |")
    print("|---|---|---|---|---|---|---|")
    for split, groups in report["splits"].items():
        for group, f in groups.items():
            b = report["baseline"][split][group]
            print(
                f"| {split} | {group} (n={f['n']}) | {f['precision']} | {f['recall']} | {f['abstention']} | "
                f"{f['false_abstention']} | {b['precision']} / {b['recall']} / {b['abstention']} |"
            )
    for split, groups in report.get("claims", {}).items():
        for group, f in groups.items():
            print(f"claims {split} {group}: " + "  ".join(f"{k}={v}" for k, v in f.items()))
    for split, misses in report["misses"].items():
        for miss in misses:
            print(
                f"  miss {split} [{miss['lang']}] {miss['text'][:60]}"
                f"  gold={miss['gold']}  cited={miss['cited']}"
            )
    if report["failures"]:
        print("test split below its floors: " + "; ".join(report["failures"]))
    return 1 if args.check and report["failures"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
