"""How each exercise is checked: a real run on the real corpus (or a real trace), then assertions on it.

A check takes the learner's module and the settings, and returns one line saying what it saw, or
raises `Failed` saying what is wrong in terms of the run (the route, the trace), never the fix.
Not handled: a learner's flow that runs for long (the guard caps handoffs, not time).
"""

from __future__ import annotations

from types import ModuleType

from casework import api
from casework.agents.summarizer import act as summarize_act
from casework.config import Settings
from casework.exports.steps import name, overlaps, steps

MAIN_JOB = "summarize the agile posts"
BUILT_IN = {"case_worker", "summarizer", "fact_checker", "citation_finder"}
SLIP = "애자일 선언문은 1995년에 발표되었다."  # the corpus says 2001: the fact-checker refutes it


class Failed(Exception):
    """The learner's solution ran but does not do what the exercise asks; the message says what it did."""


def need(module: ModuleType, attribute: str):
    if not hasattr(module, attribute):
        raise Failed(f"the file defines no `{attribute}`; the exercise needs it")
    return getattr(module, attribute)


def arrows(route: list[str]) -> str:
    return " → ".join(route)


def add_an_agent(module: ModuleType, settings: Settings) -> str:
    flow = need(module, "build_flow")(api.default_flow())
    new = [agent for agent in flow.agents if agent not in BUILT_IN]
    if not new:
        raise Failed("the flow has only the built-in agents: none of your own was added")
    report = api.run(MAIN_JOB, settings, flow=flow)
    after = report.route[report.route.index("summarizer") + 1]
    if after not in new:
        raise Failed(f"right after the summarizer the case went to the {name(after)}, not to your agent")
    calls = [e for e in api.trace(report.run_id, settings).events if e.kind == "skill" and e.agent == after]
    if not calls:
        raise Failed(f"{after} held the case but used no skill (the trace shows no skill call of it)")
    if calls[0].skill == "top_keywords":
        raise Failed(
            "that is the tour's keyword agent (examples/keyword_agent.py): give yours a skill of its own"
        )
    if not report.extras or report.outcome != "completed":
        raise Failed(f"the run ended {report.outcome!r} and your agent left nothing in the case's extras")
    return f"route {arrows(report.route)}; {after} used {calls[0].skill}; extras: {', '.join(report.extras)}"


def hasty(agent):
    """The summarizer with a slip: its first summary carries a false sentence; sent back, it is careful."""

    def act(state, tools):
        turn = summarize_act(state, tools)
        summary = turn.update.get("summary") or []
        if not summary or any(h.target == "summarizer" and h.source != "case_worker" for h in state.handoffs):
            return turn
        slipped = [*summary, summary[0].model_copy(update={"text": SLIP})]
        return turn.model_copy(update={"update": {**turn.update, "summary": slipped}})

    return agent.model_copy(update={"act": act})


def send_back(module: ModuleType, settings: Settings) -> str:
    flow = need(module, "build_flow")(api.default_flow())
    flow = flow.model_copy(update={"agents": {**flow.agents, "summarizer": hasty(flow.agents["summarizer"])}})
    report = api.run(MAIN_JOB, settings, flow=flow)
    trace = api.trace(report.run_id, settings)
    back = [m for m in trace.handoffs() if (m.source, m.target) == ("fact_checker", "summarizer")]
    if not back:
        left = [v.statement for v in report.verdicts if v.verdict == "REFUTED"]
        raise Failed(
            f"the refuted sentence “{(left or [SLIP])[0]}” stayed: the fact-checker never handed back"
        )
    if len(back) > 1:
        raise Failed(f"the fact-checker handed the case back {len(back)} times; once is enough")
    if SLIP.rstrip(".") not in back[0].reason:
        raise Failed("the handoff back does not say which sentence was refuted (its reason should quote it)")
    expected = ["case_worker", "summarizer", "fact_checker", "summarizer", "fact_checker", "citation_finder"]
    if report.route != [*expected, "case_worker"] or any(v.verdict == "REFUTED" for v in report.verdicts):
        raise Failed(
            f"after the handoff back the route was {arrows(report.route)}, and verdicts: "
            f"{sorted({v.verdict for v in report.verdicts})}"
        )
    return f"route {arrows(report.route)}; sent back once: {back[0].reason}"


