"""Hostile corpus files: front matter, links, control characters, size (issue 15, items 4, 6, 7, 11, 12).

Before: a 400-byte YAML alias bomb expanded to a megabytes-long title (nine levels: a MemoryError);
a symlink to a file outside the corpus was indexed and quoted; ESC sequences reached the terminal;
a 4 MB post was analysed in full; `author: 2024` broke every command on that corpus.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casework.cli import app
from casework.engine.folder import load_posts
from casework.engine.posts import CorpusError, read_post_file

from samples import SHORTEST_POSTS

runner = CliRunner()
BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{b}: &{b} [{','.join([f'*{a}'] * 9)}]" for a, b in zip("abcde", "bcdef")]
    + ["title: *f"]
)  # 9**6 = 531,441 strings from 380 bytes


def post(folder: Path, name: str, header: str, body: str = "본문입니다. 애자일은 방법론이다.") -> Path:
    path = folder / name
    path.write_text(f"---\n{header}\n---\n\n{body}\n", encoding="utf-8")
    return path


def test_an_alias_bomb_is_refused_quickly_and_the_rest_still_load(corpus):
    post(corpus, "bomb.md", BOMB)
    started = time.perf_counter()
    posts, warnings = load_posts(corpus)
    assert time.perf_counter() - started < 2.0
    assert len(posts) == len(SHORTEST_POSTS) and all(len(p.title) < 200 for p in posts)
    assert any("bomb.md" in w and "alias" in w for w in warnings), warnings


def test_an_oversized_header_is_refused(corpus):
    post(corpus, "long.md", "title: x\n" + "\n".join(f"k{i}: {'v' * 60}" for i in range(2000)))
    posts, warnings = load_posts(corpus)
    assert len(posts) == len(SHORTEST_POSTS)
    assert any("long.md" in w and "front matter" in w for w in warnings), warnings


@pytest.mark.parametrize("field", ["author: 2024", "language: 5", "author: [a, b]", "date: 2024-13-45"])
def test_odd_field_types_are_read_or_skipped_with_a_warning(corpus, field):
    post(corpus, "odd.md", f"title: Odd\n{field}")
    result = runner.invoke(app, ["corpus", "list", "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0 and result.exception is None, result.output
    for entry in __import__("json").loads(result.stdout):
        assert all(isinstance(entry[k], str | None) for k in ("author", "language", "date"))


def test_a_symlink_out_of_the_corpus_is_not_read(corpus, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("# Private\n\nThe SECRETWORD is swordfish. 애자일은 비밀이다.\n", encoding="utf-8")
    (corpus / "leak.md").symlink_to(secret)
    posts, warnings = load_posts(corpus)
    assert all("swordfish" not in p.text for p in posts)
    assert any("leak.md" in w and "link" in w for w in warnings), warnings


def test_control_characters_are_stripped_when_posts_are_read(tmp_path):
    path = post(
        tmp_path,
        "esc.md",
        'title: "\\e[31mRed\\e]8;;https://evil.example\\a"\nauthor: "x\\x07y"',
        body="본문\x1b[2J입니다.\r\n둘째 줄\t탭.\x7f\x85",
    )
    read = read_post_file(path)
    for text in (read.title, read.author, read.text.replace("\r\n", "\n")):  # a Windows line end stays
        assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) < 0xA0 for ch in text), text
    assert read.title.startswith("[31mRed") and "둘째 줄\t탭." in read.text


def test_an_oversized_post_is_skipped_with_a_warning_that_names_it(corpus):
    (corpus / "huge.md").write_text(
        "# Huge\n\n" + "애자일 방법론. " * 200_000 + "\n", encoding="utf-8"
    )  # 4 MB
    posts, warnings = load_posts(corpus)
    assert len(posts) == len(SHORTEST_POSTS)
    assert any("huge.md" in w and "bytes" in w for w in warnings), warnings


TOKENS = [*"ab:-[]{}&*!|>'\"#%@`,? \n\t\\", "&a ", "*a", "\x1b", "가", "title: ", "\n  - ", "!!python/"]
HEADER_TEXT = st.lists(st.sampled_from(TOKENS)).map("".join)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
FIELDS = st.dictionaries(
    st.sampled_from(["id", "title", "author", "date", "source", "language", "x"]), VALUES
)


@hypothesis_settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(header=HEADER_TEXT | FIELDS.map(lambda d: yaml.safe_dump(d, allow_unicode=True)))
def test_any_front_matter_gives_posts_or_a_warning_never_a_traceback(tmp_path, header):
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(SHORTEST_POSTS[0], folder / SHORTEST_POSTS[0].name)
    post(folder, "fuzz.md", header)
    before = set(tmp_path.parent.rglob("*"))
    try:
        read_post_file(folder / "fuzz.md")
    except CorpusError:
        pass
    posts, _warnings = load_posts(folder)
    assert posts
    result = runner.invoke(app, ["corpus", "list", "--corpus", str(folder)])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "\x1b" not in result.stdout
    assert set(tmp_path.parent.rglob("*")) == before  # reading a corpus writes nothing
