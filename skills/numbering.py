"""Numbered sources: the [1], [2] marks of a text and the list of references under it.

One numbering for the case worker's plain-text answer and the terminal's report, so the two agree:
sources are numbered in the order they are first cited, and a source cited twice in one sentence
is marked once ("[1]", never "[1] [1]").
"""

from __future__ import annotations

from collections.abc import Iterable


class SourceNumbers:
    """The sources cited so far, each with its number and the label the reference list shows."""

    def __init__(self) -> None:
        self.sources: dict[str, tuple[int, str]] = {}

    def number(self, key: str, label: str | None = None) -> int:
        """The source's number, given on its first citation."""
        return self.sources.setdefault(key, (len(self.sources) + 1, label or key))[0]

    def marks(self, cited: Iterable[tuple[str, str]]) -> str:
        """' [1] [3]' for the (key, label) sources a sentence cites, each once, in number order."""
        return "".join(f" [{n}]" for n in sorted({self.number(key, label) for key, label in cited}))

    def references(self) -> list[str]:
        """'[n] label' for every source cited, in number order."""
        return [f"[{n}] {label}" for n, label in sorted(self.sources.values())]
