"""Bad input through the CLI: one clear line, non-zero exit when the job cannot be done, never a traceback."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from casework.cli import app

from samples import SHORTEST_POSTS

runner = CliRunner()


def invoke(args: list[str], input: str | None = None):
    result = runner.invoke(app, args, input=input)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def fails_with_one_line(result, *words: str) -> None:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.parametrize(
    "task", ["", "   \n\t ", "\x00\x01\x07\x1b\x7f\u200b"], ids=["empty", "whitespace", "control"]
)
def test_an_empty_task_is_one_line(task, corpus):
    fails_with_one_line(invoke(["run", task, "--corpus", str(corpus)]), "task", "empty")


def test_control_characters_never_reach_the_terminal(corpus):
    result = invoke(["run", "summarize \x1b[2J\x00 agile", "--corpus", str(corpus)])
    assert result.exit_code == 0 and "\x1b[2J" not in result.output and "\x00" not in result.output


def test_a_one_megabyte_task_on_stdin_is_one_line(corpus):
    fails_with_one_line(invoke(["run", "-", "--corpus", str(corpus)], input="애자일 " * 250_000), "too long")


def test_an_empty_stdin_is_one_line(corpus):
    fails_with_one_line(invoke(["run", "-", "--corpus", str(corpus)], input=""), "empty")


def test_bad_corpus_files_are_warnings_and_the_rest_is_ingested(corpus):
    (corpus / "binary.md").write_bytes(b"\0\x01\x02\xff binary")
    (corpus / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (corpus / "empty.md").write_text("", encoding="utf-8")
    shutil.copy(SHORTEST_POSTS[0], corpus / "duplicate-copy.md")  # the same post twice: kept once, said so
    result = invoke(["ingest", "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 4 and f'"posts": {len(SHORTEST_POSTS)}' in result.output
    merged = [line for line in warnings if line.startswith("warning: merged ")]
    assert merged == [f"warning: merged {SHORTEST_POSTS[0].name} into duplicate-copy.md: the same content"]


def test_a_corpus_of_only_bad_files_is_one_line(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "binary.md").write_bytes(b"\0\0\0")
    fails_with_one_line(invoke(["ingest", "--corpus", str(folder)]), "no readable")


@pytest.mark.parametrize("command", ["ingest", "search", "run"])
def test_an_unknown_flag_is_a_usage_error(command):
    result = invoke([command, "x", "--no-such-flag"] if command != "ingest" else [command, "--no-such-flag"])
    assert result.exit_code == 2 and "No such option" in result.output


def test_a_store_path_that_cannot_be_written_is_one_line(corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the home folder should be")
    fails_with_one_line(
        invoke(["ingest", "--corpus", str(corpus), "--home", str(blocker / "home")]), "store folder"
    )
    fails_with_one_line(
        invoke(["search", "x", "--corpus", str(corpus), "--home", str(blocker)]), "store folder"
    )
