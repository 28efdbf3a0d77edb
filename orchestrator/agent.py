"""An agent is data plus one function: its name, purpose, skills, whom it may hand to, and `act`.

`act(state, tools) -> Turn` does the work with the skills it declared and says where the case
goes next. Skills are passed as the functions themselves (`skills=[summarize]`), so a name is
written once and a typo fails when the agent is made. `Tools` is the one door to them: it calls
only what the agent declared, times each call for the trace, and passes the case on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from casework.orchestrator.handoff import Handoff, handoff


class Turn(BaseModel):
    """What an agent returns: the state it changed and the handoff that passes the case on."""

    update: dict[str, Any] = Field(default_factory=dict)
    handoff: Handoff


class Agent(BaseModel):
    """A specialist (or the case worker): what it is for, what it may use, where it may pass the case."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    name: str
    description: str = ""
    skills: list[Callable] = Field(default_factory=list, exclude=True, description="Plain typed functions.")
    handoffs: list[str] = Field(default_factory=list, description="Agents this one may hand the case to.")
    act: Callable[..., Turn] = Field(exclude=True)

    @field_validator("skills")
    @classmethod
    def _one_function_per_name(cls, skills: list[Callable]) -> list[Callable]:
        names = [skill.__name__ for skill in skills]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValueError(f"two skills are named {', '.join(repeated)}; a skill's name must be unique")
        return skills


class UndeclaredSkill(KeyError):
    """An agent used a skill it did not declare: the agent's code is wrong, so this is raised, not noted."""


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
    return clip(" ".join(text.split()), limit)


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Tools:
    """What `act` works with: the agent's skills, the run's shared context, and the way to pass the case on.

    `emit` writes a custom event to the run's stream (skill calls, verdicts, fallbacks): the trace
    is built from those events, never written by the agent itself.
    """

    def __init__(
        self, agent: Agent, context: Any, state: Any = None, emit: Callable[[dict], None] = lambda event: None
    ):
        self.agent, self.context, self.state, self._emit = agent, context, state, emit
        self._skills = {skill.__name__: skill for skill in agent.skills}

    @property
    def library(self):
        """The corpus the skills read (passed to them; agents do not search it themselves)."""
        return self.context.library

    def use(self, skill: Callable | str, *args: Any, **kwargs: Any) -> Any:
        """Call one of the agent's declared skills (the function, or its name), timed and reported."""
        name = skill if isinstance(skill, str) else skill.__name__
        if name not in self._skills:
            raise UndeclaredSkill(f"agent {self.agent.name!r} did not declare skill {name!r}")
        started = time.perf_counter()
        result = self._skills[name](*args, **kwargs)
        hidden = (self.library, *(getattr(self.context, "models", None) or {}).values())
        shown = [a for a in args if not any(a is h for h in hidden)]
        call = SkillCall(
            agent=self.agent.name,
            skill=name,
            inputs=brief(shown + list(kwargs.values())),
            result=brief(result),
            ms=round((time.perf_counter() - started) * 1000, 2),
        )
        self.emit("skill", **call.model_dump(exclude={"agent"}))
        return result

    def emit(self, event: str, **fields: Any) -> None:
        """Record an event of this agent in the run's stream (and so in its trace)."""
        self._emit({"event": event, "agent": self.agent.name, **fields})

    def pass_on(
        self,
        reason: str,
        update: dict[str, Any] | None = None,
        *,
        plan: list[str] | None = None,
        **payload: Any,
    ) -> Turn:
        """Hand the case to the plan's next agent when this one may reach it, else back to the supervisor.

        `update` is what the agent changed in the case; `payload` says in brief what went with it (the
        trace shows it). `plan` replaces the plan still to run (pass [] to drop it).
        """
        plan = list(self.state.plan if plan is None else plan)
        me, supervisor = self.agent, self.context.supervisor
        if plan and plan[0] in me.handoffs:
            target, remaining = plan[0], plan[1:]
        else:
            target, remaining = supervisor, plan
            back = " to forward the case." if plan else " to compile the answer."
            reason = f"{reason} Back to the {supervisor.replace('_', ' ')}{back}"
        return Turn(
            update={**(update or {}), "plan": remaining}, handoff=handoff(me.name, target, reason, **payload)
        )
