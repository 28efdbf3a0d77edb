"""Topic selection: on a small corpus of its own, a rare word named once must not decide a many-word topic;
on the real corpus, a Korean topic word reaches the other wordings of its English gloss."""

from __future__ import annotations

import pytest

from casework.config import Settings
from casework.skills.selection import recurrence, select_posts, term_groups
from casework.workspace import open_library


def blog_length(sentences: list[str], length: int = 40) -> list[str]:
    """Sentences padded with asides to a blog post's length, so one sentence is a small share of the post."""
    return sentences + [
        f"Aside {n}: the coffee machine on floor {n} works again." for n in range(length - len(sentences))
    ]


# Two posts about teams (and the companies they work in); a company post that names "culture" and
# "underperform" once each (the only times the corpus does: the rarest, so the heaviest, words of the
# topic) and a team once; and travel diaries that make the corpus a blog's size.
POSTS = {
    "teams-fail": (
        "Why teams fail",
        blog_length(
            [
                "A team fails when nobody owns the outcome.",
                "The team meets every day and decides nothing.",
                "Good teams write down what they decided.",
                "A team lead who shields the team from noise helps.",
                "Companies copy rituals from other teams without the reasons.",
                "Small habits make a team reliable.",
                "Large companies add layers between a team and its users.",
                "Companies reward the loudest team.",
                "A company that measures hours gets hours, not results.",
            ]
        ),
    ),
    "small-teams": (
        "Small teams, big results",
        blog_length(
            [
                "A small team ships faster than a large one.",
                "Each team member knows the whole product.",
                "Teams of five talk less and build more.",
                "Companies that split work into small teams grow calmly.",
                "The team keeps its own backlog short.",
                "A team that owns its service answers its pages.",
                "Companies rarely need a bigger team; they need a clearer goal.",
                "A company grows team by team.",
            ]
        ),
    ),
    "company-news": (
        "Quarterly company news",
        blog_length(
            [
                "The company opened an office in the harbour district.",
                "Sales rose in spring and fell in summer.",
                "One product line continued to underperform.",
                "The board approved a new logo.",
                "Our culture committee asked for soup on Fridays.",
                "A team from the office ran a marathon.",
                "The company also renewed its lease.",
            ]
        ),
    ),
    **{
        f"diary-{day}": (
            f"Travel diary, day {day}",
            [
                f"On day {day} we walked to the {place} and back."
                for place in (
                    "market",
                    "river",
                    "castle",
                    "bakery",
                    "museum",
                    "harbour",
                    "forest",
                    "bridge",
                    "chapel",
                    "garden",
                    "station",
                    "square",
                    "tower",
                    "lake",
                    "hill",
                )
            ],
        )
        for day in range(1, 9)
    },
}


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    """A library over the posts above, in a store of its own."""
    folder = tmp_path_factory.mktemp("selection-corpus")
    for post_id, (title, sentences) in POSTS.items():
        (folder / f"{post_id}.md").write_text(
            f"---\nid: {post_id}\ntitle: {title}\n---\n\n" + "\n".join(sentences) + "\n", encoding="utf-8"
        )
    return open_library(Settings(home=tmp_path_factory.mktemp("selection-home"), corpus=folder))


def test_a_passing_mention_is_weaker_evidence_than_a_recurring_word():
    assert recurrence(0) == 0
    assert recurrence(1) < recurrence(2) < recurrence(10) < 1


def test_a_rare_word_named_once_does_not_outweigh_the_topics_main_concept(small_library):
    selected = select_posts(small_library, "culture and why teams or companies underperform")
    assert {"teams-fail", "small-teams"} <= set(selected)
    assert not any(post_id.startswith("diary") for post_id in selected)


def test_the_single_mention_still_ranks_a_topic_only_it_names(small_library):
    assert select_posts(small_library, "underperform") == ["company-news"]


@pytest.mark.parametrize(
    "topic, stray",
    [
        ("Nvidia and the race for its AI chips", "the"),
        ("Meta's AI features on Facebook", "on"),
        ("GPU와 AI 칩 시장", "와"),
        ("SEO의 미래", "의"),
        ("the deepfake issue and how to respond to it", "it"),
    ],
)
def test_function_words_and_bare_particles_are_not_topic_words(small_library, topic, stray):
    assert all(group[0] != stray for group in term_groups(small_library, topic))


def test_a_korean_topic_word_takes_the_other_wordings_of_its_english_gloss(library):
    # glossary: study -> 연구|공부|스터디, so "스터디" also finds posts that say 공부 (study) instead
    study = next(group for group in term_groups(library, "AI 스터디 열풍") if group[0] == "스터디")
    assert {"study", "공부", "연구"} <= set(study)
    learning_posts = {
        library.posts[pid].post.title for pid in select_posts(library, "AI 강의·스터디 열풍과 FOMO")
    }
    assert "왜 그들은 기초 학문을 공부하라고 했을까?" in learning_posts
    assert not any(
        "UX 스터디" in title for title in learning_posts
    )  # a title naming only 스터디 is not enough


def test_an_english_topic_word_keeps_its_own_glosses_only(library):
    agile = next(group for group in term_groups(library, "agile") if group[0] == "agile")
    assert set(agile) == {"agile", *library.term_map["agile"]}


def test_a_word_most_posts_use_does_not_carry_the_selection(library):
    # 문제 (problem) is in most posts and in the title "다른 회사, 같은 문제": the rarer 딥페이크 decides
    selected = [library.posts[pid].post.title for pid in select_posts(library, "딥페이크 문제와 대응")]
    assert selected == ["KBS 9시 뉴스에 출연하였습니다."]


def test_a_korean_word_with_a_particle_keeps_its_one_syllable_stem(library):
    assert any(group[0] == "칩" for group in term_groups(library, "AI 칩과 데이터 센터"))


def test_an_english_word_the_corpus_never_writes_takes_its_title_word(library):
    # no glossary has Clubhouse; the encoder finds the title's own word, 클럽하우스
    selected = [
        library.posts[pid].post.title for pid in select_posts(library, "Clubhouse and how to get an invite")
    ]
    assert selected == ["클럽하우스가 무엇인지와 초대 받는 방법"]
