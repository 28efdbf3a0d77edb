"""What a trace holds: one small typed record per event of a run, and the recorder that writes them.

The recorder is the `listen` callback of `run_case`: it turns LangGraph's stream (`updates` when
a node hands the case on, `custom` for skill calls, guards, errors and fallbacks) into a `Trace`.
Agents never write to the trace themselves. Times are wall-clock milliseconds since the run began;
a handoff also says how long its source held the case (from the handoff that gave it the case to this one;
parallel branches take the case at the same moment, so each says how long it held its own copy).
Not handled: a resumed run gets a trace of its own, starting where the pause ended.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from casework.orchestrator.agent import brief
from casework.orchestrator.handoff import Handoff, route

SCHEMA_VERSION = 1
SHOWN_ITEMS = 12  # items of a list a handoff's details keep; the rest are counted


class Event(BaseModel):
    """What every event has: when it happened."""

    at_ms: float = Field(default=0.0, description="Milliseconds since the run started.")


class HandoffEvent(Event):
    """The case passed from one holder to the next."""

    kind: Literal["handoff"] = "handoff"
    source: str
    target: str = Field(description="The next holder, or __end__ when the case is closed.")
    reason: str = Field(description="Why, in one sentence.")
    payload: str = Field(description="What went with the case, in one line.")
    details: dict[str, list[str]] = Field(default_factory=dict, description="Each passed item, in brief.")
    changed: list[str] = Field(default_factory=list, description="State keys the source changed.")
    actor: str = Field(default="", description="Who decided: the agent, an LLM, a human or the guard.")
    held_ms: float = Field(default=0.0, description="How long the source held the case.")


class SkillEvent(Event):
    """One use of a skill by an agent."""

    kind: Literal["skill"] = "skill"
    agent: str
    skill: str
    inputs: str
    result: str
    ms: float


class VerdictEvent(Event):
    """A statement judged by the fact-checker."""

    kind: Literal["verdict"] = "verdict"
    agent: str
    statement: str
    verdict: str
    confidence: float
    reason: str = ""


class CitationEvent(Event):
    """A sentence and the titles of the posts that support it (none: the finder abstained)."""

    kind: Literal["citation"] = "citation"
    agent: str
    sentence: str
    sources: list[str] = Field(default_factory=list)


class GuardEvent(Event):
    """The ping-pong guard stopped the run."""

    kind: Literal["guard"] = "guard"
    agent: str
    message: str


class ErrorEvent(Event):
    """Something failed; `fallback` says what was done instead (empty: the run stopped)."""

    kind: Literal["error"] = "error"
    agent: str
    message: str
    skill: str = Field(default="", description="The skill that failed, when one did.")
    fallback: str = ""


class PauseEvent(Event):
    """The run paused to ask a person."""

    kind: Literal["pause"] = "pause"
    message: str


TraceEvent = Annotated[
    HandoffEvent | SkillEvent | VerdictEvent | CitationEvent | GuardEvent | ErrorEvent | PauseEvent,
    Field(discriminator="kind"),
]


class Trace(BaseModel):
    """One run, start to end: its task, the route the case took, and every event in order."""

    version: Literal[1] = SCHEMA_VERSION
    run_id: str
    task: str
    started: str = Field(description="ISO time the run started.")
    ended: str = Field(default="", description="ISO time it ended; empty while it runs.")
    outcome: str = ""
    route: list[str] = Field(default_factory=list, description="The holders of the case in order.")
    entry: str = Field(default="", description="The agent the flow starts at.")
    graph: dict[str, list[str]] = Field(default_factory=dict, description="Each agent's declared handoffs.")
    events: list[TraceEvent] = Field(default_factory=list)

    def handoffs(self) -> list[HandoffEvent]:
        return [e for e in self.events if e.kind == "handoff"]

    def duration_ms(self) -> float:
        """Wall time from start to end, in milliseconds (0 while the run goes)."""
        if not self.ended:
            return 0.0
        return (
            datetime.fromisoformat(self.ended) - datetime.fromisoformat(self.started)
        ).total_seconds() * 1000

    def export(self) -> dict:
        """The trace as plain JSON data."""
        return self.model_dump(mode="json")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def lines(value: Any) -> list[str]:
    """A value as a few short lines for a handoff's details."""
    items = value if isinstance(value, list) else [value]
    shown = [_glimpse(item) for item in items[:SHOWN_ITEMS]]
    return shown + ([f"… and {len(items) - SHOWN_ITEMS} more"] if len(items) > SHOWN_ITEMS else [])


