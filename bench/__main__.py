"""`python -m bench NAME [args]` runs bench/NAME.py's `main(argv) -> int`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    """Bench modules: every module of this package that defines `main`, metrics excluded."""
    folder = Path(__file__).parent
    return sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name not in {"metrics", "__main__"}
    )


def main(argv: list[str]) -> int:
    names = available()
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in names:
        known = ", ".join(names) or "none"
        message = f"usage: python -m bench NAME [options]   (benches: {known})"
        if argv and argv[0] not in {"-h", "--help"}:
            print(f"unknown bench {argv[0]!r}; {message}", file=sys.stderr)
            return 2
        print(message)
        return 0 if argv else 2
    module = importlib.import_module(f"bench.{argv[0]}")
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
