"""Slots: another name where the evidence, in the same frame of words, names one."""

from __future__ import annotations

import pytest

from casework.engine.slots import alike, slot_conflict, words

NAMES = {"랜드연구소", "오픈리서치", "광둥성", "선전", "허난성", "정저우", "겔싱어", "로버트", "콜웰"}
COMPANIES = NAMES | {"인텔", "엔비디아"}


def check(statement: str, evidence: str):
    return slot_conflict(
        statement, evidence, "", named=NAMES.__contains__, distinctive=COMPANIES.__contains__, same=str.__eq__
    )


def test_words_drop_particles_punctuation_and_bracketed_glosses():
    assert words("비영리 연구기관인 오픈리서치(OpenResearch)에 의해") == [
        "비영리",
        "연구기관인",
        "오픈리서치",
        "의해",
    ]
    assert words("100,000달러, 고급 서버") == ["100,000달러", "고급", "서버"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("수행했다", "수행된", True), ("아키텍트", "아키텍트였던", True), ("삼성전자", "삼성넥스트", False)],
)
def test_words_are_alike_when_one_stem_is_most_of_the_other(a, b, same):
    assert alike(a, b) is same


@pytest.mark.parametrize(
    ("statement", "evidence", "pair"),
    [
        # framed on both sides: even a common name in the slot is a substitution
        (
            "대표는 인텔을 방문해 젠슨 황을 만났다.",
            "대표가 엔비디아를 방문해 젠슨 황을 만날 예정",
            ("인텔", "엔비디아"),
        ),
        (
            "비영리 연구기관인 랜드연구소가 수행했다.",
            "비영리 연구기관인 오픈리서치(OpenResearch)에 의해 수행된",
            ("랜드연구소", "오픈리서치"),
        ),
        # framed on one side: both must be names
        (
            "폭스콘 공장은 중국 광둥성 선전에 있다.",
            "중국 허난성 정저우의 폭스콘 공장에서",
            ("광둥성", "허난성"),
        ),
        ("수석 아키텍트 겔싱어는 증언했다.", "수석 아키텍트였던 로버트 콜웰의 증언에", ("겔싱어", "로버트")),
    ],
)
def test_another_name_in_the_same_frame_is_a_substitution(statement, evidence, pair):
    assert check(statement, evidence) == pair


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        (
            "실험은 비영리 연구기관인 오픈리서치가 수행했다.",
            "비영리 연구기관인 오픈리서치(OpenResearch)에 의해 수행된",
        ),
        (
            "필자는 같은 사건 뒤에 10글자 정도만 덧붙였다.",
            "똑같은 사건이지만 뒤에 고작 10글자 정도 붙인 것으로",
        ),  # no names
        (
            "Jim Keller led chip design at Apple.",
            "Apple에서는 A4와 A5 프로세서 개발에 참여해",
        ),  # English: not read here
    ],
)
def test_a_paraphrase_or_a_name_kept_is_no_substitution(statement, evidence):
    assert check(statement, evidence) is None
