"""The step-through of a trace page: play, previous and next (or the arrow keys) move a baton on the graph.

Each frame is one turn (frame 0: the task arrives): who holds the case (highlighted, the baton on
it), the handoff that ends the turn (its arrow lit), its reason, what went with it, and the state
diff: for every key the turn changed, what the case held before (as the last handoff that changed
that key recorded it) and after. Turns that overlapped (parallel branches) light their holders
together. The frames travel as JSON inside `<script type="application/json">` with `<`, `>` and `&`
escaped, and the script writes them with `textContent` only, so no trace text is ever parsed as HTML.
Not handled: values the trace did not keep (a handoff's details hold at most a dozen short lines).
"""

from __future__ import annotations

import json

from casework.exports.steps import name, overlaps, seconds, steps
from casework.orchestrator.handoff import END
from casework.orchestrator.trace import Trace

CSS = """
.stepper{display:grid;grid-template-columns:minmax(0,3fr) minmax(15rem,2fr);gap:1rem;align-items:start}
.controls{margin:.5rem 0}.controls button{font-size:1rem;padding:.2rem .7rem}
#counter{color:#6c757d;margin-left:.5rem}
aside.now{border:1px solid #dee2e6;border-radius:8px;padding:.6rem .9rem;background:#f8f9fa}
aside.now{min-height:18rem;max-height:40rem;overflow:auto}
aside.now h3{margin:.6rem 0 .2rem}aside.now p{margin:.2rem 0}#holder{font-weight:bold;color:#1971c2}
#diff{list-style:none;padding:0;margin:0;font-size:.88rem}#diff li{margin:.3rem 0}#diff code{font-weight:bold}
#diff .before{color:#c92a2a;display:block;margin-left:.8rem}
#diff .after{color:#2b8a3e;display:block;margin-left:.8rem}
g.node.holder rect{stroke:#1971c2;stroke-width:4;fill:#d0ebff}
g.node.also rect{stroke:#1971c2;stroke-width:3;stroke-dasharray:6 3}
path.edge.current{stroke:#1971c2;stroke-width:5}text.edge-label.current{fill:#1971c2;font-weight:bold}
.baton{fill:#1971c2;stroke:#fff;stroke-width:3;transition:transform .5s ease-in-out}#baton2{fill:#74c0fc}
details.step.current{outline:3px solid #1971c2}
@media (max-width:800px){.stepper{grid-template-columns:1fr}}
"""

SCRIPT = """
(function () {
  var frames = JSON.parse(document.getElementById("frames").textContent);
  var svg = document.querySelector(".stepper svg"), at = 0, timer = null;
  function $(id) { return document.getElementById(id); }
  function put(baton, agent) {
    var node = agent && svg.querySelector('g.node[data-agent="' + CSS.escape(agent) + '"]');
    var at = node ? [node.dataset.x, node.dataset.y] : [-50, -50];  // off the picture: nobody holds it
    baton.style.transform = "translate(" + at[0] + "px," + at[1] + "px)";
  }
  function line(cls, words) {
    var s = document.createElement("span");
    s.className = cls; s.textContent = words; return s;
  }
  function show(n) {
    at = Math.max(0, Math.min(frames.length - 1, n));
    var f = frames[at];
    svg.querySelectorAll("g.node").forEach(function (g) {
      g.classList.toggle("holder", g.dataset.agent === f.holder);
      g.classList.toggle("also", f.also.indexOf(g.dataset.agent) >= 0);
    });
    svg.querySelectorAll(".edge, .edge-label").forEach(function (e) {
      var lit = f.moves.some(function (m) { return m[0] === e.dataset.source && m[1] === e.dataset.target; });
      e.classList.toggle("current", lit);
    });
    put($("baton"), f.holder); put($("baton2"), f.also[0]);
    $("step-title").textContent = f.title; $("holder").textContent = f.holder_name;
    $("with").textContent = f.with_text; $("reason").textContent = f.reason;
    $("payload").textContent = f.payload; $("actor").textContent = f.actor;
    var diff = $("diff"); diff.textContent = "";
    f.diff.forEach(function (d) {
      var li = document.createElement("li"), key = document.createElement("code");
      key.textContent = d.key; li.appendChild(key);
      li.appendChild(line("before", "− " + (d.before.join(" | ") || "(nothing yet)")));
      li.appendChild(line("after", "+ " + (d.after.join(" | ") || "(emptied)")));
      diff.appendChild(li);
    });
    if (!f.diff.length) { diff.appendChild(line("dim", "nothing changed yet")); }
    document.querySelectorAll("details.step").forEach(function (d) {
      d.classList.toggle("current", d.id === "step-" + at);
    });
    $("counter").textContent = at + " / " + (frames.length - 1);
    $("prev").disabled = at === 0; $("next").disabled = at === frames.length - 1;
  }
  function stop() { if (timer) { clearInterval(timer); timer = null; $("play").textContent = "▶ Play"; } }
  function play() {
    if (timer) { stop(); return; }
    if (at === frames.length - 1) { show(0); }
    $("play").textContent = "⏸ Pause";
    timer = setInterval(function () {
      if (at >= frames.length - 1) { stop(); } else { show(at + 1); }
    }, 1200);
  }
  $("next").addEventListener("click", function () { stop(); show(at + 1); });
  $("prev").addEventListener("click", function () { stop(); show(at - 1); });
  $("play").addEventListener("click", play);
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === "ArrowRight") { stop(); show(at + 1); e.preventDefault(); }
    if (e.key === "ArrowLeft") { stop(); show(at - 1); e.preventDefault(); }
  });
  show(0);
})();
"""

SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})  # JSON escapes: no tag can close


def frames(trace: Trace) -> list[dict]:
    """Frame 0 (the task arrives), then one frame per turn, as plain data for the script."""
    entry = trace.entry or (trace.route[0] if trace.route else "")
    out = [
        {
            "title": "Before step 1: the task arrives",
            "holder": entry,
            "holder_name": name(entry),
            "also": [],
            "with_text": "",
            "moves": [],
            "reason": f"The run starts with the task “{trace.task}”.",
            "payload": "the task",
            "actor": "",
            "diff": [],
        }
    ]
    pairs = overlaps(trace)
    turns = steps(trace)
    known: dict[str, list[str]] = {}  # each state key as the last handoff that changed it recorded it
    for step in turns:
        also = [b.agent for a, b, _ in pairs if a.number == step.number]
        also += [a.agent for a, b, _ in pairs if b.number == step.number]
        moves = step.handoffs
        diff, keys = [], dict.fromkeys(k for m in moves for k in m.changed)
        for key in keys:
            after = next((m.details[key] for m in moves if key in m.details), [])
            diff.append({"key": key, "before": known.get(key, []), "after": after})
        for key in keys:
            known[key] = next(d["after"] for d in diff if d["key"] == key)
        ends = " and the ".join(name(m.target) for m in moves if m.target != END)
        where = (f", then hands it to the {ends}" if ends else ", then closes the case") if moves else ""
        out.append(
            {
                "title": f"Step {step.number} of {len(turns)}: the {name(step.agent)} holds the case{where}",
                "holder": step.agent,
                "holder_name": name(step.agent),
                "also": also,
                "with_text": f"At the same time: the {' and the '.join(map(name, also))}." if also else "",
                "moves": [[m.source, m.target] for m in moves],
                "reason": " / ".join(dict.fromkeys(m.reason for m in moves))
                or "The run ended while this agent held the case.",
                "payload": " / ".join(dict.fromkeys(m.payload for m in moves)),
                "actor": (
                    f"decided by {moves[0].actor or step.agent} · held {seconds(moves[0].held_ms)}"
                    if moves
                    else ""
                ),
                "diff": diff,
            }
        )
    return out


def stepper(svg: str, trace: Trace) -> str:
    """The graph and the panel beside it, the controls, and the frames as escaped JSON."""
    data = json.dumps(frames(trace), ensure_ascii=False).translate(SAFE)
    return f"""<div class="controls"><button type="button" id="prev">◀ Previous</button>
<button type="button" id="play">▶ Play</button><button type="button" id="next">Next ▶</button>
<span id="counter"></span><span class="dim"> · or the ← → keys</span></div>
<div class="stepper"><figure>{svg}</figure>
<aside class="now" aria-live="polite"><p id="step-title"></p><p>Holder: <span id="holder"></span></p>
<p class="dim" id="with"></p><h3>Why it was handed on</h3><p id="reason"></p>
<h3>What went with it</h3><p id="payload"></p><p class="dim" id="actor"></p>
<h3>What changed in the case</h3><ul id="diff"></ul></aside></div>
<script type="application/json" id="frames">{data}</script>"""
