"""The default flow on LangGraph's own server: `langgraph dev`, driven by langgraph_sdk.

The server is started by the test from the repository's langgraph.json, in a temporary folder (its
`.langgraph_api` store goes there) with CASEWORK_HOME and CASEWORK_CORPUS of its own, and stopped
by its PID. What it returns is compared with what the Python API returns at the terminal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from langgraph_sdk import get_sync_client
from typer.testing import CliRunner

from bench.server import free_port, stop
from casework import api
from casework.cli import app
from casework.config import Settings
from casework.workspace import ingest

from samples import main_job_corpus

LANGGRAPH = Path(sys.executable).with_name("langgraph")
REPO = Path(__file__).resolve().parents[2]
TASK = "summarize the agile posts"
OFFLINE_ROUTE = ["case_worker", "summarizer", "fact_checker", "citation_finder", "case_worker"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Settings:
    """The agile posts and the four shortest, ingested once (the server only reads the store)."""
    corpus = main_job_corpus(tmp_path_factory.mktemp("langgraph-corpus"))
    settings = Settings(home=tmp_path_factory.mktemp("langgraph-home"), corpus=corpus)
    ingest(settings)
    return settings


@pytest.fixture(scope="module")
def server_folder(tmp_path_factory) -> Path:
    """Where `langgraph dev` runs (its .langgraph_api/) and writes server.log."""
    return tmp_path_factory.mktemp("langgraph-dev")


@pytest.fixture(scope="module")
def client(workspace, server_folder):
    """A langgraph_sdk client of a `langgraph dev` serving casework.server:graph."""
    folder = server_folder
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CASEWORK_")}
    env.update(
        CASEWORK_HOME=str(workspace.home),
        CASEWORK_CORPUS=str(workspace.corpus),
        LANGGRAPH_CLI_NO_ANALYTICS="1",  # offline: no usage report from the CLI
        LANGSMITH_TRACING="false",
        LANGGRAPH_STRICT_MSGPACK="false",  # langgraph.json's own "env" must turn it on (it wins over this)
    )
    address = ["--host", "127.0.0.1", "--port", str(port), "--config", str(REPO / "langgraph.json")]
    jobs = ["--n-jobs-per-worker", "3"]  # dev runs one run at a time unless told
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [str(LANGGRAPH), "dev", "--no-browser", "--no-reload", *address, *jobs],
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ok(url, process, folder / "server.log")
        yield get_sync_client(url=url, timeout=120)
    finally:
        stop(process)
        log.close()


def wait_until_ok(url: str, process: subprocess.Popen, log: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"langgraph dev exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/ok", timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"langgraph dev did not answer within {timeout:.0f}s:\n{log.read_text()[-3000:]}")


def test_the_main_job_on_the_server_is_the_terminal_s_and_its_trace_exports(client, workspace):
    thread = client.threads.create()
    state = client.runs.wait(thread["thread_id"], "casework", input={"task": TASK})
    terminal = api.run(TASK, workspace)

    assert state["route"] == terminal.route == OFFLINE_ROUTE
    report = state["report"]
    assert report["outcome"] == "completed" and report["run_id"] == thread["thread_id"]
    assert [s["sentence"] for s in report["summary"]] == [s.sentence for s in terminal.summary]
    assert report["summary"] and all(s["citations"] for s in report["summary"]), (
        "a summary sentence has no source"
    )
    assert [(h["source"], h["target"]) for h in state["handoffs"]] == list(
        zip(OFFLINE_ROUTE, [*OFFLINE_ROUTE[1:], "__end__"])
    )
    assert all(h["reason"] for h in state["handoffs"])
    kinds = [event["kind"] for event in state["trace"]["events"]]
    assert kinds.count("handoff") == 5 and "skill" in kinds and "verdict" in kinds and "citation" in kinds
    assert client.threads.get_state(thread["thread_id"])["values"]["route"] == OFFLINE_ROUTE

    home = str(workspace.home)
    exported = CliRunner().invoke(app, ["trace", "export", thread["thread_id"], "--home", home])
    assert exported.exit_code == 0, exported.output
    trace = json.loads(exported.output)
    assert trace["run_id"] == thread["thread_id"] and trace["route"] == OFFLINE_ROUTE
    assert trace == state["trace"]  # the file the server saved is the trace in the thread's state
    narrative = CliRunner().invoke(app, ["trace", "export", thread["thread_id"], "-f", "md", "--home", home])
    assert narrative.exit_code == 0 and "The summarizer" in narrative.output


def test_langgraph_json_turns_strict_checkpoints_on_whatever_the_shell_says(client, server_folder):
    client.runs.wait(client.threads.create()["thread_id"], "casework", input={"task": TASK})  # graph() ran
    assert "LANGGRAPH_STRICT_MSGPACK is off" not in (server_folder / "server.log").read_text()


def test_the_served_graph_warns_when_checkpoints_are_not_strict(monkeypatch, caplog):
    from casework import server

    monkeypatch.setenv("LANGGRAPH_STRICT_MSGPACK", "false")
    server.graph()
    assert "LANGGRAPH_STRICT_MSGPACK is off" in caplog.text
    caplog.clear()
    monkeypatch.setenv("LANGGRAPH_STRICT_MSGPACK", "true")
    server.graph()
    assert "LANGGRAPH_STRICT_MSGPACK is off" not in caplog.text


def test_streaming_shows_one_update_per_handoff_and_the_custom_events(client):
    thread = client.threads.create()
    updates, custom = [], []
    for part in client.runs.stream(
        thread["thread_id"], "casework", input={"task": TASK}, stream_mode=["updates", "custom"]
    ):
        if part.event == "updates":
            updates.append(part.data)
        elif part.event == "custom":
            custom.append(part.data)
    state = client.threads.get_state(thread["thread_id"])["values"]

    assert [list(update) for update in updates] == [[h["source"]] for h in state["handoffs"]]
    assert [h for update in updates for h in update[next(iter(update))]["handoffs"]] == state["handoffs"]
    skills = [e for e in state["trace"]["events"] if e["kind"] == "skill"]
    assert [c["skill"] for c in custom if c["event"] == "skill"] == [s["skill"] for s in skills]


def test_a_bad_task_fails_its_run_with_one_line_and_the_server_goes_on(client):
    for task, message in (("   ", "the task is empty"), ("가" * 2_000_000, "the task is too long")):
        failed = client.runs.wait(
            client.threads.create()["thread_id"], "casework", input={"task": task}, raise_error=False
        )
        assert failed["__error__"]["error"] == "UserError" and message in failed["__error__"]["message"]
        assert "\n" not in failed["__error__"]["message"]
    state = client.runs.wait(client.threads.create()["thread_id"], "casework", input={"task": TASK})
    assert state["route"] == OFFLINE_ROUTE


def test_runs_at_the_same_time_end_as_one_alone_does(client):
    alone = client.runs.wait(client.threads.create()["thread_id"], "casework", input={"task": TASK})
    threads = [client.threads.create()["thread_id"] for _ in range(3)]
    started = [client.runs.create(thread, "casework", input={"task": TASK}) for thread in threads]
    together = [client.runs.join(thread, run["run_id"]) for thread, run in zip(threads, started)]
    assert [state["report"]["summary"] for state in together] == [alone["report"]["summary"]] * 3
    assert [state["route"] for state in together] == [OFFLINE_ROUTE] * 3
    spans = sorted((state["trace"]["started"], state["trace"]["ended"]) for state in together)
    assert any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:])), "the runs did not overlap"


def test_a_person_reviews_through_the_server_s_interrupt_and_resume(client, workspace):
    reviewer = client.assistants.create(graph_id="casework", context={"human": True}, name="casework-human")
    thread = client.threads.create()
    client.runs.wait(thread["thread_id"], reviewer["assistant_id"], input={"task": TASK})
    paused = client.threads.get_state(thread["thread_id"])
    question = paused["interrupts"][0]["value"]
    assert question["agent"] == "case_worker" and question["proposal"]["target"] == "summarizer"
    assert "citation_finder" in question["choices"]

    client.runs.wait(
        thread["thread_id"], reviewer["assistant_id"], command={"resume": "send citation_finder"}
    )
    state = client.threads.get_state(thread["thread_id"])
    assert state["values"]["route"] == ["case_worker", "citation_finder"] and state["interrupts"]
    for _ in range(10):
        if not state["interrupts"]:
            break
        client.runs.wait(thread["thread_id"], reviewer["assistant_id"], command={"resume": "approve"})
        state = client.threads.get_state(thread["thread_id"])

    at_terminal = api.run(TASK, workspace, human=True)
    at_terminal = api.resume(at_terminal.run_id, "send citation_finder", workspace)
    while at_terminal.outcome == "paused":
        at_terminal = api.resume(at_terminal.run_id, "approve", workspace)
    values = state["values"]
    assert not state["interrupts"] and values["report"]["outcome"] == "completed"
    assert values["route"] == at_terminal.route and values["route"][:2] == ["case_worker", "citation_finder"]
    assert {h["actor"] for h in values["handoffs"]} == {"human"}
