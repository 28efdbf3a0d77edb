"""Selection skills: the topic of a summary request, and the posts that are about that topic.

A topic is split into term groups: each topic word (or glossed phrase, "state space model") with
its glosses from the term map (agile | 애자일), and for a Korean word the other Korean wordings of
its English gloss (스터디 | study | 공부 | 연구). A post's aboutness is the idf-weighted mean over
the groups of how much the post is about each: named in the title, recurring in the body, and the
share of sentences that mention it. A single passing mention earns only half the body evidence of a
recurring word: rare words weigh most, and one rare word named once in one post would otherwise
outweigh the rest of a many-word topic and set the bar the posts that discuss it must reach.
A word that most posts use (문제, issue; AI on an AI blog) cannot tell which posts are about a
topic: it is dropped when the topic has a rarer word ("딥페이크 문제" is about deepfakes, and a title
saying 문제 must not win a post a place).
Posts are kept relative to the best post, above a floor, so a topic the corpus does not discuss
selects nothing. A post whose title names every topic word the best post's title names joins it even
when it is short or says little else of the topic ("Nvidia and the race for its AI chips": both
Nvidia posts, the one on its customers too).
Not handled: negated or compound requests ("not the agile posts", "agile, then SSM"), synonyms
that neither the corpus nor the glossary glosses, topics spread over posts that never name them.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from casework.engine.markdown import SECTION_SEPARATOR
from casework.engine.terms import normalize
from casework.skills.crosslingual import translate, translate_word

# Request words are about the asking, never about the topic: they are dropped wherever they are.
EN_REQUEST = frozenset(
    "summarize summarise summary summaries sum up recap overview give tell show list find me please can "
    "could would you i want need write what does do did say says said blog blogs post posts article "
    "articles entry entries piece pieces writing writings author think thinks doc docs documentation "
    "page pages".split()
)
# Function words are dropped only at the edges of what is left ("the agile posts" -> "agile").
EN_EDGE = frozenset(
    "the a an of on about regarding concerning for in and or to from that which with is are".split()
)
EN_FUNCTION = frozenset(
    "why when where whether who whom whose how what which than then into over under its their "
    "there they them this that these those also just only very more most and or not "
    "it he she we you his her our your get gets got".split()
)
NOT_TOPIC = EN_FUNCTION | EN_EDGE  # never a topic word, wherever it stands ("the race for its chips")
KO_DOC = re.compile(
    r"^(글|글들|포스트|포스팅|게시물|게시글|내용|시리즈|연작|요약|정리|문서|문서들|페이지|설명서)(을|를|은|는|이|가|의|에|들)?[,.]?$"
)
KO_ASK = re.compile(r"^(요약|정리|설명|소개|알려|보여|찾아|모아)\S*$")
KO_LINK = re.compile(r"^(관한|관해|관해서|대한|대해|대해서|관련|관련된|관련한|다룬|다루는|다뤘던|쓴|있는)$")
PARTICLES = "에서|에|을|를|와|과|의|은|는|이|가"
KO_PARTICLE = re.compile(rf"({PARTICLES})$")
BARE_PARTICLE = re.compile(
    rf"({PARTICLES})"
)  # what is left of "GPU와", "SEO의" once the Latin word is split off

TITLE, PRESENCE, SHARE = 0.45, 0.25, 0.30  # how each kind of evidence counts toward aboutness
TITLED = 0.5  # a best post whose title names this share of the topic sets the bar: titles, not mentions
HEADING = 0.5  # a page whose every section is headed by a topic word: half the title's evidence
SHARE_FULL = 0.15  # a topic word in this share of a post's sentences is as present as it gets
GENERIC = 0.5  # a word more than half the posts use says what a topic is not, never which posts are about it
RELATIVE = 0.6  # keep posts scoring 60% of the best post's...
FLOOR = PRESENCE / 2  # ...when the best post does at least as well as one naming every topic word once
CANDIDATES = 20
QUOTED = re.compile(r"['\"‘“]([^'\"’”]+)['\"’”]")


def topic_of(request: str) -> str:
    """The topic of a summary request: request words (summarize, posts, 요약해줘, 에 관한 글) stripped."""
    words = [w for w in request.strip().rstrip("?.!").split() if w.lower().strip(",.'\"") not in EN_REQUEST]
    while words and words[-1].lower() in EN_EDGE:
        words.pop()
    while words and words[0].lower() in EN_EDGE:
        words.pop(0)
    kept: list[str] = []
    for word in words:
        if KO_DOC.match(word) or KO_ASK.match(word) and word is words[-1]:
            continue
        if KO_LINK.match(word):
            if kept and re.search(r"[가-힣]$", kept[-1]):
                kept[-1] = KO_PARTICLE.sub("", kept[-1]) or kept[-1]
            continue
        kept.append(word)
    while (
        kept and re.fullmatch(r"[가-힣]+", kept[-1]) and (KO_ASK.match(kept[-1]) or kept[-1].endswith("는"))
    ):
        kept.pop()  # a dangling verb: "... 경계하는"
    if kept and re.search(r"[가-힣]$", kept[-1]):
        kept[-1] = KO_PARTICLE.sub("", kept[-1]) or kept[-1]
    return " ".join(kept).strip(" ,") or request.strip()


def _stem(library, word: str) -> str:
    """A Hangul word without its particle or ending: the lexicon's one piece, else less its particle."""
    pieces = library.terms(word)
    if len(pieces) == 1 and (len(pieces[0]) > 1 or KO_PARTICLE.fullmatch(word[1:])):
        return pieces[0]  # 협업에 -> 협업, 배우는 -> 배우, 칩과 -> 칩
    stripped = KO_PARTICLE.sub("", word)
    return stripped if len(stripped) > 1 else word  # a compound the lexicon splits: 딥페이크, 데이터센터


