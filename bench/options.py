"""The command-line options every quality bench shares."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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
