"""What may stand in a summary or an answer: whole statements, not chatter, glued lists or labels."""

from __future__ import annotations

import pytest

from casework.engine.index import AnalyzedSentence
from casework.skills.sentences import dialogue_turns, is_chatter, is_fragment, is_glued, stand_alone


@pytest.mark.parametrize(
    "text",
    [
        "자율성(Automony) 이 단어를 보면 거품부터 무는 사람들이 있습니다. "
        "“아니, 우리 회사는 꼰대 회사여서 자율은 상상도 못 한다고요.”, "
        "“아니, 누군 안 해본 줄 알아?” 같이 말이다.",
        "“이건 그냥 해보는 말이 아니라 정말 해야 하는 말입니다”라고 했다.",
    ],
)
def test_quoted_chatter_is_recognised(text):
    assert is_chatter(text)


@pytest.mark.parametrize(
    "text",
    [
        "애자일을 한 줄로 요약하면 “짧은 주기로 일을 쪼개서 빠르게 진행해보고, "
        "피드백을 받아서 지속적인 개선을 하는 방식”입니다.",
        'Jim Keller는 "Nvidia가 AI 시대의 IBM이 되어가고 있다"고 말했습니다.',
        "애자일의 본질은 ‘자율과 방향성(Autonomy & Alignment)’에 있습니다.",
    ],
)
def test_a_quote_the_writer_makes_the_point_of_is_not_chatter(text):
    assert not is_chatter(text)


@pytest.mark.parametrize(
    "text, glued",
    [
        (
            "마이크로 매니징 일의 목적이 납득이 안 되는 일 일을 위한 일, "
            "보고를 위한 보고 하기 싫은 일 등등 (물론 더 있을 것이다.",
            True,
        ),
        (
            "1단계 : Intent(의도) → 2단계 : Wayfinding(이해) → 3단계 : Using(사용) 각 단계 별로 정리합니다.",
            True,
        ),
        ("예시: 월초 고객 수: 1,000명 월말 고객 수: 980명 신규 고객 수: 30명입니다.", True),
        ("AI 서버는 전통적인 CPU에 비해 3-4배 더 많은 전력을 필요로 합니다.", False),
        (  # the tail of an aside the splitter cut in two
            "물론 제가 식견이 좁아서 일 수도 있겠지만) "
            "이는 특정한 직무가 아니라 프로젝트 내에서 맡은 책임에 불과합니다.",
            True,
        ),
        ("1) 초기 구축 비용이 낮고 유지 보수에 대한 부담이 적습니다.", False),  # a list marker, not an aside
    ],
)
def test_lists_the_splitter_glued_into_one_sentence_are_recognised(text, glued):
    assert is_glued(text) is glued


@pytest.mark.parametrize(
    "text, alone",
    [
        (
            "쌓여있는 문제점 노동 문제: "
            "고령화와 낮은 출산율로 인해 노동력 부족과 생산성 정체가 문제로 지적됩니다.",
            "고령화와 낮은 출산율로 인해 노동력 부족과 생산성 정체가 문제로 지적됩니다.",
        ),
        ("뭐, 이건 애자일의 이야기입니다.", "이건 애자일의 이야기입니다."),
        (
            "알려진 데이터에서 통찰을 도출하는 작업 (예: 여러 데이터에서 트렌드 찾기).",
            "알려진 데이터에서 통찰을 도출하는 작업 (예: 여러 데이터에서 트렌드 찾기).",
        ),
        ("예시: 짧다.", "예시: 짧다."),  # what follows the label is too short to stand alone
    ],
)
def test_a_sentence_stands_alone_without_its_label_or_filler_and_stays_verbatim(text, alone):
    assert stand_alone(text) == alone
    assert alone in text


def test_a_sentence_the_splitter_cut_after_a_quote_does_not_stand_alone():
    text = "는 인기 드라마 ‘왕좌의 게임’의 대너리스를 모델로 한 캐릭터로, 사용자가 직접 만든 챗봇이었습니다."
    terms = ["인기", "드라마", "왕좌", "게임", "대너리스", "모델", "캐릭터", "사용자", "챗봇"]
    assert is_fragment(AnalyzedSentence(text=text, start=0, end=len(text), terms=terms))
    whole = "다니" + text
    assert not is_fragment(AnalyzedSentence(text=whole, start=0, end=len(whole), terms=terms))


def test_the_turns_of_a_quoted_dialogue_are_recognised_by_speakers_who_each_speak_twice():
    chat = [
        "다음은 실제 대화 내용입니다.",
        "이를 통해 영향을 살펴볼 수 있습니다: Daenero (Sewell): 가끔 그런 생각을 해.",
        "Daenerys Targaryen (챗봇): 내 눈이 가늘게 떠지고, 얼굴이 굳어져.",
        "Daenero (Sewell): 그러면 자유로워질 수 있으니까.",
        "Daenerys Targaryen(챗봇): 그런 말 하지 마.",
        "이 대화에서 볼 수 있듯이, 챗봇은 만류하려는 태도를 보였습니다.",
    ]
    assert dialogue_turns(chat) == {1, 2, 3, 4}
    interview = [
        "😺 : 어떻게 창업을 하게 되셨나요?",
        "🤓 : 헤지펀드로 돈을 좀 벌었어요.",
        "😺 : 정말요?",
        "🤓 : 네.",
    ]
    assert dialogue_turns(interview) == {0, 1, 2, 3}


def test_one_recurring_label_is_a_list_field_not_a_dialogue():
    fields = [
        "핵심 목표: 사용자가 제품을 바로 이해하게 만드는 것입니다.",
        "핵심 목표: 이탈을 막고 다시 찾게 만드는 것입니다.",
        "개폐기(Switchgear): 전기 장비를 제어하고 보호하는 장비입니다.",
    ]
    assert dialogue_turns(fields) == set()
