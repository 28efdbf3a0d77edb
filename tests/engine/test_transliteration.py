"""A name written in Latin letters and in Hangul reads as one name (casework/engine/transliteration.py)."""

from __future__ import annotations

import pytest

from casework.engine.fillers import filler_conflict, name_groups
from casework.engine.transliteration import spells, written_in, written_in_hangul


@pytest.mark.parametrize(
    "name, hangul",
    [
        ("Musk", "머스크"),
        ("Zuckerberg", "저커버그"),
        ("Sedol", "이세돌"),
        ("AlphaGo", "알파고"),
        ("Neuralink", "뉴럴링크"),
        ("Microsoft", "마이크로소프트"),
        ("Baker", "베이커"),
        ("Jack", "잭"),
    ],
)
def test_a_hangul_word_spells_a_latin_name_by_sound(name, hangul):
    assert spells(name, hangul)


def test_a_particle_may_follow_the_name_and_other_names_are_not_heard():
    assert written_in_hangul("Elon Musk", "일론 머스크가 공동 창립한 뉴럴링크")
    assert not written_in_hangul("Zuckerberg", "일론 머스크가 공동 창립한 뉴럴링크")
    assert not written_in_hangul("Ke", "커")  # one consonant is heard in too many words
    # a name of short words is heard whole, across the space Korean writes between them
    assert written_in_hangul("jack dorsey", "트위터 창업자 잭 도시가 만든", 3)
    assert not written_in_hangul("evan williams", "트위터 창업자 잭 도시가 만든", 3)


def test_names_are_runs_of_capitalised_words_and_months_are_none():
    assert name_groups("In March 2016, Google DeepMind's AlphaGo played Ke Jie.") == [
        ["google", "deepmind", "alphago"],
        ["ke", "jie"],
    ]


def test_an_english_name_the_korean_sentence_spells_otherwise_is_a_filler():
    evidence = "바로 일론 머스크가 공동 창립한 뉴럴링크(Neuralink)입니다"

    def check(claim):
        return filler_conflict(
            claim,
            evidence,
            lambda t: True,
            str.__eq__,
            named=lambda w: w == "머스크",
            settled=lambda left_out: True,
        )

    assert check("Neuralink was co-founded by Mark Zuckerberg.") == ("mark zuckerberg", "머스크")
    assert check("Neuralink was co-founded by Elon Musk.") is None


@pytest.mark.parametrize(
    "latin, hangul",
    [
        ("Datamorph", "데이터모프"),
        ("Perplexity", "퍼플렉시티"),
        ("HackerRank", "해커랭크"),
        ("Glitch", "글리치"),
        ("Clubhouse", "클럽하우스"),
        ("Amazon", "아마존"),
        ("Tenstorrent", "텐스토렌트"),
        ("Itanium", "아이테니엄"),
        ("KakaoTalk", "카카오톡"),  # the l of -alk is silent
        ("Google", "구글"),  # g, g, l: the vowel between the two g sounds keeps them apart
    ],
)
def test_a_name_in_both_scripts_is_spelled_alike(latin, hangul):
    assert spells(latin, hangul, 3)


@pytest.mark.parametrize(
    "latin, hangul",
    [
        ("HackerRank", "해결책"),  # the same consonants, another word
        ("participant", "있었습니다"),  # a verb form names nothing
        ("Sam", "섬"),  # two consonants: too many words share them
    ],
)
def test_other_words_are_not(latin, hangul):
    assert not spells(latin, hangul, 3)


def test_a_name_is_found_in_a_sentence_of_the_other_script_with_its_particle():
    assert written_in("datamorph", "데이터모프라는 이름의 악마가 조카 글리치에게 보낸 편지")
    assert written_in("퍼플렉시티는", "Perplexity와 같은 AI 기반 검색 서비스는")
    assert not written_in("datamorph", "이 편지들을 읽어주시길 바랍니다.")
