"""Run ids are names, never paths (issue 15, items 3 and 12): `[A-Za-z0-9_-]{1,64}` everywhere.

Before: `trace export ../../x` or an absolute path read JSON outside the home, a file that was not a
trace gave a traceback echoing its contents, `api.run(run_id="../..")` wrote outside `traces/`, and a
directory named `x.json` in `traces/` broke `runs list`. The fuzz test feeds arbitrary ids to the CLI
and the API and checks for one-line errors and that nothing appears outside the home.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casework import api
from casework.cli import app
from casework.config import Settings
from casework.engine.errors import UserError
from casework.runs import save_trace

from errors import one_line_error
from samples import SHORTEST_POSTS

runner = CliRunner()


@pytest.fixture(scope="module")
def traced(tmp_path_factory) -> Settings:
    """A home with one real trace, inside a sandbox folder that holds nothing else at first."""
    sandbox = tmp_path_factory.mktemp("sandbox")
    corpus = sandbox / "corpus"
    corpus.mkdir()
    for path in SHORTEST_POSTS:
        shutil.copy(path, corpus / path.name)
    here = Settings(home=sandbox / "home", corpus=corpus)
    api.run("summarize: 애자일", here)
    return here


def files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def test_a_run_id_that_climbs_out_of_traces_is_refused(traced, tmp_path):
    trace = next((traced.home / "traces").glob("*.json"))
    outside = tmp_path / "outside.json"
    shutil.copy(trace, outside)  # a real trace, but not under the home
    relative = "../../" + str(outside.relative_to(traced.home.parent.parent))[: -len(".json")]
    for run in (relative, str(outside)[: -len(".json")]):
        result = runner.invoke(app, ["trace", "export", run, "--home", str(traced.home)])
        assert "run id" in one_line_error(result)


def test_a_non_trace_file_is_not_echoed(traced):
    secret = traced.home / "traces" / "notes.json"
    secret.write_text('{"password": "hunter2", "task": 3}', encoding="utf-8")
    try:
        result = runner.invoke(app, ["trace", "export", "notes", "--home", str(traced.home)])
        assert "hunter2" not in one_line_error(result)
    finally:
        secret.unlink()


def test_the_api_refuses_a_run_id_that_is_a_path(traced):
    before = files(traced.home.parent)
    for bad in ("../..", "../escape", "/tmp/x", "a/b", "", "x" * 65, "run id"):
        with pytest.raises(UserError, match="run id"):
            api.run("summarize: 애자일", traced, run_id=bad)
        with pytest.raises(UserError, match="run id"):
            api.resume(bad, "approve", traced)
    assert files(traced.home.parent) == before


def test_a_folder_named_like_a_trace_does_not_break_runs_list(traced):
    (traced.home / "traces" / "x.json").mkdir()
    try:
        result = runner.invoke(app, ["runs", "list", "--home", str(traced.home)])
        assert result.exit_code == 0, result.output
    finally:
        (traced.home / "traces" / "x.json").rmdir()


def test_a_trace_written_under_a_valid_id_stays_in_traces(traced):
    trace = api.trace("last", traced).model_copy(update={"run_id": "fine_id-1"})
    assert save_trace(traced, trace).parent == traced.home / "traces"


PIECES = st.sampled_from(["..", "/", ".", "x", "run_1", "a b", "\x00", "é", "\n", "~", "*"])
RUN_IDS = st.lists(PIECES, min_size=1, max_size=8).map("".join) | st.text(min_size=1, max_size=80)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(run=RUN_IDS)
def test_any_run_id_gives_an_answer_or_one_line_and_writes_nothing_outside_the_home(traced, run):
    sandbox = traced.home.parent.parent  # the sandbox's parent: `../x` from traces/ lands in the sandbox
    before = files(traced.home.parent)
    for command in (["trace", "export", run], ["trace", "show", run], ["resume", run]):
        result = runner.invoke(app, [*command, "--home", str(traced.home)], input="quit\n")
        if result.exit_code != 0:
            one_line_error(result)
    try:
        api.run("summarize: 애자일", traced, run_id=run, human=True)
    except UserError:
        pass
    written = {p for p in files(traced.home.parent) - before if traced.home not in p.parents}
    assert written == set(), written
    assert not (sandbox / f"{run.split('/')[-1]}.json").exists()
