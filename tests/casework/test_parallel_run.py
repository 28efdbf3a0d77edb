"""`casework run ... --parallel` on the project corpus: the relay's report, with branches overlapping."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.exports.steps import overlaps, steps

MAIN_JOB = "summarize the agile posts"


@pytest.fixture(scope="module")
def both(settings):
    """The main job's JSON report, run as the relay and in parallel, through the CLI."""
    runner, home = CliRunner(), ["--home", str(settings.home)]
    out = {}
    for name, flags in (("sequential", []), ("parallel", ["--parallel"])):
        done = runner.invoke(app, ["run", MAIN_JOB, "--json", *flags, *home])
        assert done.exit_code == 0, done.output
        out[name] = json.loads(done.output)
    return out


def test_parallel_gives_the_same_posts_and_sources(both):
    seq, par = both["sequential"], both["parallel"]
    assert par["posts"] and par["posts"] == seq["posts"]
    assert par["summary"] == seq["summary"]  # every sentence with its citations: the sources
    assert par["verdicts"] == seq["verdicts"] and par["answer"] == seq["answer"]
    assert (
        par["route"]
        == seq["route"]
        == ["case_worker", "summarizer", "fact_checker", "citation_finder", "case_worker"]
    )


def test_the_parallel_trace_shows_both_branches_overlapping(both, settings):
    trace = api.trace(both["parallel"]["run_id"], settings)
    fork = next(s for s in steps(trace) if s.agent == "summarizer")
    assert [m.target for m in fork.handoffs] == ["fact_checker", "citation_finder"]
    ((a, b, shared),) = overlaps(trace)
    assert {a.agent, b.agent} == {"fact_checker", "citation_finder"}
    assert shared > 0 and abs(a.start_ms - b.start_ms) < 5  # both took their copy when the summarizer forked
    assert min(a.end_ms, b.end_ms) > max(
        a.start_ms, b.start_ms
    )  # each was still working when the other began
    assert overlaps(api.trace(both["sequential"]["run_id"], settings)) == []


def test_trace_show_and_markdown_say_they_overlapped(both, settings, tmp_path):
    runner, home = CliRunner(), ["--home", str(settings.home)]
    run_id = both["parallel"]["run_id"]
    shown = runner.invoke(app, ["trace", "show", run_id, *home])
    assert shown.exit_code == 0 and "overlapped" in shown.output and "also → citation finder" in shown.output
    md = runner.invoke(app, ["trace", "export", run_id, "--format", "md", *home])
    assert "overlapped: the fact checker and the citation finder" in md.output
    relay = runner.invoke(app, ["trace", "show", both["sequential"]["run_id"], *home])
    assert "overlapped" not in relay.output


def test_parallel_with_a_person_reviewing_is_refused_in_one_line(settings):
    done = CliRunner().invoke(app, ["run", MAIN_JOB, "--parallel", "--human", "--home", str(settings.home)])
    assert done.exit_code == 1 and "do not go together" in done.output and "Traceback" not in done.output
