"""Exercises that check themselves: `casework exercises` lists them, `casework exercises check N` grades one.

Each exercise is a Python file the learner edits: a starter in `exercises/` of the checkout, which
also travels in the wheel (`casework.exercises.starters`), so `casework exercises start N` copies it
into the home for an installed casework. The check imports it, runs the real flow on the real
corpus with it (or asks it a question about a real trace) and says pass or fail, with a hint that
points at the concept, never at the answer. The catalogue is here; the checks are in `checks.py`;
solutions live apart, in tests/exercises/solutions, where CI checks that each passes and each
starter fails.
Not handled: sandboxing. The learner's file runs as ordinary Python with the learner's rights.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import traceback
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel, ConfigDict

from casework.config import Settings
from casework.engine.errors import UserError
from casework.exercises import checks
from casework.exercises.checks import Failed

STARTERS = files("casework.exercises.starters")  # exercises/ of the checkout, or its copy in the wheel


class Exercise(BaseModel):
    """One exercise: what to do, which concept it trains, and how it is checked."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    number: int
    file: str
    title: str
    concept: str
    hint: str
    check: Callable[[ModuleType, Settings], str]


EXERCISES = [
    Exercise(
        number=1,
        file="01_add_an_agent.py",
        title="Add an agent of your own right after the summarizer",
        concept="agent = data + one function; skills; Flow.add",
        hint="An agent is data plus one function: Agent(name=..., skills=[a plain function], act=...). "
        "Its act uses the skill through tools.use and ends with tools.pass_on(reason, update). "
        "Flow.add(agent, after=...) wires it into every plan (docs/tour.md, step 4).",
        check=checks.add_an_agent,
    ),
    Exercise(
        number=2,
        file="02_send_back.py",
        title="The fact-checker sends a refuted sentence back to the summarizer, once",
        concept="a handoff may go backwards; the handoff log as memory",
        hint="A handoff can point back: an agent may hand the case to any agent its `handoffs` declare, and "
        "pass_on(..., plan=[...]) says who holds it next and after. state.handoffs remembers what happened "
        "before, which is how an agent does something only once.",
        check=checks.send_back,
    ),
    Exercise(
        number=3,
        file="03_ping_pong.py",
        title="Provoke a ping-pong and let the guard stop it at two bounces",
        concept="the loop guard (orchestrator/guard.py)",
        hint="Two agents that each name the other as the next holder never converge. The guard counts "
        "handoffs per pair of agents; a Flow's `limits` (Limits(...)) sets where it steps in.",
        check=checks.ping_pong,
    ),
    Exercise(
        number=4,
        file="04_remove_an_agent.py",
        title="Remove the citation finder and predict the case worker's new plan",
        concept="plans: the case worker routes by the flow it is given",
        hint="Flow.remove(name) takes an agent out of the flow and out of every plan. The case worker's "
        "first handoff carries the plan it made: look at it with `casework trace show last`.",
        check=checks.remove_an_agent,
    ),
    Exercise(
        number=5,
        file="05_read_a_trace.py",
        title="From a trace: who held the case longest, and why was it handed on at step N",
        concept="the trace: every handoff says who, how long and why",
        hint="trace.handoffs() lists every handoff in order: its source held the case for held_ms before "
        "passing it on, for the reason given. A holder may have the case more than once: add its turns up. "
        "Step n of a relay ends with the n-th handoff.",
        check=checks.read_a_trace,
    ),
    Exercise(
        number=6,
        file="06_in_parallel.py",
        title="Let the fact-checker and the citation finder work at the same time",
        concept="fan-out and join (LangGraph Send)",
        hint="Both specialists read the summary and neither needs the other's work, so they can take "
        "copies of the case at once and join at the case worker: orchestrator/parallel.py.",
        check=checks.in_parallel,
    ),
    Exercise(
        number=7,
        file="07_route_by_hand.py",
        title="Route the main job by hand, skipping the fact-checker",
        concept="a human in the loop (--human): approve, send, edit, finish",
        hint="With human=True the run pauses before every handoff and waits for one answer: approve, "
        'send AGENT, edit INSTRUCTION or finish. Try `casework run "summarize the agile posts" --human` '
        "and count the pauses.",
        check=checks.route_by_hand,
    ),
]


def find(number: int) -> Exercise:
    for exercise in EXERCISES:
        if exercise.number == number:
            return exercise
    raise UserError(f"no exercise {number} (there are {len(EXERCISES)}: see `casework exercises`)")


def started(exercise: Exercise, settings: Settings) -> Path:
    """Where `start` puts the learner's copy: the home's exercises/ folder."""
    return settings.home / "exercises" / exercise.file


def start(number: int, settings: Settings | None = None) -> Path:
    """Copy exercise `number`'s starter into the home to edit; an existing copy is never overwritten."""
    exercise, settings = find(number), settings or Settings()
    target = started(exercise, settings)
    if target.exists():
        raise UserError(f"{target} exists already: edit it, or delete it to start over")
    target.parent.mkdir(parents=True, exist_ok=True)
    with (STARTERS / exercise.file).open("rb") as starter, target.open("xb") as copy:
        shutil.copyfileobj(starter, copy)
    return target


def locate(exercise: Exercise, settings: Settings, file: Path | None = None) -> Path:
    """The learner's file: the one given, else exercises/ here (a checkout), else the home's copy."""
    for path in [file] if file else [Path("exercises") / exercise.file, started(exercise, settings)]:
        if path.is_file():
            return path
    wanted = file or Path("exercises") / exercise.file
    raise UserError(
        f"no file for exercise {exercise.number}: {wanted} "
        f"(`casework exercises start {exercise.number}` copies the starter into the home)"
    )


def load(path: Path) -> ModuleType:
    """Import the learner's file as a fresh module (not cached: a second check sees the edits)."""
    spec = importlib.util.spec_from_file_location(f"exercise_{abs(hash(path.resolve()))}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.pop(spec.name, None)
    spec.loader.exec_module(module)
    return module


class Result(BaseModel):
    number: int
    passed: bool
    message: str
    hint: str = ""


def check(number: int, file: Path | None = None, settings: Settings | None = None) -> Result:
    """Grade the learner's solution to exercise `number`: pass, or fail with what went wrong and a hint."""
    exercise, settings = find(number), settings or Settings()
    path = locate(exercise, settings, file)
    try:
        message = exercise.check(load(path), settings)
    except Failed as failed:
        return Result(number=number, passed=False, message=str(failed), hint=exercise.hint)
    except Exception as error:  # the learner's code raised: show where, as a learner needs it
        frame = next(
            (f for f in reversed(traceback.extract_tb(error.__traceback__)) if f.filename == str(path)), None
        )
        where = f" (line {frame.lineno} of {path.name}: {frame.line})" if frame else ""
        message = f"your code raised {type(error).__name__}: {error}{where}"
        return Result(number=number, passed=False, message=message, hint=exercise.hint)
    return Result(number=number, passed=True, message=message)


__all__ = ["EXERCISES", "Exercise", "Failed", "Result", "check", "find", "start"]
