"""Neighbours: which sentences announce the next one, and which rest on the one before."""

from __future__ import annotations

import pytest

from casework.skills.neighbours import leads_in, neighbour, points_back


@pytest.mark.parametrize(
    "text",
    [
        "지금 돌아보면 이유는 크게 두 가지였습니다.",
        "이 문제를 푸는 방법은 다음과 같습니다.",
        "두 회사에서 공통점을 하나 발견했습니다.",
        "The reasons are as follows:",
        "There are three reasons for this.",
        "핵심 목표:",
        "스타트업에선 FFF고객이라는 표현이 있습니다.",
        "There is a term for this in startups.",
    ],
)
def test_a_sentence_announcing_what_follows_is_a_lead_in(text):
    assert leads_in(text) and neighbour(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "이로 인해 매출이 줄었습니다.",
        "이 때문에 도입은 실패했습니다.",
        "As a result, sales fell sharply.",
        "That is why the project failed.",
    ],
)
def test_a_sentence_opening_as_a_consequence_points_back(text):
    assert points_back(text) and neighbour(text) == -1


@pytest.mark.parametrize(
    "text",
    [
        "애자일은 분명 훌륭한 문화이고 환경입니다.",
        "두 가지 방법을 모두 써 봤지만 결과는 같았습니다.",
        "Sales fell as a result of the downturn.",
        "이는 가격 경쟁으로 이어질 수 있습니다.",
    ],
)
def test_a_statement_that_stands_alone_needs_no_neighbour(text):
    assert neighbour(text) == 0
