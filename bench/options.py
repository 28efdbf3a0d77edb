"""The command-line options every quality bench shares."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from casework.config import Settings


def quality_parser(name: str, doc: str, data: Path, rows: str, target: str) -> argparse.ArgumentParser:
    """--json, --data, --home and --check, worded for one bench; a bench adds its own options."""
    parser = argparse.ArgumentParser(prog=f"python -m bench {name}", description=doc.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--data", type=Path, default=data, help=f"{rows} file (JSON lines)")
    parser.add_argument("--home", type=Path, help="a casework home to reuse (default: a fresh temporary one)")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when the {target} target is missed")
    return parser


def data_missing(name: str, rows: str, path: Path) -> bool:
    """True, after saying so on stderr, when the labelled data file is not there."""
    if path.exists():
        return False
    print(f"{name} bench: no {rows} file at {path}", file=sys.stderr)
    return True


def split_bench(
    name: str,
    doc: str,
    argv: list[str],
    rows: str,
    run: Callable[[Settings, list[str]], dict],
    markdown: Callable[[dict, bool], str],
    missed: Callable[[dict], bool],
) -> int:
    """The main() of a bench over dev and test request files: --split, --errors (the dev split's misses
    only: the test split's items are never shown), a home of its own unless --home, --check on test."""
    parser = quality_parser(name, doc, Path(__file__).parent / "data", rows, "test split's")
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--errors", action="store_true", help="also list the dev split's misses")
    args = parser.parse_args(argv)
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    with tempfile.TemporaryDirectory(prefix="casework-bench-") as scratch:
        report = run(Settings(home=args.home or Path(scratch)), splits)
    if not report["splits"]:
        print(f"{name} bench: no labelled {rows} found", file=sys.stderr)
        return 1
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else markdown(report, args.errors))
    test = report["splits"].get("test")
    return 1 if args.check and test is not None and missed(test) else 0
