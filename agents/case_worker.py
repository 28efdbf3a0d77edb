"""The case worker: reads the task, plans the specialists, hands the case on, and compiles the answer.

Offline it plans with the deterministic `parse_intent` and the flow's plans. When the run gives it a
chat model, the model routes instead (a structured Plan: kind, subject, agents in order) and, once
the plan is done, may send the case on once more (re-plan); a failing model falls back to the
offline plan. A person reviewing handoffs (orchestrator/human.py) can override any of it.
"""

from __future__ import annotations

from casework.agents.case import Case
from casework.agents.thinking import model_of, think
from casework.orchestrator.agent import Agent, Tools, Turn
from casework.orchestrator.handoff import END, handoff
from casework.skills.intent import parse_intent
from casework.skills.llm import replan, route_task
from casework.skills.numbering import SourceNumbers

NAME = "case_worker"
PLANS = {
    "summarize": ["summarizer", "fact_checker", "citation_finder"],
    "ask": ["answerer"],
    "check": ["fact_checker"],
    "cite": ["citation_finder"],
}
WHY = {
    "summarizer": "it selects the posts on the topic and writes the summary",
    "answerer": "it finds the sentences that answer the question, in the posts that answer it",
    "fact_checker": "it checks statements against the corpus",
    "citation_finder": "it finds the corpus sentences that support the text",
}
ASKS = {"summarize": "a summary of", "ask": "an answer to", "check": "a fact-check of", "cite": "sources for"}


def act(state: Case, tools: Tools) -> Turn:
    """Plan a new case, forward one a specialist handed back mid-plan, or close a finished one."""
    if state.intent is None:
        return plan_case(state, tools)
    if state.plan and not state.outcome:
        target, rest = state.plan[0], state.plan[1:]
        return Turn(
            update={"plan": rest},
            handoff=handoff(NAME, target, f"Forwarding the case: next, {WHY.get(target, target)}."),
        )
    if not state.outcome and model_of(tools) and not any(h.payload.get("replanned") for h in state.handoffs):
        more = think(tools, replan, state.task, progress(state), specialists(tools), offline=lambda: [])
        if more:
            move = handoff(
                NAME,
                more[0],
                f"Re-planned: the case still needs {', '.join(more)}.",
                replanned=True,
                plan=more,
            )
            return Turn(update={"plan": more[1:]}, handoff=move.model_copy(update={"actor": "llm"}))
    answer = compile_answer(state)
    outcome = state.outcome or "completed"
    return Turn(
        update={"answer": answer, "outcome": outcome, "plan": []},
        handoff=handoff(
            NAME, END, f"The case is {outcome.replace('_', ' ')}: answer compiled.", chars=len(answer)
        ),
    )


def plan_case(state: Case, tools: Tools) -> Turn:
    """Read the task, choose the specialists and hand the case to the first (a model may choose them)."""
    offline = lambda: (tools.use(parse_intent, state.task), None)  # noqa: E731
    intent, routed = think(
        tools, route_task, state.task, specialists(tools), tools.context.plans, offline=offline
    )
    plan = list(routed.agents if routed else tools.context.plans.get(intent.kind, []))
    if not plan:
        note = f"No agent in this flow can give {ASKS[intent.kind]} a task."
        return Turn(
            update={"intent": intent, "outcome": "error", "notes": [note], "answer": note},
            handoff=handoff(NAME, END, note),
        )
    first = plan[0]
    why_first = WHY.get(first, "it is next in the plan")
    reason = (
        f"The task asks for {ASKS[intent.kind]} “{intent.text[:60]}”; "
        f"{first.replace('_', ' ')} first, because {why_first}."
    )
    why = (routed.reason.strip() if routed else "") or reason
    move = handoff(NAME, first, why, kind=intent.kind, subject=intent.text[:80], plan=plan)
    return Turn(
        update={"intent": intent, "plan": plan[1:]},
        handoff=move.model_copy(update={"actor": "llm"}) if routed else move,
    )


def progress(state: Case) -> str:
    """What the case has so far, in one line (what a model re-plans from)."""
    route = " -> ".join(h.target for h in state.handoffs)
    return (
        f"route {route}; {len(state.summary)} summary sentence(s), {len(state.verdicts)} verdict(s), "
        f"{len(state.citations)} cited sentence(s)."
    )


def specialists(tools: Tools) -> dict[str, str]:
    """The agents the case worker may hand to, with what each is for (what a model routes by)."""
    return {name: WHY.get(name, name) for name in tools.agent.handoffs if name != END}


def compile_answer(state: Case) -> str:
    """The final answer in plain text: summary with numbered citations, verdicts, sources."""
    if state.outcome in ("no_posts", "no_answer") or not (state.summary or state.verdicts or state.citations):
        return " ".join(state.notes) or "Nothing in the corpus answers this task."
    lines, sources = [], SourceNumbers()
    cited = {c.sentence: c.citations for c in state.citations}
    for sentence in state.summary:
        refs = [(c.post_id, c.title) for c in cited.get(sentence.text, []) or []]
        if sentence.quoted and not refs:  # a quote's source is the post it is quoted from
            refs = [(sentence.post_id, sentence.title)]
        lines.append(sentence.text + sources.marks(refs))
    if not state.summary:
        for cited_sentence in state.citations:
            refs = [(c.post_id, c.title) for c in cited_sentence.citations]
            lines.append(cited_sentence.sentence + (sources.marks(refs) or " [no source found]"))
    for verdict in state.verdicts if not state.summary else []:
        lines.append(f"{verdict.verdict} ({verdict.confidence:.2f}): {verdict.statement} — {verdict.reason}")
    if sources.sources:
        lines.append("")
        lines.extend(sources.references())
    return "\n".join(lines + [""] + state.notes).strip()


def case_worker(plans: dict[str, list[str]] | None = None) -> Agent:
    """The case worker agent; it may hand the case to every agent its plans name."""
    plans = plans or PLANS
    return Agent(
        name=NAME,
        description="Supervises the case: plans, routes and compiles the answer.",
        skills=[parse_intent, route_task, replan],
        handoffs=sorted({a for p in plans.values() for a in p}) + [END],
        act=act,
    )
