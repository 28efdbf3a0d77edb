"""`python -m bench all --smoke`: the CI slice of the benches runs and writes a results page."""

from __future__ import annotations

import subprocess
import sys

from bench import readme


def test_bench_all_smoke_writes_results(tmp_path):
    out = tmp_path / "results.md"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "all", "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    page = out.read_text(encoding="utf-8")
    assert "## Speed" in page and "median" in page and "| 50 | local |" in page and "| 50 | server |" in page
    # The README's speed figures are read from this page: its lines stay in the shape bench/readme.py reads.
    assert readme.stamp(page).startswith("`python -m bench all --smoke --out ")
    for label in readme.SPEED:
        assert readme.speed_figure(page, label)
