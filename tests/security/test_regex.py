"""The gloss miner stays linear in word length (issue 15, item 5).

Before: KOREAN_THEN_ENGLISH backtracked over every start in an unbroken Hangul word, so a 40,000-
character word cost about 10 s on every command (the corpus is mined when a library opens).
"""

from __future__ import annotations

import time

from casework.engine.terms import mine_glosses


def timed(text: str) -> float:
    started = time.perf_counter()
    mine_glosses(text)
    return time.perf_counter() - started


def test_a_long_unbroken_word_is_mined_in_linear_time():
    assert timed("가" * 40_000 + " 끝") < 0.5
    assert timed("ab" * 20_000 + " (x)") < 0.5
    assert timed("가1 " * 10_000 + "애자일") < 0.5


def test_glosses_are_still_found_next_to_a_long_word():
    found = mine_glosses(
        "가" * 5_000 + " 애자일(Agile) 방법론과 SSM(State Space Models), 트랜스포머(Transformer)"
    )
    assert "agile" in found["애자일"] and "state space model" in found["ssm"]
    assert "transformer" in found["트랜스포머"]
