"""The checkpoint serializer: a stored checkpoint may rebuild casework's own types and nothing else.

LangGraph's default serializer imports and calls whatever module-level callable a stored checkpoint
names (it only warns), so a row planted in `runs.sqlite` or in a shared Postgres could run code on
`casework resume`. `serializer()` gives the savers LangGraph's `JsonPlusSerializer` with an explicit
msgpack allowlist: the pydantic models (and enums) the flow's state is declared with, plus LangGraph's
own safe types; `LANGGRAPH_STRICT_MSGPACK` then changes nothing. A checkpoint that names anything
else, or is stored as pickle, is refused with a `UserError` before anything is rebuilt from it.
Not handled: a user's own pydantic model kept in `extras` (typed `Any`) comes back as a plain dict.
"""

from __future__ import annotations

import logging
import threading
from enum import Enum
from typing import Any, get_args

from langgraph.checkpoint.serde.event_hooks import register_serde_event_listener
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from pydantic import BaseModel

from casework.engine.errors import UserError

BLOCKED = ("msgpack_blocked", "msgpack_method_blocked")
WRITTEN = ("null", "bytes", "bytearray", "msgpack")  # what dumps_typed makes; never pickle, nor legacy json


def state_types(model: type[BaseModel]) -> set[tuple[str, str]]:
    """(module, name) of every pydantic model and enum a state model is declared with, itself included.

    LangGraph collects the same under LANGGRAPH_STRICT_MSGPACK, but in a private module; this walk
    reads only the public annotations.
    """
    found: set[tuple[str, str]] = set()

    def walk(annotation: Any) -> None:
        for argument in get_args(annotation):  # list[X], X | None, Annotated[list[X], reducer], dict[K, V]
            walk(argument)
        if not isinstance(annotation, type) or (annotation.__module__, annotation.__name__) in found:
            return
        if issubclass(annotation, Enum):
            found.add((annotation.__module__, annotation.__name__))
        elif issubclass(annotation, BaseModel):
            found.add((annotation.__module__, annotation.__name__))
            for field in annotation.model_fields.values():
                walk(field.annotation)

    walk(model)
    return found


class CaseSerializer(JsonPlusSerializer):
    """JsonPlusSerializer that refuses, instead of degrading, a checkpoint naming a type not allowed."""

    def __init__(self, allowed: set[tuple[str, str]], where: str) -> None:
        super().__init__(allowed_msgpack_modules=sorted(allowed), pickle_fallback=False)
        self.where = where

    def loads_typed(self, data: tuple[str, bytes]) -> Any:
        kind = data[0]
        if kind not in WRITTEN:
            raise UserError(
                f"refused a checkpoint in {self.where}: stored as {kind!r}, which casework never writes"
            )
        blocked: list[str] = []
        me = threading.get_ident()

        def hear(event) -> None:  # LangGraph's listeners are process-wide: keep this thread's events only
            if event["kind"] in BLOCKED and threading.get_ident() == me:
                blocked.append(".".join(filter(None, (event["module"], event["name"], event.get("method")))))

        stop = register_serde_event_listener(hear)
        try:
            value = super().loads_typed(data)  # a blocked type is never imported: its raw data comes back
        except (
            ValueError,
            TypeError,
        ) as error:  # not msgpack at all (ormsgpack's decode error is a ValueError)
            raise UserError(f"refused a checkpoint in {self.where}: it cannot be read ({error})") from None
        finally:
            stop()
        if blocked:
            raise UserError(
                f"refused a checkpoint in {self.where}: it names {blocked[0]}, which is not one of "
                "casework's types (a planted or foreign row; delete that run)"
            )
        return value


def said_in_our_error(record: logging.LogRecord) -> bool:
    """LangGraph also logs each blocked type; the UserError above already says it, in one line."""
    return not str(record.msg).startswith("Blocked deserialization")


def serializer(where: str, state: type[BaseModel] | None = None) -> CaseSerializer:
    """The serializer both savers get: the state type's own types allowed, `where` named in refusals.

    `state` is the flow's state type (`Flow.state`); the built-in agents' Case when not given.
    """
    if state is None:
        from casework.agents.case import Case as state

    log = logging.getLogger("langgraph.checkpoint.serde.jsonplus")
    if said_in_our_error not in log.filters:
        log.addFilter(said_in_our_error)
    return CaseSerializer(state_types(state), where)
