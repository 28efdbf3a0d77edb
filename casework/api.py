"""The Python API: what the CLI calls, and what a Python user calls the same way."""

from __future__ import annotations

from pathlib import Path

from casework.config import Settings
from casework.workspace import IngestReport, ingest, open_library
from skills.corpus import Post, load_posts, split_folder, write_posts
from skills.errors import UserError
from skills.retrieval import Hit

MAX_QUERY_CHARS = 2000


def check_text(text: str, what: str = "query", limit: int = MAX_QUERY_CHARS) -> str:
    """The text stripped, or a UserError saying why it cannot be used."""
    cleaned = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t").strip()
    if not cleaned:
        raise UserError(f"the {what} is empty")
    if len(cleaned) > limit:
        raise UserError(f"the {what} is too long ({len(cleaned):,} characters; the limit is {limit:,})")
    return cleaned


def search(query: str, k: int = 5, settings: Settings | None = None, mode: str = "hybrid") -> list[Hit]:
    """The k best passages for a query (Korean or English), hybrid dense + BM25."""
    if k < 1:
        raise UserError("k must be at least 1")
    if mode not in ("hybrid", "dense", "lexical"):
        raise UserError(f"unknown search mode {mode!r} (hybrid, dense or lexical)")
    return open_library(settings or Settings()).search(check_text(query), k=k, mode=mode)


def list_posts(settings: Settings | None = None) -> list[Post]:
    """The posts of the corpus folder, without their text analysed."""
    posts, _warnings = load_posts((settings or Settings()).corpus)
    return posts


def split_corpus(raw: Path, out: Path) -> list[Post]:
    """Split raw dumps (a folder of .txt) into one Markdown post per file in `out`."""
    if not raw.is_dir():
        raise UserError(f"raw folder not found: {raw}")
    posts = split_folder(raw)
    if not posts:
        raise UserError(f"no posts found in {raw}")
    write_posts(posts, out)
    return posts


__all__ = ["IngestReport", "Settings", "check_text", "ingest", "list_posts", "search", "split_corpus"]
