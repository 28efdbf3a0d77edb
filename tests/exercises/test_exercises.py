"""Every exercise is solvable and its check rejects the starter file: both graded by the real check."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from casework.cli import app
from casework.exercises import EXERCISES, check, start

CHECKOUT = Path(__file__).parents[2] / "exercises"  # the starter files
SOLUTIONS = Path(__file__).parent / "solutions"
NUMBERS = [e.number for e in EXERCISES]


def test_there_are_six_to_eight_exercises_each_with_a_starter_and_a_solution():
    assert 6 <= len(EXERCISES) <= 8
    for exercise in EXERCISES:
        assert (CHECKOUT / exercise.file).is_file() and (SOLUTIONS / exercise.file).is_file()


@pytest.mark.parametrize("number", NUMBERS)
def test_the_solution_passes(number, settings):
    exercise = EXERCISES[number - 1]
    result = check(number, SOLUTIONS / exercise.file, settings)
    assert result.passed, result.message


@pytest.mark.parametrize("number", NUMBERS)
def test_the_starter_fails_with_a_hint(number, settings):
    exercise = EXERCISES[number - 1]
    result = check(number, CHECKOUT / exercise.file, settings)
    assert not result.passed and result.hint == exercise.hint
    assert "Traceback" not in result.message


def test_the_cli_lists_checks_and_says_pass_or_fail(settings, tmp_path):
    runner, home = CliRunner(), ["--home", str(settings.home)]
    listed = runner.invoke(app, ["exercises"])
    assert listed.exit_code == 0 and all(e.file in listed.output for e in EXERCISES)
    passed = runner.invoke(
        app, ["exercises", "check", "4", "--file", str(SOLUTIONS / EXERCISES[3].file), *home]
    )
    assert passed.exit_code == 0 and passed.output.startswith("pass 4")
    failed = runner.invoke(
        app, ["exercises", "check", "4", "--file", str(CHECKOUT / EXERCISES[3].file), *home]
    )
    assert failed.exit_code == 1 and "fail 4" in failed.output and "hint:" in failed.output
    broken = tmp_path / "broken.py"
    broken.write_text("def build_flow(flow):\n    return flow.remove('no_such_agent')\nPLAN = []\n")
    crashed = runner.invoke(app, ["exercises", "check", "4", "--file", str(broken), *home])
    assert (
        crashed.exit_code == 1
        and "line 2 of broken.py" in crashed.output
        and "Traceback" not in crashed.output
    )
    missing = runner.invoke(app, ["exercises", "check", "9", *home])
    assert missing.exit_code == 1 and "no exercise 9" in missing.output


def test_start_copies_the_starter_into_the_home_and_check_finds_it_there(settings, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no exercises/ folder here, as for an installed casework
    runner, home = CliRunner(), ["--home", str(settings.home)]
    absent = runner.invoke(app, ["exercises", "check", "4", *home])
    assert absent.exit_code == 1 and "casework exercises start 4" in absent.output
    started = runner.invoke(app, ["exercises", "start", "4", *home])
    copy = settings.home / "exercises" / EXERCISES[3].file
    assert started.exit_code == 0 and str(copy) in started.output.replace("\n", "")
    assert copy.read_bytes() == (CHECKOUT / EXERCISES[3].file).read_bytes()
    failed = runner.invoke(app, ["exercises", "check", "4", *home])  # the untouched starter fails
    assert failed.exit_code == 1 and "fail 4" in failed.output
    copy.write_text("# my work\n" + copy.read_text())
    again = runner.invoke(app, ["exercises", "start", "4", *home])
    assert again.exit_code == 1 and "exists already" in again.output
    assert copy.read_text().startswith("# my work")  # a learner's edits are never overwritten
    assert start(5, settings).read_bytes() == (CHECKOUT / EXERCISES[4].file).read_bytes()
