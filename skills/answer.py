"""Answer skills: the few corpus sentences that answer a question, ranked, from the posts that answer it.

A question's content terms are what is left once its question words are gone ("무엇인가요",
"what does the author think", "explain … in a sentence"; a predicate's stem, 오를까요 -> 오르); each counts
by its rarity (idf), and a term counts as found in a sentence through any of its glosses (SSM | State
Space Models), the acronym its post defines for it (Vision-Language Pre-training(VLP), skills/acronyms.py)
or, for a name the posts write only in Hangul, its spelling there (Hinton 힌턴, skills/names.py); a
Korean term only where a word starts with it. A sentence's relevance is the share
of the question's weight it holds, a term found only in its post's title or the two sentences
before it counting for less (a sentence often leaves its subject to them), plus a little for the
kind of content the question asks for (a cause for "why", a way for "how", a number for "how much").
A sentence close in meaning to the question, by the multilingual encoder (skills/meaning.py), counts a
little more: an English question and the Korean sentence that answers it share few terms.
Candidate posts come from searching both the question (its vector finds posts across languages) and
its glossed terms. A post answers by holding much of the question's weight plus a sentence close to
it in meaning, nearly as well as the best post; only sentences of posts that answer, and close to the
best one, are kept. When no post answers, nothing is returned.
Not handled: answers spread over several sentences that each hold little of the question, a name of one
consonant in Hangul (Arbaugh 아버) or one its post translates rather than spells (China 중국).
"""

from __future__ import annotations

import re

from casework.skills.acronyms import with_acronyms
from casework.skills.meaning import cosines, scaled
from casework.skills.neighbours import read_with_context, with_neighbours
from casework.skills.question_terms import forms, question_spellings, question_terms, share
from casework.skills.sentences import is_fragment, stand_alone
from casework.skills.summarize import SummarySentence

LIMIT = 3  # sentences in an answer: the answer, and what it rests on
PASSAGES = 12  # passages searched for candidate posts, by the question and by its glossed terms
SENTENCE_MIN = 0.4  # the best sentence must hold this share of the question's weight, or nothing answers
POST_FLOOR = 0.4  # a post holding less of the question's weight is not read at all...
POSTS_READ = 4  # ...nor more than this many, the ones holding most (each sentence read is encoded once)
POST_BAR = 0.85  # a post's share plus its closest sentence's cosine: below this, nothing answers
MARGIN = 0.15  # a post answers when it scores nearly as well as the best post
CLOSE = 0.7  # a sentence from another post is kept only this close to the best one
KIND_BONUS = 0.1  # a sentence that holds the kind of content the question asks for
SEMANTIC = 0.3  # weight of a sentence's closeness in meaning beside its share of the question's terms
COSINE_FLOOR, COSINE_SPAN = 0.15, 0.35  # question-to-sentence cosine 0.15 (unrelated) -> 0, 0.5 -> 1
KINDS = [  # what a question asks for, and how a sentence that gives it reads (general markers)
    (
        re.compile(r"^\s*why\b|왜|이유|원인", re.I),
        re.compile(r"때문|이유|원인|탓|덕분|로 인해|because|due to", re.I),
    ),
    (
        re.compile(r"^\s*how\b(?!\s+(?:much|many))|어떻게|방법", re.I),
        re.compile(r"방법|통해|으로써|방식|by |through", re.I),
    ),
    (re.compile(r"how (?:much|many)|얼마|몇", re.I), re.compile(r"\d")),
    (  # "what is X", "X란 무엇인가요": a definition ("X란 …", "X is defined as …")
        re.compile(r"^\s*what\s+(?:is|are)\s+(?!the\s)|(?:이란|란|은|는)\s*(?:무엇|뭐)", re.I),
        re.compile(r"^\S+(?:\s\S+)?\s?(?:이란|란)\s|\b(?:is defined as|refers to|means)\b", re.I),
    ),
    (
        re.compile(r"\bthinks?\b|opinion|view|생각|의견|입장", re.I),
        re.compile(r"생각|개인적|기대|보입니다|본다|I think", re.I),
    ),
]


def answer_question(library, question: str, limit: int = LIMIT) -> list[SummarySentence]:
    """The sentences that answer a question, most relevant first; [] when no post answers it."""
    weights = question_terms(library, question)
    if not weights:
        return []
    spellings = question_spellings(library, question, weights)
    asks = [gives for asked, gives in KINDS if asked.search(question)]
    # The question itself finds posts by meaning (across languages), its glossed terms by words (and the
    # Hangul spelling of a name, which no gloss adds).
    hangul_names = [f for t in weights if t in spellings for f in spellings[t] if f not in forms(library, t)]
    queries = (question, library.expand(" ".join(weights)) + " " + " ".join(hangul_names))
    posts = dict.fromkeys(hit.post_id for q in queries for hit in library.search(q, k=PASSAGES))
    post_share = {
        pid: share(weights, spellings, library.posts[pid].post.title + "\n" + library.posts[pid].post.text)
        for pid in posts
    }
    read = sorted((p for p in posts if post_share[p] >= POST_FLOOR), key=lambda p: -post_share[p])
    rows, read_as = [], {}
    for analyzed in (library.posts[pid] for pid in read[:POSTS_READ]):
        local = with_acronyms(spellings, analyzed.post.text)  # Vision-Language Pre-training is its VLP
        for index, sentence in enumerate(analyzed.sentences):
            if is_fragment(sentence):
                continue
            text = stand_alone(sentence.text)
            before = " ".join(s.text for s in analyzed.sentences[max(0, index - 2) : index])
            read_as[text] = read_with_context(analyzed, index, text)
            lexical = share(weights, local, read_as[text], analyzed.post.title + " " + before)
            rows.append((lexical, index, text, analyzed))
    if not rows:
        return []
    # A sentence is as close in meaning as it reads alone or with its context, whichever is closer: the
    # context is there to supply terms, and a long reading must not dilute a sentence close by itself.
    readings = dict.fromkeys(t for row in rows for t in (row[2], read_as[row[2]]))
    cosine = cosines(library, question, list(readings))
    cosine = {row[2]: max(cosine[row[2]], cosine[read_as[row[2]]]) for row in rows}
    # A post answers by holding the question's terms and a sentence close to it in meaning.
    post_score = {
        pid: post_share[pid] + max(cosine[text] for _, _, text, a in rows if a.post.id == pid)
        for pid in {row[3].post.id for row in rows}
    }
    bar = max(POST_BAR, max(post_score.values()) - MARGIN)
    answering = sorted(
        (
            (
                lexical
                + SEMANTIC * scaled(cosine[text], COSINE_FLOOR, COSINE_SPAN)
                + KIND_BONUS * sum(bool(gives.search(text)) for gives in asks),
                index,
                text,
                analyzed,
            )
            for lexical, index, text, analyzed in rows
            if post_score[analyzed.post.id] >= bar
        ),
        key=lambda row: (-row[0], row[3].post.id, row[1]),
    )
    if not answering or answering[0][0] < SENTENCE_MIN:
        return []
    best = answering[0]
    kept = [row for row in answering if row[3] is best[3] or row[0] >= CLOSE * best[0]]
    unique = with_neighbours(kept)[:limit]
    return [
        SummarySentence(
            text=text,
            post_id=analyzed.post.id,
            title=analyzed.post.title,
            sentence_index=index,
            start=analyzed.sentences[index].start,
            end=analyzed.sentences[index].end,
            quoted=True,
        )
        for _, index, text, analyzed in unique
    ]
