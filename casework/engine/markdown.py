"""Markdown read as a reader sees it: sections, prose blocks, code, tables, with offsets into the source.

Parsed by markdown-it-py (CommonMark) with mdit-py-plugins' `!!! note` admonitions; nothing here
parses Markdown by pattern. A prose block (a paragraph, a list item, a quote) keeps the text a
reader sees: link text stays and link targets go, inline code keeps its text, emphasis marks,
images, inline HTML and comments go. Reference-style links whose target is defined elsewhere (MkDocs
autorefs: [`RunConfig`][agents.run.RunConfig]) are read as links too. Headings are section titles,
never prose, and lose a trailing `{#anchor}` attribute list; admonition markers and titles, HTML
blocks and front matter are dropped. Code blocks and table rows are kept apart as searchable units.

Every unit knows its span in the source (`start`, `end`) and, for prose, where each visible
character stands, so sentences split from it map back to the file. The visible text differs from
source[start:end] wherever markup was removed: that is why a Markdown passage is not a slice.
A soft line break ends a sentence (the prose posts put one sentence group per line), except inside
a hard-wrapped Latin sentence: a line that stops mid-sentence and a next line starting with a word.
Not handled: hard-wrapped Korean (each line reads as its own sentence), HTML rendered as text,
footnotes, math, MDX/JSX components.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is imported on first use: a corpus whose analysis is cached never needs it
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SECTION_SEPARATOR = " › "
TERMINAL = ".!?。…"  # a line ending in these ends its sentence
JOINS_AFTER = ",)`'\"’”"  # ...and one ending in a letter, digit or these may go on on the next line
JOINS_BEFORE = "(`[\"'‘“-"


class AnyReference(dict):
    """Link references where every label resolves, as MkDocs autorefs resolves them after the parse."""

    def get(self, key, default=None):
        return super().get(key) or {"href": "", "title": ""}


@dataclass
class Unit:
    """A piece of a document a reader sees: prose, code or a table row, with its section and source span."""

    kind: str  # "prose", "code" or "table"
    text: str
    start: int
    end: int
    section: str
    positions: list[int] = field(default_factory=list, repr=False)  # prose: source offset of each character


@dataclass
class Outline:
    """A Markdown document as sections: its headings (level, text) in order and its units."""

    headings: list[tuple[int, str]]
    units: list[Unit]


@cache
def parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin

    return MarkdownIt("commonmark").use(admon_plugin).enable("table")


def strip_attributes(heading: str) -> str:
    """A heading without its trailing attribute list: "Quickstart {#quickstart}" -> "Quickstart"."""
    from mdit_py_plugins.attrs.parse import ParseError, parse

    opening = heading.rfind("{")
    if opening < 0 or not heading.rstrip().endswith("}"):
        return heading
    attributes = heading[opening:].rstrip()
    try:
        last, _attrs = parse(attributes)  # the index of the closing brace
    except ParseError:
        return heading
    return heading[:opening].rstrip() if last == len(attributes) - 1 else heading


def _visible(inline: Token, source: str, begin: int, finish: int) -> tuple[str, list[int]]:
    """The text a reader sees of an inline token, and the source offset of each of its characters."""
    chars: list[str] = []
    positions: list[int] = []
    cursor = begin
    breaks: list[int] = []

    def take(content: str) -> None:
        nonlocal cursor
        found = source.find(content, cursor, finish)
        if found >= 0:
            chars.extend(content)
            positions.extend(range(found, found + len(content)))
            cursor = found + len(content)
            return
        for ch in content:  # escapes and entities (\* or &amp;) are not verbatim: place char by char
            found = source.find(ch, cursor, finish)
            chars.append(ch)
            positions.append(found if found >= 0 else max(begin, cursor - 1))
            cursor = found + 1 if found >= 0 else cursor

    for child in inline.children or []:  # an image is one token, its alt text among its own children
        if child.type in ("text", "code_inline"):
            take(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            newline = source.find("\n", cursor, finish)
            if child.type == "softbreak":
                breaks.append(len(chars))
            chars.append("\n")
            positions.append(newline if newline >= 0 else cursor)
            cursor = newline + 1 if newline >= 0 else cursor
        elif child.type == "html_inline":  # tags and comments are not seen; step over them
            found = source.find(child.content, cursor, finish)
            cursor = found + len(child.content) if found >= 0 else cursor
    for index in breaks:  # a hard-wrapped Latin sentence goes on across the break
        before = next((ch for ch in reversed(chars[:index]) if not ch.isspace()), "")
        after = next((ch for ch in chars[index + 1 :] if not ch.isspace()), "")
        if (
            before
            and after
            and before not in TERMINAL
            and (before.isascii() and before.isalnum() or before in JOINS_AFTER)
            and (after.isascii() and after.isalnum() or after in JOINS_BEFORE)
        ):
            chars[index] = " "
    return "".join(chars), positions


def read_markdown(text: str) -> Outline:
    """The outline of a Markdown body (front matter already removed): headings and units in order."""
    tokens = parser().parse(text, {"references": AnyReference()})
    # markdown-it counts lines by "\n" only (str.splitlines would also split on \u2028 and \x0c)
    line_starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]

    def span(token: Token) -> tuple[int, int]:
        first, last = token.map or (0, 0)
        start = line_starts[min(first, len(line_starts) - 1)]
        end = min(line_starts[min(last, len(line_starts) - 1)], len(text))
        while end > start and text[end - 1].isspace():  # the block's last line without its line end
            end -= 1
        return start, end

    headings: list[tuple[int, str]] = []
    stack: list[tuple[int, str]] = []
    units: list[Unit] = []
    row: list[str] = []
    for index, token in enumerate(tokens):
        previous = tokens[index - 1].type if index else ""
        if token.type == "inline" and previous == "heading_open":
            level = int(tokens[index - 1].tag[1:])
            title = strip_attributes(_visible(token, text, *span(token))[0].replace("\n", " ").strip())
            headings.append((level, title))
            stack = [(lv, t) for lv, t in stack if lv < level] + [(level, title)]
        elif token.type == "inline" and previous == "paragraph_open":
            visible, positions = _visible(token, text, *span(token))
            if visible.strip():
                start, end = span(token)
                units.append(Unit("prose", visible, start, end, _section(stack), positions))
        elif token.type == "inline" and previous in ("th_open", "td_open"):
            row.append(_visible(token, text, *span(token))[0].strip())
        elif token.type == "tr_close" and row:
            start, end = span(tokens[_opening(tokens, index, "tr_open")])
            units.append(Unit("table", " | ".join(row), start, end, _section(stack)))
            row = []
        elif token.type in ("fence", "code_block") and token.content.strip():
            start, end = span(token)
            units.append(Unit("code", token.content.rstrip("\n"), start, end, _section(stack)))
    return Outline(headings=headings, units=units)


def place(title: str, section: str) -> str:
    """Where a passage stands, for people: "Handoffs › Input filters" (the title leads, said once)."""
    if not section or section == title:
        return title
    return section if section.startswith(title + SECTION_SEPARATOR) else title + SECTION_SEPARATOR + section


def _section(stack: list[tuple[int, str]]) -> str:
    return SECTION_SEPARATOR.join(title for _level, title in stack)


def _opening(tokens: list[Token], index: int, kind: str) -> int:
    while index > 0 and tokens[index].type != kind:
        index -= 1
    return index


def first_heading(text: str) -> str | None:
    """The first heading of a Markdown body, as a reader sees it; None when it has none."""
    headings = read_markdown(text).headings
    return headings[0][1] if headings else None
