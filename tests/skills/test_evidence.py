"""The offline fact-checker on the project corpus: what it supports, refutes and cannot tell."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from casework.engine.compare import polarity_flip, quantities, role_swap, swapped
from casework.skills.evidence import Verdict, check_claim, check_statement, overall, split_claims


def test_a_paraphrase_of_the_corpus_is_supported(library):
    verdict = check_statement(library, "뉴럴링크는 1,024개의 미세 전극을 가진 뇌 임플란트를 개발했다.")
    assert verdict.verdict == "SUPPORTED"
    assert "1,024개" in verdict.evidence[0].sentence
    assert 0.0 <= verdict.confidence <= 1.0


def test_a_changed_year_is_refuted(library):
    verdict = check_statement(library, "Transformer 방식의 모델은 2010년 즈음에 나왔다.")
    assert verdict.verdict == "REFUTED"
    assert "2018년" in verdict.evidence[0].sentence
    assert "2010" in verdict.reason and "2018" in verdict.reason


def test_a_negated_statement_is_refuted(library):
    verdict = check_statement(library, "인텔은 2024년 8월에 최악의 주가 하락을 겪지 않았다.")
    assert verdict.verdict == "REFUTED"
    assert "polarity" in verdict.reason


def test_an_unrelated_statement_is_not_enough_info(library):
    verdict = check_statement(library, "화성 탐사선은 2031년에 목성 궤도에 도착한다.")
    assert verdict.verdict == "NOT_ENOUGH_INFO"


def test_an_english_claim_finds_korean_evidence(library):
    supported = overall(check_claim(library, "Nvidia holds more than 80% of the AI chip market."))
    assert supported.verdict == "SUPPORTED" and "80%" in supported.evidence[0].sentence


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        # the corpus says "80% 이상": a lower bound below it is true, an upper bound below it is false
        ("Nvidia holds more than 30% of the AI chip market.", "SUPPORTED"),
        ("Nvidia holds at least half of the AI chip market.", "SUPPORTED"),
        ("Nvidia holds less than 30% of the AI chip market.", "REFUTED"),
        ("엔비디아의 AI 칩 시장 점유율은 50% 미만이다.", "REFUTED"),
    ],
)
def test_a_comparator_is_judged_by_the_range_it_allows(library, claim, label):
    assert overall(check_claim(library, claim)).verdict == label


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        # comparators: a number that satisfies the comparator supports, one that violates it refutes
        ("2023년 전 세계 데이터 센터 시장 규모는 2,000억 달러를 넘었다.", "SUPPORTED"),
        ("2023년 전 세계 데이터 센터 시장 규모는 1,000억 달러에 못 미쳤다.", "REFUTED"),
        ("Anthropic의 2024년 예상 손실은 20억 달러를 넘는다.", "SUPPORTED"),
        # direction of change, against evidence that moves the other way
        ("한국은행은 2024년 한국 경제 성장률 전망을 올렸다.", "REFUTED"),
        ("The OECD raised its 2024 growth forecast for Korea from 2.1% to 2.3%.", "SUPPORTED"),
        ("The OECD cut its forecast for Korea's economic growth in 2024.", "REFUTED"),
        ("기본소득 실험에서 치과 진료는 10% 늘었다.", "SUPPORTED"),
        # outcomes: the clause about the statement's subject decides in a sentence of two
        ("AMD's x86-64 architecture failed in the market.", "REFUTED"),
        ("AMD는 하위 호환성을 제공하는 x86-64 아키텍처로 큰 성공을 거두었다.", "SUPPORTED"),
        # modality: one option against evidence that offers several
        ("딥페이크 영상은 고사양 컴퓨터에서만 만들 수 있다.", "REFUTED"),
        ("파인튜닝은 사전 학습된 LLM을 특정 도메인이나 작업에 맞춰 추가로 학습시키는 과정이다.", "SUPPORTED"),
        # another filler in the slot the evidence fills
        ("기본소득 실험은 비영리 연구기관인 랜드연구소가 수행했다.", "REFUTED"),
        (
            "The basic income experiment was carried out by OpenResearch, a nonprofit research institute.",
            "SUPPORTED",
        ),
        ("네이버의 이해진 의장과 최수연 대표는 인텔을 방문해 젠슨 황을 만날 예정이었다.", "REFUTED"),
        ("IBM은 1981년 출시한 개인용 데스크톱으로 첫 해에 10억 달러의 수익을 올렸다.", "SUPPORTED"),
        # names
        (
            "데미스 하사비스, 얀 르쿤은 화학과 인공지능을 결합해 단백질 구조 예측이라는 난제를 해결했다.",
            "REFUTED",
        ),
        (
            "존 홉필드와 제프리 힌턴은 물리학 개념을 적용해 인공 신경망과 기계 학습의 기초를 마련했다.",
            "SUPPORTED",
        ),
        ("Building a data center costs an estimated 38 million dollars per megawatt.", "SUPPORTED"),
        # an English name the Korean sentence spells in Hangul, or spells otherwise
        (
            "Demis Hassabis helped solve protein structure prediction by combining chemistry with AI.",
            "SUPPORTED",
        ),
        ("Elon Musk personally gave 14 million dollars to the basic income study.", "REFUTED"),
        # a sentence of both levels: the one after the statement's subject decides
        ("월마트는 수익성이 높은 기업이다.", "REFUTED"),
        ("Walmart's capital turnover is low.", "REFUTED"),
        # two numbers of one unit, each with its own subject
        ("이해민 의원안은 과태료를 3000만원으로 정했다.", "REFUTED"),
        ("이해민 의원안의 과태료는 5000만원이다.", "SUPPORTED"),
    ],
)
def test_each_class_of_judgement_refutes_and_supports(library, claim, label):
    assert overall(check_claim(library, claim)).verdict == label


@pytest.mark.parametrize(
    ("claim", "label", "stated"),
    [
        # the best-ranked sentence is about the US alone; the one just below it states the
        # comparison the other way, and it is read before supporting
        ("중국보다 미국에서 더 많은 풍력·태양광 설비가 건설되고 있다.", "REFUTED", "두 배"),
        # the same words about a later time (their shares fell since) do not contradict it
        ("Farfetch, MyTheresa and Yoox grew explosively during the pandemic.", "SUPPORTED", "폭발적인"),
        # a runner-up about the same fact that agrees changes nothing
        ("Sales of luxury brands such as LVMH and Kering are rising.", "SUPPORTED", "상승"),
    ],
)
def test_a_close_runner_up_that_contradicts_is_read_before_supporting(library, claim, label, stated):
    verdict = overall(check_claim(library, claim))
    assert verdict.verdict == label
    assert stated in verdict.evidence[0].sentence


def test_a_claim_is_refuted_when_one_of_its_clauses_is(library):
    verdicts = check_claim(
        library, "인텔은 2024년 8월에 최악의 주가 하락을 겪었고, 애자일 선언문은 1995년에 발표되었다."
    )
    assert [v.verdict for v in verdicts] == ["SUPPORTED", "REFUTED"]
    assert overall(verdicts).verdict == "REFUTED"


def test_evidence_offsets_point_into_the_post(library):
    verdict = check_statement(library, "뉴럴링크는 1,024개의 미세 전극을 가진 뇌 임플란트를 개발했다.")
    evidence = verdict.evidence[0]
    assert library.posts[evidence.post_id].post.text[evidence.start : evidence.end] == evidence.sentence


def test_overall_of_mixed_verdicts():
    def made(label: str) -> Verdict:
        return Verdict(statement=label, verdict=label, confidence=0.8, evidence=[], reason=label)

    assert overall([made("SUPPORTED"), made("SUPPORTED")]).verdict == "SUPPORTED"
    assert overall([made("SUPPORTED"), made("NOT_ENOUGH_INFO")]).verdict == "NOT_ENOUGH_INFO"
    assert overall([made("NOT_ENOUGH_INFO"), made("REFUTED")]).verdict == "REFUTED"
    assert overall([]).verdict == "NOT_ENOUGH_INFO"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("짧다", ["짧다"]),
        (
            "인텔의 Itanium은 시장에서 성공했고 AMD의 x86-64는 실패했다.",
            ["인텔의 Itanium은 시장에서 성공했고", "AMD의 x86-64는 실패했다."],
        ),
        ("계산 비용이 낮으며, 긴 시퀀스를 잘 처리한다.", ["계산 비용이 낮으며", "긴 시퀀스를 잘 처리한다."]),
        ("정치를 보지 말고 정책을 봐야 한다.", ["정치를 보지 말고 정책을 봐야 한다."]),
        ("The chip is fast; the board was late.", ["The chip is fast", "the board was late."]),
        (
            "Work in short cycles, moving fast, and improving through feedback.",
            ["Work in short cycles, moving fast, and improving through feedback."],
        ),
        ("첫 문장이다. 두 번째 문장이다.", ["첫 문장이다.", "두 번째 문장이다."]),
        ("1.5배 성장했다.", ["1.5배 성장했다."]),
        ("   ", []),
    ],
)
def test_split_claims(text, pieces):
    assert split_claims(text) == pieces


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("가나다했고며지만, ;.!?\nand but AB12")), max_size=60)
    | st.text(max_size=40)
)
def test_split_claims_never_returns_empty_pieces(text):
    pieces = split_claims(text)
    assert all(piece.strip() for piece in pieces)
    assert pieces or not text.strip()


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1,000달러", 1000, "$"),
        ("2천 명", 2000, "명"),
        ("5000만원", 5e7, "원"),
        ("2018년", 2018, "년"),
        ("80%", 80, "%"),
        ("50 million users", 5e7, "명"),
        ("$130억", 1.3e10, "$"),
    ],
)
def test_quantities_are_normalised(text, value, unit):
    assert (quantities(text)[0].value, quantities(text)[0].unit) == (value, unit)


def test_double_negation_is_positive():
    assert not polarity_flip("성과가 없었던 건 아니다.", "성과가 있었다.")
    assert polarity_flip("It was never released.", "출시되었다.")


def test_swapped_roles_are_seen_by_word_order_and_by_comparison():
    assert swapped("Acme is the customer of Globex.", "Globex is the customer of Acme.", ["acme", "globex"])
    assert (
        role_swap("SSM은 Transformer보다 계산 비용이 높다.", "Transformer는 계산 비용이 높다.")
        == "transformer"
    )
    assert role_swap("A사가 B사보다 크다.", "A사가 B사보다 크다.") is None
