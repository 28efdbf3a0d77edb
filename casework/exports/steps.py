"""A trace read as steps: each holder's turn with the case, ending in its handoff; shared by the exporters.

Also the names people read (`case_worker` is "case worker") and the edges of the path taken.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casework.orchestrator.handoff import END
from casework.orchestrator.trace import HandoffEvent, Trace


@dataclass
class Step:
    """One holder's turn: what it did (skills, verdicts, citations, guards, errors), where the case went."""

    number: int
    agent: str
    events: list = field(default_factory=list)
    handoff: HandoffEvent | None = None

    def of(self, kind: str) -> list:
        return [e for e in self.events if e.kind == kind]

    @property
    def start_ms(self) -> float:
        return (
            self.handoff.at_ms - self.handoff.held_ms
            if self.handoff
            else (self.events[0].at_ms if self.events else 0.0)
        )


def steps(trace: Trace) -> list[Step]:
    """The turns of a run in order; the last one has no handoff when the run stopped mid-turn."""
    first = trace.entry or next((e.source for e in trace.events if e.kind == "handoff"), "")
    result = [Step(1, first)]
    for event in trace.events:
        if event.kind != "handoff":
            result[-1].events.append(event)
            continue
        result[-1].handoff = event
        if event.target != END:
            result.append(Step(len(result) + 1, event.target))
    return [s for s in result if s.handoff or s.events]


def name(agent: str) -> str:
    """How people call an agent: 'case worker', 'fact checker', 'the end'."""
    return "the end" if agent == END else agent.replace("_", " ")


def edges(trace: Trace) -> dict[tuple[str, str], list[int]]:
    """Each handoff edge taken, with the numbers of the steps that took it, in order."""
    taken: dict[tuple[str, str], list[int]] = {}
    for step in steps(trace):
        if step.handoff:
            taken.setdefault((step.handoff.source, step.handoff.target), []).append(step.number)
    return taken


def declared(trace: Trace) -> list[tuple[str, str]]:
    """Every edge the flow declared, then any taken edge it did not (the guard may close a case anywhere)."""
    pairs = [(source, target) for source, targets in trace.graph.items() for target in targets]
    return pairs + [pair for pair in edges(trace) if pair not in pairs]


def nodes(trace: Trace) -> list[str]:
    """The agents of the flow, the entry first, then the end."""
    names = list(trace.graph) or list(dict.fromkeys(trace.route))
    if trace.entry in names:
        names.remove(trace.entry)
        names.insert(0, trace.entry)
    return names + [END]


def seconds(ms: float) -> str:
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def counts(trace: Trace) -> Counter:
    """How many events of each kind the run had."""
    return Counter(e.kind for e in trace.events)
