"""The run in the terminal: live while it goes (who holds the case, each handoff with timings), and after.

`LiveView` is the `watch` callback of `casework.api.run`: it gets typed trace events as they are
recorded and prints them with rich on stderr, so stdout stays the report. `print_trace` shows a
finished run as a tree of steps. Not handled: a run paused for a person (the prompt owns the terminal).
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from casework.exports.steps import name, seconds, steps, together
from casework.orchestrator.handoff import END
from casework.orchestrator.trace import Trace
from casework.render import COLORS


def describe(event) -> str:
    """One line of rich markup for a trace event."""
    if event.kind == "handoff":
        where = "closes the case" if event.target == END else f"→ [bold]{escape(name(event.target))}[/bold]"
        return (
            f"[bold]{escape(name(event.source))}[/bold] {where}  [dim]held {seconds(event.held_ms)}[/dim]\n"
            f"    [italic]{escape(event.reason)}[/italic]"
        )
    if event.kind == "skill":
        call = f"{escape(event.inputs)} → {escape(event.result)}"
        return f"  · {escape(event.skill)}  [dim]{call}  {event.ms:g} ms[/dim]"
    if event.kind == "verdict":
        color = COLORS.get(event.verdict, "white")
        return f"  [{color}]{event.verdict}[/{color}] {event.confidence:.2f}  {escape(event.statement[:100])}"
    if event.kind == "citation":
        return (
            f"  ❝ {escape(event.sentence[:80])}  [dim]{escape('; '.join(event.sources) or 'no source')}[/dim]"
        )
    if event.kind == "error":
        return f"  [red]error[/red] {escape(event.message)}" + (
            f" [dim](fell back to {escape(event.fallback)})[/dim]" if event.fallback else ""
        )
    return f"  [yellow]{event.kind}[/yellow] {escape(event.message)}"


class LiveView:
    """Prints each event as it happens; a spinner says who holds the case (on a terminal only)."""

    def __init__(self, console: Console | None = None, entry: str = "case_worker", enabled: bool = True):
        self.console, self.enabled = console or Console(stderr=True), enabled
        self.holder, self.announced = entry, False
        self.status = (
            self.console.status(self._holding(entry)) if enabled and self.console.is_terminal else None
        )

    def __enter__(self) -> LiveView:
        if self.status:
            self.status.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.status:
            self.status.stop()

    def __call__(self, event) -> None:
        if not self.enabled:
            return
        if not self.announced:  # a heading per holder, so each skill call reads under whoever made it
            holder = event.source if event.kind == "handoff" else self.holder
            self.console.print(f"[bold cyan]●[/bold cyan] [bold]{escape(name(holder))}[/bold] has the case")
            self.announced = True
        self.console.print(describe(event), highlight=False)
        if event.kind == "handoff":
            self.holder, self.announced = event.target, False
            if self.status:
                self.status.update("" if event.target == END else self._holding(event.target))

    @staticmethod
    def _holding(agent: str) -> str:
        return f"[bold]{escape(name(agent))}[/bold] holds the case…"


def print_trace(trace: Trace, console: Console) -> None:
    """A finished run as a tree: one branch per step, its skill calls and findings under it."""
    tree = Tree(
        f"[bold]run {escape(trace.run_id)}[/bold]  “{escape(trace.task)}”  [dim]{escape(trace.started)} · "
        f"{seconds(trace.duration_ms())} · {escape(trace.outcome or 'unfinished')}[/dim]"
    )
    for step in steps(trace):
        move = step.handoff
        at = f"[dim]+{seconds(step.start_ms)}[/dim]"
        head = (
            describe(move).replace("\n    ", "  ")
            if move
            else f"[bold]{escape(name(step.agent))}[/bold] (run ended here)"
        )
        branch = tree.add(f"{at} {step.number}. {head}")
        for event in step.events:
            branch.add(describe(event).strip())
        for also in step.handoffs[1:]:  # a fan-out: the same turn handed copies of the case to others too
            branch.add(f"also → [bold]{escape(name(also.target))}[/bold], at the same time")
        if move:
            changed = escape(", ".join(move.changed) or "nothing")
            branch.add(f"[dim]passed: {escape(move.payload)} · changed: {changed}[/dim]")
    console.print(tree, highlight=False)
    console.print(f"[dim]route: {' → '.join(trace.route)}[/dim]")
    if together(trace):
        console.print(f"[bold]in parallel:[/bold] {escape(together(trace))}")
