"""Exporters of a run's trace: json, md (a narrative), mermaid (sequence + flowchart), html (one page)."""

from __future__ import annotations

import json

from casework.engine.errors import UserError
from casework.orchestrator.trace import Trace

FORMATS = ("json", "md", "mermaid", "html")


def export(trace: Trace, fmt: str) -> str:
    """The trace in one of FORMATS."""
    if fmt == "json":
        return json.dumps(trace.export(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from casework.exports.md import to_markdown

        return to_markdown(trace)
    if fmt == "mermaid":
        from casework.exports.mermaid import to_mermaid

        return to_mermaid(trace)
    if fmt == "html":
        from casework.exports.html import to_html

        return to_html(trace)
    raise UserError(f"unknown trace format {fmt!r} ({', '.join(FORMATS)})")


__all__ = ["FORMATS", "export"]
