"""Reworded claims: an English claim against the Korean sentence that states it, without false ones passing.

The fact-checker reads a claim's coverage of a sentence from its terms and from the multilingual
encoder; these claims are worded unlike the corpus (written for these tests, not bench items).
"""

from __future__ import annotations

import pytest

from casework import api
from casework.engine.compare import negations, substitution
from casework.engine.stances import modality_conflict
from casework.skills.evidence import check_claim, content_terms, overall
from casework.skills.meaning import pieces

GREW = "Farfetch, MyTheresa and Yoox grew explosively during the pandemic."


def test_an_english_paraphrase_is_supported_by_its_korean_sentence(settings):
    summary = api.claim_verdict(api.check(GREW, settings, record=False))  # the CLI's and the bench's path
    assert summary.verdict == "SUPPORTED"
    assert "폭발적인 성장" in summary.evidence[0].sentence


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        # the corpus: "약 1,200만 대의 서버를 구매": an English number has no counter word
        ("Around 12 million servers were bought for data centers worldwide in 2023.", "SUPPORTED"),
        ("Around 20 million servers were bought for data centers worldwide in 2023.", "NOT_ENOUGH_INFO"),
        # the corpus: "고급 서버는 각각 100,000달러 이상"
        ("High-end servers cost less than 10,000 dollars each.", "REFUTED"),
        # on the topic of a post (the Pangyo data center fire), but no sentence says it
        ("Samsung SDS builds most of the data centers in Korea.", "NOT_ENOUGH_INFO"),
    ],
)
def test_english_claims_against_korean_sentences(library, claim, label):
    assert overall(check_claim(library, claim)).verdict == label


def test_english_function_words_carry_no_weight(library):
    terms = content_terms(library, "You can reach it during the pandemic")
    assert "pandemic" in terms
    assert not {"you", "can", "it", "during", "the"} & set(terms)


def test_a_lowercase_english_word_is_no_name_in_another_slot():
    evidence = "X축은 투자 자본 회전율 (Invested Capital Turnover)는 기업이 투입한 자본의 회전을 나타냅니다."
    assert substitution("The horizontal axis is invested capital turnover.", evidence) is None


def test_two_verbs_of_one_meaning_are_no_fillers():
    statement, evidence = "저명한 사람들이 모여 발표한 원칙이다.", "저명한 분들이 모여 선언한 원칙입니다."
    assert substitution(statement, evidence) is None


def test_only_x_or_y_already_names_its_options():
    evidence = "그러한 컴퓨팅을 갖출 수 있는 것은 한국에서도 삼성이나 네이버 정도로 보인다."
    assert not modality_conflict("Only Samsung or Naver can afford that computing.", evidence)
    assert modality_conflict("Only Samsung can afford that computing.", evidence)


def test_cannot_is_a_negation():
    assert negations("Buyers who shop on price cannot stay loyal.") == 1


def test_a_long_sentence_is_also_read_by_its_parts():
    sentence = "접근성과 편의성: 인터넷만 연결된 환경이면 어디서든 접근 가능하며 클라이언트 부담이 적습니다."
    assert pieces(sentence)[0] == sentence
    assert "인터넷만 연결된 환경이면 어디서든 접근 가능하며" in pieces(sentence)
