"""English number words read as the figures a Korean post writes (casework/engine/numerals.py)."""

from __future__ import annotations

import pytest

from casework.engine.compare import quantities, quantity_conflict
from casework.engine.numerals import digits


@pytest.mark.parametrize(
    "text, written",
    [
        ("more than five million people", "more than 5 million people"),
        ("three times and once", "3 times and 1 times"),
        ("twenty-five years", "25 years"),
        ("productivity rose tenfold", "productivity rose 10 fold"),
        ("one million won", "1 million won"),
        ("one of them said", "one of them said"),  # a pronoun, not a number
    ],
)
def test_number_words_become_digits(text, written):
    assert digits(text) == written


def test_a_spelled_number_meets_the_korean_figure():
    evidence = "앱 사용자가 500만명을 넘었다"
    assert quantity_conflict("More than five million people use the app.", evidence) is None
    assert quantity_conflict("Fewer than one million people use the app.", evidence)
    assert quantity_conflict("AI raises productivity tenfold.", "AI를 활용하면 생산성을 5배 높일 수 있다")


def test_a_korean_multiplier_without_a_digit_is_one_of_it():
    assert [(q.value, q.unit) for q in quantities("8명에게 백만 원씩 보냈다")] == [(8, "명"), (1e6, "원")]


def test_a_korean_compound_multiplier_and_a_digit_in_a_name():
    assert [(q.value, q.unit) for q in quantities("칼리버스를 2천억 원에 인수")] == [(2e11, "원")]
    assert quantities("3D 작업과 5G 통신, 4K 화면") == []  # names, not numbers
