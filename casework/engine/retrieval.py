"""Retrieval skills: hybrid search over passages, dense (Chroma) and lexical (BM25), fused.

`Library` is the corpus as the agents see it: analysed posts, a BM25 index over their passages
(title terms included, so a post's every passage knows what the post is about), the Chroma
collection, the embeddings and the bilingual term map. Queries are expanded with the term map and
analysed against the corpus lexicon, so answering a query never loads Kiwi.
Not handled: re-ranking with a cross-encoder (a user can plug a model into the LLM backends).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from langchain_core.embeddings import Embeddings
from pydantic import BaseModel

from casework.engine.index import AnalyzedPost, Passage
from casework.engine.posts import language_of
from casework.engine.store import StaleCollection, dense_search
from casework.engine.terms import TermMap, expand_query
from casework.engine.text import segment

RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of top ranks
CANDIDATES = 50


class SentenceHit(BaseModel):
    """A corpus sentence close to a text: where it is, and how much of the text's weighted terms it shares."""

    post_id: str
    title: str
    sentence_index: int
    sentence: str
    start: int
    end: int
    overlap: float  # idf-weighted share of the text's terms the sentence contains, 0..1
    score: float  # fused passage score of the passage it came from
    section: str = ""  # the section the sentence stands in ("Handoffs › Input filters"), "" for none


class Hit(BaseModel):
    """One search result: a passage of a post, with its fused score, its section and offsets into the post.

    For plain prose `passage == post.text[start:end]`; for Markdown the passage is that span as a
    reader sees it (link targets, list markers and other markup removed)."""

    post_id: str
    title: str
    score: float
    passage: str
    start: int
    end: int
    section: str = ""  # "Handoffs › Input filters"; "" for a post without headings


