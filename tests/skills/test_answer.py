"""Questions: recognised as their own kind of case, answered with the sentences that answer, or not at all."""

from __future__ import annotations

import re

import pytest

from casework.skills.answer import answer_question
from casework.skills.intent import parse_intent
from casework.skills.question_terms import question_spellings, question_terms

AGENTS_POST = "AI 에이전트의 협업과 오케스트레이션"


@pytest.mark.parametrize(
    "task",
    [
        "오케스트레이션 계층은 무슨 역할을 하나요?",
        "애자일의 본질은 뭐야",
        "트랜스포머 모델의 한계는 무엇인가요?",
        "왜 애자일 도입은 실패할까",
        "what does the author think about SSM?",
        "Why did the agile adoption fail",
        "How do agents pass work to each other",
        "Does Nvidia lead the AI chip market",
        "Explain vision-language pre-training in a sentence",
        "tell me why the agile adoption failed",
        "SSM이 뭔지 설명해 줘",
        "FFF 고객이 누구인지 알려줘",
    ],
)
def test_questions_in_korean_and_english_are_their_own_kind(task):
    assert parse_intent(task).kind == "ask"


@pytest.mark.parametrize(
    "task",
    [
        "summarize the agile posts",
        "What does the blog say about orchestrating multiple AI agents?",
        "블로그는 메타버스에 대해 뭐라고 해?",
        "AI 에이전트 협업에 관한 글 요약해줘",
        "tell me what the blog says about agile",
        "quantum cooking",
    ],
)
def test_requests_for_what_the_posts_say_stay_summaries(task):
    assert parse_intent(task).kind == "summarize"


def test_question_words_are_not_what_a_question_is_about(library):
    assert set(question_terms(library, "오케스트레이션 계층은 무슨 역할을 하나요?")) >= {
        "오케스트레이션",
        "계층",
    }
    assert not {"무슨", "하나요", "무"} & set(
        question_terms(library, "오케스트레이션 계층은 무슨 역할을 하나요?")
    )
    assert set(question_terms(library, "what does the author think about SSM?")) == {"ssm"}


def test_the_answer_is_the_sentences_that_answer_from_the_post_that_does(library):
    answer = answer_question(library, "오케스트레이션 계층은 무슨 역할을 하나요?")
    assert 1 <= len(answer) <= 3
    assert {s.title for s in answer} == {AGENTS_POST}
    assert any("오케스트레이션 계층" in s.text for s in answer)
    for s in answer:  # quotes, with their place in the post
        post = library.posts[s.post_id]
        assert s.quoted and s.text in post.post.text[s.start : s.end]


def test_a_stance_question_puts_the_authors_view_first(library):
    answer = answer_question(library, "what does the author think about SSM?")
    assert "생각합니다" in answer[0].text


@pytest.mark.parametrize("question", ["What is the capital of Australia?", "양자 요리는 어떻게 하나요?"])
def test_nothing_answers_a_question_the_corpus_does_not_speak_to(library, question):
    assert answer_question(library, question) == []


def test_an_english_question_is_answered_from_the_korean_post_that_answers_it(library):
    answer = answer_question(library, "What does GPT-3 actually learn?")
    assert {s.title for s in answer} == {"GPT3가 배우는 것"}  # "GPT-3" is the post's "GPT3"
    assert "말들끼리의 관계" in answer[0].text  # the Korean sentence that says what it learns, first


def test_an_english_question_finds_a_post_its_glossed_terms_alone_miss(library):
    # "matter" glosses to 문제, which every post holds; the question's own vector finds the SEO post
    answer = answer_question(library, "Why does the author think SEO will still matter?")
    assert {s.title for s in answer} == {"검색 시장의 붕괴, 진짜일까?"}
    assert any("SEO" in s.text and re.search("[가-힣]", s.text) for s in answer)


def test_a_definition_question_puts_the_definition_first(library):
    answer = answer_question(library, "What is fine-tuning?")
    assert answer[0].text.startswith("Fine-Tuning이란")


