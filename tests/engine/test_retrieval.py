"""Hybrid search over the project corpus: the shape of a hit, and English queries finding Korean posts."""

from __future__ import annotations

import pytest

from casework.engine.retrieval import Hit, fuse

AGILE = {"애자일(Agile) : 우리가 실패하는 이유", "애자일(Agile) : 성공하는 프로젝트들의 비결"}


def titles(library, ranked):
    return [library.posts[post_id].post.title for post_id, _score in ranked]


def test_a_hit_is_a_passage_with_offsets_into_its_post(library):
    hits = library.search("애자일 선언문", k=5)
    assert len(hits) == 5
    for hit in hits:
        assert set(hit.model_dump()) == {"post_id", "title", "score", "passage", "start", "end", "section"}
        post = library.posts[hit.post_id].post
        assert post.text[hit.start : hit.end] == hit.passage  # plain prose: the passage is a slice
        assert hit.section == ""  # the blog posts have no headings
        assert hit.title == post.title
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_the_agile_posts_are_the_top_two(library):
    assert set(titles(library, library.search_posts("the agile posts", k=2))) == AGILE


@pytest.mark.parametrize(
    "query, title",
    [
        ("orchestration", "AI 에이전트의 협업과 오케스트레이션"),
        ("state space models", "인공지능 모델 범람의 시대에 우리가 한 번 짚고 넘어가야할 SSM"),
        ("애자일 선언문", "애자일(Agile) : 성공하는 프로젝트들의 비결"),
        ("TF-IDF 쉽게 설명", "TF_IDF 한 줄로."),
    ],
)
def test_queries_find_the_right_post_at_rank_1(library, query, title):
    assert titles(library, library.search_posts(query, k=3))[0] == title


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_every_mode_finds_the_orchestration_post(library, mode):
    # a phrase, not one bare transliterated word: the sentence encoder reads phrases (a lone
    # "오케스트레이션" is left to BM25, which is why search fuses both)
    assert "AI 에이전트의 협업과 오케스트레이션" in titles(
        library, library.search_posts("AI 에이전트들의 협업", k=5, mode=mode)
    )


def test_the_encoder_alone_finds_a_korean_post_for_an_english_paraphrase(library):
    found = titles(library, library.search_posts("how several AI agents work together", k=1, mode="dense"))
    assert found == ["AI 에이전트의 협업과 오케스트레이션"]


def test_search_posts_lists_each_post_once(library):
    ranked = library.search_posts("인공지능", k=10)
    assert len(ranked) == 10 == len({post_id for post_id, _ in ranked})


def test_english_queries_are_expanded_with_korean_glosses(library):
    assert "애자일" in library.expand("agile").split()
    assert "오케스트레이션" in library.expand("orchestration")


def test_query_terms_come_from_the_corpus_lexicon_without_kiwi(library):
    assert library.terms("애자일의 실패") == ["애자일", "실패"]


def test_a_query_with_no_words_finds_nothing(library):
    assert library.search("?!", k=5) == []


def test_fuse_rewards_items_ranked_high_by_both_rankings():
    scores = fuse(["a", "b", "c"], ["b", "a", "d"])
    assert scores["a"] == scores["b"] > scores["c"] > 0
    assert scores["c"] == scores["d"]
    assert fuse() == {}


def test_hit_is_plain_data():
    hit = Hit(post_id="p", title="t", score=0.5, passage="x", start=0, end=1)
    assert Hit.model_validate(hit.model_dump()) == hit


def test_dense_queries_get_translations_into_the_corpus_language_only():
    from casework.engine.retrieval import toward_language

    term_map = {
        "agile": {"애자일", "민첩성", "agility"},
        "애자일": {"agile"},
        "ai": {"인공지능", "artificial intelligence"},
    }
    assert toward_language(term_map, "ko") == {"agile": {"애자일", "민첩성"}, "ai": {"인공지능"}}
