"""Stances of a statement against a sentence: direction of change, outcome, modality (Korean, English)."""

from __future__ import annotations

import pytest

from casework.engine.stances import (
    direction_conflict,
    exclusive_conflict,
    level_conflict,
    modality_conflict,
    outcome_conflict,
    share_conflict,
)


@pytest.mark.parametrize(
    ("statement", "evidence", "moved"),
    [
        # the statement's direction against the evidence's, across the two languages
        ("온라인 명품 샵들의 매출은 늘고 있다.", "온라인 명품 샵들은 매출 감소를 경험할 수 있습니다.", "up"),
        (
            "The OECD cut its growth forecast for Korea.",
            "OECD는 성장률 전망을 2.1%에서 2.3%로 상향 조정했습니다.",
            "down",
        ),
        ("Working hours went up by 1.3 hours a week.", "근로 시간이 주당 평균 1.3시간 감소했고", "up"),
        # a heading's "성장 전망" names a measure: the predicate (하향) decides
        (
            "한국은행은 성장률 전망을 올렸다.",
            "성장 전망 하향: 한국은행은 전망을 2.2%에서 2.1%로 하향 조정했습니다.",
            "up",
        ),
        # the same direction is no conflict, and neither is an unrelated word that contains a stem
        ("치과 진료는 10% 늘었다.", "치과 진료 10% 증가", None),
        ("오늘 매출이 줄었다.", "오늘 매출은 감소했다.", None),
    ],
)
def test_a_change_the_other_way_is_a_conflict(statement, evidence, moved):
    assert direction_conflict(statement, evidence) == moved


def test_in_a_list_of_changes_the_one_after_the_statements_subject_decides():
    listing = "치과 진료 10% 증가 전문의 진료 6% 증가 초기에는 스트레스가 크게 감소했지만"
    assert direction_conflict("치과 진료는 10% 늘었다.", listing) is None
    assert direction_conflict("치과 진료는 줄었다.", listing) == "down"
    assert direction_conflict("스트레스는 크게 늘었다.", listing) == "up"


@pytest.mark.parametrize(
    ("statement", "evidence", "outcome"),
    [
        ("AMD's x86-64 failed in the market.", "AMD는 x86-64 아키텍처로 큰 성공을 거두었습니다.", "failure"),
        ("H사의 애자일 도입 시도는 성공했다.", "이 시도는 실패했고 그 조직은 사라졌습니다.", "success"),
        (
            "놀란은 세계 기록 달성에 실패했다.",
            "Web Grid라는 게임에서 세계 기록을 달성하기도 했습니다.",
            "failure",
        ),
        ("Itanium failed in the market.", "Itanium은 시장에서 실패했습니다.", None),
    ],
)
def test_the_opposite_outcome_is_a_conflict(statement, evidence, outcome):
    assert outcome_conflict(statement, evidence) == outcome


@pytest.mark.parametrize(
    ("statement", "evidence", "conflict"),
    [
        (
            "SaaS에서 사용자는 서비스를 확장만 할 수 있다.",
            "사용자가 서비스를 확장하거나 축소할 수 있어",
            True,
        ),
        (
            "Fine-tuning adapts a model only to a specific domain.",
            "특정 도메인이나 작업에 맞춰 추가 학습시키는",
            True,
        ),
        # "A뿐 아니라 B" names more than one option: it is no "only" of the evidence's own
        (
            "딥페이크는 고사양 컴퓨터에서만 만들 수 있다.",
            "방법뿐 아니라 제 Macbook Air에서도 생산이 가능하고",
            True,
        ),
        # the evidence says "only" too: the statement repeats it
        ("Clubhouse works only on iOS devices.", "iOS 기기에서만 가능 (안드로이드도 개발중?)", False),
        ("Users can scale the service up or down.", "사용자가 서비스를 확장하거나 축소할 수 있어", False),
        ("The app has to run on an iPhone.", "아이폰이나 아이패드에서 쓸 수 있다", True),
        ("청중은 듣기밖에 할 수 없다.", "청중으로 참여할 수도 있고 발언할 수도 있다", True),
        # "only" meaning "merely" belittles, it excludes nothing
        ("Working hours fell by only 1.3 hours.", "근로 시간이 1.3시간 감소했고, 고용률도 낮아졌다", False),
        ("If it only means asking nicely, skip it.", "단순히 질문 잘하는 법, 스타일이나 형식이면", False),
    ],
)
def test_only_one_option_against_several_is_a_conflict(statement, evidence, conflict):
    assert modality_conflict(statement, evidence) is conflict


def test_in_a_sentence_of_both_levels_the_one_after_the_statements_subject_decides():
    walmart = "월마트 (Walmart): (-2, 3) - 저가 정책과 대량 판매로 자본 회전율이 높지만, 수익성은 낮음."
    assert level_conflict("월마트는 수익성이 높은 기업이다.", walmart) == "high"
    assert level_conflict("월마트는 수익성이 낮다.", walmart) is None
    assert (
        level_conflict("Walmart's capital turnover is low.", walmart, about="capital turnover 자본 회전율")
        == "low"
    )
    assert level_conflict("충성도는 높지만 회전율은 낮다.", walmart) is None  # two claims in one


def test_a_korean_modifier_sets_the_level_of_the_noun_after_it():
    apple = "소비자 우위 (높은 NOPAT 마진, 낮은 자본 회전율): 애플 - 높은 마진으로 충성도가 높지만"
    assert level_conflict("애플은 자본 회전율이 높다.", apple) == "high"
    assert level_conflict("애플은 NOPAT 마진이 높다.", apple) is None


@pytest.mark.parametrize(
    ("statement", "evidence", "share"),
    [
        (
            "Most of the new tools change whole industries.",
            "산업 전반을 바꾸는 기술은 일부에 불과합니다.",
            "most",
        ),
        ("대다수 사용자가 유료 기능을 쓴다.", "유료 기능을 쓰는 사용자는 극소수입니다.", "most"),
        ("Only a few users pay for it.", "대부분의 사용자가 유료 기능을 씁니다.", "few"),
        (
            "Most users pay for it.",
            "일부 사용자가 유료 기능을 씁니다.",
            None,
        ),  # some of a group may be most of it
        ("소수점 아래 둘째 자리까지 쓴다.", "대부분 정수로 씁니다.", None),  # a decimal point, not a minority
    ],
)
def test_most_of_a_group_against_few_is_a_conflict(statement, evidence, share):
    assert share_conflict(statement, evidence) == share


@pytest.mark.parametrize(
    ("statement", "evidence", "conflict"),
    [
        (
            "안드로이드 기기에서만 쓸 수 있다.",
            "iOS 기기에서만 가능 (안드로이드도 개발중?)",
            ("안드로이드", "ios"),
        ),
        ("아이폰 같은 iOS 기기에서만 쓸 수 있다.", "iOS 기기에서만 가능", None),
        ("It runs only on Android phones.", "It runs only on iOS phones.", ("android", "ios")),
        (
            "카드로만 결제할 수 있다.",
            "현금으로만 결제할 수 있다.",
            None,
        ),  # nothing shared: two different slots
        ("It runs only on Android phones.", "iOS 기기에서만 가능", None),  # two scripts: words not comparable
    ],
)
def test_only_one_option_against_only_another_is_a_conflict(statement, evidence, conflict):
    assert exclusive_conflict(statement, evidence) == conflict