def _singular(word: str) -> str:
    """An English word's singular (companies -> company, teams -> team); matching adds plurals, not this."""
    return re.sub(r"ies$", "y", word) if len(word) > 4 and word.endswith("ies") else normalize(word)


def _glosses(library, word: str) -> set[str]:
    """The term map's glosses of a word (companies -> company first); a Korean word also takes the
    other Korean wordings of its English gloss (스터디 -> study -> 공부, 연구): translation as a pivot."""
    forms = {word, normalize(word), _singular(word)}
    glosses = set().union(*(library.term_map.get(f, set()) for f in forms))
    if word.isascii():
        return glosses
    return glosses | set().union(*(library.term_map.get(g, set()) for g in glosses if g.isascii())) - {word}


def term_groups(library, topic: str) -> list[tuple[str, ...]]:
    """The topic's term groups: each topic word or glossed phrase with its glosses, as other wordings."""
    topic = re.sub(r"(?<=\w)['’]s\b", "", topic)  # possessive: Meta's -> Meta
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9\-]*|[가-힣]+", topic)]
    groups = [(quoted.strip(),) for quoted in QUOTED.findall(topic) if quoted.strip()]  # a quoted title part
    covered: set[int] = set()
    for size in range(4, 1, -1):  # glossed phrases first: "state space model", "open source"
        for start in range(len(words) - size + 1):
            phrase = normalize(" ".join(words[start : start + size]))
            if phrase in library.term_map and not covered & set(range(start, start + size)):
                groups.append((phrase, *sorted(library.term_map[phrase])))
                covered |= set(range(start, start + size))
    for index, word in enumerate(words):
        if (
            index in covered
            or word in NOT_TOPIC
            or re.fullmatch(r"[a-z]", word)
            or BARE_PARTICLE.fullmatch(word)
        ):
            continue
        korean = bool(re.match(r"[가-힣]", word))
        stem = _stem(library, word) if korean else word
        forms = [stem] if korean else [word, _singular(word)]  # teams -> team, companies -> company
        groups.append(
            tuple(dict.fromkeys([*forms, *sorted(_glosses(library, word) | _glosses(library, stem))]))
        )
    return list(dict.fromkeys(groups))


