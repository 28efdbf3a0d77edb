"""Topics on a folder of documentation pages (bench/data/docs, dev requests only): the title and main
sections decide, not passing mentions; repeated titles are separate pages; an English request finds a
Korean page through the multilingual encoder when no glossary translates its words."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.config import Settings
from casework.skills.crosslingual import translate
from casework.skills.selection import select_posts, topic_of
from casework.workspace import open_library

DOCS = Path(__file__).resolve().parents[2] / "bench" / "data" / "docs"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    home = tmp_path_factory.mktemp("docs-home")
    return {name: open_library(Settings(home=home, corpus=DOCS / name)) for name in ("en", "ko")}


def selected(library, request: str) -> list[str]:
    return sorted(library.posts[pid].post.source for pid in select_posts(library, topic_of(request)))


def test_the_page_titled_handoffs_not_every_page_that_mentions_them(pages):
    library = pages["en"]
    mentions = [a.post.source for a in library.posts.values() if "handoff" in a.post.text.lower()]
    assert len(mentions) >= 5  # orchestration, tracing, the FAQ, ... all name handoffs
    assert selected(library, "summarize the handoff docs") == ["concepts/handoffs.md"]
    assert selected(pages["ko"], "핸드오프 문서 요약해줘") == ["concepts/handoffs.md"]


def test_two_pages_with_one_title_are_both_selected(pages):
    both = ["getting-started/quickstart.md", "python/quickstart.md"]
    assert selected(pages["en"], "summarize the quickstart docs") == both
    assert selected(pages["ko"], "빠른 시작 문서 요약해줘") == both


def test_an_english_request_finds_the_korean_page_through_the_encoder(pages):
    library = pages["ko"]
    assert translate(library, "human in the loop") == "사람이 함께하는 실행"
    assert selected(library, "summarize the human in the loop docs") == ["guides/human-in-the-loop.md"]


def test_a_topic_far_from_every_title_has_no_translation(pages):
    assert translate(pages["ko"], "volcanic eruptions in Iceland") is None
    assert selected(pages["ko"], "summarize the volcanic eruption docs") == []
