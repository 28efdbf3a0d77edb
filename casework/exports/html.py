"""A trace as ONE self-contained HTML page: the graph with a step-through, and a timeline of steps.

No network: CSS and JS are inline, the graph is SVG drawn here, the favicon is empty. Every piece of
text from the task, the corpus or the trace goes through `html.escape` (or, for the step-through's
data, escaped JSON written by `textContent`), so a post containing `<script>` shows as text. Each step
is a <details>: open it for the reason, what went with the case, the skill calls, verdicts and
citations. Turns that overlapped in time (parallel branches) sit side by side in one row.
"""

from __future__ import annotations

import json
from html import escape

from casework.exports.stepper import CSS as STEPPER_CSS
from casework.exports.stepper import SCRIPT as STEPPER_SCRIPT
from casework.exports.stepper import stepper
from casework.exports.steps import Step, counts, name, rows, seconds, together
from casework.exports.svg import to_svg
from casework.orchestrator.handoff import END
from casework.orchestrator.trace import Trace

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR",sans-serif;
  margin:0 auto;max-width:1200px;padding:1.5rem;color:#212529}
h1{font-size:1.4rem;margin:0}h2{font-size:1.15rem;margin:2rem 0 .5rem}h3{font-size:.95rem;margin:1rem 0 .3rem}
.task{font-size:1.1rem;margin:.3rem 0}.meta,.dim{color:#6c757d}
.chip{display:inline-block;background:#ffe8cc;border:1px solid #d9480f;border-radius:1rem;
  padding:0 .6rem;margin:.1rem}
figure{margin:0;border:1px solid #dee2e6;border-radius:8px}svg{width:100%;height:auto;display:block}
svg text{font-size:16px;fill:#212529}
svg .edge-label{font-size:14px;fill:#d9480f;paint-order:stroke;stroke:#fff;stroke-width:4px}
ol.timeline{list-style:none;padding:0}ol.timeline>li{margin:.4rem 0}
details.step{border:1px solid #dee2e6;border-radius:8px;padding:.4rem .8rem}
details.step[open]{background:#f8f9fa}
summary{cursor:pointer}.num{display:inline-block;min-width:1.6rem;font-weight:bold;color:#d9480f}
.held{float:right;color:#6c757d}.why{display:block;color:#495057;margin-left:1.6rem}
.track{display:block;height:6px;background:#f1f3f5;margin:.3rem 0 .2rem 1.6rem;border-radius:3px}
.bar{display:block;height:6px;background:#d9480f;border-radius:3px;min-width:2px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #dee2e6;padding:.2rem .4rem;text-align:left;vertical-align:top}
td.ms{text-align:right;white-space:nowrap}dt{font-weight:bold}dd{margin:0 0 .4rem 1rem}
dd ul{margin:0;padding-left:1rem}
.SUPPORTED{color:#2b8a3e}.REFUTED{color:#c92a2a}.NOT_ENOUGH_INFO{color:#e67700}.alert{color:#c92a2a}
pre{white-space:pre-wrap;word-break:break-word;font-size:.8rem;background:#f8f9fa;padding:.6rem}
button{margin-right:.4rem}
li.together{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}li.together>details{margin:0}
.overlap{color:#1971c2}
"""

SCRIPT = """
document.querySelectorAll("button[data-open]").forEach(function (button) {
  button.addEventListener("click", function () {
    var open = button.getAttribute("data-open") === "1";
    document.querySelectorAll("details.step").forEach(function (d) { d.open = open; });
  });
});
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _calls(step: Step) -> str:
    rows = "".join(
        f"<tr><td><code>{_e(c.skill)}</code></td><td>{_e(c.inputs)}</td><td>{_e(c.result)}</td>"
        f'<td class="ms">{c.ms:g} ms</td></tr>'
        for c in step.of("skill")
    )
    head = "<tr><th>skill</th><th>inputs</th><th>result</th><th>time</th></tr>"
    return f"<h3>Skill calls</h3><table>{head}{rows}</table>" if rows else ""


def _findings(step: Step) -> str:
    out = ""
    verdicts = step.of("verdict")
    if verdicts:
        out += (
            "<h3>Verdicts</h3><ul>"
            + "".join(
                f'<li><b class="{_e(v.verdict)}">{_e(v.verdict)}</b> {v.confidence:.2f} {_e(v.statement)}'
                f'<br><span class="dim">{_e(v.reason)}</span></li>'
                for v in verdicts
            )
            + "</ul>"
        )
    cited = step.of("citation")
    if cited:
        out += (
            "<h3>Citations</h3><ul>"
            + "".join(
                f'<li>{_e(c.sentence)}<br><span class="dim">'
                f"{_e('; '.join(c.sources) or 'no source: abstained')}</span></li>"
                for c in cited
            )
            + "</ul>"
        )
    for event in step.events:
        if event.kind in ("guard", "error", "pause"):
            extra = f" — fell back to {event.fallback}" if getattr(event, "fallback", "") else ""
            out += f'<p class="alert"><b>{_e(event.kind)}</b>: {_e(event.message + extra)}</p>'
    return out


def _passed(step: Step) -> str:
    if not step.handoffs:
        return '<p class="alert">The run ended while this agent held the case.</p>'
    out = ""
    for move in step.handoffs:  # more than one: a fan-out, each branch got its own copy of the case
        items = "".join(
            f"<dt>{_e(key)}</dt><dd><ul>"
            f"{''.join(f'<li>{_e(line)}</li>' for line in lines) or '<li>(empty)</li>'}</ul></dd>"
            for key, lines in move.details.items()
        )
        changed = _e(", ".join(move.changed) or "nothing")
        out += (
            f"<h3>What went with the case to the {_e(name(move.target))}</h3><p>{_e(move.payload)}</p>"
            + (f"<dl>{items}</dl>" if items else "")
            + f'<p class="dim">State changed: {changed} · decided by {_e(move.actor or move.source)}</p>'
        )
    return out


def _step(step: Step, total: float) -> str:
    move = step.handoff
    ends = " + ".join(_e(name(m.target)) for m in step.handoffs if m.target != END)
    where = (f" → {ends}" if ends else " closes the case") if move else ""
    held = move.held_ms if move else 0.0
    left, width = 100 * step.start_ms / total, max(100 * held / total, 0.3)
    why = "".join(f'<span class="why">{_e(r)}</span>' for r in dict.fromkeys(m.reason for m in step.handoffs))
    return (
        f'<details class="step" id="step-{step.number}"><summary><span class="num">{step.number}</span>'
        f'<b>{_e(name(step.agent))}</b>{where}<span class="held">held {_e(seconds(held))}</span>'
        f'<span class="track"><span class="bar" style="margin-left:{left:.2f}%;width:{width:.2f}%">'
        f"</span></span>{why}"
        f"</summary>{_calls(step)}{_findings(step)}{_passed(step)}</details>"
    )


def _timeline(trace: Trace, total: float) -> str:
    """One row per turn; turns that overlapped in time share a row, side by side."""
    return "\n".join(
        f'<li class="together">{"".join(_step(s, total) for s in row)}</li>'
        if len(row) > 1
        else f"<li>{_step(row[0], total)}</li>"
        for row in rows(trace)
    )


def to_html(trace: Trace) -> str:
    """The page, as a string."""
    total = max([e.at_ms for e in trace.events] + [1.0])
    tally = counts(trace)
    route = "".join(f'<span class="chip">{_e(name(a))}</span>' for a in trace.route)
    raw = json.dumps(trace.export(), ensure_ascii=False, indent=1)
    parallel = f'<p class="overlap">{_e(together(trace))}</p>' if together(trace) else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>casework run {_e(trace.run_id)}</title><link rel="icon" href="data:,">
<style>{CSS}{STEPPER_CSS}</style></head>
<body>
<header><h1>Run <code>{_e(trace.run_id)}</code></h1><p class="task">“{_e(trace.task)}”</p>
<p class="meta">started {_e(trace.started)} · took {_e(seconds(trace.duration_ms()))}
 · outcome <b>{_e(trace.outcome or "unfinished")}</b>
 · {tally["handoff"]} handoffs · {tally["skill"]} skill calls · {tally["verdict"]} verdicts
 · {tally["citation"]} citations</p>
<p>Route: {route}</p>{parallel}</header>
<section><h2>Step through the run</h2>{stepper(to_svg(trace), trace)}
<p class="dim">Orange: the handoffs this run made (how often, at which steps).
Dashed: handoffs the flow allows but this run did not make.
Blue: the holder at this step, and the handoff that ends its turn.</p></section>
<section><h2>Timeline</h2>
<p><button type="button" data-open="1">Expand all</button><button type="button"
 data-open="0">Collapse all</button></p>
<ol class="timeline">
{_timeline(trace, total)}
</ol></section>
<section><details><summary>The raw trace (JSON, schema version {trace.version})</summary>
<pre>{_e(raw)}</pre></details></section>
<script>{SCRIPT}{STEPPER_SCRIPT}</script>
</body></html>
"""
