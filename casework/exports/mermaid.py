"""A trace as Mermaid: a sequence diagram of the handoffs, and the flow with the path taken highlighted.

Mermaid has no escaping for every character, so text is cleaned instead: characters that end a
statement or open markup (`;` `#` `<` `>` `"` `{` `}` `[` `]`) are replaced, and reasons shortened.
"""

from __future__ import annotations

import re

from casework.exports.steps import declared, edges, name, nodes, rows, seconds
from casework.orchestrator.agent import clip
from casework.orchestrator.handoff import END
from casework.orchestrator.trace import Trace

UNSAFE = str.maketrans(
    {
        ";": ",",
        "#": "No.",
        "<": "‹",
        ">": "›",
        '"': "'",
        "{": "(",
        "}": ")",
        "[": "(",
        "]": ")",
        "|": "/",
        "`": "'",
        "\n": " ",
    }
)


def text(value: str, limit: int = 70) -> str:
    """Text safe inside a Mermaid label or message."""
    return clip(" ".join(value.translate(UNSAFE).split()), limit)


def node_id(agent: str) -> str:
    return "finish" if agent == END else re.sub(r"\W", "_", agent)  # `end` is a Mermaid keyword


def _turn(step) -> list[str]:
    out = []
    calls = step.of("skill")
    if calls:
        out.append(f"    Note over {node_id(step.agent)}: {text(', '.join(c.skill for c in calls), 90)}")
    for event in step.events:
        if event.kind in ("guard", "error"):
            out.append(f"    Note over {node_id(step.agent)}: {event.kind}: {text(event.message)}")
    for move in step.handoffs:
        arrow = f"{node_id(move.source)}->>{node_id(move.target)}"
        out.append(f"    {arrow}: {text(move.reason)} ({seconds(move.held_ms)})")
    return out


def sequence(trace: Trace) -> str:
    """sequenceDiagram: one message per handoff, a note with each holder's skill calls."""
    out = ["sequenceDiagram", "    autonumber"]
    out += [
        f"    participant {node_id(a)} as {text(name(a))}"
        for a in nodes(trace)
        if a in trace.route or a == END
    ]
    for row in rows(trace):
        for index, step in enumerate(row):
            if len(row) > 1:  # turns that overlapped in time: a `par` block, one branch per turn
                out.append(f"    {'par' if index == 0 else 'and'} {text(name(step.agent))}")
            out += _turn(step)
        if len(row) > 1:
            out.append("    end")
    return "\n".join(out) + "\n"


def flowchart(trace: Trace) -> str:
    """flowchart: every declared handoff; the ones taken thick and counted, the others dashed."""
    taken = edges(trace)
    out = ["flowchart LR"]
    for agent in nodes(trace):
        shape = f'(("{text(name(agent))}"))' if agent == END else f'["{text(name(agent))}"]'
        out.append(f"    {node_id(agent)}{shape}")
    thick = []
    for index, (source, target) in enumerate(declared(trace)):
        numbers = taken.get((source, target))
        if numbers:
            label = f"{len(numbers)}× · step {', '.join(map(str, numbers))}"
            out.append(f'    {node_id(source)} ==>|"{label}"| {node_id(target)}')
            thick.append(str(index))
        else:
            out.append(f"    {node_id(source)} -.-> {node_id(target)}")
    out.append("    classDef taken fill:#ffe8cc,stroke:#d9480f,stroke-width:2px")
    visited = [node_id(a) for a in nodes(trace) if a in trace.route or (a == END and trace.outcome)]
    if visited:
        out.append(f"    class {','.join(visited)} taken")
    if thick:
        out.append(f"    linkStyle {','.join(thick)} stroke:#d9480f,stroke-width:3px")
    return "\n".join(out) + "\n"


def to_mermaid(trace: Trace) -> str:
    """Both diagrams, each in its own fenced block, so the output pastes into Markdown as it is."""
    return f"```mermaid\n{sequence(trace)}```\n\n```mermaid\n{flowchart(trace)}```\n"
