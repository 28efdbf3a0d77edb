"""Summary bench: key-point coverage of the summaries users get, at the budget, beside baselines.

    python -m bench summaries [--json] [--split dev|test|both] [--home DIR] [--check]

Reads the summary requests of each split (dev: bench/data/dev/summaries.jsonl or
bench/data/summaries.jsonl, and every bench/data/dev/summaries-*.jsonl; test:
bench/data/test/summaries.jsonl, frozen) as {"request", "lang",
"titles", "key_points": [{"point", "keywords": [[alternative, ...], ...]}]}. A key point is covered
when one summary sentence contains, case-insensitively, an alternative of every keyword group.
Each request goes through `casework.api.summarize` (what `casework summarize` runs: selection,
summary, checks); coverage is scored on the summary's sentences. Beside it, on the same posts:
lead-3 (each post's first three sentences), lead and random at equal length (as many sentences
from each post as the summary took; random is the mean of 20 draws). Length is reported in
sentences (total and the most from one post) and characters, against the budget.
Not handled: paraphrases the keyword lists do not foresee, fluency, the order of the sentences.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from bench.options import split_bench
from bench.topics import gold_ids, load_rows
from casework import api
from casework.config import Settings
from casework.skills.summarize import MOST, PER_POST_MOST
from casework.workspace import open_library

DATA = Path(__file__).parent / "data"
SPLITS = {  # each split: groups of places, the first existing place of each group is read
    "dev": [
        [DATA / "dev" / "summaries.jsonl", DATA / "summaries.jsonl"],
        *([path] for path in sorted((DATA / "dev").glob("summaries-*.jsonl"))),  # dev items added later
    ],
    "test": [[DATA / "test" / "summaries.jsonl"]],
}
TARGET = 0.75
DRAWS = 20


def split_files(split: str) -> list[Path]:
    """The labelled files of a split: of each group of known places, the first that exists."""
    found = (next((path for path in group if path.exists()), None) for group in SPLITS[split])
    return [path for path in found if path is not None]


def covered(point: dict, sentences: list[str]) -> bool:
    """Whether some sentence holds an alternative of every keyword group of a key point."""
    return any(
        all(any(alt.lower() in s.lower() for alt in group) for group in point["keywords"]) for s in sentences
    )


def coverage_of(points: list[dict], sentences: list[str]) -> int:
    return sum(covered(p, sentences) for p in points)


def baselines(library, points: list[dict], counts: dict[str, int], seed: int) -> dict:
    """Covered points of lead-3, and of lead and random with the summary's sentences per post."""
    texts = {pid: [s.text for s in library.posts[pid].sentences] for pid in counts}
    lead3 = [t for pid in counts for t in texts[pid][:3]]
    lead = [t for pid, n in counts.items() for t in texts[pid][:n]]
    rng = random.Random(seed)
    draws = [
        coverage_of(
            points, [t for pid, n in counts.items() for t in rng.sample(texts[pid], min(n, len(texts[pid])))]
        )
        for _ in range(DRAWS)
    ]
    return {
        "lead3": coverage_of(points, lead3),
        "lead3_sentences": len(lead3),
        "lead": coverage_of(points, lead),
        "random": sum(draws) / DRAWS,
    }


def score_request(library, settings: Settings, row: dict, seed: int) -> dict:
    """One request through the API: its coverage, length and selection, with the baselines."""
    report = api.summarize(row["request"], settings, record=False)
    texts = [s.sentence for s in report.summary]
    per_post = Counter(s.source.post_id for s in report.summary if s.source)
    counts = {p["post_id"]: per_post.get(p["post_id"], 0) for p in report.posts}
    points = row["key_points"]
    return {
        "request": row["request"],
        "lang": row["lang"],
        "selection_exact": set(counts) == gold_ids(library, row["titles"]),
        "points": len(points),
        "covered": coverage_of(points, texts),
        "sentences": len(texts),
        "most_from_one_post": max(per_post.values(), default=0),
        "chars": sum(map(len, texts)),
        "baselines": baselines(library, points, counts, seed),
        "missed": [p["point"] for p in points if not covered(p, texts)],
        "summary": texts,
    }


def run_split(library, settings: Settings, rows: list[dict]) -> dict:
    """Every figure of one split."""
    results = [score_request(library, settings, row, seed) for seed, row in enumerate(rows)]
    points = max(1, sum(r["points"] for r in results))
    n = max(1, len(results))

    def share(key: str) -> float:
        return round(sum(r["baselines"][key] for r in results) / points, 4)

    return {
        "requests": len(results),
        "coverage": round(sum(r["covered"] for r in results) / points, 4),
        "lead3": share("lead3"),
        "lead": share("lead"),
        "random": share("random"),
        "sentences": round(sum(r["sentences"] for r in results) / n, 1),
        "chars": round(sum(r["chars"] for r in results) / n),
        "most_sentences": max((r["sentences"] for r in results), default=0),
        "most_from_one_post": max((r["most_from_one_post"] for r in results), default=0),
        "within_budget": all(
            r["sentences"] <= MOST and r["most_from_one_post"] <= PER_POST_MOST for r in results
        ),
        "selection_exact": sum(r["selection_exact"] for r in results),
        "results": results,
    }


def run(settings: Settings, splits: list[str]) -> dict:
    library = open_library(settings)
    report = {"budget": {"per_post": PER_POST_MOST, "summary": MOST}, "target": TARGET, "splits": {}}
    for split in splits:
        paths = split_files(split)
        if paths:
            report["splits"][split] = run_split(library, settings, [r for p in paths for r in load_rows(p)])
    return report


def markdown(report: dict, errors: bool = False) -> str:
    """Dev and test side by side; with `errors`, the dev split per request and its missed points."""
    splits = report["splits"]
    budget = report["budget"]
    lines = [
        f"Summary bench (budget: {budget['per_post']} sentences a post, {budget['summary']} a summary)",
        "",
        "| split | requests | coverage | lead-3 | lead, equal length | random, equal length "
        "| sentences | chars | most from one post | within budget |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in splits.items():
        lines.append(
            f"| {name} | {s['requests']} | **{s['coverage']:.3f}** | {s['lead3']:.3f} | {s['lead']:.3f} | "
            f"{s['random']:.3f} | {s['sentences']} (max {s['most_sentences']}) | {s['chars']} | "
            f"{s['most_from_one_post']} | {'yes' if s['within_budget'] else 'NO'} |"
        )
    for name, s in splits.items():
        if not errors or name != "dev":  # the test split's items stay unseen: it is for figures only
            continue
        lines += ["", f"{name}:", "", "| request | selection exact | covered | lead-3 | random | sentences |"]
        lines.append("|---|---|---|---|---|---|")
        for r in s["results"]:
            b = r["baselines"]
            lines.append(
                f"| {r['request']} | {'yes' if r['selection_exact'] else 'no'} | "
                f"{r['covered']}/{r['points']} | {b['lead3']} | {b['random']:.1f} | {r['sentences']} |"
            )
        missed = [f"- {r['request']}: {p}" for r in s["results"] for p in r["missed"]]
        lines += ["", f"Missed key points ({name}):", "", *missed] if missed else []
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    def missed(test: dict) -> bool:
        return test["coverage"] < TARGET or not test["within_budget"]

    return split_bench("summaries", __doc__, argv, "requests", run, markdown, missed)
