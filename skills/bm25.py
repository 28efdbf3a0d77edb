"""BM25 over pre-tokenised passages: Lucene's variant, scored exactly as bm25s scores it.

Written out here, in numpy, because importing bm25s brings SciPy: about a quarter of a second of
every run, for a few lines of arithmetic. The steps, the float32 storage and the order of the sums
follow bm25s's `BM25(method="lucene")` with k1 1.5 and b 0.75, so the scores are equal to the bit
(tests/skills/test_bm25.py compares them with bm25s 0.3). Not handled: the other variants, saving an index.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

K1 = 1.5  # how fast a term's weight saturates with its count
B = 0.75  # how much a long passage is penalised


class BM25:
    """Each term's postings (passage numbers and weights): a query's scores are its terms' weights summed."""

    def __init__(self, documents: list[list[str]]):
        self.size = len(documents)
        counts = [Counter(doc) for doc in documents]
        self.term_ids: dict[str, int] = {}
        terms = np.array([self.term_ids.setdefault(t, len(self.term_ids)) for c in counts for t in c], dtype=np.int64)
        tf = np.array([n for c in counts for n in c.values()], dtype=np.float32)
        numbers = np.repeat(np.arange(self.size), [len(c) for c in counts])
        lengths = np.repeat([len(doc) for doc in documents], [len(c) for c in counts])
        frequency = np.bincount(terms, minlength=len(self.term_ids))  # a term is counted once per passage
        idf = np.array([_idf(int(f), self.size) for f in frequency], dtype=np.float32)
        # The same operations, in the same float64/float32 types, as bm25s's per-passage loop.
        average_length = np.array([len(doc) for doc in documents]).mean()
        weights = (idf[terms] * (tf / (K1 * ((1 - B) + B * lengths / average_length) + tf))).astype(np.float32)
        order = np.argsort(terms, kind="stable")  # postings grouped by term, passages in order
        self.numbers, self.weights = numbers[order], weights[order]
        self.ends = np.cumsum(frequency)
        self.starts = self.ends - frequency

    def scores(self, query: list[str]) -> np.ndarray:
        """One float32 score per passage; a query term repeated counts again, an unknown one not at all."""
        scores = np.zeros(self.size, dtype=np.float32)
        for term in query:
            if term in self.term_ids:
                postings = slice(self.starts[self.term_ids[term]], self.ends[self.term_ids[term]])
                scores[self.numbers[postings]] += self.weights[postings]  # a passage once per term: no sum is lost
        return scores


def _idf(frequency: int, size: int) -> float:
    return math.log(1 + (size - frequency + 0.5) / (frequency + 0.5))
