"""How an agent thinks with a chat model when the run gives it one, and falls back when the model fails.

`think(tools, skill, *args, offline=...)` calls an LLM skill (skills/llm.py) with the agent's model,
through the same door as every other skill (`tools.use`: declared, timed, in the trace),
under a timeout, retried with exponential backoff; when every attempt fails (an error, a timeout,
an answer that does not fit) it returns `offline()` and writes a custom stream event
{"event": "fallback", "agent", "skill", "reason"} that the trace records. Without a model it is
just `offline()`, so the offline path stays as it was. Reasons never show an API key.
Not handled: cancelling a timed-out call (its thread is left to finish on its own).
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from casework.orchestrator.agent import Tools, UndeclaredSkill
from casework.skills.llm import redact

ATTEMPTS = 2  # one retry: a malformed answer or a dropped connection often succeeds the second time
BACKOFF = 1.0  # seconds before the first retry, doubled for each next one
TIMEOUT = 120.0  # seconds one model call may take


def model_of(tools: Tools):
    """The chat model this run gave the agent, or None (offline)."""
    return (tools.context.models or {}).get(tools.agent.name)


def think(tools: Tools, skill: Callable, *args: Any, offline: Callable[[], Any], **kwargs: Any) -> Any:
    """`skill(model, *args)` with the agent's model, else (no model, or it kept failing) `offline()`."""
    model = model_of(tools)
    if model is None:
        return offline()
    error = None
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(BACKOFF * 2 ** (attempt - 1))
        try:
            return _call_with_timeout(tools.use, skill, model, *args, **kwargs)
        except UndeclaredSkill:  # the agent's code is wrong, not the model: no fallback hides that
            raise
        except Exception as failure:  # any failure of the model path ends in the offline skill, recorded
            error = failure
    reason = redact(f"{type(error).__name__}: {error}", model)[:300]
    tools.emit(
        "fallback",
        skill=skill.__name__,
        reason=f"{reason} (after {ATTEMPTS} attempts; used the offline skill)",
    )
    return offline()


def _call_with_timeout(use: Callable, skill: Callable, model: Any, *args: Any, **kwargs: Any) -> Any:
    pool = ThreadPoolExecutor(max_workers=1)
    context = contextvars.copy_context()  # the model's callbacks and config live in context variables
    future = pool.submit(context.run, use, skill, model, *args, **kwargs)
    try:
        return future.result(timeout=TIMEOUT)
    except FutureTimeout:
        raise TimeoutError(f"the model did not answer within {TIMEOUT:.0f}s") from None
    finally:
        pool.shutdown(wait=False)
