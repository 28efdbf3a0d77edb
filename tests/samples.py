"""Sample posts for tests that build their own small corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

POSTS = Path(__file__).resolve().parents[1] / "corpus" / "posts"
SHORTEST_POSTS = sorted(POSTS.glob("*.md"), key=lambda path: path.stat().st_size)[:4]  # quick to analyse
MAIN_JOB_POSTS = [
    *SHORTEST_POSTS,
    *sorted(POSTS.glob("애자일-agile-*.md")),
]  # the agile posts + 4


def main_job_corpus(folder: Path) -> Path:
    """A small corpus in `folder` that the main job ("summarize the agile posts") runs on."""
    for path in MAIN_JOB_POSTS:
        shutil.copy(path, folder / path.name)
    return folder
