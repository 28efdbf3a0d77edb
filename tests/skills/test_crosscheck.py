"""Cross-post checks on the real corpus: a quote is checked against the other posts, never its own."""

from __future__ import annotations

import pytest

from casework.skills.crosscheck import cross_check
from casework.skills.summarize import SummarySentence

ELECTRICITY = "우리가 하고 싶은 걸 하기엔 전기가 부족해"
METAVERSE = '"메타버스"라는 단어를 보면 미간이 찌푸려지는 당신에게'
H100 = "예를 들어, NVIDIA의 최신 AI 칩 H100은 최대 전력 소비량(TDP)이 700W입니다."


def quote(library, title: str, text: str) -> SummarySentence:
    post_id = next(pid for pid, a in library.posts.items() if a.post.title == title)
    return SummarySentence(
        text=text, post_id=post_id, title=title, sentence_index=0, start=0, end=len(text), quoted=True
    )


def test_a_sentence_checked_against_its_own_post_only_is_not_corroborated(library):
    assert H100 in next(a.post.text for a in library.posts.values() if a.post.title == ELECTRICITY)
    own = cross_check(library, quote(library, ELECTRICITY, H100))
    assert own.finding == "only_in_source" and own.evidence == []  # no other post says it


def test_the_same_sentence_from_another_post_is_corroborated_by_the_post_that_says_it(library):
    elsewhere = cross_check(library, quote(library, METAVERSE, H100))
    assert elsewhere.finding == "corroborated"
    assert [e.title for e in elsewhere.evidence] == [ELECTRICITY]
    assert "700W" in elsewhere.evidence[0].sentence


def test_a_sentence_another_post_states_otherwise_is_contradicted_with_the_conflicting_sentence(library):
    changed = H100.replace("700W", "300W")
    check = cross_check(library, quote(library, METAVERSE, changed))
    assert check.finding == "contradicted"
    assert check.evidence[0].title == ELECTRICITY and "700W" in check.evidence[0].sentence
    assert "700W" in check.reason


@pytest.mark.parametrize("title", [ELECTRICITY, METAVERSE])
def test_evidence_never_comes_from_the_quotes_own_post(library, title):
    check = cross_check(library, quote(library, title, H100))
    assert all(e.title != title for e in check.evidence)
