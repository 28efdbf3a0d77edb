"""Every field of a Markdown export is text, whatever it holds (issue 15, item 9).

Before: a task's `![](https://…)` made an image that loads from another site, a corpus
`[x](javascript:…)` made a link, and a stray carriage return started a heading or a code fence.
The export is parsed with markdown-it-py (CommonMark, as GitHub and most viewers read it).
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from casework import api
from casework.exports.md import to_markdown
from casework.exports.steps import steps
from casework.orchestrator.trace import Trace

HOSTILE = (
    "![x](https://evil.example/p.png) [click](javascript:alert(1)) <img src=x> *em* _u_ `t`"
    "\r# Owned\r```\n    indented\u2028## Two\x85> quote\n- item\n1. one\n---\n| a | b |"
)


def poisoned(trace: Trace) -> Trace:
    """The trace with the hostile text around every string a run or the corpus supplies."""

    def spoil(value):
        if isinstance(value, str):
            return f"{HOSTILE} {value} {HOSTILE}"
        if isinstance(value, list):
            return [spoil(v) for v in value]
        if isinstance(value, dict):
            return {k: spoil(v) for k, v in value.items()}
        return value

    keep = {"kind", "source", "target", "agent", "skill", "changed", "actor"}  # names from code
    events = [
        e.model_copy(update={k: spoil(v) for k, v in e.model_dump().items() if k not in keep})
        for e in trace.events
    ]
    return trace.model_copy(
        update={"task": spoil(trace.task), "outcome": spoil(trace.outcome), "events": events}
    )


def tokens(markdown: str):
    for token in MarkdownIt("commonmark").parse(markdown):
        yield token
        yield from token.children or []


def test_a_hostile_trace_exports_as_plain_text(settings):
    report = api.run("summarize: 애자일", settings)
    trace = poisoned(api.trace(report.run_id, settings))
    markdown = to_markdown(trace)
    found = [t.type for t in tokens(markdown)]
    for kind in (
        "image",
        "link_open",
        "html_inline",
        "html_block",
        "fence",
        "code_block",
        "blockquote_open",
        "hr",
    ):
        assert kind not in found, (kind, markdown[:2000])
    headings = [t for t in tokens(markdown) if t.type == "heading_open"]
    assert len(headings) == 1 + len(steps(trace)), markdown[:3000]  # the title and one a step, no more
    assert "evil.example" in markdown  # the text is kept, as text
