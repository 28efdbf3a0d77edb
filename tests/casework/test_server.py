"""Server mode: ingest, search and run against a real `chroma run` on a free 127.0.0.1 port.

The server is started by the test in a temporary folder and stopped by its PID. A server lost in
the middle of a command gives one line and exit 1; an ingest cut short loses nothing and resumes.
"""

from __future__ import annotations

import json
import shutil
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.server import chroma_server, free_port
from casework import workspace
from casework.cli import app
from casework.config import Settings
from casework.engine import retrieval, store

POSTS = Path(__file__).resolve().parents[2] / "corpus" / "posts"
SHORTEST = sorted(POSTS.glob("*.md"), key=lambda path: path.stat().st_size)[:3]
AGILE = sorted(POSTS.glob("애자일-agile-*.md"))
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("server-corpus")
    for path in [*SHORTEST, *AGILE]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with chroma_server(tmp_path_factory.mktemp("server") / "chroma") as (url, process):
        yield url


def invoke(*args: str, env: dict | None = None):
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.output
    return result


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # typer.Exit, not an escaped error
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


def test_ingest_search_and_run_against_a_server(server, corpus, tmp_path):
    home = tmp_path / "home"
    common = ["--corpus", str(corpus), "--home", str(home)]
    first = invoke("ingest", *common, "--chroma-url", server, "--json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.output)
    assert report["posts"] == 5 and report["added"] == report["passages"] > 0
    again = invoke(
        "ingest", *common, "--json", env={"CASEWORK_CHROMA_URL": server}
    )  # the environment works too
    assert json.loads(again.output)["added"] == 0
    assert not (Settings(home=home, corpus=corpus).store_dir / "chroma").exists(), "a local store was made"

    hits = invoke("search", "애자일 실패 이유", *common, "--chroma-url", server, "--json", "--k", "3")
    assert hits.exit_code == 0, hits.output
    assert any("애자일" in hit["title"] for hit in json.loads(hits.output))

    run = invoke("run", "summarize the agile posts", *common, "--chroma-url", server, "--json")
    assert run.exit_code == 0, run.output
    report = json.loads(run.output)
    agile = {path.stem for path in AGILE}
    assert report["outcome"] == "completed" and {post["post_id"] for post in report["posts"]} == agile
    assert report["summary"], "no summary"
    for item in report["summary"]:
        assert item["citations"] and item["citations"][0]["post_id"] in agile, item
    assert not (Settings(home=home, corpus=corpus).store_dir / "chroma").exists(), (
        "the run made a local store"
    )
    # The server holds what a local store would: the same job on a local store says the same, cited alike.
    elsewhere = ["--corpus", str(corpus), "--home", str(tmp_path / "local"), "--json"]
    local = invoke("run", "summarize the agile posts", *elsewhere)
    assert local.exit_code == 0, local.output
    assert json.loads(local.output)["summary"] == report["summary"]
    assert (Settings(home=tmp_path / "local", corpus=corpus).store_dir / "chroma").exists()


def test_a_server_that_is_not_running_is_one_line(corpus, tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    result = invoke("search", "애자일", "--corpus", str(corpus), "--home", str(tmp_path), "--chroma-url", url)
    assert "cannot reach the Chroma server" in one_error_line(result)


def test_a_server_killed_mid_run_is_one_line(corpus, tmp_path, monkeypatch):
    home = tmp_path / "home"
    common = ["--corpus", str(corpus), "--home", str(home)]
    with chroma_server(tmp_path / "chroma") as (url, process):
        assert invoke("ingest", *common, "--chroma-url", url).exit_code == 0
        real = retrieval.dense_search

        def kill_then_search(
            *args, **kwargs
        ):  # the server dies between opening the store and the first query
            process.send_signal(signal.SIGKILL)
            process.wait()
            return real(*args, **kwargs)

        monkeypatch.setattr(retrieval, "dense_search", kill_then_search)
        workspace._open_library.cache_clear()
        result = invoke("run", "summarize the agile posts", *common, "--chroma-url", url)
    assert "lost the Chroma server" in one_error_line(result)


def test_a_server_killed_mid_ingest_loses_nothing_and_the_ingest_resumes(corpus, tmp_path, monkeypatch):
    folder, port = tmp_path / "corpus", free_port()
    shutil.copytree(corpus, folder)
    settings = Settings(home=tmp_path / "home", corpus=folder, chroma_url=f"http://127.0.0.1:{port}")
    embed = workspace.load_embeddings(settings.embeddings)
    name = workspace.collection_name(settings, embed)
    with chroma_server(tmp_path / "chroma", port) as (url, process):
        before = workspace.ingest(settings)
        old_ids = set(store.open_collection(store.open_client(url=url), name).get(include=[])["ids"])
        for path in folder.glob("*.md"):  # every passage changes: the sync has several batches to write
            path.write_text(
                path.read_text(encoding="utf-8") + "\n새로 덧붙인 문장입니다.\n", encoding="utf-8"
            )
        monkeypatch.setattr(store, "BATCH", 2)
        batches = []

        class KillAtSecondBatch:
            def embed_documents(self, texts):
                batches.append(len(texts))
                if len(batches) == 2:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                return embed.embed_documents(texts)

            def __getattr__(self, attribute):
                return getattr(embed, attribute)

        monkeypatch.setattr(workspace, "load_embeddings", lambda _name: KillAtSecondBatch())
        result = invoke("ingest", "--corpus", str(folder), "--home", str(settings.home), "--chroma-url", url)
        assert "lost the Chroma server" in one_error_line(result)
    monkeypatch.undo()
    with chroma_server(tmp_path / "chroma", port):
        ids = set(
            store.open_collection(store.open_client(url=settings.chroma_url), name).get(include=[])["ids"]
        )
        assert old_ids <= ids, "passages of the previous ingest were lost"
        assert len(ids - old_ids) == 2, "exactly the one batch written before the kill is in"
        resumed = workspace.ingest(settings)
        assert (resumed.kept, resumed.deleted) == (2, before.passages)
        assert resumed.added == resumed.passages - 2
