"""Fuzzing the three parsers that take raw user or corpus text: they never raise, and what they
return is well formed and made only of the input's own text."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework.engine.importer import split_raw
from casework.skills.evidence import split_claims
from casework.skills.intent import parse_intent

# Text that looks like the corpus: Korean, English, digits, blog punctuation, dates and newlines.
PIECES = st.sampled_from(
    [
        "애자일",
        "프로젝트",
        "은 ",
        "는 ",
        "이고 ",
        "지만 ",
        "and ",
        "but ",
        "Agile ",
        "2023.01.05",
        "2023-01-05 ",
        "summarize ",
        "요약해줘",
        "fact-check: ",
        "사실인가요?",
        "출처를 찾아줘: ",
        ". ",
        "!",
        "?",
        "\n",
        "\n\n",
        "# ",
        "---\n",
        "#태그 ",
        "댓글 ",
        "공감 ",
        ";",
        ",",
        "\t",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def letters(text: str) -> set[str]:
    return {ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace()}


@FUZZ
@given(TEXTS)
def test_split_raw_never_raises_and_keeps_to_the_input(text):
    for post in split_raw(text, "fuzz.txt"):
        assert post.title.strip() and post.text.strip() and post.id
        assert letters(post.text) <= letters(text) | {"\n"}


@FUZZ
@given(TEXTS.filter(str.strip))
def test_parse_intent_always_gives_a_kind_and_a_subject(task):
    intent = parse_intent(task)
    assert intent.kind in {"summarize", "check", "cite", "ask"}
    assert intent.text.strip()
    assert letters(intent.text) <= letters(task)


@FUZZ
@given(TEXTS)
def test_split_claims_gives_non_empty_pieces_of_the_input(text):
    claims = split_claims(text)
    if not text.strip():
        assert claims == []
        return
    assert claims and all(claim.strip() for claim in claims)
    assert all(letters(claim) <= letters(text) for claim in claims)
