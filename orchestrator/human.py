"""A person at the handoffs: before a handoff is carried out, the run pauses and the person decides.

The agent node calls `review` when the run's context says a person supervises. It pauses the run
with LangGraph's `interrupt(question)`; the question shows the plan, what the agent produced, the
proposed next holder and why. The run resumes with `Command(resume=answer)`, where the answer is
one of:

    approve               carry out the proposal
    send AGENT            hand the case to another agent the current one may reach
    edit NEW INSTRUCTION  change what the specialists work on (the task's subject), then carry on
    finish                stop planning: the case goes to the supervisor, which compiles the answer

(or the same as a dict: {"action": "send", "agent": "fact_checker"}). The decision is recorded as
the handoff, with actor "human". An answer that makes no sense asks again, saying why.
Not handled: the agent's own work is done again on resume (LangGraph re-runs the interrupted
node; the offline agents are deterministic, so this costs time, not consistency).
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.types import interrupt
from pydantic import BaseModel, ValidationError

from casework.orchestrator.agent import Agent, brief
from casework.orchestrator.handoff import END, Handoff
from casework.orchestrator.state import CaseState

ACTIONS = ("approve", "send", "edit", "finish")


class Decision(BaseModel):
    """What the person chose at one handoff."""

    action: Literal["approve", "send", "edit", "finish"]
    agent: str = ""
    instruction: str = ""


def parse(answer: Any) -> Decision:
    """A decision from a dict or a line such as "send fact_checker" (first letters will do: a, s, e, f)."""
    if isinstance(answer, dict):
        return Decision.model_validate(answer)
    word, _, rest = str(answer).strip().partition(" ")
    action = next((a for a in ACTIONS if word and a.startswith(word.lower())), None) if word else "approve"
    if action is None:
        raise ValueError(f"unknown choice {word!r}; answer one of: {', '.join(ACTIONS)}")
    return Decision(
        action=action,
        agent=rest.strip() if action == "send" else "",
        instruction=rest.strip() if action == "edit" else "",
    )


def question(state: CaseState, agent: Agent, update: dict, move: Handoff) -> dict:
    """What the person sees: the task, the plan, what the agent produced, the proposal and the choices."""
    proposed = state.model_copy(update=update)
    produced = {key: show(value) for key, value in update.items() if key in move.changed and key != "plan"}
    return {
        "task": state.task,
        "agent": agent.name,
        "subject": proposed.subject(),
        "plan": update.get("plan", state.plan),
        "produced": produced,
        "proposal": {"target": move.target, "reason": move.reason},
        "choices": [a for a in agent.handoffs if a != END],
        "actions": list(ACTIONS),
    }


def show(value: Any, items: int = 3) -> str:
    """A few lines of an agent's result: the text of its first items."""
    if not isinstance(value, list):
        return brief(value, 200)
    lines = [
        brief(
            next((getattr(v, f) for f in ("text", "statement", "sentence", "title") if hasattr(v, f)), v), 120
        )
        + (f" → {v.verdict}" if hasattr(v, "verdict") else "")
        for v in value[:items]
    ]
    return "\n".join(lines + ([f"… and {len(value) - items} more"] if len(value) > items else [])) or "(none)"


def review(
    state: CaseState, agent: Agent, update: dict, move: Handoff, supervisor: str
) -> tuple[dict, Handoff]:
    """Pause for the person's decision on a proposed handoff; the update and handoff to carry out."""
    asked = question(state, agent, update, move)
    while True:
        try:
            decision = parse(interrupt(asked))
            return apply(decision, state, agent, update, move, supervisor)
        except (ValueError, ValidationError) as error:
            asked = {**asked, "error": str(error).splitlines()[0]}


def apply(
    decision: Decision, state: CaseState, agent: Agent, update: dict, move: Handoff, supervisor: str
) -> tuple[dict, Handoff]:
    """Turn a decision into the state update and the handoff (actor "human"); ValueError when it cannot be."""
    human = {"actor": "human", "payload": {**move.payload, "decision": decision.action}}
    plan = update.get("plan", state.plan)
    if decision.action == "approve" or (decision.action == "finish" and move.target == END):
        return update, move.model_copy(update=human)
    if decision.action == "send":
        if decision.agent not in agent.handoffs or decision.agent == END:
            raise ValueError(
                f"{agent.name} cannot hand the case to {decision.agent!r}; choose one of "
                f"{', '.join(a for a in agent.handoffs if a != END)} (or finish)"
            )
        kept = {k: v for k, v in update.items() if k not in ("answer", "outcome")}  # not closing after all
        reason = f"The person supervising sent the case to {decision.agent} instead of {move.target}."
        return (
            {**kept, "plan": [a for a in plan if a != decision.agent]},
            move.model_copy(update={**human, "target": decision.agent, "reason": reason}),
        )
    if decision.action == "edit":
        if not decision.instruction:
            raise ValueError("edit needs the new instruction, e.g. `edit the agile posts`")
        reason = f"The person supervising changed the instruction to “{decision.instruction}”; {move.reason}"
        return (
            {**update, **state.model_copy(update=update).edited(decision.instruction)},
            move.model_copy(update={**human, "reason": reason}),
        )
    reason = "The person supervising finished the case: the answer is compiled from what is done."
    return {**update, "plan": []}, move.model_copy(update={**human, "target": supervisor, "reason": reason})


def describe(asked: dict) -> str:
    """The question as plain text, for a person at a terminal."""
    lines = [f"Task: {asked['task']}", f"Subject: {asked['subject']}", f"{asked['agent']} produced:"]
    for key, shown in asked["produced"].items():
        lines.append(f"  {key}: " + shown.replace("\n", "\n    "))
    target = asked["proposal"]["target"]
    lines += [
        f"Plan after this: {' -> '.join(asked['plan']) or '(nothing left)'}",
        f"Proposed next: {'finish' if target == END else target} — {asked['proposal']['reason']}",
        f"May send to: {', '.join(asked['choices'])}",
    ]
    return "\n".join(lines + ([f"! {asked['error']}"] if asked.get("error") else []))
