"""Topic selection and extractive summaries over the project's real corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from casework.engine.index import AnalyzedSentence
from casework.skills.selection import select_posts, topic_of
from casework.skills.summarize import (
    MOST,
    PER_POST_MOST,
    THESIS,
    clean,
    flags_point,
    is_fragment,
    quotas,
    summarize,
    tfidf,
)

AGILE_TITLES = {"애자일(Agile) : 우리가 실패하는 이유", "애자일(Agile) : 성공하는 프로젝트들의 비결"}


def agile_ids(library) -> list[str]:
    return sorted(pid for pid, a in library.posts.items() if a.post.title in AGILE_TITLES)


@pytest.mark.parametrize(
    "request_text, topic",
    [
        ("summarize the agile posts", "agile"),
        ("Summarize the posts about state space models.", "state space models"),
        ("What does the blog say about Nvidia?", "Nvidia"),
        ("AI 에이전트 협업에 관한 글 요약해줘", "AI 에이전트 협업"),
        ("메타버스에 대한 글", "메타버스"),
        ("전기와 에너지 문제를 다룬 글들을 요약해줘", "전기와 에너지 문제"),
        ("인공지능 UX 스터디 공유회 내용 정리해줘", "인공지능 UX 스터디 공유회"),
    ],
)
def test_topic_of_strips_request_words(request_text, topic):
    assert topic_of(request_text) == topic


def test_agile_topic_selects_exactly_the_two_agile_posts(library):
    assert len(agile_ids(library)) == 2
    assert sorted(select_posts(library, topic_of("the agile posts"))) == agile_ids(library)


def test_a_topic_the_corpus_does_not_discuss_selects_nothing(library):
    assert select_posts(library, "quantum cooking") == []


@pytest.fixture(scope="module")
def agile_summary(library):
    return summarize(library, agile_ids(library), max_sentences=6)


def test_summary_sentences_point_at_their_original_sentence(library, agile_summary):
    assert agile_summary
    for s in agile_summary:
        analyzed = library.posts[s.post_id]
        original = analyzed.sentences[s.sentence_index]
        assert analyzed.post.text[s.start : s.end] == original.text
        assert (s.start, s.end) == (original.start, original.end)
        assert s.title == analyzed.post.title
        assert s.text in original.text  # cleaned text is a tail of the original, never rewritten


def test_summary_respects_length_and_covers_both_posts(library, agile_summary):
    assert len(agile_summary) <= 6
    assert {s.post_id for s in agile_summary} == set(agile_ids(library))
    assert len(summarize(library, agile_ids(library), max_sentences=2)) == 2
    assert summarize(library, [], max_sentences=4) == []


def test_summary_is_grouped_by_post_thesis_first_then_in_reading_order_without_near_duplicates(
    library, agile_summary
):
    order = [(agile_ids(library).index(s.post_id), s.sentence_index) for s in agile_summary]
    assert [post for post, _ in order] == sorted(post for post, _ in order)  # grouped by post
    for post in {post for post, _ in order}:
        rest = [index for p, index in order if p == post][1:]
        assert rest == sorted(rest)  # after the opening sentence, the post's own order
    vectors = tfidf(
        library, [library.posts[s.post_id].sentences[s.sentence_index].terms for s in agile_summary]
    )
    similarity = vectors @ vectors.T
    for i in range(len(agile_summary)):
        for j in range(i + 1, len(agile_summary)):
            assert similarity[i, j] < 0.5


def test_a_post_summary_opens_on_its_conclusion_not_on_the_first_sentence_picked(library):
    summary = summarize(library, agile_ids(library)[:1] + agile_ids(library)[1:], max_sentences=10)
    for post in {s.post_id for s in summary}:
        mine = [s for s in summary if s.post_id == post]
        if len(mine) > 1 and any(THESIS.search(s.text.lower()) for s in mine):
            assert THESIS.search(mine[0].text.lower()), [s.text for s in mine]


def test_summaries_keep_the_budget_of_five_sentences_a_post_and_twelve_in_all(library):
    every = list(library.posts)
    summary = summarize(library, every[:6])
    assert len(summary) <= MOST == 12
    assert max(Counter(s.post_id for s in summary).values()) <= PER_POST_MOST == 5
    assert len(summarize(library, every[:6], max_sentences=40)) <= MOST
    assert quotas([50, 2, 30], 12) == [5, 2, 5]


def test_summary_sentences_are_neither_fragments_nor_open_with_fillers(library, agile_summary):
    fillers = ("뭐,", "아무튼", "사실,", "그럼", "음,", "자,")
    for s in agile_summary:
        assert not s.text.startswith(fillers)
        assert not s.text.rstrip().endswith("?")
        assert len(s.text) >= 20


def test_focus_pulls_the_summary_toward_the_question(library):
    ssm = [pid for pid, a in library.posts.items() if a.post.title.endswith("SSM")]
    summary = summarize(library, ssm, focus="what does the author think about Transformer?", max_sentences=3)
    assert any("transformer" in s.text.lower() for s in summary)


def test_an_aside_far_from_what_was_asked_is_left_out_of_a_focused_summary(library):
    bci = [pid for pid, a in library.posts.items() if a.post.title == '우리가 "통 속의 뇌"라면?']
    aside = "렉스 프리드먼의 팟캐스트"  # the writer's weekend podcast, in a post on brain-computer interfaces
    assert any(aside in s.text for s in summarize(library, bci))
    focused = summarize(library, bci, focus="what does the blog say about brain-computer interfaces?")
    assert len(focused) == 5 and not any(aside in s.text for s in focused)


@pytest.mark.parametrize(
    "text, cleaned",
    [
        ("뭐, 이건 애자일의 이야기입니다.", "이건 애자일의 이야기입니다."),
        ("아무튼 결론은 간단합니다.", "결론은 간단합니다."),
        ("사실, 가장 많이 쓰이는 기능입니다.", "가장 많이 쓰이는 기능입니다."),
        ("음, 자, 그럼 시작해 봅시다.", "시작해 봅시다."),
        ("사실 확인이 먼저입니다.", "사실 확인이 먼저입니다."),
    ],
)
def test_clean_drops_leading_fillers_only(text, cleaned):
    assert clean(text) == cleaned


@pytest.mark.parametrize(
    "text, terms",
    [
        ("입니다.", []),
        ("여러분은 어떻게 생각하시나요?", ["여러분", "어떻", "생각", "하"]),
        ("- 애자일 선언문", ["애자일", "선언문"]),
        ("애자일 선언문과 원칙", ["애자일", "선언문", "원칙"]),
    ],
)
def test_fragments_are_recognised(text, terms):
    assert is_fragment(AnalyzedSentence(text=text, start=0, end=len(text), terms=terms))


def test_summary_length_by_size_grows_with_the_posts_and_stays_capped(library):
    from casework.skills.summarize import length_for

    assert (
        length_for([6]) == 3
        and length_for([30]) == 5
        and length_for([60]) == 5
        and length_for([90, 90, 90]) == MOST
    )
    assert length_for([2]) == 2  # never more than a post's candidate sentences
    one = summarize(library, agile_ids(library)[:1])
    both = summarize(library, agile_ids(library))
    assert 3 <= len(one) <= len(both) <= MOST


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("이 모든 요소들은 '오케스트레이션 계층(Orchestration layer)'을 통해 조화롭게 작동합니다.", True),
        ("예를 들어, HBM(고대역폭 메모리) 개발에서 삼성은 한 발 물러섰습니다.", True),
        ("애자일의 본질은 자율과 방향성에 있습니다.", True),
        ("In short, the board approved the plan.", True),
        ("그 자리에선 어떻게든 결론 비슷한 것이 납니다 (2024).", True),  # 결론 is a cue word
        ("실제 진행되는 일보다 생산되는 문서가 많습니다.", False),
        ("가격은 (대략) 두 배가 되었습니다.", False),  # a parenthesis that glosses no term
    ],
)
def test_the_writer_flags_points_with_cue_words_and_glossed_terms(text, flagged):
    assert flags_point(text) is flagged
