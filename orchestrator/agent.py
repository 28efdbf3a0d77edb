"""An agent is data plus one function: its name, purpose, skills, whom it may hand to, and `act`.

`act(state, tools) -> Turn` does the work with the skills it declared and says where the case
goes next. `Tools` gives it those skills (and nothing else), timing each call for the trace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from casework.orchestrator.handoff import Handoff, handoff


class Turn(BaseModel):
    """What an agent returns: the state it changed and the handoff that passes the case on."""

    update: dict[str, Any] = Field(default_factory=dict)
    handoff: Handoff


class Agent(BaseModel):
    """A specialist (or the case worker): what it is for, what it may use, where it may pass the case."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    name: str
    description: str
    skills: list[str] = Field(default_factory=list)
    handoffs: list[str] = Field(default_factory=list, description="Agents this one may hand the case to.")
    act: Callable[..., Turn] = Field(exclude=True)


class SkillCall(BaseModel):
    """One use of a skill, as the trace shows it."""

    agent: str
    skill: str
    inputs: str
    result: str
    ms: float


def brief(value: Any, limit: int = 80) -> str:
    """A one-line glimpse of a value for traces."""
    if isinstance(value, list):
        return f"{len(value)} item(s)" + (f": {brief(value[0], limit // 2)}" if value else "")
    text = value.model_dump_json() if isinstance(value, BaseModel) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Tools:
    """The skills an agent declared, with the shared context, each call timed and reported."""

    def __init__(self, agent: Agent, context: Any, report: Callable[[SkillCall], None] = lambda call: None):
        self.agent, self.context, self.report = agent, context, report

    @property
    def library(self):
        return self.context.library

    def use(self, skill: str, *args: Any, **kwargs: Any) -> Any:
        """Call one of the agent's declared skills by name."""
        if skill not in self.agent.skills:
            raise KeyError(f"agent {self.agent.name!r} did not declare skill {skill!r}")
        started = time.perf_counter()
        result = self.context.skills.get(skill)(*args, **kwargs)
        shown = [a for a in args if a is not self.library]
        self.report(
            SkillCall(
                agent=self.agent.name,
                skill=skill,
                inputs=brief(shown + list(kwargs.values())),
                result=brief(result),
                ms=round((time.perf_counter() - started) * 1000, 2),
            )
        )
        return result


def pass_case(tools: Tools, plan: list[str], reason: str, update: dict[str, Any], **payload: Any) -> Turn:
    """Hand the case to the next agent of the plan when this agent may reach it, else back to the supervisor."""
    me, supervisor = tools.agent, tools.context.supervisor
    if plan and plan[0] in me.handoffs:
        target, remaining = plan[0], plan[1:]
    else:
        target, remaining = supervisor, plan
        reason = f"{reason} Back to the {supervisor.replace('_', ' ')}" + (
            " to forward the case." if plan else " to compile the answer."
        )
    return Turn(update={**update, "plan": remaining}, handoff=handoff(me.name, target, reason, **payload))
