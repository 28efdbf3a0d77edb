"""The Chroma store, real and local: syncing by content-hash ids, dense search, clear errors."""

from __future__ import annotations

import pytest

from casework.engine.embeddings import HashedNgramEmbeddings
from casework.engine.index import analyze_post
from casework.engine.posts import Post
from casework.engine.store import StoreError, dense_search, open_client, open_collection, sync_collection

EMBEDDINGS = HashedNgramEmbeddings()


def make_post(title: str, text: str) -> Post:
    return Post(id=title, title=title, text=text, source="test")


@pytest.fixture(scope="module")
def analyzed():
    """Three small posts, analysed once (Kiwi) for every test of this file."""
    return [
        analyze_post(make_post(title, text))
        for title, text in [
            ("애자일", "애자일은 짧은 주기로 일하는 방법입니다. 실패하는 조직도 많습니다."),
            ("데이터 센터", "데이터 센터는 전기를 많이 씁니다. 냉각 장비가 필요합니다."),
            ("SSM", "SSM(State Space Models)은 트랜스포머의 대안으로 주목받습니다."),
        ]
    ]


@pytest.fixture
def collection(tmp_path):
    return open_collection(open_client(tmp_path / "chroma"), "test")


def passages_of(*posts):
    return [passage for post in posts for passage in post.passages]


def test_sync_adds_once_then_keeps(collection, analyzed):
    passages = passages_of(*analyzed)
    first = sync_collection(collection, passages, EMBEDDINGS)
    assert (first.added, first.deleted, first.kept) == (len(passages), 0, 0)
    second = sync_collection(collection, passages, EMBEDDINGS)
    assert (second.added, second.deleted, second.kept) == (0, 0, len(passages))
    assert sorted(collection.get(include=[])["ids"]) == sorted(p.id for p in passages)


def test_sync_deletes_passages_that_are_gone(collection, analyzed):
    sync_collection(collection, passages_of(*analyzed), EMBEDDINGS)
    report = sync_collection(collection, passages_of(*analyzed[:2]), EMBEDDINGS)
    assert report.deleted == len(analyzed[2].passages) and report.added == 0
    assert collection.count() == len(passages_of(*analyzed[:2]))


def test_passage_ids_are_content_hashes(analyzed):
    again = analyze_post(analyzed[0].post)
    assert [p.id for p in again.passages] == [p.id for p in analyzed[0].passages]
    changed = analyze_post(
        analyzed[0].post.model_copy(update={"text": analyzed[0].post.text + " 고쳤습니다."})
    )
    assert not {p.id for p in changed.passages} & {p.id for p in analyzed[0].passages}


def test_a_changed_post_replaces_its_passages(collection, analyzed):
    sync_collection(collection, passages_of(*analyzed), EMBEDDINGS)
    changed = analyze_post(
        analyzed[1].post.model_copy(update={"text": "데이터 센터는 이제 태양광으로 돌아갑니다."})
    )
    report = sync_collection(collection, passages_of(analyzed[0], changed, analyzed[2]), EMBEDDINGS)
    assert (report.added, report.deleted) == (len(changed.passages), len(analyzed[1].passages))
    stored = collection.get(ids=[changed.passages[0].id], include=["documents", "metadatas"])
    assert stored["documents"] == ["데이터 센터는 이제 태양광으로 돌아갑니다."]
    assert stored["metadatas"][0]["post_id"] == "데이터 센터"


def test_dense_search_ranks_the_nearest_passage_first(collection, analyzed):
    sync_collection(collection, passages_of(*analyzed), EMBEDDINGS)
    hits = dense_search(collection, EMBEDDINGS, "데이터 센터 전기", k=2)
    assert len(hits) == 2
    assert hits[0][0] == analyzed[1].passages[0].id
    assert hits[0][1] > hits[1][1]


def test_dense_search_of_an_empty_collection_or_a_wordless_query_finds_nothing(collection, analyzed):
    assert dense_search(collection, EMBEDDINGS, "애자일", k=5) == []
    sync_collection(collection, passages_of(*analyzed), EMBEDDINGS)
    assert dense_search(collection, EMBEDDINGS, "?!", k=5) == []


def test_the_store_survives_a_new_client(tmp_path, analyzed):
    sync_collection(
        open_collection(open_client(tmp_path / "chroma"), "test"), passages_of(*analyzed), EMBEDDINGS
    )
    reopened = open_collection(open_client(tmp_path / "chroma"), "test")
    assert reopened.count() == len(passages_of(*analyzed))


def test_a_file_where_the_store_folder_should_be_is_a_clear_error(tmp_path):
    (tmp_path / "chroma").write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the Chroma store") as error:
        open_client(tmp_path / "chroma")
    assert len(str(error.value).splitlines()) == 1


def test_a_malformed_server_url_is_a_clear_error():
    with pytest.raises(StoreError, match="not a Chroma server URL"):
        open_client(url="localhost-without-scheme")
