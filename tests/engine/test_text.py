"""Sentences and content terms, with real Kiwi; segment() and n-grams without it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from casework.engine.text import char_ngrams, proper_nouns, segment, split_sentences, tokenize


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("날씨가 좋다. 산책을 가요. 같이 가죠?", ["날씨가 좋다.", "산책을 가요.", "같이 가죠?"]),
        ("비가 온다 그래서 집에 있어요 정말 그렇죠", ["비가 온다 그래서 집에 있어요", "정말 그렇죠"]),
        (
            '그는 "안녕하세요. 반갑습니다."라고 말했다. 다음 문장이다.',
            ['그는 "안녕하세요. 반갑습니다."라고 말했다.', "다음 문장이다."],
        ),
        ("모델(예: GPT. BERT)이 있다. 끝이다.", ["모델(예: GPT. BERT)이 있다.", "끝이다."]),
        ("(괄호 안의 문장입니다.) 그 다음 문장이다.", ["(괄호 안의 문장입니다.)", "그 다음 문장이다."]),
        ("목록:\n- 첫째 항목\n1. 둘째 항목입니다", ["목록:", "- 첫째 항목", "1. 둘째 항목입니다"]),
        (  # a quote with a particle glued to it opens the sentence the particle goes on with
            '이런 표현이 있습니다. "Friends, Family, and Fools"의 약자인데 지인을 뜻합니다.',
            ["이런 표현이 있습니다.", '"Friends, Family, and Fools"의 약자인데 지인을 뜻합니다.'],
        ),
        ("그는 ‘알파고 모먼트’라고도 부르는데요.", ["그는 ‘알파고 모먼트’라고도 부르는데요."]),
    ],
)
def test_split_sentences(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "날씨가 좋다. 산책을 가요.\n\n  들여쓴 줄이다.  \n- 목록 항목\n마지막이죠?",
        "\n\n하나.\n\n둘.",
        "SSM(State Space Models) 입니다. Transformer는 무겁습니다!",
        '표현이 있습니다. "Friends, Family"의 약자입니다.',
    ],
)
def test_sentence_offsets_slice_back_to_the_text(text):
    sentences = split_sentences(text)
    assert sentences
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


def test_blank_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences(" \n\t\n") == []


def test_tokenize_keeps_content_words_and_drops_particles_and_endings():
    terms = tokenize("프로젝트를 빠르게 진행하는 방법은 무엇인가요?")
    assert {"프로젝트", "진행", "방법"} <= set(terms)
    assert not {"를", "은", "는", "요", "가요"} & set(terms)


def test_tokenize_lowercases_english_and_drops_stopwords():
    assert tokenize("The agile posts about Orchestration") == ["agile", "orchestration"]


def test_segment_splits_words_by_the_lexicon_without_kiwi():
    lexicon = frozenset({"애자일", "실패", "이유"})
    assert segment("애자일의 실패 이유를", lexicon) == ["애자일", "실패", "이유"]
    assert segment("처음보는단어", lexicon) == ["처음보는단어"]  # unknown: kept whole
    assert segment("The Agile posts", lexicon) == ["agile"]
    assert segment("", lexicon) == []


def test_char_ngrams_cover_words_and_their_2_and_3_grams():
    assert char_ngrams("애자일의") == ["애자일의", "애자", "자일", "일의", "애자일", "자일의"]
    assert char_ngrams("AI") == ["ai", "ai"]


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=200),
    st.frozensets(st.text(alphabet="가나다라마바사애자일", min_size=1, max_size=4), max_size=20),
)
def test_segment_never_raises_and_returns_pieces_of_the_text(text, lexicon):
    lowered = text.lower()
    for term in segment(text, lexicon):
        assert term and term in lowered


def test_segment_drops_particles_left_after_a_known_word():
    lexicon = frozenset({"애자일", "의", "팀", "을", "빅테크"})
    assert segment("애자일의 팀을 빅테크의", lexicon) == ["애자일", "팀", "빅테크"]
    assert segment("팀", lexicon) == ["팀"]  # a one-syllable word on its own is kept


def test_segment_drops_particles_glued_to_latin_words_and_known_words():
    lexicon = frozenset({"의", "답", "에어", "프롬프트"})
    assert segment("AI의 답을", lexicon) == ["ai", "답"]
    assert segment("에어로도 프롬프트를", lexicon) == ["에어", "프롬프트"]


def test_proper_nouns_are_names_not_common_nouns():
    found = proper_nouns("이번 주말, 일론 머스크가 공동 창립한 뉴럴링크의 기간")
    assert {"머스크", "뉴럴링크"} <= found
    assert not {"주말", "기간"} & found