def ping_pong(module: ModuleType, settings: Settings) -> str:
    flow = need(module, "build_flow")()
    report = api.run("bounce the case", settings, flow=flow)
    trace = api.trace(report.run_id, settings)
    moves = [m for m in trace.handoffs() if m.actor != "guard"]
    if report.outcome != "guard":
        raise Failed(
            f"the run ended {report.outcome!r} after {len(moves)} handoff(s): the guard never stepped in"
        )
    pairs = [frozenset((m.source, m.target)) for m in moves]
    if len(set(pairs)) != 1 or len(moves) != 2:
        raise Failed(
            f"the guard stopped the run after {len(moves)} handoff(s) ({arrows(trace.route)}), "
            "not after two bounces between the same two agents"
        )
    guard = next(e for e in trace.events if e.kind == "guard")
    return f"route {arrows(trace.route)}; the guard: {guard.message}"


def remove_an_agent(module: ModuleType, settings: Settings) -> str:
    flow = need(module, "build_flow")(api.default_flow())
    predicted = list(need(module, "PLAN"))
    if "citation_finder" in flow.agents:
        raise Failed("the citation finder is still in the flow")
    report = api.run(MAIN_JOB, settings, flow=flow)
    first = api.trace(report.run_id, settings).handoffs()[0]  # its target, then the plan it leaves
    planned = [first.target, *first.details.get("plan", [])]
    if "citation_finder" in report.route or any(s.citations for s in report.summary):
        raise Failed(f"the route was {arrows(report.route)} and sentences were still cited")
    if predicted != planned:
        raise Failed(f"your PLAN {predicted} is not the plan the case worker sent with its first handoff")
    return f"route {arrows(report.route)}; the case worker planned {', '.join(planned)}"


def read_a_trace(module: ModuleType, settings: Settings) -> str:
    longest, why = need(module, "longest_holder"), need(module, "why_handed_on")
    seen = []
    for task, step in ((MAIN_JOB, 3), ("fact-check: 애자일 선언문은 2001년에 발표되었다", 2)):
        trace = api.trace(api.run(task, settings).run_id, settings)
        totals: dict[str, float] = {}
        for move in trace.handoffs():
            totals[move.source] = totals.get(move.source, 0.0) + move.held_ms
        truth = max(totals, key=totals.get)
        answer = str(longest(trace))
        if answer.replace(" ", "_") != truth:
            raise Failed(f"for “{task}” you said {answer!r} held the case longest; add up each holder's time")
        reason = steps(trace)[step - 1].handoff.reason
        if str(why(trace, step)).strip() != reason:
            raise Failed(
                f"for “{task}” your reason for the handoff at step {step} is not the one the trace gives"
            )
        seen.append(f"{task!r}: {truth} ({totals[truth]:.0f} ms)")
    return "longest holders " + "; ".join(seen)


def in_parallel(module: ModuleType, settings: Settings) -> str:
    flow = need(module, "build_flow")(api.default_flow())
    report = api.run(MAIN_JOB, settings, flow=flow)
    together = overlaps(api.trace(report.run_id, settings))
    if not any({a.agent, b.agent} == {"fact_checker", "citation_finder"} for a, b, _ in together):
        raise Failed(
            "in the trace the fact-checker and the citation finder never held the case at the same time"
        )
    relay = api.run(MAIN_JOB, settings)
    if (report.posts, report.summary, report.verdicts) != (relay.posts, relay.summary, relay.verdicts):
        raise Failed("the parallel run's posts, summary, sources or verdicts differ from the relay's")
    shared = max(s for a, b, s in together)
    return f"route {arrows(report.route)}; the branches overlapped {shared:.0f} ms; same report as the relay"


def route_by_hand(module: ModuleType, settings: Settings) -> str:
    answers = list(need(module, "ANSWERS"))
    report = api.run(MAIN_JOB, settings, human=True)
    for answer in answers:
        if report.outcome != "paused":
            raise Failed(f"the run ended after {answers.index(answer)} answer(s); you gave {len(answers)}")
        report = api.resume(report.run_id, answer, settings)
    if report.outcome == "paused":
        asked = report.pending["proposal"]
        raise Failed(
            f"the run still waits: the {name(report.route[-1])} proposes {name(asked['target'])} next"
        )
    if report.route != ["case_worker", "summarizer", "citation_finder", "case_worker"]:
        raise Failed(f"the case went {arrows(report.route)}")
    return f"route {arrows(report.route)}, every handoff decided by you"
