"""The labelled question and summary sets are well formed: every title names a post of the corpus,
every answer is a verbatim substring of one of its gold posts, every key point has keyword groups.

Not checked: whether an answer really answers its question (that is the labeller's judgement).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.engine.folder import load_posts

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "posts"
QUESTION_FILES = sorted(p for p in DATA.rglob("questions*.jsonl"))  # dev items added later too
SUMMARY_FILES = sorted(p for p in DATA.rglob("summaries*.jsonl"))


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    posts, _ = load_posts(CORPUS)
    return {p.title: p.text for p in posts}


def test_there_is_a_test_split_of_questions_and_summaries():
    assert DATA / "test" / "questions.jsonl" in QUESTION_FILES
    assert DATA / "test" / "summaries.jsonl" in SUMMARY_FILES


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_question_answers_are_verbatim_sentences_of_their_gold_posts(path, texts):
    items = rows(path)
    assert items, path
    for item in items:
        assert set(item) == {"question", "lang", "titles", "answers"}, item
        assert item["lang"] in {"ko", "en"}
        unknown = [t for t in item["titles"] if t not in texts]
        assert not unknown, f"{item['question']}: titles that name no post: {unknown}"
        assert bool(item["titles"]) == bool(item["answers"]), item["question"]
        for answer in item["answers"]:
            assert any(answer in texts[t] for t in item["titles"]), (
                f"{item['question']}: not verbatim: {answer}"
            )


@pytest.mark.parametrize("path", SUMMARY_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_summary_requests_name_posts_and_key_points_have_keywords(path, texts):
    for item in rows(path):
        assert all(t in texts for t in item["titles"]), item["request"]
        assert item["key_points"], item["request"]
        for point in item["key_points"]:
            assert point["keywords"] and all(point["keywords"]), point["point"]
