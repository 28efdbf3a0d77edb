"""The `casework` command through Typer's CliRunner: exit codes and what a person sees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casework.cli import app

from errors import one_line_error

POSTS = Path(__file__).resolve().parents[2] / "corpus" / "posts"
RAW = POSTS.parent / "raw"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def assert_one_line_error(result, *words: str) -> None:
    one_line_error(result, *words)
    assert result.stdout == ""


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(POSTS.glob("*.md"), key=lambda p: p.stat().st_size)[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def test_search_prints_ranked_passages(settings):
    result = run("search", "the agile posts", "--home", settings.home)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1. 애자일(Agile)")
    assert "2. 애자일(Agile)" in result.stdout


def test_search_json_gives_hits_that_slice_their_post(settings, library):
    result = run("search", "orchestration", "--k", "3", "--json", "--home", settings.home)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 3 and hits[0]["title"] == "AI 에이전트의 협업과 오케스트레이션"
    for hit in hits:
        assert library.posts[hit["post_id"]].post.text[hit["start"] : hit["end"]] == hit["passage"]


@pytest.mark.parametrize(
    "query, words",
    [
        ("", ["query is empty"]),
        ("   \n\t", ["query is empty"]),
        ("가" * 1_000_000, ["too long", "1,000,000"]),
    ],
)
def test_bad_queries_are_one_line_errors(settings, query, words):
    assert_one_line_error(run("search", query, "--home", settings.home), *words)


@pytest.mark.parametrize(
    "args, words",
    [(["--k", "0"], ["k must be at least 1"]), (["--mode", "magic"], ["unknown search mode", "magic"])],
)
def test_bad_search_options_are_one_line_errors(settings, args, words):
    assert_one_line_error(run("search", "애자일", *args, "--home", settings.home), *words)


def test_a_query_without_words_matches_nothing(settings):
    result = run("search", "?!", "--home", settings.home)
    assert result.exit_code == 0 and "no passage matches" in result.stdout


@pytest.mark.parametrize("command", [["ingest"], ["search", "애자일"], ["corpus", "list"]])
def test_a_missing_corpus_folder_is_a_one_line_error(tmp_path, command):
    assert_one_line_error(run(*command, "--corpus", tmp_path / "nope"), "corpus folder not found", "nope")


def test_ingest_then_ingest_again_embeds_nothing(tmp_path, small_corpus):
    first = run("ingest", "--corpus", small_corpus, "--home", tmp_path / "h", "--json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report["posts"] == 3 and report["added"] == report["passages"] > 0
    again = run("ingest", "--corpus", small_corpus, "--home", tmp_path / "h")
    assert again.exit_code == 0
    assert f"0 embedded, 0 deleted, {report['passages']} unchanged" in again.stdout


def test_ingest_warns_about_each_skipped_file_and_ingests_the_rest(tmp_path, small_corpus):
    (small_corpus / "binary.md").write_bytes(b"\0\xff\0\xfe")
    (small_corpus / "cp949.txt").write_bytes("한국어".encode("cp949"))
    (small_corpus / "empty.md").write_text("")
    result = run("ingest", "--corpus", small_corpus, "--home", tmp_path / "h")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("6 files read: 3 kept, 3 skipped, 0 merged")
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 3 and all(line.startswith("warning: skipped ") for line in warnings)
    for name in ("binary.md", "cp949.txt", "empty.md"):
        assert name in result.stderr


def test_ingest_keeps_every_file_repeated_titles_too_and_merges_only_the_same_content(tmp_path):
    folder = tmp_path / "docs"
    (folder / "cli").mkdir(parents=True)
    (folder / "python").mkdir()
    (folder / "cli" / "quickstart.md").write_text("# Quickstart\n\nInstall it, then run it.\n")
    (folder / "python" / "quickstart.md").write_text("# Quickstart\n\nImport it, then call it.\n")
    (folder / "python" / "copy.md").write_text("# Quickstart\n\n  Import it,   then call it.\n")
    (folder / "logo.png").write_bytes(b"\x89PNG")
    result = run("ingest", "--corpus", folder, "--home", tmp_path / "h", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["files"], report["posts"]) == (4, 2)
    assert report["skipped"] == ["skipped logo.png: not a Markdown or text file"]
    assert report["merged"] == ["merged python/quickstart.md into python/copy.md: the same content"]
    listed = json.loads(run("corpus", "list", "--corpus", folder, "--json").stdout)
    assert sorted(post["title"] for post in listed) == ["Quickstart", "Quickstart"]
    assert len({post["id"] for post in listed}) == 2


def test_a_file_where_the_home_folder_should_be_is_a_one_line_error(tmp_path, small_corpus):
    (tmp_path / "h").write_text("not a folder")
    assert_one_line_error(
        run("ingest", "--corpus", small_corpus, "--home", tmp_path / "h"), "cannot create the store folder"
    )
    assert_one_line_error(
        run("search", "애자일", "--corpus", small_corpus, "--home", tmp_path / "h"), "store folder"
    )


def test_corpus_list_shows_every_post():
    result = run("corpus", "list")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("48 posts")
    assert "애자일(Agile) : 우리가 실패하는 이유" in result.stdout


def test_corpus_list_json():
    posts = json.loads(run("corpus", "list", "--json").stdout)
    assert len(posts) == 48 and "text" not in posts[0]
    assert {"id", "title", "author", "date", "source", "language"} <= set(posts[0])


def test_corpus_split_writes_the_project_posts(tmp_path):
    result = run("corpus", "split", RAW, "--out", tmp_path / "posts")
    assert result.exit_code == 0, result.output
    assert "48 posts written" in result.stdout
    written = sorted(path.name for path in (tmp_path / "posts").glob("*.md"))
    assert written == sorted(path.name for path in POSTS.glob("*.md"))


def test_corpus_split_of_a_missing_folder_is_a_one_line_error(tmp_path):
    assert_one_line_error(
        run("corpus", "split", tmp_path / "nope", "--out", tmp_path / "posts"), "raw folder not found"
    )


def test_no_arguments_shows_help():
    result = run()
    assert "ingest" in result.output and "search" in result.output


def test_two_quotes_from_one_post_are_one_reference_marker(settings):
    result = run("cite", "애자일의 본질은 자율과 방향성이다.", "--home", settings.home)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "애자일의 본질" in line)
    assert line.rstrip().endswith("[1]") and "[1] [1]" not in line
