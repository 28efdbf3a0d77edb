"""Fact-checking bench: macro-F1, per-class P/R/F1, confusion matrix and accuracy per language.

    python -m bench claims [--json] [--limit N] [--errors] [--home DIR]

Reads bench/data/claims.jsonl ({"claim", "lang", "verdict", "titles", "evidence", "kind"}),
builds a store of the corpus in a temporary home (or reuses --home), checks every claim with the
offline fact-checker and scores its overall verdict. Not handled: scoring the evidence it cites.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from bench.metrics import confusion_matrix, macro_f1, precision_recall_f1
from bench.options import data_missing, quality_parser
from casework.config import PROJECT_CORPUS, Settings
from casework.skills.evidence import check_claim, overall
from casework.workspace import ingest, open_library

DATA = Path(__file__).parent / "data" / "claims.jsonl"
LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
TARGET = 0.75


def load_claims(path: Path, limit: int | None = None) -> list[dict]:
    """The labelled claims, in file order (the first `limit` when given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def score(rows: list[dict], predicted: list[str]) -> dict:
    """Macro-F1, per-class figures, confusion matrix and per-language accuracy."""
    gold = [row["verdict"] for row in rows]
    classes = {}
    for label in LABELS:
        p, r, f = precision_recall_f1(
            {i for i, x in enumerate(predicted) if x == label}, {i for i, x in enumerate(gold) if x == label}
        )
        classes[label] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": gold.count(label),
        }
    matrix = confusion_matrix(gold, predicted)
    languages = {}
    for lang in sorted({row["lang"] for row in rows}):
        pairs = [(g, p) for row, g, p in zip(rows, gold, predicted) if row["lang"] == lang]
        languages[lang] = {"n": len(pairs), "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4)}
    return {
        "claims": len(rows),
        "macro_f1": round(macro_f1(gold, predicted), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / max(1, len(rows)), 4),
        "classes": classes,
        "languages": languages,
        "confusion": {g: {p: matrix.get(g, {}).get(p, 0) for p in LABELS} for g in LABELS},
    }


def run(rows: list[dict], home: Path | None = None, corpus: Path = PROJECT_CORPUS) -> tuple[dict, list[dict]]:
    """The report and every claim's outcome, checking claims against a store in `home` (temporary if None)."""
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as temporary:
        settings = Settings(home=home or Path(temporary), corpus=corpus)
        ingest(settings)
        library = open_library(settings)
        started, outcomes = time.perf_counter(), []
        for row in rows:
            verdict = overall(check_claim(library, row["claim"]))
            outcomes.append(
                {
                    "claim": row["claim"],
                    "kind": row["kind"],
                    "gold": row["verdict"],
                    "predicted": verdict.verdict,
                    "reason": verdict.reason,
                    "evidence": [e.sentence for e in verdict.evidence[:1]],
                }
            )
        elapsed = time.perf_counter() - started
    report = score(rows, [o["predicted"] for o in outcomes])
    report["ms_per_claim"] = round(elapsed * 1000 / max(1, len(rows)), 1)
    return report, outcomes


def markdown(report: dict) -> str:
    """The figures as Markdown: a headline, per-class table, confusion matrix, languages."""
    lines = [
        f"Fact-checking bench: {report['claims']} claims, macro-F1 {report['macro_f1']:.3f} "
        f"(target {TARGET}), accuracy {report['accuracy']:.3f}, {report['ms_per_claim']} ms/claim",
        "",
        "| class | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for label, c in report["classes"].items():
        lines.append(
            f"| {label} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | {c['support']} |"
        )
    lines += ["", "| gold \\ predicted | " + " | ".join(LABELS) + " |", "|---" * (len(LABELS) + 1) + "|"]
    for gold, row in report["confusion"].items():
        lines.append(f"| {gold} | " + " | ".join(str(row[p]) for p in LABELS) + " |")
    lines += ["", "| language | n | accuracy |", "|---|---|---|"]
    lines += [f"| {lang} | {x['n']} | {x['accuracy']:.3f} |" for lang, x in report["languages"].items()]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = quality_parser("claims", __doc__, DATA, "claims", "macro-F1")
    parser.add_argument("--limit", type=int, help="only the first N claims (a quick smoke run)")
    parser.add_argument("--errors", action="store_true", help="also list the misjudged claims")
    args = parser.parse_args(argv)
    if data_missing("claims", "claims", args.data):
        return 1
    report, outcomes = run(load_claims(args.data, args.limit), args.home)
    errors = [o for o in outcomes if o["gold"] != o["predicted"]]
    if args.json:
        print(
            json.dumps(
                {**report, **({"errors": errors} if args.errors else {})}, ensure_ascii=False, indent=2
            )
        )
    else:
        print(markdown(report))
        for o in errors if args.errors else []:
            print(f"\n- [{o['kind']}] {o['gold']} -> {o['predicted']}: {o['claim']}\n  {o['reason']}")
    return 1 if args.check and report["macro_f1"] < TARGET else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
