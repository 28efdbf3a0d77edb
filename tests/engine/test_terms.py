"""The bilingual term map: glosses mined from the corpus, the curated glossary, query expansion."""

from __future__ import annotations

import pytest

from casework.engine.terms import curated_glossary, expand_query, merge_maps, mine_glosses, normalize, stems


@pytest.fixture(scope="module")
def corpus_map(library):
    return mine_glosses("\n".join(a.post.title + "\n" + a.post.text for a in library.posts.values()))


@pytest.mark.parametrize(
    "korean, english",
    [
        ("애자일", "agile"),
        ("ssm", "state space model"),
        ("케이스 워커", "case worker"),
        ("mvp", "최소 기능 제품"),
    ],
)
def test_the_corpus_glosses_its_own_terms_both_ways(corpus_map, korean, english):
    assert english in corpus_map[korean]
    assert korean in corpus_map[english]


def test_a_multi_word_gloss_is_also_aligned_word_by_word():
    term_map = mine_glosses("전체를 감독하는 '케이스 워커(Case Worker)'가 있습니다")
    assert term_map["케이스 워커"] == {"case worker"}
    assert term_map["워커"] == {"worker"} and term_map["case"] == {"케이스"}


def test_text_without_parentheses_has_no_glosses():
    assert mine_glosses("애자일 방법론은 agile 이라고도 한다.") == {}


@pytest.mark.parametrize(
    "raw, normal",
    [("State  Space-Models", "state space model"), ("class", "class"), ("bus", "bus"), ("Agents", "agent")],
)
def test_normalize(raw, normal):
    assert normalize(raw) == normal


def test_merge_maps_unions_the_pairs():
    merged = merge_maps({"ai": {"인공지능"}}, {"ai": {"에이아이"}, "agile": {"애자일"}})
    assert merged == {"ai": {"인공지능", "에이아이"}, "agile": {"애자일"}}


def test_curated_glossary_covers_words_no_post_glosses():
    glossary = curated_glossary()
    assert "오케스트레이션" in glossary["orchestration"]
    assert "orchestration" in glossary["오케스트레이션"]


def test_expand_query_adds_glosses_english_to_korean_and_back(corpus_map):
    assert expand_query("the agile posts", corpus_map) == "the agile posts 애자일"
    assert expand_query("state space models", corpus_map) == "state space models ssm"
    assert "agile" in expand_query("애자일의 실패", corpus_map).split()  # particle stripped to find the stem


def test_expand_query_prefers_the_longest_phrase():
    term_map = {"case worker": {"케이스 워커"}, "case": {"케이스"}, "worker": {"워커"}}
    assert expand_query("case worker duties", term_map) == "case worker duties 케이스 워커"


def test_expand_query_leaves_unknown_queries_alone(corpus_map):
    assert expand_query("zzqx", corpus_map) == "zzqx"
    assert expand_query("", corpus_map) == ""


def test_stems_offer_plain_english_base_forms():
    assert "preprocess" in stems("preprocessed")
    assert "define" in stems("defines") and "supervise" in stems("supervises")
    assert "big" in stems("biggest") and stems("process") == ["process"]


def test_normalize_keeps_words_that_only_look_plural():
    assert (
        normalize("news") == "news" and normalize("analysis") == "analysis" and normalize("models") == "model"
    )


def test_expand_query_finds_glosses_through_english_stems():
    assert "전처리" in expand_query("the data was never preprocessed", {"preprocess": {"전처리"}})
