"""The skill registry: skills by name, so an agent declares what it uses and a user can add more.

Built-in skills register through the same `add` a user's own skill does.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

BUILTIN = {
    "parse_intent": "casework.skills.intent",
    "topic_of": "casework.skills.selection",
    "select_posts": "casework.skills.selection",
    "summarize": "casework.skills.summarize",
    "split_claims": "casework.skills.evidence",
    "check_statement": "casework.skills.evidence",
    "find_citations": "casework.skills.citations",
    "format_citation": "casework.skills.citations",
}


class SkillRegistry:
    """Named skills: plain typed functions."""

    def __init__(self):
        self._skills: dict[str, Callable] = {}

    def add(self, function: Callable, name: str | None = None) -> Callable:
        """Register a skill under its function name (or `name`); returns it, so it can decorate."""
        self._skills[name or function.__name__] = function
        return function

    def get(self, name: str) -> Callable:
        """The skill called `name`; a KeyError names the known skills."""
        if name not in self._skills:
            raise KeyError(f"no skill named {name!r}; known: {', '.join(sorted(self._skills))}")
        return self._skills[name]

    def __contains__(self, name: str) -> bool:
        return name in self._skills

    def names(self) -> list[str]:
        return sorted(self._skills)


def default_skills() -> SkillRegistry:
    """A registry holding every built-in skill."""
    registry = SkillRegistry()
    for name, module in BUILTIN.items():
        registry.add(getattr(import_module(module), name), name)
    return registry
