from casework.engine.hangul import NIEUN, parts, without_final


def test_a_syllable_comes_apart_into_initial_vowel_and_final():
    assert parts("가") == (0, 0, 0)  # ㄱ, ㅏ, no final
    assert parts("힣") == (18, 20, 27)  # ㅎ, ㅣ, ㅎ: the last syllable
    assert parts("은")[2] == NIEUN  # an adnominal form ends in ㄴ (높은)
    assert parts("a") is None and parts("ㄱ") is None  # Latin, and a jamo written alone


def test_a_final_consonant_comes_off_a_syllable():
    assert without_final("를") == "르"
    assert without_final("르") == "르"
    assert without_final("x") == "x"
