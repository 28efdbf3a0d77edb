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
from functools import cache

from casework.engine.terms import lemma, normalize
from casework.skills.acronyms import with_acronyms
from casework.skills.intent import ASKS
from casework.skills.meaning import cosines, scaled
from casework.skills.names import hangul_spelling
from casework.skills.neighbours import read_with_context, with_neighbours
from casework.skills.sentences import is_fragment, stand_alone
from casework.skills.stems import predicate_stem
from casework.skills.summarize import SummarySentence

LIMIT = 3  # sentences in an answer: the answer, and what it rests on
PASSAGES = 12  # passages searched for candidate posts, by the question and by its glossed terms
AROUND = 0.5  # weight of a term found only in the title or the two sentences before
SENTENCE_MIN = 0.4  # the best sentence must hold this share of the question's weight, or nothing answers
POST_FLOOR = 0.4  # a post holding less of the question's weight is not read at all...
POSTS_READ = 4  # ...nor more than this many, the ones holding most (each sentence read is encoded once)
POST_BAR = 0.85  # a post's share plus its closest sentence's cosine: below this, nothing answers
MARGIN = 0.15  # a post answers when it scores nearly as well as the best post
CLOSE = 0.7  # a sentence from another post is kept only this close to the best one
KIND_BONUS = 0.1  # a sentence that holds the kind of content the question asks for
SEMANTIC = 0.3  # weight of a sentence's closeness in meaning beside its share of the question's terms
COSINE_FLOOR, COSINE_SPAN = 0.15, 0.35  # question-to-sentence cosine 0.15 (unrelated) -> 0, 0.5 -> 1
UNKNOWN_IDF = 8.0  # a name no corpus sentence has (Australia): as rare as it gets
UNKNOWN_WORD = 1.0  # an everyday English word the corpus and its glosses do not know (used, make): little
# Question words and the asking around them: never what the question is about (general Korean and English).
ASKING = frozenset(
    "무엇 무엇인가요 무엇일까요 무엇이야 무엇인지 뭐 뭐야 뭔가요 뭘까요 뭐지 무슨 어떤 어떻게 어떠한 "
    "왜 누구 누가 누구야 언제 어디 어디서 얼마 얼마나 몇 인가요 나요 하나요 있나요 했나요 건가요 "
    "일까요 할까요 입니까 합니까 "
    "what why how who whom whose when where which does do did is are was were can could should would will "
    "much many the a an of about to in on for at by with author writer blog post posts think thinks say says "
    "said tell me actually each other his her their its our your my according also still just "
    "i we you they us them it this that these those there now "
    "그렇게 이렇게 저렇게".split()  # "so" ("왜 그렇게 큰 …"): the asking's emphasis, not its topic
)
# "How long", "how often": a question word with its measure, never the topic (long -> 장기 would match).
HOW_MEASURE = re.compile(r"\bhow\s+(?:long|often|far|soon|old|big|large|fast)\b", re.I)
# The form an ask wants ("in a sentence", "briefly", "한 문장으로"): the asking, never the topic, as is the
# imperative that asks ("explain", "설명해 줘": skills/intent.py).
FORM = re.compile(
    r"\bin (?:a|one|a few) (?:sentences?|words?|lines?)\b|\bbriefly\b|(?:한|두|세) ?(?:문장|줄)으?로", re.I
)
MONTHS = "january february march april may june july august september october november december".split()
ENDING = re.compile(r"(?:하나요|되나요|인가요|이나요|나요|는가요|가요|까요|했나요|니|냐|야|죠|지요)$")
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


def asking_removed(question: str) -> str:
    """A question without the imperative that asks it and the form it wants ("Explain X in a sentence")."""
    return FORM.sub(" ", ASKS.sub(" ", question))


def word_terms(library, word: str) -> list[str]:
    """The terms of one word of a question: a Korean word without its question ending, a syllable the
    analyser cut from a predicate read as the predicate's stem (오를까요 -> 오르; skills/stems.py)."""
    if not re.match(r"[가-힣]", word):
        return library.terms(word)
    bare = ENDING.sub("", word)
    terms = [t if len(t) > 1 else predicate_stem(bare, library.lexicon) for t in library.terms(bare)]
    return [t for t in terms if t]


