"""Size limits hold before the work, and bad options are one line (issue 15, items 11 and 12).

Before: `run -` read all of stdin (200 MB took 2.0 GB) before its 2,000-character check; `cite`
allowed 20,000 characters but `run()` re-checked 2,000, so a 3,000-character text failed; and
`--embeddings foo` raised a bare ValueError.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from casework.cli import app

from errors import one_line_error

runner = CliRunner()
CASEWORK = str(Path(sys.executable).with_name("casework"))


def test_run_reads_standard_input_only_up_to_its_limit(tmp_path):
    big = tmp_path / "stdin.txt"
    big.write_bytes(b"summarize " + b"a" * 20_000_000)
    with big.open("rb") as stdin:  # the child shares this file offset: it shows how much was read
        result = subprocess.run(
            [CASEWORK, "run", "-", "--home", str(tmp_path / "home"), "--json"],
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        read = stdin.tell()
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "too long" in lines[0], result.stderr
    assert read < 1_000_000, f"read {read:,} bytes of standard input"


def test_cite_takes_a_text_as_long_as_it_says(settings):
    sentence = "애자일 선언문은 2001년에 발표되었다. "
    text = sentence * (3000 // len(sentence) + 1)
    assert 3000 <= len(text.strip()) <= 20_000
    result = runner.invoke(app, ["cite", text, "--home", str(settings.home), "--json"])
    assert result.exit_code == 0, result.output


def test_unknown_embeddings_are_one_line(tmp_path, corpus):
    for spec in ("foo", "nosuchprovider:model"):
        result = runner.invoke(
            app, ["search", "애자일", "--embeddings", spec, "--home", str(tmp_path), "--corpus", str(corpus)]
        )
        assert "embeddings" in one_line_error(result)
