"""Compare: numbers in parts and rough figures against comparators, names, "not only", Korean and English."""

from __future__ import annotations

import pytest

from casework.engine.compare import (
    compared_sides,
    negations,
    quantities,
    quantity_conflict,
    substitution,
    unmatched_quantities,
)
from casework.engine.fillers import filler_conflict, names


def test_a_korean_number_written_in_parts_is_one_number():
    found = [(q.value, q.unit) for q in quantities("하루 약 $70만 (약 9억 1,000만 원)이 소요되며")]
    assert found == [(700_000, "$"), (910_000_000, "원")]
    assert [(q.value, q.unit) for q in quantities("3억 명과 2024년")] == [(300_000_000, "명"), (2024, "년")]


@pytest.mark.parametrize(
    ("statement", "evidence", "conflict"),
    [
        # "약 2,150억" is read at its value against a floor or a cap, not as 1,830억..2,470억
        (
            "시장 규모는 2,000억 달러를 넘었다.",
            "시장 규모는 약 2,150억 달러(약 287조 2,400억 원)에 달합니다",
            False,
        ),
        (
            "시장 규모는 1,000억 달러에 못 미쳤다.",
            "시장 규모는 약 2,150억 달러(약 287조 2,400억 원)에 달합니다",
            True,
        ),
        # the won figure beside the dollars no longer passes for a bare number that satisfies the floor
        (
            "ChatGPT 운영에는 하루 100만 달러 이상이 든다.",
            "하루 약 $70만 (약 9억 1,000만 원)이 소요되며",
            True,
        ),
        (
            "Running ChatGPT costs less than 1 million dollars a day.",
            "하루 약 $70만 (약 9억 1,000만 원)이 소요되며",
            False,
        ),
        (
            "Losses will stay under 1 billion dollars.",
            "예상 손실 비용은 $27억 (약 3조 5,000억 원)을 초과할 것으로",
            True,
        ),
    ],
)
def test_a_comparator_is_met_or_violated_by_the_evidence_number(statement, evidence, conflict):
    assert bool(quantity_conflict(statement, evidence)) is conflict
    if not conflict:
        assert not unmatched_quantities(statement, evidence)


def test_a_capital_that_opens_a_sentence_or_an_english_verb_is_no_name():
    assert names("Running ChatGPT costs less. Building a data center at Tesla") == {"chatgpt", "tesla"}
    assert names("OpenAI raised. H100 ships.") == {"openai", "h100"}
    keller = "이번 주 팟캐스트에서 Apple과 Tesla의 전 수석 엔지니어 Jim Keller가 Nvidia에 대해 언급했습니다."
    assert substitution("At Tesla, Jim Keller led the development of chips.", keller) is None
    assert substitution(
        "짐 켈러는 Apple에서 M1 프로세서 개발에 참여했다.", "Apple에서는 A4와 A5 프로세서 개발에 참여해"
    ) == ("m1", "a4")


def test_a_latin_name_may_be_in_hangul_in_a_korean_sentence():
    evidence = "OpenAI의 수장 샘 올트먼 개인의 1400만 달러 후원"
    unknown, known = (lambda name: set()), (lambda name: {"구글"} if name == "google" else set())
    same = str.__eq__
    assert (
        filler_conflict("Sam Altman gave 14 million dollars.", evidence, lambda t: True, same, unknown)
        is None
    )
    assert filler_conflict("Google gave 14 million dollars.", evidence, lambda t: True, same, known) == (
        "google",
        "openai",
    )


def test_not_only_is_no_negation():
    assert negations("콘텐츠를 만드는 방법뿐 아니라 제도적 접근이 필요하다") == 0
    assert negations("It is not only fast but cheap.") == 0
    assert negations("IBM이 PC를 발명한 것은 아니지만") == 1


@pytest.mark.parametrize(
    ("statement", "evidence", "conflict"),
    [
        ("두 번째 참가자는 8월에 이식받았다.", "1월, 첫 참가자가 이식받았습니다.", False),  # two events
        ("The second trial began in March.", "두 번째 임상은 5월에 시작했습니다.", True),
        ("The first trial began in 2022.", "2024년 1월, 첫 임상시험을 시작했습니다.", True),
    ],
)
def test_numbers_of_another_place_in_a_series_are_another_event(statement, evidence, conflict):
    assert bool(quantity_conflict(statement, evidence)) is conflict


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Promotion depends more on team size than on results.", ("on team size", "on results")),
        (
            "관리자의 승진은 프로젝트의 성공보다는 팀 규모의 확장에 더 크게 의존합니다.",
            ("팀 규모의 확장에", "프로젝트의 성공"),
        ),
        ("테슬라가 애플보다 더 높다", ("더 높다", "애플")),
        ("Promotion depends on team size.", None),
    ],
)
def test_a_comparison_has_a_favoured_and_a_lesser_side(text, sides):
    assert compared_sides(text) == sides
