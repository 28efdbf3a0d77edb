"""The workspace on a small copied corpus: ingest is idempotent and incremental, errors are clear."""

from __future__ import annotations

import pytest

from casework.config import Settings
from casework.engine.errors import UserError
from casework.engine.store import StoreError
from casework.workspace import ingest, open_library

from samples import SHORTEST_POSTS


@pytest.fixture
def settings(tmp_path, corpus) -> Settings:
    return Settings(home=tmp_path / "h", corpus=corpus)


def stored_ids(settings: Settings) -> set[str]:
    library = open_library(settings)
    return set(library.collection.get(include=[])["ids"])


def test_second_ingest_adds_nothing(settings):
    first = ingest(settings)
    assert first.posts == 4 and first.added == first.passages > 0
    second = ingest(settings)
    assert (second.added, second.deleted, second.kept) == (0, 0, first.passages)


def test_a_changed_post_is_replaced(settings, corpus):
    ingest(settings)
    path = corpus / SHORTEST_POSTS[0].name
    path.write_text(path.read_text(encoding="utf-8") + "\n덧붙인 문장입니다.\n", encoding="utf-8")
    report = ingest(settings)
    assert report.added >= 1 and report.deleted >= 1
    library = open_library(settings)
    assert any("덧붙인 문장" in hit.passage for hit in library.search("덧붙인 문장", k=3))


def test_a_removed_post_is_deleted(settings, corpus):
    first = ingest(settings)
    (corpus / SHORTEST_POSTS[0].name).unlink()
    report = ingest(settings)
    assert report.posts == 3 and report.deleted >= 1 and report.added == 0
    assert report.kept == first.passages - report.deleted


def test_collection_ids_are_the_passages_content_hashes(settings):
    ingest(settings)
    library = open_library(settings)
    assert stored_ids(settings) == {passage.id for passage in library.passages}


def test_rebuild_embeds_everything_again(settings):
    first = ingest(settings)
    rebuilt = ingest(settings, rebuild=True)
    assert rebuilt.added == first.passages and rebuilt.kept == 0


def test_open_library_ingests_a_missing_store(settings):
    library = open_library(settings)
    assert len(library.posts) == 4 and library.collection.count() == len(library.passages)


def test_skipped_files_are_reported_and_the_rest_ingested(settings, corpus):
    (corpus / "binary.md").write_bytes(b"\0\x01\x02binary")
    (corpus / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (corpus / "empty.md").write_text("", encoding="utf-8")
    report = ingest(settings)
    assert report.posts == 4
    assert len(report.warnings) == 3
    assert all(any(name in w for w in report.warnings) for name in ("binary.md", "latin1.txt", "empty.md"))


def test_a_missing_corpus_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="corpus folder not found"):
        ingest(Settings(home=tmp_path / "h", corpus=tmp_path / "nope"))


def test_a_file_where_the_home_folder_should_be_is_a_store_error(tmp_path, corpus):
    (tmp_path / "h").write_text("a file, not a folder")
    settings = Settings(home=tmp_path / "h", corpus=corpus)
    with pytest.raises(StoreError, match="cannot create the store folder"):
        ingest(settings)
    with pytest.raises(StoreError, match="cannot create the store folder"):
        open_library(settings)


def test_a_file_where_the_chroma_folder_should_be_is_a_store_error(settings):
    settings.store_dir.mkdir(parents=True)
    (settings.store_dir / "chroma").write_text("a file, not a folder")
    with pytest.raises(StoreError, match="--rebuild"):
        ingest(settings)
    assert ingest(settings, rebuild=True).added > 0  # the advice in the message works