def fuse(*rankings: list[str], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion of several rankings of ids."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] += 1.0 / (k + rank + 1)
    return dict(scores)


def toward_language(term_map: TermMap, language: str) -> TermMap:
    """The glosses that translate a term into `language` (e.g. agile -> 애자일), none within it."""
    translated = {
        term: {o for o in others if language_of(o) == language}
        for term, others in term_map.items()
        if language_of(term) != language
    }
    return {term: others for term, others in translated.items() if others}


class Library:
    """The analysed corpus with its search indexes; built once per process by the workspace."""

    def __init__(
        self, posts: list[AnalyzedPost], collection, embeddings: Embeddings, term_map: TermMap, reopen=None
    ):
        import bm25s

        self.posts = {p.post.id: p for p in posts}
        self.passages: list[Passage] = [passage for p in posts for passage in p.passages]
        self.passage_index = {p.id: i for i, p in enumerate(self.passages)}
        self.collection, self.embeddings, self.term_map = collection, embeddings, term_map
        self.reopen = reopen  # () -> the collection by name again, after another process rebuilt the store
        self.dense_term_map = toward_language(
            term_map, Counter(p.post.language for p in posts).most_common(1)[0][0] if posts else "ko"
        )
        self.lexicon = frozenset(t for p in posts for s in p.sentences for t in s.terms) | frozenset(
            t for p in posts for t in p.title_terms
        )
        self.bm25 = bm25s.BM25()
        title_terms = {p.post.id: p.title_terms for p in posts}
        self.bm25.index(
            [p.terms + title_terms[p.post_id] * 2 for p in self.passages] or [["_"]], show_progress=False
        )

    def terms(self, text: str) -> list[str]:
        """Content terms of a user's text, analysed against the corpus lexicon."""
        return segment(text, self.lexicon)

    def expand(self, query: str) -> str:
        """The query with the glosses of its terms added (English finds Korean and back)."""
        return expand_query(query, self.term_map)

    def lexical_ranking(self, query: str, limit: int = CANDIDATES) -> list[str]:
        """Passage ids by BM25 over content terms, best first; passages sharing no term are left out."""
        terms = self.terms(query)
        if not terms or not self.passages:
            return []
        scores = self.bm25.get_scores(terms)
        order = scores.argsort()[::-1][:limit]
        return [self.passages[i].id for i in order if scores[i] > 0]

    def dense_ranking(self, query: str, limit: int = CANDIDATES) -> list[str]:
        """Passage ids by embedding similarity, best first."""
        try:
            found = dense_search(self.collection, self.embeddings, query, limit)
        except StaleCollection:
            if self.reopen is None:
                raise
            self.collection = self.reopen()  # once: a second failure is a real error
            found = dense_search(self.collection, self.embeddings, query, limit)
        return [pid for pid, _ in found if pid in self.passage_index]

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """The k best passages for a query; mode is 'hybrid', 'dense' or 'lexical'."""
        expanded = self.expand(query)
        rankings = []
        if mode in ("hybrid", "lexical"):
            rankings.append(self.lexical_ranking(expanded))
        if mode in (
            "hybrid",
            "dense",
        ):  # BM25 takes every gloss; a vector drowns in them, so it gets translations only
            rankings.append(self.dense_ranking(expand_query(query, self.dense_term_map)))
        scores = fuse(*rankings)
        best = sorted(scores, key=lambda pid: (-scores[pid], pid))[:k]
        return [self._hit(pid, scores[pid]) for pid in best]

    def search_posts(self, query: str, k: int = 10, mode: str = "hybrid") -> list[tuple[str, float]]:
        """Posts ranked by their best passage: (post id, fused score), best first."""
        best: dict[str, float] = {}
        for hit in self.search(query, k=CANDIDATES, mode=mode):
            best.setdefault(hit.post_id, hit.score)
        return sorted(best.items(), key=lambda item: -item[1])[:k]

    def idf(self, term: str) -> float:
        """Inverse sentence frequency of a term: rare terms weigh more."""
        if not hasattr(self, "_sentence_df"):
            counts: dict[str, int] = defaultdict(int)
            for analyzed in self.posts.values():
                for sentence in analyzed.sentences:
                    for t in set(sentence.terms):
                        counts[t] += 1
            self._sentence_df = counts
            self._sentences_total = sum(len(a.sentences) for a in self.posts.values()) or 1
        return math.log(1 + self._sentences_total / (1 + self._sentence_df.get(term, 0)))

    def sentence_count(self) -> int:
        """How many sentences the corpus holds (the N of `idf`)."""
        self.idf("")
        return self._sentences_total

    def search_sentences(self, text: str, k: int = 10, passages: int = 8) -> list[SentenceHit]:
        """Corpus sentences sharing the most weighted terms with a text, from its best passages."""
        terms = set(self.terms(self.expand(text)))
        weight = sum(self.idf(t) for t in set(self.terms(text))) or 1.0
        hits = []
        for hit in self.search(text, k=passages):
            analyzed = self.posts[hit.post_id]
            for index, sentence in enumerate(analyzed.sentences):
                if hit.start <= sentence.start < hit.end:
                    shared = terms & set(sentence.terms)
                    overlap = min(1.0, sum(self.idf(t) for t in shared) / weight)
                    hits.append(
                        SentenceHit(
                            post_id=hit.post_id,
                            title=hit.title,
                            sentence_index=index,
                            sentence=sentence.text,
                            start=sentence.start,
                            end=sentence.end,
                            overlap=round(overlap, 4),
                            score=hit.score,
                            section=sentence.section,
                        )
                    )
        hits.sort(key=lambda h: (-h.overlap, -h.score, h.post_id, h.sentence_index))
        return hits[:k]

    def _hit(self, passage_id: str, score: float) -> Hit:
        passage = self.passages[self.passage_index[passage_id]]
        return Hit(
            post_id=passage.post_id,
            title=passage.title,
            score=round(score, 6),
            passage=passage.text,
            start=passage.start,
            end=passage.end,
            section=passage.section,
        )
