"""Numbered sources: first cited, first numbered; a source cited twice in a sentence is marked once."""

from __future__ import annotations

from casework.skills.numbering import SourceNumbers


def test_sources_are_numbered_by_first_citation_and_marked_once_a_sentence():
    sources = SourceNumbers()
    assert sources.marks([("b", "Post B"), ("b", "Post B")]) == " [1]"
    assert sources.marks([("a", "Post A"), ("b", "Post B")]) == " [1] [2]"
    assert sources.marks([]) == ""
    assert sources.references() == ["[1] Post B", "[2] Post A"]


def test_two_posts_with_one_title_keep_two_numbers():
    sources = SourceNumbers()
    assert sources.marks(
        [("docs/en/quickstart.md", "Quickstart"), ("docs/ko/quickstart.md", "Quickstart")]
    ) == (" [1] [2]")