def _mentions(group: tuple[str, ...], text: str, terms: list[str]) -> bool:
    """Whether a text names a term group: Hangul as a substring (spaces ignored), one syllable as a term."""
    lowered = text.lower()
    compact = lowered.replace(" ", "")
    for alternative in group:
        if re.fullmatch(r"[가-힣]", alternative):
            found = alternative in terms
        elif re.fullmatch(r"[가-힣 ]+", alternative):
            found = alternative.replace(" ", "") in compact
        else:
            found = bool(_pattern(alternative).search(lowered))
        if found:
            return True
    return False


@lru_cache(maxsize=4096)
def _pattern(alternative: str) -> re.Pattern:
    """A matcher for a Latin wording: on word bounds, spaces or hyphens between words, plurals allowed."""
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", alternative.lower()) if p]
    body = r"[\s\-]*".join(parts)
    tail = r"(?:e?s)?(?![a-z0-9])" if re.search(r"[a-z0-9]$", alternative.lower()) else ""
    return re.compile(rf"(?<![a-z0-9]){body}{tail}")


def group_weight(library, group: tuple[str, ...]) -> float:
    """Inverse sentence frequency of a group (any of its wordings): rare topic words weigh more."""
    units = [(s.text, s.terms) for a in library.posts.values() for s in a.sentences]
    units += [(a.post.title, a.title_terms) for a in library.posts.values()]
    found = sum(1 for text, terms in units if _mentions(group, text, terms))
    return math.log(1 + len(units) / (1 + found)) ** 2 if found else 0.0


def generic(library, group: tuple[str, ...]) -> bool:
    """Whether most posts name a group (문제, issue, AI on an AI blog): it cannot tell posts apart."""
    named = sum(
        1
        for a in library.posts.values()
        if _mentions(group, a.post.title, a.title_terms)
        or any(_mentions(group, s.text, s.terms) for s in a.sentences)
    )
    return named > GENERIC * len(library.posts)


def recurrence(hits: int) -> float:
    """Body evidence of a word from how many sentences name it, 0..1: one mention is half, many near 1."""
    return hits / (hits + 1)


def headed(analyzed, group: tuple[str, ...]) -> float:
    """Title-like evidence from headings, 0..1: an H1 naming the group counts as the title; a lower
    heading counts by the share of the page's sentences in its sections (a main section, not a side one)."""
    named = {h.text for h in analyzed.headings if _mentions(group, h.text, h.terms)}
    if any(h.level == 1 and h.text in named for h in analyzed.headings):
        return 1.0
    if not named or not analyzed.sentences:
        return 0.0
    under = sum(1 for s in analyzed.sentences if named & set(s.section.split(SECTION_SEPARATOR)))
    return HEADING * under / len(analyzed.sentences)


def titled(library, post_id: str, groups: list[tuple[str, ...]], weights: list[float]) -> float:
    """The idf-weighted share of the topic that a post's title (or its main headings) names, 0..1."""
    analyzed, total = library.posts[post_id], sum(weights)
    return (
        sum(
            weight * (_mentions(group, analyzed.post.title, analyzed.title_terms) or headed(analyzed, group))
            for group, weight in zip(groups, weights)
        )
        / total
        if total
        else 0.0
    )


