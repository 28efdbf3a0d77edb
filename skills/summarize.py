"""Summary skills: an extractive summary of some posts, sentence by sentence, each traceable to its post.

Sentences are scored by centrality (LexRank: PageRank over the idf-weighted cosine graph of their
terms), by closeness to the post's title and, when a focus question is given, by closeness to it;
MMR then picks central sentences that do not repeat each other, each post getting a share of the
summary in proportion to its length. Sentences the writer flags as a point are lifted: Edmundson's cue
words ("핵심", "본질", "결론") and the introduction of a term with its gloss in parentheses
("오케스트레이션 계층(Orchestration layer)", "HBM(고대역폭 메모리)"), the way technical writing defines what it
is about. Without a given length, the summary grows with the posts' size (about one sentence in six, 3-8
a post, 15 at most). Fragments (short, headings, questions to the reader, list
debris) are never picked, and discourse fillers at a sentence's start are dropped from its text.
Choosing the posts of a topic lives in skills/selection.py.
Not handled: abstraction (sentences are quoted, never rewritten or fused), resolving pronouns
and references to earlier sentences ("이 패턴은 ..."), ordering across posts by argument.
"""

from __future__ import annotations

import re

import numpy as np
from pydantic import BaseModel

from casework.engine.index import AnalyzedSentence
from casework.engine.terms import ENGLISH_THEN_GLOSS, KOREAN_THEN_ENGLISH
from casework.skills.selection import topic_of

MIN_CHARS, MIN_TERMS, MAX_CHARS = 20, 3, 300
DAMPING, EDGE_MIN = 0.85, 0.05  # PageRank damping; weaker similarities are not edges
MMR_LAMBDA, NEAR_DUPLICATE = (
    0.5,
    0.5,
)  # relevance against redundancy; above this cosine a sentence repeats another
PER_POST, PER_CANDIDATES, MOST = (
    (3, 8),
    6,
    15,
)  # length by size: 3-8 sentences a post (one per 6 candidates), 15 at most
CUE_WEIGHT = 0.5  # a sentence the writer flags as a point: a cue word or a term introduced with its gloss
TITLE_WEIGHT, FOCUS_WEIGHT, SPECIFIC_WEIGHT, DANGLING_PENALTY = (
    0.3,
    0.5,
    2.0,
    0.3,
)  # key points are specific: specificity leads
# A sentence opening on a reference to what came before does not stand alone out of its context.
DANGLING = re.compile(
    r"^(?:이|그|저|이런|그런|이러한|그러한|이는|이것은|이건|그건|앞서|앞선|위|다음으로|이때|즉|또한|또|게다가)[\s,]"
)
# Fillers carry no content: with a comma they are always dropped, the bare ones only at a sentence start.
FILLER = re.compile(
    r"^(?:(?:뭐|음|자|사실|아|어|네|예|일단|솔직히|물론|근데|그런데|그리고|그래서|하지만|다만)\s*[,，]\s*"
    r"|(?:아무튼|어쨌든|어쨌거나|그럼|그러니까|그러면|암튼|뭐랄까|근데|그리고)\s+)+"
)
SENTENCE_END = re.compile(r"(?:[.!。…]|[다요죠음함임])[\"'”’)\]]*$")
# Edmundson's cue words: a writer flags the point, the essence, the summary or the conclusion.
CUE = re.compile(
    r"핵심|본질|요약하면|정리하면|결론|공통점|중요한 (?:것|점)|한 줄로|한마디로|결국|in short|the point|the key|essential"
)
LIST_DEBRIS = re.compile(r"^(?:[-•·*▶►→]|\d+[.)]|[①-⑳])\s*\S{0,12}$")


class SummarySentence(BaseModel):
    """A sentence of an extractive summary and exactly where it came from."""

    text: str
    post_id: str
    title: str
    sentence_index: int
    start: int
    end: int


