"""Summary skills: an extractive summary of some posts within a budget, thesis first, each sentence traceable.

Sentences are scored by centrality (LexRank: PageRank over the idf-weighted cosine graph of their
terms), by closeness to the post's title and, when a focus question is given, by closeness to it;
MMR then picks central sentences that do not repeat each other, each post getting a share of the
summary in proportion to its length. Sentences the writer flags as a point are lifted: Edmundson's cue
words ("핵심", "본질", "결론") and the introduction of a term with its gloss in parentheses
("오케스트레이션 계층(Orchestration layer)", "HBM(고대역폭 메모리)"), the way technical writing
defines what it is about. The budget: 3-5 sentences a post by its size (one in three), 12 a summary.
Within a post the sentence that states the thesis or conclusion comes first, the rest follow in
reading order; posts keep their order. What may stand in a summary at all (no fragments, questions,
glued lists, quoted chatter or turns of a quoted dialogue) is skills/sentences.py; choosing the posts
of a topic is skills/selection.py.
Nothing here is fitted to labels: a summary-worthiness score learned from the dev key points (ridge,
logistic and k-nearest-neighbour on the encoder's sentence vectors, labelled by any covered point or by
the oracle's picks; per-term keyword-worthiness with greedy term coverage) mixed into this score gave
0.53 -> 0.53-0.56 under leave-one-request-out cross-validation, within one request's noise.
Not handled: abstraction (sentences are quoted, never rewritten or fused), resolving pronouns
and references to earlier sentences ("이 패턴은 ..."), ordering across posts by argument.
"""

from __future__ import annotations

import re

import numpy as np
from pydantic import BaseModel

from casework.engine.index import AnalyzedSentence
from casework.skills.meaning import cosines
from casework.skills.selection import topic_of
from casework.skills.sentences import DANGLING, clean, dialogue_turns, flags_point, is_fragment, stand_alone

__all__ = ["SummarySentence", "clean", "flags_point", "is_fragment", "summarize"]

DAMPING, EDGE_MIN = 0.85, 0.05  # PageRank damping; weaker similarities are not edges
MMR_LAMBDA, NEAR_DUPLICATE = (
    0.5,
    0.5,
)  # relevance against redundancy; above this cosine a sentence repeats another
# The budget: 3-5 sentences a post, one per 3 candidates (a post of 15 candidates or more gets all 5: a blog
# post makes five or six points, and fewer sentences leave some out), 12 a summary at most.
PER_POST, PER_CANDIDATES, MOST = (3, 5), 3, 12
PER_POST_MOST = PER_POST[1]
CUE_WEIGHT = 0.5  # a sentence the writer flags as a point: a cue word or a term introduced with its gloss
TITLE_WEIGHT, FOCUS_WEIGHT, SPECIFIC_WEIGHT, DANGLING_PENALTY = 0.3, 0.5, 2.0, 0.3
# The share of a post's sentences furthest in meaning from the request: picked only when nothing else is left.
OFF_POINT, OFF_POINT_PENALTY = 0.3, 10.0
THESIS_WEIGHT = 0.5  # what puts a sentence first in its post: a conclusion or a stance on top of its score
# A thesis or conclusion: the writer concludes (결국, 따라서), states a stance (생각합니다, 해야 합니다)
# or names an essence.
THESIS = re.compile(
    r"결국|결론|따라서|그러므로|요약하면|한 줄로|핵심|본질|생각합니다|생각한다|"
    r"해야 합니다|해야합니다|해야 한다|필요합니다|필요하다|중요합니다|중요하다|"
    r"in short|conclusion|should|must"
)


class SummarySentence(BaseModel):
    """A sentence of an extractive summary and exactly where it came from."""

    text: str
    post_id: str
    title: str
    sentence_index: int
    start: int
    end: int
    quoted: bool = False  # the post's own words (extractive), not a sentence a model wrote from it


def tfidf(library, term_lists: list[list[str]]) -> np.ndarray:
    """Row-normalised tf-idf vectors of term lists over their shared vocabulary."""
    vocabulary = {t: i for i, t in enumerate(dict.fromkeys(t for terms in term_lists for t in terms))}
    matrix = np.zeros((len(term_lists), max(1, len(vocabulary))))
    for row, terms in enumerate(term_lists):
        for term in terms:
            matrix[row, vocabulary[term]] += library.idf(term)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def specificity(library, terms: list[str]) -> float:
    """How much specific content a sentence carries: the idf mass of its distinct terms, damped for length."""
    weights = [library.idf(t) for t in set(terms)]
    return sum(weights) / np.sqrt(len(weights)) if weights else 0.0


