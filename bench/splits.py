"""The two splits of every labelled set, and the options the quality benches share.

`bench/data/NAME.jsonl` is the dev split (rules and weights were tuned on it), with any dev items
added later in `bench/data/dev/NAME-*.jsonl` (written by reading the posts, for classes of input the
first file lacks);
`bench/data/test/NAME.jsonl` is the frozen test split, written before the rules it measures and
never used to choose one (bench/data/README.md). A bench prints both side by side, each with a
baseline, and `--check` fails when the test split misses the bench's floors.
Not handled: more than these two splits, or cross-validation.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
SPLITS = ("dev", "test")


def split_path(name: str, split: str) -> Path:
    """The labelled file of a bench for one split."""
    return DATA / f"{name}.jsonl" if split == "dev" else DATA / split / f"{name}.jsonl"


def split_rows(name: str, split: str, limit: int | None = None) -> list[dict]:
    """The labelled rows of a bench for one split: the dev split's later files follow its first."""
    more = sorted((DATA / "dev").glob(f"{name}-*.jsonl")) if split == "dev" else []
    rows = [row for path in (split_path(name, split), *more) for row in load_rows(path)]
    return rows[:limit] if limit else rows


def load_rows(path: Path, limit: int | None = None) -> list[dict]:
    """Rows of a JSON Lines file, in order (the first `limit` when given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def parser(name: str, doc: str, floors: dict) -> argparse.ArgumentParser:
    """--split, --limit, --json, --home and --check, worded for one bench; a bench adds its own options."""
    made = argparse.ArgumentParser(prog=f"python -m bench {name}", description=doc.splitlines()[0])
    made.add_argument("--split", choices=[*SPLITS, "both"], default="both", help="which split (default both)")
    made.add_argument("--limit", type=int, help="only the first N rows of each split (a smoke run)")
    made.add_argument("--json", action="store_true", help="print the figures as JSON")
    made.add_argument("--home", type=Path, help="a casework home to reuse (default: a fresh temporary one)")
    shown = ", ".join(f"{k} {v}" for k, v in floors.items())
    made.add_argument("--check", action="store_true", help=f"exit 1 when the test split misses: {shown}")
    return made


def chosen(name: str, args) -> dict[str, list[dict]]:
    """The rows of the chosen splits; exits with a one-line message when a file is missing."""
    splits = SPLITS if args.split == "both" else (args.split,)
    splits = (*splits, "test") if args.check and "test" not in splits else splits  # --check reads test
    rows = {}
    for split in splits:
        path = split_path(name, split)
        if not path.exists():
            sys.exit(f"{name} bench: no {split} file at {path}")
        rows[split] = split_rows(name, split, args.limit)
    return rows


def missed(figures: dict, floors: dict) -> list[str]:
    """The floors a split's figures miss (a floor on a lower-is-better figure is named with `_max`)."""
    out = []
    for key, floor in floors.items():
        value = figures.get(key.removesuffix("_max"))
        if value is None:
            continue
        if (value > floor) if key.endswith("_max") else (value < floor):
            out.append(f"{key.removesuffix('_max')} {value} (floor {floor})")
    return out
