"""The case worker: reads the task, plans the specialists, hands the case on, and compiles the answer.

Its decisions go through one seam, `planner` (task -> Intent): offline a deterministic parser;
an LLM or a person can take its place without touching the rest.
"""

from __future__ import annotations

from orchestrator.agent import Agent, Tools, Turn
from orchestrator.handoff import END, handoff
from orchestrator.state import CaseState

NAME = "case_worker"
PLANS = {
    "summarize": ["summarizer", "fact_checker", "citation_finder"],
    "ask": ["summarizer", "citation_finder"],
    "check": ["fact_checker"],
    "cite": ["citation_finder"],
}
WHY = {
    "summarizer": "it selects the posts on the topic and writes the summary",
    "fact_checker": "it checks statements against the corpus",
    "citation_finder": "it finds the corpus sentences that support the text",
}
ASKS = {"summarize": "a summary of", "ask": "an answer to", "check": "a fact-check of", "cite": "sources for"}


def act(state: CaseState, tools: Tools) -> Turn:
    """Plan a new case, forward one a specialist handed back mid-plan, or close a finished one."""
    if state.intent is None:
        return plan_case(state, tools)
    if state.plan and not state.outcome:
        target, rest = state.plan[0], state.plan[1:]
        return Turn(update={"plan": rest}, handoff=handoff(NAME, target, f"Forwarding the case: next, {WHY.get(target, target)}."))
    answer = compile_answer(state)
    outcome = state.outcome or "completed"
    return Turn(update={"answer": answer, "outcome": outcome, "plan": []},
                handoff=handoff(NAME, END, f"The case is {outcome.replace('_', ' ')}: answer compiled.", chars=len(answer)))


def plan_case(state: CaseState, tools: Tools) -> Turn:
    """Read the task, choose the specialists and hand the case to the first."""
    intent = tools.use("parse_intent", state.task)
    plan = list(tools.context.plans.get(intent.kind, []))
    if not plan:
        note = f"No agent in this flow can give {ASKS[intent.kind]} a task."
        return Turn(update={"intent": intent, "outcome": "error", "notes": [note], "answer": note},
                    handoff=handoff(NAME, END, note))
    first = plan[0]
    reason = f"The task asks for {ASKS[intent.kind]} “{intent.text[:60]}”; {first.replace('_', ' ')} first, because {WHY.get(first, 'it is next in the plan')}."
    return Turn(update={"intent": intent, "plan": plan[1:]},
                handoff=handoff(NAME, first, reason, kind=intent.kind, subject=intent.text[:80], plan=plan))


def compile_answer(state: CaseState) -> str:
    """The final answer in plain text: summary with numbered citations, verdicts, sources."""
    if state.outcome == "no_posts" or (not state.summary and not state.verdicts and not state.citations):
        return " ".join(state.notes) or "Nothing in the corpus answers this task."
    lines, sources = [], {}
    cited = {c.sentence: c.citations for c in state.citations}
    for sentence in state.summary:
        numbers = []
        for citation in cited.get(sentence.text, []) or []:
            numbers.append(sources.setdefault(citation.post_id, (len(sources) + 1, citation.title))[0])
        lines.append(sentence.text + "".join(f" [{n}]" for n in sorted(set(numbers))))
    if not state.summary:
        for cited_sentence in state.citations:
            numbers = [sources.setdefault(c.post_id, (len(sources) + 1, c.title))[0] for c in cited_sentence.citations]
            mark = "".join(f" [{n}]" for n in sorted(set(numbers))) or " [no source found]"
            lines.append(cited_sentence.sentence + mark)
    for verdict in state.verdicts if not state.summary else []:
        lines.append(f"{verdict.verdict} ({verdict.confidence:.2f}): {verdict.statement} — {verdict.reason}")
    if sources:
        lines.append("")
        lines.extend(f"[{n}] {title}" for n, title in sorted(sources.values()))
    return "\n".join(lines + [""] + state.notes).strip()


def case_worker(plans: dict[str, list[str]] | None = None) -> Agent:
    """The case worker agent; it may hand the case to every agent its plans name."""
    plans = plans or PLANS
    return Agent(name=NAME, description="Supervises the case: plans, routes and compiles the answer.",
                 skills=["parse_intent"], handoffs=sorted({a for p in plans.values() for a in p}) + [END], act=act)
