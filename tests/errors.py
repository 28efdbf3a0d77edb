"""What every failing command must look like to a user: exit 1 and one `error: …` line, no traceback."""

from __future__ import annotations


def one_line_error(result, *words: str) -> str:
    """The one error line a CliRunner result printed, checked to hold every word in `words`."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]
