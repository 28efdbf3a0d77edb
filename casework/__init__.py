"""casework: a case worker and specialist agents that hand a case to each other.

import casework
hits = casework.search("the agile posts")
"""

from casework.api import check, cite, default_flow, ingest, list_posts, run, search, split_corpus, summarize
from casework.config import Settings

__all__ = [
    "Settings",
    "check",
    "cite",
    "default_flow",
    "ingest",
    "list_posts",
    "run",
    "search",
    "split_corpus",
    "summarize",
]
