"""Traces of the main tasks over the project's corpus: complete, deterministic, golden, kept, exported."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.exports import export
from casework.runs import checkpointer, list_runs
from casework.testing import assert_route, check_golden, normalise

from browser import CHROMIUM, HEADLESS_FLAGS

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
TASKS = {
    "summarize_agile": (
        "summarize the agile posts",
        ["case_worker", "summarizer", "fact_checker", "citation_finder", "case_worker"],
    ),
    "fact_check": (
        "fact-check: 애자일 선언문은 2001년에 발표되었다",
        ["case_worker", "fact_checker", "case_worker"],
    ),
    "find_sources": (
        "find sources for: 트랜스포머는 계산 비용이 높다",
        ["case_worker", "citation_finder", "case_worker"],
    ),
    "ask_ssm": (
        "what does the author think about SSM?",
        ["case_worker", "answerer", "case_worker"],
    ),
}


@pytest.fixture(scope="module")
def runs(settings):
    """Each main task run once, with its report and its trace as saved on disk."""
    reports = {key: api.run(task, settings) for key, (task, _) in TASKS.items()}
    return {key: (report, api.trace(report.run_id, settings)) for key, report in reports.items()}


@pytest.mark.parametrize("key", TASKS)
def test_the_route_is_the_plan(runs, key):
    report, trace = runs[key]
    assert_route(report, TASKS[key][1])
    assert trace.route == report.route and trace.outcome == report.outcome == "completed"


@pytest.mark.parametrize("key", TASKS)
def test_every_handoff_says_why_and_what_and_every_skill_call_how_long(runs, key):
    _, trace = runs[key]
    for move in trace.handoffs():
        assert move.reason.strip() and move.payload.strip() and move.held_ms > 0, move
    calls = [e for e in trace.events if e.kind == "skill"]
    assert calls and all(call.ms > 0 for call in calls)


@pytest.mark.parametrize("key", TASKS)
def test_the_trace_matches_its_golden_file(runs, key):
    check_golden(runs[key][1], GOLDEN / f"{key}.json")


@pytest.mark.parametrize("key", TASKS)
def test_offline_runs_are_deterministic(runs, settings, key):
    again = api.run(TASKS[key][0], settings)
    assert normalise(api.trace(again.run_id, settings)) == normalise(runs[key][1])


def test_runs_persist_in_the_checkpointer_and_as_traces(runs, settings):
    report, _ = runs["summarize_agile"]
    listed = {r.run_id: r for r in list_runs(settings)}
    assert listed[report.run_id].checkpointed and listed[report.run_id].route == report.route
    with checkpointer(settings) as saver:  # a new connection: what a later process would see
        state = (
            api.default_flow()
            .compile(checkpointer=saver)
            .get_state({"configurable": {"thread_id": report.run_id}})
        )
    assert state.values["task"] == "summarize the agile posts" and state.values["outcome"] == "completed"
    assert api.trace("last", settings).run_id in listed


def test_the_cli_shows_exports_and_lists_runs(runs, settings, tmp_path):
    runner, home = CliRunner(), ["--home", str(settings.home)]
    run_id = runs["fact_check"][0].run_id
    shown = runner.invoke(app, ["trace", "show", run_id, *home])
    assert shown.exit_code == 0 and "fact checker" in shown.output and "check_statement" in shown.output
    out = tmp_path / "trace.md"
    exported = runner.invoke(app, ["trace", "export", run_id, "--format", "md", "-o", str(out), *home])
    assert exported.exit_code == 0 and "handed the case to the **fact checker**" in out.read_text(
        encoding="utf-8"
    )
    listed = runner.invoke(app, ["runs", "list", *home])
    assert listed.exit_code == 0 and run_id in listed.output
    missing = runner.invoke(app, ["trace", "show", "no-such-run", *home])
    assert missing.exit_code == 1 and "no run with id" in missing.output


def test_the_cli_exits_1_with_a_diff_when_the_route_differs(settings):
    result = CliRunner().invoke(
        app,
        [
            "run",
            "fact-check: 애자일 선언문은 2001년에 발표되었다",
            "--quiet",
            "--home",
            str(settings.home),
            "--expect-route",
            "case_worker,summarizer,case_worker",
        ],
    )
    assert result.exit_code == 1
    assert "expected: case_worker → summarizer → case_worker" in result.output
    assert "first difference at holder 2: expected summarizer, got fact_checker" in result.output
    ok = CliRunner().invoke(
        app,
        [
            "run",
            "fact-check: 애자일 선언문은 2001년에 발표되었다",
            "--quiet",
            "--home",
            str(settings.home),
            "--expect-route",
            "case_worker,fact_checker,case_worker",
        ],
    )
    assert ok.exit_code == 0


def test_the_html_page_is_small_and_shows_every_step(runs):
    _, trace = runs["summarize_agile"]
    page = export(trace, "html")
    assert len(page.encode()) < 1_000_000
    assert all(f'id="step-{n}"' in page for n in range(1, len(trace.handoffs()) + 1))
    assert "<svg" in page and "src=" not in page and '<link rel="stylesheet"' not in page


def chromium(page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """The DOM chromium builds from a page, and the console messages it logged."""
    flags = [
        "--headless",
        *HEADLESS_FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
    ]
    done = subprocess.run([CHROMIUM, *flags, page.as_uri()], capture_output=True, text=True, timeout=120)
    return done.stdout, [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(
    not CHROMIUM, reason="chromium is not installed (apt-get install -y chromium); .ci/run installs it"
)
def test_the_html_page_opens_in_chromium_without_console_errors(runs, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!doctype html><link rel=icon href='data:,'><script>console.error('x'); nope();</script>"
    )
    assert chromium(broken, tmp_path)[1], "the console check must catch a broken page"
    _, trace = runs["summarize_agile"]
    page = tmp_path / "trace.html"
    page.write_text(export(trace, "html"), encoding="utf-8")
    dom, console = chromium(page, tmp_path)
    assert console == []
    assert len(re.findall(r'<details class="step"', dom)) == len(trace.handoffs())
    assert dom.count("<script") == 2 and dom.count('<script type="application/json"') == 1  # code + data


def test_a_paused_and_resumed_run_keeps_one_trace(settings):
    report = api.run(TASKS["fact_check"][0], settings, human=True)
    while report.outcome == "paused":
        report = api.resume(report.run_id, "approve", settings)
    trace = api.trace(report.run_id, settings)
    assert trace.route == TASKS["fact_check"][1] and trace.outcome == "completed"
    assert [m.actor for m in trace.handoffs()] == ["human"] * 3
    assert [e.kind for e in trace.events].count("pause") == 3
    assert [e.at_ms for e in trace.events] == sorted(e.at_ms for e in trace.events)