def aboutness(library, post_id: str, groups: list[tuple[str, ...]], weights: list[float]) -> float:
    """How much a post is about the groups, 0..1: idf-weighted title, recurrence and sentence share."""
    analyzed = library.posts[post_id]
    sentences = analyzed.sentences or []
    total = sum(weights)
    if not total:
        return 0.0
    score = 0.0
    for group, weight in zip(groups, weights):
        in_title = _mentions(group, analyzed.post.title, analyzed.title_terms) or headed(analyzed, group)
        hits = sum(1 for s in sentences if _mentions(group, s.text, s.terms))
        share = min(1.0, hits / max(1, len(sentences)) / SHARE_FULL)
        score += weight * (TITLE * in_title + PRESENCE * recurrence(hits) + SHARE * share)
    return score / total


def weighted_groups(library, topic: str) -> tuple[list[tuple[str, ...]], list[float]]:
    """The topic's term groups and their weights. A word most posts use is dropped while a rarer one is
    left; a word the corpus never writes takes the corpus's own word for it in the other script, and if
    some word is still unknown, its own title or heading for the topic (skills/crosslingual.py) joins."""
    groups = term_groups(library, topic)
    weights = [group_weight(library, g) for g in groups]
    specific = [(g, w) for g, w in zip(groups, weights) if not generic(library, g)]
    if any(w for _, w in specific):  # "딥페이크 문제", "AI 칩": the rarer words decide, not 문제 or AI
        groups, weights = [g for g, _ in specific], [w for _, w in specific]
    for index, group in enumerate(groups):
        if not weights[index] and len(group) == 1:  # a word the corpus never writes: its own word for it
            word = translate_word(library, group[0], lambda w: _stem(library, w))
            if word:
                groups[index] = (*group, word)
                weights[index] = group_weight(library, groups[index])
    if groups and not all(weights):
        translation = translate(library, topic)
        if translation and (translation,) not in groups:
            groups.append((translation,))
            weights.append(group_weight(library, groups[-1]))
    return groups, weights


def score_posts(library, topic: str, weighted=None) -> list[tuple[str, float]]:
    """Retrieval candidates for a topic with their aboutness, best first (`weighted`: the topic's groups
    and weights when the caller has them already)."""
    groups, weights = weighted or weighted_groups(library, topic)
    if not groups:
        return []
    known = sum(1 for w in weights if w) / len(groups)  # words the corpus never uses cannot pick a post
    candidates = [pid for pid, _ in library.search_posts(library.expand(topic), k=CANDIDATES)]
    candidates += [
        pid
        for pid, a in library.posts.items()  # a title naming a group is a candidate search can miss
        if pid not in candidates and any(_mentions(g, a.post.title, a.title_terms) for g in groups)
    ]
    scored = [
        (pid, round(aboutness(library, pid, groups, weights) * math.sqrt(known), 4)) for pid in candidates
    ]
    return sorted(scored, key=lambda item: (-item[1], item[0]))


def select_posts(library, topic: str) -> list[str]:
    """The ids of the posts that are about a topic (all of them, and no more); [] when none is."""
    groups, weights = weighted_groups(library, topic)
    scored = score_posts(library, topic, (groups, weights))
    if not scored or scored[0][1] < FLOOR:
        return []
    best = scored[0][0]
    kept = [pid for pid, score in scored if score >= RELATIVE * scored[0][1]]
    named = {pid: titled(library, pid, groups, weights) for pid in kept}
    if named[best] >= TITLED:  # the best names the topic in its title: passing mentions do not join it
        kept = [pid for pid in kept if named[pid] >= HEADING * TITLED]  # title, or half the page headed by it
    elif own := title_groups(library, best, groups) if named[best] >= HEADING * TITLED else set():
        # a title naming all that the best post's title names is as much about the topic, however short
        kept += [pid for pid, _ in scored if pid not in kept and own <= title_groups(library, pid, groups)]
    return kept


def title_groups(library, post_id: str, groups: list[tuple[str, ...]]) -> set[int]:
    """The topic groups a post's title names (headings aside)."""
    analyzed = library.posts[post_id]
    return {i for i, g in enumerate(groups) if _mentions(g, analyzed.post.title, analyzed.title_terms)}