@pytest.mark.parametrize("question", ["How long should I boil an egg?", "quantum cooking?"])
def test_a_measure_word_or_an_unknown_topic_finds_no_answer(library, question):
    assert answer_question(library, question) == []  # "how long" asks for a duration, not about 장기


def follows_in_post(answer, first: int) -> bool:
    """Whether answer[first + 1] is the sentence right after answer[first] in the same post."""
    a, b = answer[first], answer[first + 1]
    return a.post_id == b.post_id and b.sentence_index == a.sentence_index + 1


def test_a_lead_in_comes_with_the_sentence_it_announces(library):
    # "공통점을 하나 발견했습니다." says there is something in common; the next sentence says what.
    answer = answer_question(library, "삼성전자와 인텔 기사에서 발견한 공통점은 무엇인가요?")
    lead = next(i for i, s in enumerate(answer) if "공통점을 하나 발견" in s.text)
    assert follows_in_post(answer, lead)
    assert "관료주의" in answer[lead + 1].text


def test_a_consequence_comes_after_the_cause_it_points_back_to(library):
    # "이로 인해 … 매출 감소": the reason asked for is the sentence before it.
    answer = answer_question(library, "온라인 명품 샵들의 매출은 왜 줄고 있나요?")
    consequence = next(i for i, s in enumerate(answer) if s.text.startswith("이로 인해"))
    assert consequence > 0 and follows_in_post(answer, consequence - 1)
    assert "경쟁" in answer[consequence - 1].text


def test_a_sentence_that_refers_back_is_read_with_the_one_before_it(library):
    # "이러한 노력의 일환으로 … 기능을 확대하고": its subject (Character.AI) is in the sentence before,
    # so it answers, and that sentence comes first to make it readable.
    answer = answer_question(library, "Character.AI는 어떤 대응 기능을 확대하나요?")
    assert answer[1].text.startswith("이러한 노력의 일환으로") and follows_in_post(answer, 0)


def test_an_imperative_ask_is_answered_from_where_the_post_uses_the_acronym(library):
    assert set(question_terms(library, "Explain vision-language pre-training in a sentence")) == {
        "vision-language",
        "pre-training",
    }
    answer = answer_question(library, "Explain vision-language pre-training in a sentence")
    assert any(s.text.startswith("VLP를 한 줄로 요약하면") for s in answer)


def test_a_question_keeps_the_verb_that_carries_its_meaning(library):
    assert "오르" in question_terms(library, "비트코인 가격은 앞으로 오를까요?")


def test_a_prediction_the_posts_do_not_make_gets_no_answer(library):
    # 오르 is found where a word starts with it, not inside 떠오르는 ("comes to mind")
    assert answer_question(library, "비트코인 가격은 앞으로 오를까요?") == []


def test_a_term_the_post_introduces_is_answered_with_the_sentence_that_explains_it(library):
    answer = [s.text for s in answer_question(library, "FFF 고객이 뭐예요?")]
    assert any(text.startswith('"Friends, Family, and Fools"의 약자인데') for text in answer)


def test_a_compound_the_lexicon_knows_only_in_parts_is_one_term(library):
    # The analyser cuts 클럽하우스 into 클럽 + 하우스; 하우스 never starts a word, so only the whole is found.
    terms = question_terms(library, "클럽하우스는 어떤 서비스인가요?")
    assert "클럽하우스" in terms and not {"클럽", "하우스"} & set(terms)
    assert terms["클럽하우스"] == max(library.idf("클럽"), library.idf("하우스"))  # as rare as its rarer part


def test_a_compound_is_found_written_with_or_without_a_space(library):
    terms = question_terms(library, "클럽하우스는 어떤 서비스인가요?")
    assert {"클럽하우스", "클럽 하우스"} <= question_spellings(library, "", terms)["클럽하우스"]


def test_a_question_on_a_compound_is_answered_from_the_post_that_writes_it(library):
    answer = answer_question(library, "딥페이크 제작을 단속으로 막기 어려운 이유는 뭔가요?")
    assert {s.title for s in answer} == {"KBS 9시 뉴스에 출연하였습니다."}