def clean(text: str) -> str:
    """A sentence without the discourse fillers it opens with ("뭐, ", "아무튼 ", "사실, ")."""
    return FILLER.sub("", text).strip() or text


def flags_point(text: str) -> bool:
    """Whether the writer flags a sentence as a point: a cue word, or a term introduced with its gloss."""
    return bool(
        CUE.search(text.lower()) or KOREAN_THEN_ENGLISH.search(text) or ENGLISH_THEN_GLOSS.search(text)
    )


def is_fragment(sentence: AnalyzedSentence) -> bool:
    """True for what should never stand in a summary: too short or long, few terms, questions, headings, debris."""
    text = clean(sentence.text)
    content = [t for t in sentence.terms if len(t) > 1 or t.isascii()]
    return (
        len(text) < MIN_CHARS
        or len(text) > MAX_CHARS
        or len(set(content)) < MIN_TERMS
        or text.rstrip("\"'”’) ").endswith("?")
        or not SENTENCE_END.search(text)
        or bool(LIST_DEBRIS.match(text))
    )


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


def quotas(sizes: list[int], total: int) -> list[int]:
    """Sentences per post in proportion to its candidate sentences (largest remainder), one each when room allows."""
    if not sizes or total <= 0:
        return [0] * len(sizes)
    share = np.array(sizes, dtype=float) / max(1, sum(sizes)) * total
    counts = np.minimum(np.maximum(np.floor(share), 1 if total >= len(sizes) else 0), sizes).astype(int)
    for index in np.argsort(-(share - np.floor(share)), kind="stable"):
        if counts.sum() >= total:
            break
        if counts[index] < sizes[index]:
            counts[index] += 1
    return [int(c) for c in counts]


def length_for(sizes: list[int]) -> int:
    """Summary length by size: a few sentences a post, more for longer posts, capped so it stays a summary."""
    low, high = PER_POST
    return min(MOST, sum(min(high, max(low, -(-n // PER_CANDIDATES)), n) for n in sizes))


def summarize(
    library, post_ids: list[str], focus: str = "", max_sentences: int | None = None
) -> list[SummarySentence]:
    """An extractive summary of the posts: central, diverse sentences in post order; max_sentences None means by size."""
    posts = [library.posts[pid] for pid in dict.fromkeys(post_ids) if pid in library.posts]
    candidates = [(a, i, s) for a in posts for i, s in enumerate(a.sentences) if not is_fragment(s)]
    owner = [a.post.id for a, _, _ in candidates]
    sizes = [owner.count(a.post.id) for a in posts]
    total = length_for(sizes) if max_sentences is None else max_sentences
    if not candidates or total <= 0:
        return []
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
    dangling = np.array([bool(DANGLING.match(clean(s.text))) for _, _, s in candidates])
    flagged = np.array([flags_point(clean(s.text)) for _, _, s in candidates])
    score = (
        score
        + SPECIFIC_WEIGHT * specific / max(1e-9, specific.max())
        - DANGLING_PENALTY * dangling
        + CUE_WEIGHT * flagged
    )
    if focus.strip():
        score = score + FOCUS_WEIGHT * (sentences @ focus_vector) / max(
            1e-9, float((sentences @ focus_vector).max())
        )
    wanted = dict(zip(title_row, quotas(sizes, total)))
    chosen = mmr(score, similarity, owner, wanted)
    picked = sorted(chosen, key=lambda k: (posts.index(candidates[k][0]), candidates[k][1]))
    return [
        SummarySentence(
            text=clean(s.text),
            post_id=a.post.id,
            title=a.post.title,
            sentence_index=i,
            start=s.start,
            end=s.end,
        )
        for a, i, s in (candidates[k] for k in picked)
    ]


def mmr(score: np.ndarray, similarity: np.ndarray, owner: list[str], wanted: dict[str, int]) -> list[int]:
    """Maximal marginal relevance within each post's quota; near-duplicates of a chosen sentence are never taken."""
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
