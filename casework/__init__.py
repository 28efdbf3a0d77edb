"""casework: a case worker and specialist agents that hand a case to each other.

    import casework
    hits = casework.search("the agile posts")

The names below load on first use, so `import casework.orchestrator` pulls in neither Chroma nor
Kiwi (the orchestrator needs only LangGraph and pydantic), and `casework --help` answers at once.
"""

from importlib import import_module

EXPORTS = {
    "Settings": "casework.config",
    **{
        name: "casework.api"
        for name in (
            "check",
            "cite",
            "default_flow",
            "ingest",
            "list_posts",
            "run",
            "search",
            "split_corpus",
            "summarize",
        )
    },
}
__all__ = sorted(EXPORTS)


def __getattr__(name: str):
    if name not in EXPORTS:
        raise AttributeError(f"module 'casework' has no attribute {name!r}")
    return getattr(import_module(EXPORTS[name]), name)
