"""Sample posts for tests that build their own small corpus."""

from __future__ import annotations

from pathlib import Path

POSTS = Path(__file__).resolve().parents[1] / "corpus" / "posts"
SHORTEST_POSTS = sorted(POSTS.glob("*.md"), key=lambda path: path.stat().st_size)[:4]  # quick to analyse
