"""A human case worker: the real CLI driven with scripted stdin, and the same through the Python API."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.engine.errors import UserError
from casework.orchestrator.human import parse
from casework.orchestrator.state import CaseState
from casework.runs import checkpointer

TASK = "summarize: 애자일"
OFFLINE_ROUTE = ["case_worker", "summarizer", "fact_checker", "citation_finder", "case_worker"]


def cli(settings, *args, answers: list[str]):
    """The real CLI, the person's answers on stdin (one a line)."""
    return CliRunner().invoke(
        app, [*args, "--home", str(settings.home), "--json"], input="".join(a + "\n" for a in answers)
    )


def handoffs(settings, run_id: str):
    """The handoff log of a run, from its checkpoints."""
    with checkpointer(settings) as saver:
        values = (
            api.default_flow()
            .compile(checkpointer=saver)
            .get_state({"configurable": {"thread_id": run_id}})
            .values
        )
    return CaseState.model_validate(values).handoffs


def test_answers_parse_from_words_first_letters_and_dicts():
    assert parse("").action == "approve" and parse("a").action == "approve"
    assert parse("send fact_checker").agent == "fact_checker"
    assert parse("e the agile retrospectives").instruction == "the agile retrospectives"
    assert parse({"action": "finish"}).action == "finish"
    with pytest.raises(ValueError, match="unknown choice"):
        parse("dance")


def test_approving_every_handoff_takes_the_offline_route(settings):
    offline = api.run(TASK, settings)
    result = cli(settings, "run", TASK, "--human", answers=["approve"] * 5)
    assert result.exit_code == 0, result.output
    report = json.loads(
        result.stdout[result.stdout.index("{\n") :]
    )  # CliRunner echoes the typed answers to stdout
    assert (
        offline.route == OFFLINE_ROUTE
        and report["route"] == offline.route
        and report["outcome"] == "completed"
    )
    assert [s["sentence"] for s in report["summary"]] == [s.sentence for s in offline.summary]
    assert "Proposed next: summarizer" in result.output
    assert {h.actor for h in handoffs(settings, report["run_id"])} == {"human"}


def test_a_redirected_run_follows_the_person(settings):
    report = api.run(TASK, settings, human=True)
    assert report.outcome == "paused" and report.pending["proposal"]["target"] == "summarizer"
    report = api.resume(report.run_id, "approve", settings)  # summarizer proposes the fact-checker
    report = api.resume(report.run_id, "send citation_finder", settings)
    while report.outcome == "paused":
        report = api.resume(report.run_id, "approve", settings)
    assert report.route == ["case_worker", "summarizer", "citation_finder", "case_worker"]
    assert report.verdicts == [] and report.citations
    redirected = handoffs(settings, report.run_id)[1]
    assert redirected.actor == "human" and "instead of fact_checker" in redirected.reason


def test_a_wrong_answer_asks_again(settings):
    report = api.run(TASK, settings, human=True)
    again = api.resume(report.run_id, "send nobody", settings)
    assert again.outcome == "paused" and "cannot hand the case to 'nobody'" in again.pending["error"]


def test_a_run_quit_at_a_handoff_resumes_later_and_finishes(settings):
    first = cli(settings, "run", TASK, "--human", answers=["approve", "quit"])
    assert first.exit_code == 0, first.output
    run_id = re.search(r"casework resume (\w+)", first.output).group(1)
    shown = api.resume(run_id, settings=settings)
    assert shown.outcome == "paused" and shown.pending["agent"] == "summarizer"
    second = cli(settings, "resume", run_id, answers=["approve"] * 4)
    assert second.exit_code == 0, second.output
    assert '"outcome": "completed"' in second.stdout
    with pytest.raises(UserError, match="not waiting"):
        api.resume(run_id, settings=settings)


def test_finishing_early_compiles_what_is_done(settings):
    report = api.run(TASK, settings, human=True)
    report = api.resume(report.run_id, "approve", settings)
    report = api.resume(report.run_id, "finish", settings)  # after the summary: no check, no citations
    while report.outcome == "paused":
        report = api.resume(report.run_id, "approve", settings)
    assert report.route == ["case_worker", "summarizer", "case_worker"]
    assert report.outcome == "completed" and report.summary and not report.verdicts
