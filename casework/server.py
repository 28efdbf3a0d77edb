"""The default flow on LangGraph's server: `langgraph.json` names `graph` here.

`langgraph dev` (or LangGraph's self-hosted server) imports this module and calls `graph()` for a
run. The server brings persistence (its own checkpointer, threads, interrupt and resume) and the
HTTP API; this module brings the graph, with no checkpointer of its own: the default flow's agents,
one node each, wrapped so that
- the agents' Context (the library their skills read, the plans) is built in the server process on
  first use and kept: the corpus and store come from the server's CASEWORK_* environment (home,
  corpus, --chroma-url), since a run can only pass JSON. A run's context (`RunOptions`) switches on
  a person's review.
- the state carries, besides the case, what the terminal's run loop collects: `trace` (the trace,
  its events made by the same recorder from each node's custom events and update), `route`, and
  `report` (what `casework run --json` prints) once the case ends.
A task the terminal refuses (empty, too long) fails its run with the same one line (a UserError).
When a run ends or pauses, its trace is also saved as <home>/traces/<thread_id>.json under the
server's home, so `casework trace export THREAD_ID` works on the server's machine.
`langgraph.json` turns on `LANGGRAPH_STRICT_MSGPACK` for the server (its "env" wins over the shell's),
so the server's checkpointer rebuilds only the state's own types; a server started without it is warned.
Not handled: a chat model per run (the server's CASEWORK_LLM applies to all), and pause events in
the state's trace (a paused node has no update; its handoff says actor "human" once resumed).
"""

from __future__ import annotations

import logging
import os
import threading
from functools import cache

from langgraph.config import get_config
from langgraph.errors import GraphInterrupt
from langgraph.graph import StateGraph
from langgraph.runtime import Runtime
from langgraph.types import Command
from pydantic import BaseModel, Field

from casework import api, runs
from casework.agents.case import Case
from casework.config import Settings
from casework.orchestrator.agent import Agent
from casework.orchestrator.flow import agent_node
from casework.orchestrator.guard import Limits
from casework.orchestrator.handoff import END
from casework.orchestrator.run import route
from casework.orchestrator.trace import Trace, TraceRecorder, now
from casework.report import Report, make_report


class RunOptions(BaseModel):
    """What a run on the server may choose (its `context`, JSON)."""

    human: bool = Field(
        default=False,
        description="A person reviews every handoff: the run pauses (an interrupt); "
        "resume it with approve, send AGENT, edit INSTRUCTION or finish.",
    )


class ServedCase(Case):
    """The built-in agents' case, plus what the terminal's run loop would have collected beside it."""

    trace: Trace | None = Field(default=None, description="The run's trace so far (handoffs, skill calls…).")
    route: list[str] = Field(default_factory=list, description="The holders of the case so far, in order.")
    report: Report | None = Field(default=None, description="The report, once the case has ended.")


# The server runs several runs at once, in threads; the engine's lazy caches (Library.idf, the one
# Kiwi) were not written for threads, so agents act one at a time in this process.
ONE_AT_A_TIME = threading.Lock()


@cache
def _flow():
    return api.default_flow().model_copy(update={"state": ServedCase})


@cache
def _settings() -> Settings:
    return Settings()  # the server's CASEWORK_* environment


@cache
def agents_context(human: bool = False):
    """The agents' Context in this server process: opened once (per review mode), then kept warm."""
    context = api.build_context(_settings(), _flow())
    return api.with_thinking(context, _flow(), _settings(), human=human)


def served_node(agent: Agent, limits: Limits):
    """The agent's own node, given the server-side Context, recording its part of the trace in the state."""
    inner = agent_node(agent, limits)

    def node(state: ServedCase, runtime: Runtime[RunOptions]) -> Command:
        if not state.handoffs:  # the task is checked as the terminal checks it: empty or too long fails here
            api.validated_text(state.task, "task", limit=api.MAX_TASK_CHARS)
        options = runtime.context or RunOptions()
        run_id = get_config()["configurable"]["thread_id"]
        recorder = TraceRecorder(
            state.task, run_id, _flow(), previous=state.trace or _new_trace(state, run_id)
        )

        def write(data):
            recorder("custom", data)
            runtime.stream_writer(data)

        try:
            with ONE_AT_A_TIME:
                context = agents_context(options.human)
                command = inner(state, runtime.override(context=context, stream_writer=write))
        except GraphInterrupt as paused:  # the trace file shows the question, as the terminal's does
            recorder("updates", {"__interrupt__": list(paused.args[0]) if paused.args else []})
            runs.save_trace(_settings(), recorder.finish("paused"))
            raise
        except Exception as error:
            recorder.fail(error)
            runs.save_trace(_settings(), recorder.finish("error"))
            raise
        recorder("updates", {agent.name: command.update})
        case = state.model_copy(
            update={**command.update, "handoffs": [*state.handoffs, *command.update.get("handoffs", [])]}
        )
        update = {**command.update, "route": route(case)}
        if command.goto == END:
            update["report"] = make_report(case, run_id)
            update["trace"] = recorder.finish(case.outcome)
            runs.save_trace(_settings(), update["trace"])
        else:
            update["trace"] = recorder.trace
        return Command(goto=command.goto, update=update)

    node.__name__ = agent.name
    return node


def _new_trace(state: ServedCase, run_id: str) -> Trace:
    flow = _flow()
    return Trace(
        run_id=run_id,
        task=state.task,
        started=now(),
        entry=flow.entry,
        graph={name: list(a.handoffs) for name, a in flow.agents.items()},
    )


def graph() -> StateGraph:
    """The default flow for LangGraph's server: uncompiled, no checkpointer (the server brings its own)."""
    if os.environ.get("LANGGRAPH_STRICT_MSGPACK", "").lower() not in ("1", "true", "yes"):  # LangGraph's test
        logging.getLogger(__name__).warning(
            "LANGGRAPH_STRICT_MSGPACK is off: the server's checkpoints may rebuild any type they name "
            "(start it with casework's langgraph.json, or set LANGGRAPH_STRICT_MSGPACK=true)"
        )
    return _flow().graph(context=RunOptions, node=served_node)
