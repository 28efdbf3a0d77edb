"""The corpus splitter on the project's raw dumps, and reading a folder of posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from casework.engine.folder import load_posts
from casework.engine.importer import is_noise, split_folder, split_raw
from casework.engine.posts import (
    CorpusError,
    merge_duplicates,
    post_id,
    read_post_file,
    write_posts,
)

RAW = Path(__file__).resolve().parents[2] / "corpus" / "raw"


@pytest.fixture(scope="module")
def posts():
    return split_folder(RAW)


@pytest.fixture(scope="module")
def by_title(posts):
    return {post.title: post for post in posts}


def test_splits_the_raw_dumps_into_48_posts_with_unique_ids(posts):
    assert len(posts) == 48
    assert len({post.id for post in posts}) == 48
    assert all(post.title and post.text for post in posts)


def test_finds_both_agile_posts(by_title):
    assert "애자일(Agile) : 우리가 실패하는 이유" in by_title
    assert "애자일(Agile) : 성공하는 프로젝트들의 비결" in by_title
    assert by_title["애자일(Agile) : 우리가 실패하는 이유"].author == "Haebom"


def test_drops_reactions_counts_subscribe_and_footer_lines(posts):
    for post in posts:
        lines = post.text.splitlines()
        assert not any(is_noise(line) for line in lines), post.title
        assert "구독" not in lines and "Subscribe" not in lines
        assert not any(line.startswith(("👍", "'haebom' 구독하기", "haebom@kakao.com")) for line in lines)
        assert not any(line.strip().isdigit() for line in lines)


@pytest.mark.parametrize(
    "line",
    [
        "👍❤️",
        "16",
        "1,024",
        "구독",
        "Subscribe",
        "/haebom",
        "'haebom' 구독하기",
        "haebom@kakao.com",
        "📚 Haebom의 아카이브에 오신 걸 환영합니다.",
        "---",
        "  • Haebom",
        "",
    ],
)
def test_noise_lines(line):
    assert is_noise(line)


@pytest.mark.parametrize(
    "line", ["애자일(Agile) : 우리가 실패하는 이유", "2023년 3분기 성장률은 0.6%였다.", "GPT3가 배우는 것"]
)
def test_content_lines_are_not_noise(line):
    assert not is_noise(line)


def test_merges_the_ssm_post_that_appears_in_two_raw_files(posts):
    raw_hits = [
        path.name for path in RAW.glob("*.txt") if "짚고 넘어가야할 SSM" in path.read_text(encoding="utf-8")
    ]
    assert len(raw_hits) == 2
    ssm = [post for post in posts if post.title.endswith("짚고 넘어가야할 SSM")]
    assert len(ssm) == 1
    assert ssm[0].source == sorted(raw_hits)[0]  # the first source is kept
    assert "SSM(State Space Models)" in ssm[0].text


def test_newsletter_is_one_post_with_its_date_and_author(by_title):
    letter = by_title["미라클 모닝을 하는 일잘러들의 참고서"]
    assert letter.date == "2022-11-25"
    assert letter.author == "이덕주"
    assert "알파고" in letter.text
    assert "드림" not in letter.text.splitlines()[-1]  # the body stops before the sign-off


def test_dated_blog_posts_carry_month_and_day(by_title):
    assert by_title["클럽하우스가 무엇인지와 초대 받는 방법"].date == "--02-14"
    assert by_title["GPT3가 배우는 것"].date == "--11-14"
    assert by_title["TF_IDF 한 줄로."].date == "--12-10"


def test_dated_blog_heading_without_body_is_not_a_post():
    text = "01/12, Tue\n빈 제목\n02/14, Sun\n제목\n본문입니다.\n"
    assert [(p.title, p.text, p.date) for p in split_raw(text, "x.txt")] == [
        ("제목", "본문입니다.", "--02-14")
    ]


def test_merge_keeps_the_longer_text_and_the_first_source():
    short = split_raw("03/01, Mon\n같은 글\n짧다.\n03/02, Tue\n다른 글\n본문\n", "a.txt")[0]
    long = short.model_copy(update={"text": short.text + " 더 긴 본문.", "source": "b.txt"})
    merged = merge_duplicates([short, long])
    assert len(merged) == 1
    assert merged[0].text.endswith("더 긴 본문.") and merged[0].source == "a.txt"


def test_written_posts_read_back_identically(posts, tmp_path):
    paths = write_posts(posts[:5], tmp_path)
    fields = {"id", "title", "text", "author", "date", "source", "language"}
    read = [read_post_file(path).model_dump(include=fields) for path in paths]
    assert read == [post.model_dump(include=fields) for post in posts[:5]]


def test_post_id_is_a_readable_stable_slug():
    assert post_id("애자일(Agile) : 우리가 실패하는 이유") == post_id("애자일(Agile) : 우리가 실패하는 이유")
    assert post_id("애자일(Agile) : 우리가 실패하는 이유").startswith("애자일-agile-우리가-실패하는-이유-")


def test_missing_corpus_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        load_posts(tmp_path / "nope")


def test_every_file_is_a_document_or_a_line_saying_why_not(tmp_path):
    (tmp_path / "good.md").write_text("---\ntitle: 좋은 글\n---\n\n본문입니다.\n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "list-front-matter.md").write_text("---\n- a\n- b\n---\n본문\n", encoding="utf-8")
    (tmp_path / "only-front-matter.md").write_text("---\ntitle: 제목만\n---\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\0\0")  # not a post file: skipped, and said so
    posts, warnings = load_posts(tmp_path)
    # front matter of any shape is data: a list is kept, and the title falls back to the file name
    assert [post.title for post in posts] == ["좋은 글", "list-front-matter"]
    assert posts[1].meta == {"front_matter": ["a", "b"]}
    assert len(warnings) == 5
    for name in ("binary.md", "latin1.txt", "empty.md", "only-front-matter.md", "image.png"):
        assert sum(name in warning for warning in warnings) == 1, name
    assert all(len(warning.splitlines()) == 1 for warning in warnings)


def test_symbolic_links_are_reported_and_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nNot in the corpus.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.md").write_text("# Page\n\nIn the corpus.\n", encoding="utf-8")
    (folder / "link.md").symlink_to(outside / "secret.md")
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    posts, warnings = load_posts(folder)
    assert [post.title for post in posts] == ["Page"]
    assert warnings == [
        "skipped link.md: a symbolic link, not followed",
        "skipped linked-folder: a symbolic link, not followed",  # and nothing under it is read
    ]


def test_a_folder_with_no_readable_post_is_an_error(tmp_path):
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no readable"):
        load_posts(tmp_path)


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=120),
            st.sampled_from(
                [
                    "Haebom",
                    "👍",
                    "16",
                    "구독",
                    "02/14, Sun",
                    "2022.11.25 | 537호",
                    "이덕주 드림",
                    "",
                    "애자일(Agile) : 우리가 실패하는 이유",
                    "한국어 본문 " * 12,
                ]
            ),
        ),
        max_size=30,
    )
)
def test_split_raw_never_raises_and_every_post_has_a_title_and_text(lines):
    for post in split_raw("\n".join(lines), "fuzz.txt"):
        assert post.title.strip() and post.text.strip()
        assert post.source == "fuzz.txt"
