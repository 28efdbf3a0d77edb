"""Fact-checking bench: macro-F1 (overall, English, Korean), per-class figures, on the dev and test splits.

    python -m bench claims [--split dev|test|both] [--json] [--limit N] [--errors] [--home DIR] [--check]

Reads bench/data/claims.jsonl (dev) and bench/data/test/claims.jsonl (test), rows
{"claim", "lang", "verdict", "titles", "evidence", "kind"}, builds a store of the corpus once, and
checks every claim the way `casework check` does: `api.check` (the case worker hands the claim to
the fact-checker agent) and `api.claim_verdict` (the one overall-verdict rule). The baseline beside
it is retrieval overlap alone: SUPPORTED when a corpus sentence holds 70% of the claim's weighted
terms, else NOT_ENOUGH_INFO (it never refutes). Not handled: scoring the evidence a verdict cites.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from bench.metrics import confusion_matrix, macro_f1, precision_recall_f1
from bench.splits import chosen, missed, parser
from casework import api
from casework.config import PROJECT_CORPUS, Settings
from casework.workspace import ingest, open_library

LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
# The bars issue 10 set (not all met yet: the table prints them as targets) and the floors `--check` holds
# CI to: what the test split scored when last measured (0.737 / 0.656 / 0.824 on 2026-12-02, after the
# dev split grew and the judging classes were mended on it), less a little, so a change that makes the
# fact-checker worse does not land while the bars are still ahead.
TARGETS = {"macro_f1": 0.85, "en_macro_f1": 0.80, "refuted_f1": 0.80}
FLOORS = {"macro_f1": 0.70, "en_macro_f1": 0.62, "refuted_f1": 0.78}
OVERLAP = 0.7  # the baseline's bar


def score(rows: list[dict], predicted: list[str]) -> dict:
    """Macro-F1 overall and per language, per-class figures, confusion matrix, accuracy per kind."""
    gold = [row["verdict"] for row in rows]
    classes = {}
    for label in LABELS:
        p, r, f = precision_recall_f1(
            {i for i, x in enumerate(predicted) if x == label}, {i for i, x in enumerate(gold) if x == label}
        )
        classes[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        classes[label]["support"] = gold.count(label)
    figures = {"claims": len(rows), "macro_f1": round(macro_f1(gold, predicted), 4)}
    for lang in ("en", "ko"):
        pairs = [(g, p) for row, g, p in zip(rows, gold, predicted) if row["lang"] == lang]
        if pairs:
            figures[f"{lang}_macro_f1"] = round(macro_f1(*map(list, zip(*pairs))), 4)
    figures["refuted_f1"] = classes["REFUTED"]["f1"]
    figures["accuracy"] = round(sum(g == p for g, p in zip(gold, predicted)) / max(1, len(rows)), 4)
    kinds = sorted({row["kind"] for row in rows})
    figures["kinds"] = {
        kind: f"{sum(g == p for r, g, p in zip(rows, gold, predicted) if r['kind'] == kind)}"
        f"/{sum(r['kind'] == kind for r in rows)}"
        for kind in kinds
    }
    figures["classes"] = classes
    matrix = confusion_matrix(gold, predicted)
    figures["confusion"] = {g: {p: matrix.get(g, {}).get(p, 0) for p in LABELS} for g in LABELS}
    return figures


def baseline(library, claim: str) -> str:
    """Overlap alone: the best sentence's share of the claim's weighted terms decides SUPPORTED or not."""
    hits = library.search_sentences(claim, k=1)
    return "SUPPORTED" if hits and hits[0].overlap >= OVERLAP else "NOT_ENOUGH_INFO"


def judge(rows: list[dict], settings: Settings) -> tuple[list[dict], float]:
    """Every claim checked the way the CLI checks it, and the mean ms a claim."""
    outcomes, started = [], time.perf_counter()
    for row in rows:
        summary = api.claim_verdict(api.check(row["claim"], settings, record=False))
        outcomes.append(
            {
                "claim": row["claim"],
                "lang": row["lang"],
                "kind": row["kind"],
                "gold": row["verdict"],
                "predicted": summary.verdict,
                "reason": next((s.reason for s in summary.statements if s.verdict == summary.verdict), ""),
                "evidence": [e.sentence for e in summary.evidence[:1]],
            }
        )
    return outcomes, (time.perf_counter() - started) * 1000 / max(1, len(rows))


def run(splits: dict[str, list[dict]], home: Path | None = None, corpus: Path = PROJECT_CORPUS) -> dict:
    """Figures of every split, the checker's beside the baseline's, and the misjudged claims."""
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as temporary:
        settings = Settings(home=home or Path(temporary), corpus=corpus)
        ingest(settings)
        library = open_library(settings)
        report = {"floors": FLOORS, "targets": TARGETS, "splits": {}, "errors": {}}
        for split, rows in splits.items():
            outcomes, ms = judge(rows, settings)
            figures = score(rows, [o["predicted"] for o in outcomes])
            figures["ms_per_claim"] = round(ms, 1)
            base = score(rows, [baseline(library, row["claim"]) for row in rows])
            figures["baseline"] = {k: base[k] for k in ("macro_f1", "en_macro_f1", "refuted_f1") if k in base}
            report["splits"][split] = figures
            if split == "dev":  # the test split's items stay unseen: it is for figures only
                report["errors"][split] = [o for o in outcomes if o["gold"] != o["predicted"]]
    return report


def markdown(report: dict) -> str:
    """Dev and test side by side, each figure with the baseline's in brackets."""
    splits = report["splits"]
    names = list(splits)
    lines = [
        "Fact-checking bench (`api.check` + `api.claim_verdict`; baseline in brackets: overlap alone)",
        "",
        "| figure | " + " | ".join(f"{s} (n={splits[s]['claims']})" for s in names) + " | target (floor) |",
        "|---" * (len(names) + 2) + "|",
    ]
    for key in ("macro_f1", "en_macro_f1", "ko_macro_f1", "refuted_f1"):
        cells = [
            f"{splits[s].get(key, '-')} ({splits[s]['baseline'].get(key, '-')})"
            if key in splits[s]["baseline"]
            else str(splits[s].get(key, "-"))
            for s in names
        ]
        bar = f"{TARGETS[key]} ({FLOORS[key]})" if key in TARGETS else ""
        lines.append(f"| {key} | " + " | ".join(cells) + f" | {bar} |")
    for label in LABELS:
        cells = ["P {precision} R {recall} F1 {f1}".format(**splits[s]["classes"][label]) for s in names]
        lines.append(f"| {label} | " + " | ".join(cells) + " | |")
    kinds = sorted({k for s in names for k in splits[s]["kinds"]})
    for kind in kinds:
        lines.append(
            f"| kind {kind} | " + " | ".join(splits[s]["kinds"].get(kind, "-") for s in names) + " | |"
        )
    lines.append("| ms/claim | " + " | ".join(str(splits[s]["ms_per_claim"]) for s in names) + " | |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args_parser = parser("claims", __doc__, FLOORS)
    args_parser.add_argument("--errors", action="store_true", help="also list the dev split's misjudgements")
    args = args_parser.parse_args(argv)
    report = run(chosen("claims", args), args.home)
    failures = missed(report["splits"].get("test", {}), FLOORS)
    report["failures"] = failures
    if not args.errors:
        report.pop("errors")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(markdown(report))
        for split, errors in report.get("errors", {}).items():
            for o in errors:
                print(f"\n- {split} [{o['lang']} {o['kind']}] {o['gold']} -> {o['predicted']}: {o['claim']}")
                print(f"  {o['reason']}")
        if failures:
            print("\ntest split below its floors: " + "; ".join(failures))
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
