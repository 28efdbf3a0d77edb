"""The package as a user installs it: a wheel (and pipx), in a venv of its own, run outside the checkout.

Inside the test suite the checkout is importable, so a module missing from the wheel, a data file
left out, or a top-level `agents` that shadows another package would all go unseen. These tests build
the sdist and the wheel from it (as `python -m build` does), install it into a fresh venv next to a
stand-in `agents` package, and run the main job from a folder outside the checkout.

Slow (a minute or two: pip installs the dependencies from the local index, with its cache), and they
need that index; select them with `-m wheel`, leave them out with `-m "not wheel"`. Not handled: a
wheel for another platform or Python (the wheel is pure Python).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

CHECKOUT = Path(__file__).resolve().parents[1]
TASK = "summarize the agile posts"
STAND_IN = 'MARKER = "stand-in agents package"\n'


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the test venv's traces or any CASEWORK_* setting, plus `extra`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"} and not key.startswith("CASEWORK_")
    }
    return env | extra


def sh(*args, cwd: Path, env: dict[str, str] | None = None, timeout: int = 900) -> str:
    """Run a command; on failure, fail the test with its output (not a traceback of check_output)."""
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        pytest.fail(
            f"{args[0]} {args[1:]} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from the sdist as `python -m build` does, so the sdist must be complete too."""
    out = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "build", "--outdir", out, CHECKOUT, cwd=out)
    (wheel,) = out.glob("casework-*.whl")
    return wheel


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory) -> Path:
    """A tiny project whose package is called `agents`, as the OpenAI Agents SDK's is."""
    project = tmp_path_factory.mktemp("stand-in")
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "stand-in-agents"\nversion = "1.0"\n'
        '[tool.setuptools]\npackages = ["agents"]\n'
    )
    (project / "agents").mkdir()
    (project / "agents" / "__init__.py").write_text(STAND_IN)
    return project


def test_the_wheel_carries_what_the_package_needs_and_nothing_at_the_top_level(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"casework", wheel.name.split("-py3")[0] + ".dist-info"}, top
    assert not [
        n for n in names if "bench" in n.split("/")[:-1] or n.startswith(("tests/", "casework/tests/"))
    ]
    for module in (
        "casework/exports/__init__.py",
        "casework/exports/html.py",
        "casework/engine/glossary.tsv",
    ):
        assert module in names
    for folder in ("agents", "skills", "orchestrator"):
        assert f"casework/{folder}/__init__.py" in names
    posts = sorted(
        n.removeprefix("casework/corpus/posts/") for n in names if n.startswith("casework/corpus/posts/")
    )
    assert posts == sorted(p.name for p in (CHECKOUT / "corpus" / "posts").glob("*.md"))
    assert not [n for n in names if n.startswith("casework/corpus/raw/")], (
        "the raw dumps stay in the checkout"
    )
    starters = {n.removeprefix("casework/exercises/starters/") for n in names if "/starters/" in n}
    assert starters >= {p.name for p in (CHECKOUT / "exercises").glob("0*.py")}, (
        "`exercises start` needs them"
    )


def test_the_wheel_runs_the_main_job_outside_the_checkout_next_to_another_agents_package(
    wheel, stand_in, tmp_path
):
    env_dir, outside, home = tmp_path / "venv", tmp_path / "elsewhere", tmp_path / "home"
    outside.mkdir()
    venv.create(env_dir, with_pip=True)
    python, pip = env_dir / "bin" / "python", [env_dir / "bin" / "python", "-m", "pip", "install", "-q"]
    sh(*pip, stand_in, cwd=outside)
    sh(*pip, wheel, cwd=outside)

    # The stand-in is still the `agents` a user imports, untouched.
    probe = "import agents, pathlib; print(agents.MARKER); print(pathlib.Path(agents.__file__).read_text())"
    assert sh(python, "-c", probe, cwd=outside) == f"stand-in agents package\n{STAND_IN}\n"
    # The installed copy reads its own corpus, not the checkout's.
    corpus = sh(
        python, "-c", "from casework.config import PROJECT_CORPUS; print(PROJECT_CORPUS)", cwd=outside
    )
    corpus = Path(corpus.strip())
    assert corpus.is_relative_to(env_dir) and corpus.is_dir(), corpus

    out = sh(
        env_dir / "bin" / "casework",
        "run",
        TASK,
        "--json",
        cwd=outside,
        env=clean_env(CASEWORK_HOME=str(home)),
    )
    report = json.loads(out)
    assert report["outcome"] == "completed" and report["kind"] == "summarize"
    assert report["route"] == ["case_worker", "summarizer", "fact_checker", "citation_finder", "case_worker"]
    assert report["summary"] and report["posts"]
    for item in report["summary"]:
        assert item["citations"], f"a summary sentence without a source: {item['sentence']}"
        for citation in item["citations"]:
            post = (corpus / f"{citation['post_id']}.md").read_text(encoding="utf-8")
            assert citation["quote"].strip("…") in post  # a long quote is cut with ellipses
    assert (home / "traces").is_dir() and list(home.glob("traces/*.json")), (
        "the run is recorded under the home"
    )
    casework = [env_dir / "bin" / "casework", "exercises", "start", "1"]
    sh(*casework, cwd=outside, env=clean_env(CASEWORK_HOME=str(home)))  # the starters travel in the wheel
    assert (home / "exercises" / "01_add_an_agent.py").read_bytes() == (
        CHECKOUT / "exercises" / "01_add_an_agent.py"
    ).read_bytes()
    assert not list(outside.iterdir()), "nothing is written where the command runs"


def test_pipx_installs_the_checkout_and_its_command_runs(tmp_path):
    pytest.importorskip("pipx", reason="pipx is in the test extra: pip install -e '.[test]'")
    pipx_env = clean_env(
        PIPX_HOME=str(tmp_path / "pipx"),
        PIPX_BIN_DIR=str(tmp_path / "bin"),
        PIPX_MAN_DIR=str(tmp_path / "man"),
    )
    sh(sys.executable, "-m", "pipx", "install", ".", cwd=CHECKOUT, env=pipx_env)
    home = tmp_path / "home"
    out = sh(
        tmp_path / "bin" / "casework",
        "run",
        TASK,
        "--json",
        cwd=tmp_path,
        env=pipx_env | {"CASEWORK_HOME": str(home)},
    )
    report = json.loads(out)
    assert report["outcome"] == "completed" and all(item["citations"] for item in report["summary"])
