"""Shared fixtures: a real Chroma store of the project's corpus, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pgcluster import cluster
from samples import SHORTEST_POSTS


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    """Settings with a fresh home, the project's corpus ingested into a local Chroma store."""
    from casework.config import Settings  # imported here: the orchestrator's tests run without the engine
    from casework.workspace import ingest

    settings = Settings(home=tmp_path_factory.mktemp("casework-home"))
    ingest(settings)
    return settings


@pytest.fixture(scope="session")
def library(settings):
    """The agents' view of the project corpus (analysed posts, BM25, Chroma)."""
    from casework.workspace import open_library

    return open_library(settings)


@pytest.fixture(scope="session")
def weights_cache(tmp_path_factory) -> Path:
    """One cache of the encoder's weights for the session (65 MB a home otherwise)."""
    return tmp_path_factory.mktemp("weights-cache")


@pytest.fixture(autouse=True)
def isolated_home(monkeypatch, tmp_path_factory, request, weights_cache):
    """Never touch the user's ~/.casework from a test; the encoder's fast weights are shared."""
    monkeypatch.setenv("CASEWORK_CACHE", str(weights_cache))
    if "settings" not in request.fixturenames:
        monkeypatch.setenv("CASEWORK_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A small corpus folder of its own: copies of the four shortest posts."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SHORTEST_POSTS:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def database():
    """The URL of a throwaway PostgreSQL cluster, shared by the tests of one session."""
    with cluster() as url:
        yield url