def question_terms(library, question: str) -> dict[str, float]:
    """The content terms of a question with their weights (rarity), question words left out."""
    tokens = re.findall(r"[A-Za-z0-9][\w\-]*|[가-힣]+", HOW_MEASURE.sub("how", asking_removed(question)))
    names = {w.lower() for w in tokens[1:] if w[:1].isupper()} | {w.lower() for w in tokens if w.isupper()}
    terms = [term for w in tokens if w.lower() not in ASKING for term in word_terms(library, w)]
    weights = {}
    for term in terms:
        if term.lower() in ASKING or re.fullmatch(r"[a-z]", term):
            continue  # a letter left by the analyser is a possessive ('s)
        known = [f for f in forms(library, term) if f in library.lexicon]
        unknown = UNKNOWN_IDF if term in names or not term.isascii() or term.isdigit() else UNKNOWN_WORD
        weights[term] = min(library.idf(f) for f in known) if known else unknown
    return weights


def names(question: str) -> dict[str, str]:
    """The names a question writes in Latin letters (capitalised past its first word, not an acronym),
    by their term."""
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", question)[1:]
    return {w.lower(): w for w in words if w[:1].isupper() and not w.isupper()}


def forms(library, term: str) -> set[str]:
    """A term and its glosses, lower case: the spellings that count as finding it."""
    base = lemma(term, library.term_map) if term.isascii() else term
    found = {term.lower(), base, *library.term_map.get(normalize(term), ()), *library.term_map.get(base, ())}
    if re.fullmatch(r"[a-z]+-\d+", term.lower()):
        found.add(term.lower().replace("-", ""))  # GPT-3 is also written GPT3
    if term.lower() in MONTHS:
        found.add(f"{MONTHS.index(term.lower()) + 1}월")  # October is 10월 in Korean
    return {f.lower() for f in found if len(f) > 1 or not f.isascii()}


def question_spellings(library, question: str, weights: dict[str, float]) -> dict[str, set[str]]:
    """Each question term's spellings: its glosses, and for a name no gloss writes in Hangul, the
    Hangul spelling the posts use (Hinton 힌턴, skills/names.py)."""
    spellings = {t: forms(library, t) for t in weights}
    for term, name in names(question).items():
        if term in spellings and all(f.isascii() for f in spellings[term]):
            spellings[term] |= {h for h in [hangul_spelling(library, name)] if h}
    return spellings


@cache
def spelled(form: str) -> re.Pattern:
    """Where a spelling is found: a Korean one only where a word starts (particles and endings follow a
    Korean word, so a term inside a word is another word: 오르 in 떠오르는), any other anywhere."""
    return re.compile(("(?<![가-힣])" if re.match("[가-힣]", form) else "") + re.escape(form))


def share(weights: dict[str, float], spellings: dict[str, set[str]], text: str, around: str = "") -> float:
    """The share of the question's weight a text holds (a term only around it counts AROUND)."""
    text, around = text.lower(), around.lower()
    found = sum(
        w
        if any(spelled(f).search(text) for f in spellings[t])
        else AROUND * w
        if any(spelled(f).search(around) for f in spellings[t])
        else 0
        for t, w in weights.items()
    )
    return found / max(1e-9, sum(weights.values()))


def answer_question(library, question: str, limit: int = LIMIT) -> list[SummarySentence]:
    """The sentences that answer a question, most relevant first; [] when no post answers it."""
    weights = question_terms(library, question)
    if not weights:
        return []
    spellings = question_spellings(library, question, weights)
    asks = [gives for asked, gives in KINDS if asked.search(question)]
    # The question itself finds posts by meaning (across languages), its glossed terms by words (and the
    # Hangul spelling of a name, which no gloss adds).
    spelled = [f for t in weights if t in spellings for f in spellings[t] if f not in forms(library, t)]
    queries = (question, library.expand(" ".join(weights)) + " " + " ".join(spelled))
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
