"""Questions bench: is the answering sentence in the first three, and does the answer stay in the gold posts?

    python -m bench questions [--json] [--split dev|test|both] [--home DIR] [--check]

Reads the labelled questions of each split (dev: bench/data/dev/questions.jsonl, then any later
bench/data/dev/questions-*.jsonl; test: bench/data/test/questions.jsonl, frozen) as {"question", "lang",
"titles", "answers"}: the posts that answer and the answering sentences, verbatim. Each question goes
through `casework.api.run` (what `casework run QUESTION` does). Figures, per split and per language:
- recognised: the case worker took it for a question (kind "ask");
- top-3: for a question the corpus answers, one of the first three answer sentences holds a gold
  answer (or is held by one); for one it does not, the run answers nothing and says so;
- in gold: every post the answer quotes is a gold post (none for a question nothing answers).
Beside them the baseline a search box gives: the three corpus sentences that share the most
weighted terms with the question (`Library.search_sentences`, hybrid search), scored the same way.
Not handled: an answer that paraphrases the gold sentence in other words.
"""

from __future__ import annotations

from pathlib import Path

from bench.options import split_bench
from bench.splits import load_rows
from casework import api
from casework.config import Settings
from casework.workspace import open_library

DATA = Path(__file__).parent / "data"
SPLITS = {"dev": DATA / "dev" / "questions.jsonl", "test": DATA / "test" / "questions.jsonl"}
TARGET_TOP3, TARGET_IN_GOLD = 0.8, 0.8


def holds(sentences: list[str], answers: list[str]) -> bool:
    """Whether a sentence holds a gold answer, or is held by one (a clause of it)."""
    return any(a in s or s in a for s in sentences for a in answers)


def score(row: dict, sentences: list[str], titles: list[str]) -> dict:
    """Top-3 and in-gold of one answer (its sentences, most relevant first, and their posts)."""
    if row["answers"]:
        top3 = holds(sentences[:3], row["answers"])
    else:
        top3 = not sentences  # nothing answers: the right answer is none
    return {"top3": top3, "in_gold": set(titles) <= set(row["titles"])}


def run_row(library, settings: Settings, row: dict) -> dict:
    report = api.run(row["question"], settings, record=False)
    sentences = [s.sentence for s in report.summary]
    titles = [s.source.title for s in report.summary if s.source]
    baseline = library.search_sentences(row["question"], k=3, passages=8)
    return {
        "question": row["question"],
        "lang": row["lang"],
        "recognised": report.kind == "ask",
        "outcome": report.outcome,
        **score(row, sentences, titles),
        "baseline": score(row, [h.sentence for h in baseline], [h.title for h in baseline]),
        "answer": sentences,
        "posts": sorted(set(titles)),
    }


def figures(rows: list[dict]) -> dict:
    n = max(1, len(rows))
    return {
        "n": len(rows),
        "recognised": round(sum(r["recognised"] for r in rows) / n, 3),
        "top3": round(sum(r["top3"] for r in rows) / n, 3),
        "in_gold": round(sum(r["in_gold"] for r in rows) / n, 3),
        "baseline_top3": round(sum(r["baseline"]["top3"] for r in rows) / n, 3),
        "baseline_in_gold": round(sum(r["baseline"]["in_gold"] for r in rows) / n, 3),
    }


def run(settings: Settings, splits: list[str]) -> dict:
    library = open_library(settings)
    report = {"targets": {"top3": TARGET_TOP3, "in_gold": TARGET_IN_GOLD}, "splits": {}}
    for split in splits:
        if not SPLITS[split].exists():
            continue
        more = sorted((DATA / "dev").glob("questions-*.jsonl")) if split == "dev" else []
        rows = [row for path in (SPLITS[split], *more) for row in load_rows(path)]
        results = [run_row(library, settings, row) for row in rows]
        report["splits"][split] = {
            **figures(results),
            **{lang: figures([r for r in results if r["lang"] == lang]) for lang in ("ko", "en")},
            "results": results,
        }
    return report


def yes(flag: bool) -> str:
    return "yes" if flag else "no"


def markdown(report: dict, errors: bool = False) -> str:
    lines = [
        "Questions bench (answer sentence in the first 3; no post outside the gold; "
        "baseline: the 3 best sentences of a hybrid search)",
        "",
        "| split | lang | n | recognised | top-3 | in gold | baseline top-3 | baseline in gold |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, split in report["splits"].items():
        for lang in ("all", "ko", "en"):
            f = split if lang == "all" else split[lang]
            lines.append(
                f"| {name} | {lang} | {f['n']} | {f['recognised']:.2f} | **{f['top3']:.2f}** | "
                f"**{f['in_gold']:.2f}** | {f['baseline_top3']:.2f} | {f['baseline_in_gold']:.2f} |"
            )
    for name, split in report["splits"].items():
        if not errors or name != "dev":  # the test split's items stay unseen: it is for figures only
            continue
        misses = [r for r in split["results"] if not (r["top3"] and r["in_gold"] and r["recognised"])]
        if misses:
            lines += ["", f"Misses ({name}):", ""]
            lines += [
                f"- {r['question']}: top-3 {yes(r['top3'])}, in gold {yes(r['in_gold'])}, "
                f"taken for a question {yes(r['recognised'])}; posts {r['posts']}"
                for r in misses
            ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    def missed(test: dict) -> bool:
        return test["top3"] < TARGET_TOP3 or test["in_gold"] < TARGET_IN_GOLD

    return split_bench("questions", __doc__, argv, "questions", run, markdown, missed)