def _glimpse(value: Any) -> str:
    for field in ("text", "sentence", "statement", "title"):  # the human part of a result model
        if isinstance(value, BaseModel) and isinstance(getattr(value, field, None), str):
            return brief(getattr(value, field), 200)
    return brief(value, 200)


class TraceRecorder:
    """Turns the events `run_case` streams into a Trace; pass it as `listen`.

    `watch` sees each typed event as it is recorded (the live view uses it).
    """

    def __init__(
        self,
        task: str,
        run_id: str,
        flow: Any = None,
        watch: Callable[[Any], None] | None = None,
        previous: Trace | None = None,
    ):
        graph = (
            {name: list(agent.handoffs) for name, agent in flow.agents.items()} if flow is not None else {}
        )
        self.trace = Trace(
            run_id=run_id, task=task, started=now(), entry=getattr(flow, "entry", ""), graph=graph
        )
        self.watch = watch or (lambda event: None)
        self._t0 = self._last = time.perf_counter()
        self._took: dict[
            str, float
        ] = {}  # agent -> when it took the case (parallel branches take it together)
        if previous is not None:  # a resumed run goes on with its trace; the pause itself takes no time
            self.trace = previous.model_copy(update={"ended": "", "events": list(previous.events)})
            self._t0 -= max((e.at_ms for e in previous.events), default=0.0) / 1000

    def __call__(self, kind: str, data: Any) -> None:
        if kind == "custom" and isinstance(data, dict):
            self._custom(data)
        elif kind == "updates" and isinstance(data, dict):
            for node, update in data.items():
                if node == "__interrupt__":
                    self._add(
                        PauseEvent(message=brief(getattr(update[0], "value", update) if update else "", 200))
                    )
                elif isinstance(update, dict):
                    self._update(node, update)

    def holder(self) -> str:
        """Who holds the case now."""
        moves = self.trace.handoffs()
        return moves[-1].target if moves else self.trace.entry

    def fail(self, error: BaseException) -> None:
        """Record an error that ended the run."""
        self._add(ErrorEvent(agent=self.holder(), message=f"{type(error).__name__}: {error}"))

    def finish(self, outcome: str = "") -> Trace:
        """Close the trace: end time, route, outcome."""
        moves = [Handoff(source=m.source, target=m.target, reason=m.reason) for m in self.trace.handoffs()]
        self.trace = self.trace.model_copy(update={"ended": now(), "route": route(moves), "outcome": outcome})
        return self.trace

    def _add(self, event: Event) -> None:
        event.at_ms = round((time.perf_counter() - self._t0) * 1000, 2)
        self.trace.events.append(event)
        self.watch(event)

    def _custom(self, data: dict) -> None:
        event, fields = data.get("event"), {k: v for k, v in data.items() if k != "event"}
        if event == "skill":
            self._add(SkillEvent(**fields))
        elif event == "guard":
            self._add(GuardEvent(**fields))
        elif event == "verdict":
            self._add(VerdictEvent(**fields))
        elif event == "citation":
            self._add(CitationEvent(**fields))
        elif event in ("error", "fallback"):  # a fallback: {"event": "fallback", agent, skill, reason}
            skill = str(fields.get("skill", ""))
            fallback = fields.get("fallback") or (f"the offline {skill}" if event == "fallback" else "")
            self._add(
                ErrorEvent(
                    agent=fields.get("agent", self.holder()),
                    skill=skill,
                    fallback=str(fallback),
                    message=str(fields.get("message") or fields.get("reason") or ""),
                )
            )

    def _update(self, node: str, update: dict) -> None:
        for move in update.get("handoffs") or []:
            self._add(self._handoff(move, update))

    def _handoff(self, move: Handoff, update: dict) -> HandoffEvent:
        clock = time.perf_counter()
        held, self._last = (clock - self._took.get(move.source, self._last)) * 1000, clock
        self._took[move.target] = clock
        passed = dict(move.payload) or {key: update[key] for key in move.changed if key in update}
        summary = (
            "; ".join(f"{key}: {brief(value, 60)}" for key, value in passed.items()) or "nothing but the case"
        )
        details = {
            key: lines(value)
            for key, value in {**passed, **{k: update[k] for k in move.changed if k in update}}.items()
        }
        return HandoffEvent(
            source=move.source,
            target=move.target,
            reason=move.reason,
            payload=summary,
            details=details,
            changed=list(move.changed),
            actor=move.actor,
            held_ms=round(held, 2),
        )
