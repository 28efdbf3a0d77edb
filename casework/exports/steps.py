"""A trace read as steps: each holder's turn with the case, ending in its handoff; shared by the exporters.

A turn opens when a handoff gives an agent the case and closes with that agent's next handoff. When
the case is copied to several agents at once (a parallel fan-out), their turns are open together:
events go to the turn of the agent that made them, and a fan-out is one turn with several handoffs.
Branches that hand back to the same agent join there: it gets one turn. Also the names people read
(`case_worker` is "case worker"), the edges of the path taken, and which turns overlapped in time.
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
    handoffs: list[HandoffEvent] = field(default_factory=list)  # more than one: the case was copied

    @property
    def handoff(self) -> HandoffEvent | None:
        return self.handoffs[0] if self.handoffs else None

    def of(self, kind: str) -> list:
        return [e for e in self.events if e.kind == kind]

    @property
    def start_ms(self) -> float:
        return (
            self.handoff.at_ms - self.handoff.held_ms
            if self.handoff
            else (self.events[0].at_ms if self.events else 0.0)
        )

    @property
    def end_ms(self) -> float:
        return self.handoff.at_ms if self.handoff else (self.events[-1].at_ms if self.events else 0.0)


def steps(trace: Trace) -> list[Step]:
    """The turns of a run in the order they began; a turn without a handoff is one the run stopped in."""
    first = trace.entry or next((e.source for e in trace.events if e.kind == "handoff"), "")
    result = [Step(1, first)]
    holding = {first: result[0]}  # agent -> its open turn
    latest = {first: result[0]}  # agent -> its last turn, open or closed
    for event in trace.events:
        if event.kind != "handoff":
            (holding.get(getattr(event, "agent", "")) or result[-1]).events.append(event)
            continue
        # Not holding but handing on again: a further handoff of the turn it just closed (a fan-out).
        turn = holding.pop(event.source, None) or latest.get(event.source)
        if turn is None:  # a trace that starts mid-run
            turn = latest[event.source] = Step(len(result) + 1, event.source)
            result.append(turn)
        turn.handoffs.append(event)
        if event.target != END and event.target not in holding:
            holding[event.target] = latest[event.target] = Step(len(result) + 1, event.target)
            result.append(holding[event.target])
    return [s for s in result if s.handoffs or s.events]


def overlaps(trace: Trace) -> list[tuple[Step, Step, float]]:
    """Pairs of turns that held the case at the same time (parallel branches), with how long, in ms."""
    turns = [s for s in steps(trace) if s.handoff]
    pairs = []
    for i, a in enumerate(turns):
        for b in turns[i + 1 :]:
            if a.agent == b.agent or b.agent in {h.target for h in a.handoffs}:
                continue  # a turn that handed the case on ends where the next begins (clocks differ by a ms)
            shared = min(a.end_ms, b.end_ms) - max(a.start_ms, b.start_ms)
            if shared > 0.5:
                pairs.append((a, b, shared))
    return pairs


def rows(trace: Trace) -> list[list[Step]]:
    """The turns in order, those that overlapped in time (parallel branches) sharing a row."""
    paired = {(a.number, b.number) for a, b, _ in overlaps(trace)}
    out: list[list[Step]] = []
    for step in steps(trace):
        if out and any((s.number, step.number) in paired for s in out[-1]):
            out[-1].append(step)
        else:
            out.append([step])
    return out


def together(trace: Trace) -> str:
    """One sentence per pair of overlapping turns; '' for a relay (one holder at a time)."""
    return " ".join(
        f"Steps {a.number} and {b.number} overlapped: the {name(a.agent)} and the {name(b.agent)} "
        f"held copies of the case at the same time for {seconds(shared)}."
        for a, b, shared in overlaps(trace)
    )


def name(agent: str) -> str:
    """How people call an agent: 'case worker', 'fact checker', 'the end'."""
    return "the end" if agent == END else agent.replace("_", " ")


def edges(trace: Trace) -> dict[tuple[str, str], list[int]]:
    """Each handoff edge taken, with the numbers of the steps that took it, in order."""
    taken: dict[tuple[str, str], list[int]] = {}
    for step in steps(trace):
        for move in step.handoffs:
            taken.setdefault((move.source, move.target), []).append(step.number)
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
