"""casework: a case worker and specialist agents that hand a case to each other.

    import casework
    hits = casework.search("the agile posts")
"""

from casework.api import ingest, list_posts, search, split_corpus
from casework.config import Settings

__all__ = ["Settings", "ingest", "list_posts", "search", "split_corpus"]
