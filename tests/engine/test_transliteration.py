import pytest

from casework.engine.fillers import filler_conflict, name_groups
from casework.engine.transliteration import spells, written_in_hangul


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
