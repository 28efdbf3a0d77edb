"""A long-lived process survives another process rebuilding the store (issue 15, item 10).

Before: the library cached by casework/workspace.py kept the old collection, and every search after
`casework ingest --rebuild` in another process raised chromadb's NotFoundError. An MCP or LangGraph
server keeps the library open, so this is a server that breaks until it is restarted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from casework import api
from casework.config import Settings

CASEWORK = str(Path(sys.executable).with_name("casework"))


def test_a_search_after_another_process_rebuilt_the_store_still_answers(corpus, tmp_path):
    here = Settings(home=tmp_path / "home", corpus=corpus)
    before = api.search("애자일 방법론", settings=here, mode="dense")
    rebuilt = subprocess.run(
        [CASEWORK, "ingest", "--rebuild", "--home", str(here.home), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = api.search("애자일 방법론", settings=here, mode="dense")
    assert [h.post_id for h in after] == [h.post_id for h in before]
    assert api.search("애자일", settings=here)  # hybrid too, and again: the reopened collection is kept
