"""Reliability of the local store: readers during a re-ingest, a corrupt or missing store, Ctrl-C.

Every test runs real processes on a small copied corpus, within a bounded time.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casework.config import Settings
from casework.engine.store import open_client, open_collection
from casework.workspace import ingest, open_library

POSTS = Path(__file__).resolve().parents[2] / "corpus" / "posts"
BY_SIZE = sorted(POSTS.glob("*.md"), key=lambda path: path.stat().st_size)
CASEWORK = [sys.executable, "-m", "casework.cli"]
ADDED = "덧붙여 바뀐 문장입니다"

# One reader: opens the store, searches three times, prints every hit's post id and passage.
READER = f"""
import json, sys
from casework import api
from casework.config import Settings
settings = Settings(home=sys.argv[1], corpus=sys.argv[2])
out = []
for query in ("엔비디아 고객", "인공지능", "{ADDED}"):
    out += [[hit.post_id, hit.passage] for hit in api.search(query, k=5, settings=settings)]
print(json.dumps(out, ensure_ascii=False))
"""


def copy_posts(folder: Path, paths) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        shutil.copy(path, folder / path.name)
    return folder


def texts(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md")))


def stored_ids(settings: Settings) -> set[str]:
    return set(
        open_collection(open_client(settings.store_dir / "chroma"), _name(settings)).get(include=[])["ids"]
    )


def _name(settings: Settings) -> str:
    from casework.engine.embeddings import load_embeddings
    from casework.workspace import collection_name

    return collection_name(settings, load_embeddings(settings.embeddings))


def cli(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([*CASEWORK, *args], capture_output=True, text=True, timeout=timeout, **kwargs)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def test_eight_readers_during_a_reingest_all_succeed_and_nothing_is_lost(tmp_path):
    corpus = copy_posts(tmp_path / "corpus", BY_SIZE[:4])
    settings = Settings(home=tmp_path / "home", corpus=corpus)
    ingest(settings)
    old = texts(corpus)
    for path in sorted(corpus.glob("*.md"))[:2]:  # change two posts and add a fifth
        path.write_text(path.read_text(encoding="utf-8") + f"\n{ADDED}.\n", encoding="utf-8")
    shutil.copy(BY_SIZE[4], corpus / BY_SIZE[4].name)
    new = texts(corpus)

    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    writer = subprocess.Popen(
        [*CASEWORK, "ingest", "--corpus", str(corpus), "--home", str(settings.home), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(settings.home), str(corpus)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(8)
    ]
    outputs = [process.communicate(timeout=240) for process in [writer, *readers]]
    for process, (_out, err) in zip([writer, *readers], outputs):
        assert process.returncode == 0, err[-2000:]
    for out, _err in outputs[1:]:
        hits = json.loads(out)
        assert hits, "a reader found nothing"
        for _post_id, passage in hits:  # every passage is whole text of the old or the new corpus
            # line by line: a Markdown passage drops list markers ("- ") where a line had one
            assert all(line in old for line in passage.splitlines()) or all(
                line in new for line in passage.splitlines()
            )
        assert any(ADDED in passage for _post_id, passage in hits), "a reader saw the store before the change"
    library = open_library(settings)
    assert stored_ids(settings) == {passage.id for passage in library.passages}, "lost or stale passages"


def test_a_corrupt_store_says_rebuild_and_the_rebuild_works(tmp_path):
    corpus = copy_posts(tmp_path / "corpus", BY_SIZE[:2])
    settings = Settings(home=tmp_path / "home", corpus=corpus)
    ingest(settings)
    (settings.store_dir / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    common = ["--corpus", str(corpus), "--home", str(settings.home)]
    broken = cli("search", "엔비디아", *common)
    assert broken.returncode == 1 and len(broken.stderr.strip().splitlines()) == 1
    assert "casework ingest --rebuild" in broken.stderr
    assert cli("ingest", "--rebuild", *common).returncode == 0
    fixed = cli("search", "엔비디아", *common, "--json")
    assert fixed.returncode == 0 and json.loads(fixed.stdout)


def test_a_missing_store_is_rebuilt_on_demand(tmp_path):
    corpus = copy_posts(tmp_path / "corpus", BY_SIZE[:2])
    settings = Settings(home=tmp_path / "home", corpus=corpus)
    ingest(settings)
    shutil.rmtree(settings.store_dir / "chroma")  # the marker says synced; the vectors are gone
    result = cli(
        "search",
        "엔비디아",
        "--corpus",
        str(corpus),
        "--home",
        str(settings.home),
        "--mode",
        "dense",
        "--json",
    )
    assert result.returncode == 0 and json.loads(result.stdout), (
        "dense search found nothing in a rebuilt store"
    )


def test_ctrl_c_during_ingest_leaves_the_previous_store_usable(tmp_path):
    corpus = copy_posts(tmp_path / "corpus", BY_SIZE[:2])
    settings = Settings(home=tmp_path / "home", corpus=corpus)
    ingest(settings)
    before = stored_ids(settings)
    copy_posts(corpus, BY_SIZE[2:8])  # six new posts: the interrupted ingest has work to do
    lock = settings.store_dir / "write.lock"
    lock.unlink()
    process = subprocess.Popen(
        [*CASEWORK, "ingest", "--corpus", str(corpus), "--home", str(settings.home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not lock.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the lock file appears when the ingest starts its work
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in out + err
    if process.returncode == 0:
        pytest.skip("the ingest finished before the signal arrived")
    assert process.returncode == 130 and "interrupted" in err
    assert before <= stored_ids(settings), "the interrupted ingest lost passages"
    result = cli("search", "엔비디아", "--corpus", str(corpus), "--home", str(settings.home), "--json")
    assert result.returncode == 0 and json.loads(result.stdout)
    assert stored_ids(settings) == {passage.id for passage in open_library(settings).passages}
