"""A trace as Markdown: the story of a run, for a learner to read top to bottom.

All text from the corpus, the task or a model is escaped: `<`, `>`, `&` as HTML entities, and the
Markdown punctuation that makes inline markup (links, images, emphasis, code, tables, strikethrough)
with a backslash; every kind of line break becomes a space, so no field can start a heading, a list,
a quote or a code fence. Not handled: bare URLs, which some viewers (GitHub) turn into links.
"""

from __future__ import annotations

import re
from html import escape
from itertools import groupby

from casework.exports.steps import Step, name, seconds, steps, together
from casework.orchestrator.handoff import END
from casework.orchestrator.trace import Trace

INLINE = re.compile(r"([\\`*_\[\]~|])")  # CommonMark's inline markup characters (< and > go as entities)


def _e(text: str) -> str:
    one_line = " ".join(str(text).splitlines())  # \r, \x85, \u2028 ... too, not only \n
    return INLINE.sub(r"\\\1", escape(one_line, quote=False))


def _code(text: str) -> str:
    """A name as inline code; backticks and line breaks in it cannot end the span (names come from code)."""
    return "`" + " ".join(str(text).splitlines()).replace("`", "'") + "`"


def _did(step: Step, first: bool) -> list[str]:
    who = f"The {_e(name(step.agent))}"
    opening = f"{who} took the case and read the task." if first else f"{who} took the case."
    lines = [opening, ""]
    for skill, calls in groupby(step.of("skill"), key=lambda c: c.skill):
        calls = list(calls)
        first, total = calls[0], sum(c.ms for c in calls)
        times = (
            f"{len(calls)} calls in {total:.1f} ms; the first on"
            if len(calls) > 1
            else f"in {total:.1f} ms, on"
        )
        lines.append(f"- {_code(skill)}, {times} {_e(first.inputs)} → {_e(first.result)}")
    lines += [""] if lines[-1] else []
    for verdict in step.of("verdict"):
        lines.append(
            f"- **{_e(verdict.verdict)}** ({verdict.confidence:.2f}) {_e(verdict.statement)} — "
            f"{_e(verdict.reason)}"
        )
    for cited in step.of("citation"):
        sources = "; ".join(_e(s) for s in cited.sources) or "no source: the finder abstained"
        lines.append(f"- {_e(cited.sentence)} — *{sources}*")
    for event in step.events:
        if event.kind == "guard":
            lines.append(f"- ⚠ The guard stepped in: {_e(event.message)}")
        elif event.kind == "error":
            lines.append(
                f"- ✗ Error: {_e(event.message)}"
                + (f" — fell back to {_e(event.fallback)}" if event.fallback else "")
            )
        elif event.kind == "pause":
            lines.append(f"- ⏸ Paused to ask a person: {_e(event.message)}")
    return lines if lines[-1] else lines[:-1]


def _passed(step: Step) -> list[str]:
    if not step.handoffs:
        return ["", f"The run ended while the {_e(name(step.agent))} held the case."]
    out = []
    for move in step.handoffs:  # more than one: a fan-out, each branch got its own copy of the case
        held = f"after holding it {seconds(move.held_ms)}"
        actor = f" ({_e(move.actor)} decided)" if move.actor and move.actor != move.source else ""
        if move.target == END:
            said = f"Then it closed the case {held}{actor}, because: {_e(move.reason)}"
        elif move is not step.handoff:
            said = f"At the same moment it handed a copy of the case to the **{_e(name(move.target))}** too."
        else:
            to = f"the **{_e(name(move.target))}**"
            said = f"Then it handed the case to {to} {held}{actor}, because: {_e(move.reason)}"
        changed = ", ".join(_code(key) for key in move.changed) or "nothing"
        out += ["", said]
        if move is step.handoff:
            out += ["", f"What went with it: {_e(move.payload)}. State changed: {changed}."]
    return out


def to_markdown(trace: Trace) -> str:
    """The narrative of a run."""
    route = " → ".join(_e(name(a)) for a in trace.route) or "(no handoff)"
    out = [
        f"# Run {_code(trace.run_id)}: “{_e(trace.task)}”",
        "",
        f"Started {_e(trace.started)}, took {seconds(trace.duration_ms())}; "
        f"outcome: **{_e(trace.outcome or 'unfinished')}**.",
        "",
        f"Route: {route}.",
        "",
    ]
    if together(trace):
        out += [f"In parallel: {_e(together(trace))}", ""]
    for step in steps(trace):
        out += [
            f"## {step.number}. The {_e(name(step.agent))}",
            "",
            *_did(step, step.number == 1),
            *_passed(step),
            "",
        ]
    return "\n".join(out).rstrip() + "\n"