def lexrank(similarity: np.ndarray) -> np.ndarray:
    """Centrality of each sentence: PageRank over the similarity graph, scaled to 0..1."""
    n = len(similarity)
    graph = np.where(similarity >= EDGE_MIN, similarity, 0.0)
    np.fill_diagonal(graph, 0.0)
    sums = graph.sum(axis=1, keepdims=True)
    transition = np.where(sums > 0, graph / np.where(sums == 0, 1.0, sums), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        updated = (1 - DAMPING) / n + DAMPING * transition.T @ rank
        if np.abs(updated - rank).sum() < 1e-9:
            break
        rank = updated
    return rank / rank.max() if rank.max() > 0 else rank


def quotas(sizes: list[int], total: int, most: int = PER_POST_MOST) -> list[int]:
    """Sentences per post by its share of candidates (largest remainder), one each if room, `most` at most."""
    if not sizes or total <= 0:
        return [0] * len(sizes)
    room = np.minimum(sizes, most)
    share = np.array(sizes, dtype=float) / max(1, sum(sizes)) * min(total, int(room.sum()))
    counts = np.minimum(np.maximum(np.floor(share), 1 if total >= len(sizes) else 0), room).astype(int)
    while counts.sum() < min(total, room.sum()):
        open_posts = np.flatnonzero(counts < room)
        counts[open_posts[np.argmax((share - counts)[open_posts])]] += 1
    return [int(c) for c in counts]


def length_for(sizes: list[int]) -> int:
    """Summary length by size: a few sentences a post, more for longer posts, capped so it stays a summary."""
    low, high = PER_POST
    return min(MOST, sum(min(high, max(low, -(-n // PER_CANDIDATES)), n) for n in sizes))


def summarize(
    library, post_ids: list[str], focus: str = "", max_sentences: int | None = None
) -> list[SummarySentence]:
    """An extractive summary, grouped by post, thesis first; max_sentences None: the budget by size."""
    posts = [library.posts[pid] for pid in dict.fromkeys(post_ids) if pid in library.posts]
    candidates = [(a, i, s) for a in posts for i, s in standing(a)]
    owner = [a.post.id for a, _, _ in candidates]
    sizes = [owner.count(a.post.id) for a in posts]
    total = length_for(sizes) if max_sentences is None else min(max_sentences, MOST)
    if not candidates or total <= 0:
        return []
    texts = [stand_alone(s.text) for _, _, s in candidates]
    score, similarity = scores(library, posts, candidates, texts, focus)
    wanted = dict(zip((a.post.id for a in posts), quotas(sizes, total)))
    chosen = mmr(score, similarity, owner, wanted)
    thesis = score + THESIS_WEIGHT * np.array([bool(THESIS.search(t.lower())) for t in texts])
    first = {}
    for k in chosen:
        if owner[k] not in first or thesis[k] > thesis[first[owner[k]]]:
            first[owner[k]] = k
    order = {a.post.id: n for n, a in enumerate(posts)}
    picked = sorted(chosen, key=lambda k: (order[owner[k]], k != first[owner[k]], candidates[k][1]))
    return [
        SummarySentence(
            text=texts[k],
            post_id=candidates[k][0].post.id,
            title=candidates[k][0].post.title,
            sentence_index=candidates[k][1],
            start=candidates[k][2].start,
            end=candidates[k][2].end,
            quoted=True,
        )
        for k in picked
    ]


def standing(analyzed) -> list[tuple[int, AnalyzedSentence]]:
    """The sentences of a post that may stand in a summary, with their index: neither fragments nor
    turns of a dialogue the post quotes line by line."""
    turns = dialogue_turns([s.text for s in analyzed.sentences])
    return [(i, s) for i, s in enumerate(analyzed.sentences) if i not in turns and not is_fragment(s)]


def scores(library, posts, candidates, texts: list[str], focus: str) -> tuple[np.ndarray, np.ndarray]:
    """Each candidate's worth (centrality, title, focus, specific content, flags) and their similarity."""
    vectors = tfidf(
        library,
        [s.terms for _, _, s in candidates]
        + [a.title_terms for a in posts]
        + [library.terms(library.expand(topic_of(focus)))],
    )
    sentences, titles, focus_vector = vectors[: len(candidates)], vectors[len(candidates) : -1], vectors[-1]
    similarity = sentences @ sentences.T
    title_row = {a.post.id: row for row, a in enumerate(posts)}
    score = lexrank(similarity) + TITLE_WEIGHT * np.array(
        [sentences[k] @ titles[title_row[a.post.id]] for k, (a, _, _) in enumerate(candidates)]
    )
    specific = np.array([specificity(library, s.terms) for _, _, s in candidates])
    dangling = np.array([bool(DANGLING.match(t)) for t in texts])
    flagged = np.array([flags_point(t) for t in texts])
    score = (
        score
        + SPECIFIC_WEIGHT * specific / max(1e-9, specific.max())
        - DANGLING_PENALTY * dangling
        + CUE_WEIGHT * flagged
    )
    if focus.strip():
        closeness = sentences @ focus_vector
        score = score + FOCUS_WEIGHT * closeness / max(1e-9, float(closeness.max()))
        score = score - OFF_POINT_PENALTY * off_point(library, candidates, texts, topic_of(focus))
    return score, similarity


def off_point(library, candidates, texts: list[str], topic: str) -> np.ndarray:
    """Whether each candidate is among the OFF_POINT share of its post furthest in meaning from the topic
    asked about: asides and anecdotes that share the post's words but not what was asked. Read by the
    multilingual encoder, so an English request reads Korean sentences; its vectors are cached in the home."""
    closeness = cosines(library, topic, texts)
    near = np.array([closeness[t] for t in texts])
    owner = np.array([a.post.id for a, _, _ in candidates])
    far = np.zeros(len(texts), dtype=bool)
    for post in set(owner):
        mine = owner == post
        far[mine] = near[mine] < np.quantile(near[mine], OFF_POINT)
    return far


def mmr(score: np.ndarray, similarity: np.ndarray, owner: list[str], wanted: dict[str, int]) -> list[int]:
    """Maximal marginal relevance within each post's quota; never a near-duplicate of a chosen one."""
    chosen: list[int] = []
    left = dict(wanted)
    while any(left.values()):
        best, best_value = None, -np.inf
        for k in range(len(score)):
            if k in chosen or not left.get(owner[k]):
                continue
            redundancy = max((similarity[k, j] for j in chosen), default=0.0)
            value = MMR_LAMBDA * score[k] - (1 - MMR_LAMBDA) * redundancy
            if redundancy < NEAR_DUPLICATE and value > best_value:
                best, best_value = k, value
        if best is None:
            break
        chosen.append(best)
        left[owner[best]] -= 1
    return chosen
