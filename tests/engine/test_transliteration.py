"""A name written in Latin letters and in Hangul reads as one name (casework/engine/transliteration.py)."""

from __future__ import annotations

import pytest

from casework.engine.transliteration import spelled_alike, written_in


@pytest.mark.parametrize(
    "latin, hangul",
    [
        ("Datamorph", "데이터모프"),
        ("Perplexity", "퍼플렉시티"),
        ("HackerRank", "해커랭크"),
        ("Glitch", "글리치"),
        ("Clubhouse", "클럽하우스"),
        ("Amazon", "아마존"),
        ("Tenstorrent", "텐스토렌트"),
        ("Itanium", "아이테니엄"),
        ("KakaoTalk", "카카오톡"),  # the l of -alk is silent
    ],
)
def test_a_name_in_both_scripts_is_spelled_alike(latin, hangul):
    assert spelled_alike(latin, hangul)


@pytest.mark.parametrize(
    "latin, hangul",
    [
        ("HackerRank", "해결책"),  # the same consonants, another word
        ("participant", "있었습니다"),  # a verb form names nothing
        ("Google", "구글"),  # two consonants: too many words share them
    ],
)
def test_other_words_are_not(latin, hangul):
    assert not spelled_alike(latin, hangul)


def test_a_name_is_found_in_a_sentence_of_the_other_script_with_its_particle():
    assert written_in("datamorph", "데이터모프라는 이름의 악마가 조카 글리치에게 보낸 편지")
    assert written_in("퍼플렉시티는", "Perplexity와 같은 AI 기반 검색 서비스는")
    assert not written_in("datamorph", "이 편지들을 읽어주시길 바랍니다.")
