"""The flow as an inline SVG: agents on an ellipse, every declared handoff an arrow, the path taken in colour.

Each arrow bends to its left, so A→B and B→A never overlap; a taken arrow is labelled with how
often and at which steps the case went that way. The label sits beside the bend, on its outer side,
and every label is drawn after every arrow and box, so no line crosses it. Nodes and arrows carry
`data-` attributes (agent, source, target) for the step-through (exports/stepper.py) to light up,
and a baton (`#baton`) waits outside the picture until a step places it. Not handled: flows of more
than about ten agents (labels start to collide).
"""

from __future__ import annotations

import math
from html import escape

from casework.exports.steps import declared, edges, name, nodes
from casework.orchestrator.handoff import END
from casework.orchestrator.trace import Trace

WIDTH, HEIGHT, BOX_W, BOX_H = 860, 470, 150, 42
TAKEN, IDLE = "#d9480f", "#adb5bd"
LABEL_GAP = 10  # px between a curve and its label


def _places(agents: list[str]) -> dict[str, tuple[float, float]]:
    cx, cy, rx, ry = WIDTH / 2, HEIGHT / 2, WIDTH / 2 - BOX_W / 2 - 20, HEIGHT / 2 - BOX_H - 10
    step = 2 * math.pi / len(agents)
    return {a: (cx - rx * math.cos(i * step), cy - ry * math.sin(i * step)) for i, a in enumerate(agents)}


def _clip(x: float, y: float, dx: float, dy: float) -> tuple[float, float]:
    """Where a line leaving a box's centre in direction (dx, dy) crosses its border."""
    scale = min(BOX_W / 2 / abs(dx) if dx else math.inf, BOX_H / 2 / abs(dy) if dy else math.inf)
    return x + dx * scale, y + dy * scale


def _arrow(a: tuple[float, float], b: tuple[float, float], taken: bool) -> tuple[str, tuple]:
    """The curved arrow from a to b, and where its label goes: (x, y, text-anchor)."""
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = (y2 - y1) / length, -(x2 - x1) / length  # the normal to the left of the direction
    cx, cy = (x1 + x2) / 2 + nx * 0.18 * length, (y1 + y2) / 2 + ny * 0.18 * length
    sx, sy = _clip(x1, y1, cx - x1, cy - y1)
    ex, ey = _clip(x2, y2, cx - x2, cy - y2)
    style = (
        f'stroke="{TAKEN}" stroke-width="3" marker-end="url(#taken)"'
        if taken
        else f'stroke="{IDLE}" stroke-width="1.2" stroke-dasharray="5 4" marker-end="url(#idle)"'
    )
    path = f'<path d="M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}" fill="none" {style}/>'
    mx, my = (sx + 2 * cx + ex) / 4, (sy + 2 * cy + ey) / 4  # the curve's midpoint
    # Beside the curve, on the side it bulges to: anchored at the end nearest the line, so the text runs away.
    anchor = "start" if nx > 0.35 else "end" if nx < -0.35 else "middle"
    gap = LABEL_GAP + (7 if anchor == "middle" else 0)  # centred text needs half its height more
    return path, (mx + nx * gap, my + ny * gap, anchor)


def _box(agent: str, x: float, y: float, visited: bool) -> str:
    fill, stroke = ("#ffe8cc", TAKEN) if visited else ("#ffffff", IDLE)
    radius = BOX_H / 2 if agent == END else 8
    return (
        f'<g class="node" data-agent="{escape(agent)}" data-x="{x:.1f}" data-y="{y - BOX_H / 2:.1f}">'
        f'<rect x="{x - BOX_W / 2:.1f}" y="{y - BOX_H / 2:.1f}" '
        f'width="{BOX_W}" height="{BOX_H}" rx="{radius}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" dominant-baseline="middle">'
        f"{escape(name(agent))}</text></g>"
    )


def to_svg(trace: Trace) -> str:
    """The graph of the flow with the path this run took."""
    agents = nodes(trace)
    places = _places(agents)
    taken = edges(trace)
    marker = (
        '<marker id="{0}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{1}"/></marker>'
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="The flow and the path this run took">',
        f"<defs>{marker.format('taken', TAKEN)}{marker.format('idle', IDLE)}</defs>",
    ]
    ordered = sorted(declared(trace), key=lambda pair: pair in taken)  # taken arrows drawn last, on top
    labels = []
    for source, target in ordered:
        if source in places and target in places:
            numbers = taken.get((source, target), [])
            path, (lx, ly, anchor) = _arrow(places[source], places[target], bool(numbers))
            ends = f'data-source="{escape(source)}" data-target="{escape(target)}"'
            parts.append(path.replace("<path ", f'<path class="edge" {ends} ', 1))
            if numbers:
                label = f"{len(numbers)}× · step {', '.join(map(str, numbers))}"
                labels.append(
                    f'<text x="{lx:.1f}" y="{ly:.1f}" class="edge-label" {ends} text-anchor="{anchor}" '
                    f'dominant-baseline="middle">{escape(label)}</text>'
                )
    visited = set(trace.route) | ({END} if trace.outcome else set())
    parts += [_box(agent, *places[agent], agent in visited) for agent in agents]
    parts += labels
    parts.append('<circle id="baton" class="baton" r="9" cx="0" cy="0" transform="translate(-50,-50)"/>')
    parts.append('<circle id="baton2" class="baton" r="9" cx="0" cy="0" transform="translate(-50,-50)"/>')
    return "\n".join(parts + ["</svg>"])
