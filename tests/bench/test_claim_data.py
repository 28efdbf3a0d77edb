"""The dev claim sets are well formed: every title names a post, and the evidence of a SUPPORTED
or REFUTED claim is a verbatim substring of one of its posts (NOT_ENOUGH_INFO has neither).

Not checked: whether the evidence really supports or contradicts the claim (the labeller's judgement).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.engine.folder import load_posts

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "posts"
# the dev split only: the frozen test split is not read item by item outside its bench
CLAIM_FILES = sorted([DATA / "claims.jsonl", *(DATA / "dev").glob("claims-*.jsonl")])
KINDS = {"paraphrase", "quote", "number", "date", "name", "negation", "swap", "unrelated"} | {
    "comparator",
    "direction",
    "outcome",
    "modality",
    "filler",
}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    posts, _ = load_posts(CORPUS)
    return {p.title: p.text for p in posts}


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_claim_evidence_is_verbatim_in_its_posts(path, texts):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, path
    for row in rows:
        assert set(row) == {"claim", "lang", "verdict", "titles", "evidence", "kind"}, row
        assert row["lang"] in {"ko", "en"} and row["kind"] in KINDS, row["claim"]
        assert row["verdict"] in {"SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"}
        if row["verdict"] == "NOT_ENOUGH_INFO":
            assert row["titles"] == [] and row["evidence"] == "", row["claim"]
            continue
        assert all(t in texts for t in row["titles"]), row["claim"]
        assert any(row["evidence"] in texts[t] for t in row["titles"]), f"not verbatim: {row['evidence']}"
