"""Names across scripts: a Latin name finds the Hangul spelling the posts use, and only a close one."""

from __future__ import annotations

import pytest

from casework.engine.transliteration import hangul_skeleton
from casework.skills.answer import answer_question
from casework.skills.names import hangul_spelling, latin_keys


@pytest.mark.parametrize(
    ("name", "hangul"),
    [("Hinton", "힌턴"), ("Gebru", "게브루"), ("Geoffrey", "제프리"), ("KakaoTalk", "카카오톡")]
    + [("Keller", "켈러"), ("World", "월드"), ("Stability", "스태빌리티")],
)
def test_a_name_and_its_hangul_spelling_share_a_consonant_skeleton(name, hangul):
    assert hangul_skeleton(hangul) in latin_keys(name)


def test_native_words_of_the_same_skeleton_are_not_taken_for_a_name(library):
    assert hangul_spelling(library, "Hinton") == "힌턴"  # not 행동, which has its consonants too
    assert hangul_spelling(library, "Quixotry") is None


def test_an_english_question_finds_the_post_that_writes_the_name_in_hangul(library):
    answer = answer_question(library, "How did Geoffrey Hinton make his mark on AI, according to the blog?")
    assert answer and answer[0].title == "왜 그들은 기초 학문을 공부하라고 했을까?"
    assert any("힌턴" in s.text for s in answer)
