"""Evidence skills: split a claim into atomic statements and judge each against the corpus, offline.

A statement is SUPPORTED when a corpus sentence (or a clause of one) covers most of its weighted
terms and disagrees on nothing `casework.engine.compare` can see; REFUTED when a well-matching sentence
states another number, the opposite polarity, an antonym, or the names or a comparison's sides the
other way round;
NOT_ENOUGH_INFO otherwise. English statements reach Korean evidence through the term map and the
names they write in the other script (casework/engine/transliteration.py), and every statement
reaches a sentence through the multilingual encoder (skills/meaning.py) as well: a sentence the
encoder reads as the statement's paraphrase counts as covering it, and one it reads as unrelated
supports no English statement however many glossed words they share. Numbers written as words
(five million, tenfold) are read as figures (casework/engine/numerals.py).
Before a statement is supported, the few runner-ups that match it about as well are read for a
conflict too: the best-ranked text may match loosely while the contradicting sentence ranks second.
Not handled: inference across several sentences, sarcasm, a paraphrase the encoder reads as far.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import BaseModel

from casework.engine import compare, stances
from casework.engine.comparators import reversed_change
from casework.engine.fillers import filler_conflict, name_groups
from casework.engine.function_words import ENGLISH_FUNCTION_WORDS
from casework.engine.makers import maker_conflict
from casework.engine.numerals import digits
from casework.engine.slots import slot_conflict
from casework.engine.terms import normalize
from casework.engine.text import names_alone, proper_nouns
from casework.engine.transliteration import spells, written_in, written_in_hangul
from casework.orchestrator.agent import clip
from casework.skills.meaning import HANGUL, is_english, semantic_share

Label = Literal["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
MATCHED = 0.5  # coverage from which a sentence is about the same fact (so a conflict refutes it)
# An English statement reaches a Korean sentence only through glosses and the encoder, so its share
# runs lower for the same fact (dev: 0.5 -> 0.35 let 5 more false English claims meet their
# sentence; at 0.3 an unrelated sentence's year began to refute a claim it does not address).
MATCHED_ENGLISH = 0.35
SUPPORTS = 0.7  # coverage from which a conflict-free sentence supports the statement
# and the same for an English statement (dev: 0.7 -> 0.6 supported 4 more true English claims and one
# false one; at 0.55, 4 false ones more)
SUPPORTS_ENGLISH = 0.6
NUMBER = 5.0  # weight of a number's slot, about that of a rare term
CONTEXT = 0.25  # how much the rest of the claim counts when ranking evidence for one of its clauses
AROUND = 0.8  # weight of a term found only in the title or the neighbouring sentences
ENGLISH_CANDIDATES = 40  # an English statement's terms rank Korean sentences poorly: read more of them
RARE = 2  # sentences: a term in fewer is a name or a rare word (fillers)
DISTINCT = 20  # sentences (1% of the corpus): a term in fewer names something, if not rarely (인텔, 엔비디아)
# The encoder's closeness counts this much against term coverage (tuned on dev: 0.5 -> 0.8 lifted
# paraphrases; 0.9 changed nothing). A close sentence still has to agree on numbers and names.
MEANING = 0.8
RIVALS = 3  # runner-up sentences read for a conflict before a statement is supported
CLOSE = 0.05  # a runner-up covering the statement within this of the best is about the same fact
UNKNOWN = 0.35  # weight of an English word neither the corpus nor the term map knows
KOREAN_CLAUSE = re.compile(
    r"(?:(?<=[었았였했됐웠]고)|(?<=고,)|(?<=며,)|(?<=지만,)|(?<=으나,)|(?<=는데,)|(?<=면서,)|(?<=반면,))\s+"
)
# "and" joins two clauses only when a new subject follows it ("Itanium failed and AMD succeeded"), not
# two verbs of one subject ("the component that manages and supervises the process")
ENGLISH_CLAUSE = re.compile(
    r";\s+|,?\s+(?:but|while|whereas)\s+|,\s+and\s+|"
    r"\s+and\s+(?=(?:the|a|an|its|their|his|her|it|they|he|she|this|that|these|those|[A-Z][\w'-]*)\b)"
)
FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|should|may|might|must|"
    r"\w+ed)\b",
    re.IGNORECASE,
)
META = frozenset("필자 글쓴이 저자 글 블로그 author writer blog post article one line".split())
FUNCTION = frozenset(
    "보다 에서 들이 들 수 한 로 더 것 것이다 때 등 및 또는 그 이 저 있 하 되 경우 "
    "has have had more than into through very also such any some all its their can will".split()
)
PARTICLE = re.compile(
    r"(?:은|는|이|가|을|를|에|에서|에게|의|로|으로|와|과|도|만|까지|부터|보다|처럼|"
    r"했다|했고|였다|이다|되었다|받았다|한다|된다|된|한|인|적|들)$"
)


class Evidence(BaseModel):
    """A corpus sentence that bears on a statement."""

    post_id: str
    title: str
    sentence: str
    start: int
    end: int
    score: float


class Verdict(BaseModel):
    """A judgement of one atomic statement, with the evidence it rests on."""

    statement: str
    verdict: Label
    confidence: float
    evidence: list[Evidence]
    reason: str


def split_claims(text: str) -> list[str]:
    """Atomic statements of a claim or summary: its sentences, then their coordinated clauses."""
    text = text.strip()
    if not text:
        return []
    if "\n" in text or re.search(r"[.!?。](?:\s+)\S", text.rstrip(".!?。 ")):
        from casework.engine.text import split_sentences  # loads Kiwi: only for text of several sentences

        sentences = [s.text for s in split_sentences(text)] or [text]
    else:
        sentences = [text]
    return [clause for sentence in sentences for clause in clauses(sentence)] or [text]


def clauses(sentence: str) -> list[str]:
    """A sentence cut at connectives joining two full clauses (-고, -며, -지만,; and, but, ;)."""
    pieces = [p.strip(" ,") for p in KOREAN_CLAUSE.split(sentence)]
    out = []
    for piece in pieces:
        parts = [p.strip(" ,;") for p in ENGLISH_CLAUSE.split(piece)]
        if len(parts) > 1 and all(len(p.split()) >= 3 and FINITE.search(p) for p in parts):
            out.extend(parts)
        else:
            out.append(piece)
    full = [p for p in out if p.strip()]
    if len(full) > 1 and any(len(p.split()) < 2 for p in full):
        return [sentence.strip()] if sentence.strip() else []
    return full or ([sentence.strip()] if sentence.strip() else [])


def check_statement(library, statement: str, context: str = "") -> Verdict:
    """Judge one atomic statement against the corpus; `context` (its whole claim) helps retrieval."""
    terms, numbers = content_terms(library, statement), compare.quantities(statement)
    spoken = {word: tuple(group) for group in name_groups(statement) for word in group}
    english = is_english(statement)
    hits = library.search_sentences(statement, k=ENGLISH_CANDIDATES if english else 12, passages=8)
    whole = content_terms(library, context) if context and context != statement else {}
    if whole:
        hits += library.search_sentences(context, k=12, passages=8)
    # A statement meets a sentence through the encoder as well as through its terms: an English one
    # a Korean sentence, a Korean paraphrase the sentence it rewords.
    meaning = meaning_of(library, statement, hits)
    scored = []
    for hit in hits:
        around = surroundings(library, hit)
        for text in dict.fromkeys([hit.sentence, *clauses(hit.sentence)]):
            lexical = coverage(library, terms, text, around, numbers, spoken)
            close = meaning.get(hit.sentence, 0.0)
            share = blend(lexical, close) if meaning else lexical
            rank = share + CONTEXT * coverage(library, whole, text, around) if whole else share
            scored.append((share, rank, -len(text), text, hit, lexical, close))
    scored.sort(key=lambda row: (-row[1], -row[2]))
    if not scored:
        return _verdict(statement, "NOT_ENOUGH_INFO", 0.5, [], "The corpus has nothing on this.")
    best, _, _, text, hit, _, close = scored[0]
    evidence = [_evidence(h, t) for _, _, _, t, h, _, _ in scored[:3]]
    if best >= (MATCHED_ENGLISH if is_english(statement) else MATCHED):
        conflict = find_conflict(library, terms, statement, text, surroundings(library, hit))
        if conflict:
            return _verdict(
                statement, "REFUTED", min(1.0, 0.4 + best / 2), evidence[:1] + evidence[1:2], conflict
            )
    supports = SUPPORTS_ENGLISH if english else SUPPORTS
    if best >= supports and not compare.unmatched_quantities(statement, text):
        rival = contradicting(library, terms, statement, scored[1:], scored[0])
        if rival:
            share, rival_text, rival_hit, conflict = rival
            return _verdict(
                statement,
                "REFUTED",
                min(1.0, 0.4 + share / 2),
                [_evidence(rival_hit, rival_text), evidence[0]],
                conflict,
            )
        # an English statement's terms meet a Korean sentence through one-word glosses, which match by
        # chance where the encoder reads the two as unrelated (dev: 2 on-topic NOT_ENOUGH_INFO, no true one)
        if not (english and close == 0.0 and HANGUL.search(text)):
            return _verdict(
                statement, "SUPPORTED", best, evidence[:2], f"The corpus says so: “{clip(text, 80)}”."
            )
        return _verdict(
            statement, "NOT_ENOUGH_INFO", 0.5, evidence, "The closest sentence shares words, not meaning."
        )
    reason = (
        f"The closest sentence covers only {best:.0%} of the statement."
        if best < supports
        else "The closest sentence does not state the statement's numbers."
    )
    return _verdict(statement, "NOT_ENOUGH_INFO", 1.0 - best / 2, evidence, reason)


def contradicting(library, terms, statement: str, rows, top):
    """A runner-up that covers the statement about as well as the supporting text and contradicts it.

    The best-ranked text may match loosely (one clause, or a sentence ranked up by the rest of the
    claim) while the sentence stating the fact the other way ranks just below it. Reading every
    runner-up refuted true claims (dev: 5 false REFUTED; at 0.7 coverage alone, 20), so a rival must
    come within CLOSE of the best in blended coverage, in term coverage (the encoder alone calls many
    sentences of one post close) and in the encoder's closeness (the same words about another time:
    "grew during the pandemic" / "its shares fell" since). In the supporting text's own sentence only
    a part of that text counts (a clause beside it states another fact), and another name is no
    conflict: the runner-up is then likely about another thing.
    Returns (coverage, text, hit, reason) or None.
    """
    best, _, _, best_text, best_hit, lexical, closeness = top
    seen = {best_text}
    for share, _, _, text, hit, own, close in rows[: RIVALS * 3]:
        if min(share - best, own - lexical, close - closeness) < -CLOSE or text in seen:
            continue
        if (hit.post_id, hit.sentence_index) == (best_hit.post_id, best_hit.sentence_index) and (
            text not in best_text
        ):
            continue
        seen.add(text)
        conflict = find_conflict(library, terms, statement, text, surroundings(library, hit), names=False)
        if conflict:
            return share, text, hit, conflict
        if len(seen) > RIVALS:
            break
    return None


def meaning_of(library, statement: str, hits) -> dict[str, float]:
    """The encoder's closeness of the statement to each hit sentence."""
    return semantic_share(library, statement, [h.sentence for h in hits])


def blend(share: float, meaning: float) -> float:
    """Term coverage lifted by the encoder's closeness: a paraphrase shares meaning, not words."""
    return max(share, MEANING * meaning + (1 - MEANING) * share)


def check_claim(library, claim: str) -> list[Verdict]:
    """Judge every atomic statement of a claim or summary."""
    return [check_statement(library, statement, context=claim) for statement in split_claims(claim)]


def overall_label(labels: list[str]) -> Label:
    """The label of a whole claim: REFUTED if any part is, SUPPORTED if all are, else NOT_ENOUGH_INFO."""
    if "REFUTED" in labels:
        return "REFUTED"
    return "SUPPORTED" if labels and set(labels) == {"SUPPORTED"} else "NOT_ENOUGH_INFO"


def deciding(verdicts: list, label: str) -> list:
    """The verdicts (anything with a .verdict) that carry the overall label, or all of them when none does."""
    return [v for v in verdicts if v.verdict == label] or verdicts


def overall(verdicts: list[Verdict]) -> Verdict:
    """One verdict for a claim, its confidence that of its weakest deciding part."""
    statement = " ".join(v.statement for v in verdicts)
    label = overall_label([v.verdict for v in verdicts])
    deciding_parts = deciding(verdicts, label)
    confidence = min((v.confidence for v in deciding_parts), default=0.0)
    reason = next((v.reason for v in deciding_parts if v.verdict == label), "Nothing to check.")
    return Verdict(
        statement=statement,
        verdict=label,
        confidence=confidence,
        evidence=[e for v in deciding_parts for e in v.evidence][:3],
        reason=reason,
    )


def content_terms(library, statement: str) -> dict[str, float]:
    """The statement's content terms with their idf weights (particles, endings and numbers left out)."""
    words = set(re.findall(r"[가-힣]+|[A-Za-z][\w\-]*", statement.lower()))
    weights: dict[str, float] = {}
    for term in library.terms(statement):
        if (
            re.fullmatch(r"[\d.,]+", term)
            or term in compare.UNITS
            or term in compare.MULTIPLIERS
            or term in compare.MONTHS  # read as a number (March / 3월), not a word to find
        ):
            continue
        if digits(term) != term:
            continue  # a number written as a word (five, once, tenfold): the quantity comparators weigh it
        if re.match(r"[가-힣]", term) and term not in library.lexicon:
            term = PARTICLE.sub("", term)
        if re.fullmatch(r"[가-힣]", term) and term not in words:
            continue  # one syllable inside a word: a particle or an ending, not content
        if not term or term in FUNCTION or term in ENGLISH_FUNCTION_WORDS or PARTICLE.fullmatch(term):
            continue
        if term in META:
            continue  # the author and the post are implicit in every corpus sentence
        known = term in library.lexicon or variants(library, term) - {term}
        weights[term] = min(library.idf(term), 6.0) * (
            1.0 if known or re.match(r"[가-힣]", term) else UNKNOWN
        )
    return weights


def coverage(
    library, terms: dict[str, float], text: str, around: str = "", numbers=(), names: dict | None = None
) -> float:
    """Idf-weighted share of the statement's content terms found in a text (through glosses too).

    A term found only around the text (its post's title, the sentences next to it) counts for less:
    a sentence often leaves its subject to the title or the sentence before. One of the statement's
    `names` (each word with its whole name) counts when the text spells it in Hangul (musk / 머스크).
    """
    total = sum(terms.values()) + NUMBER * len(numbers)
    if not total:
        return 0.0
    lowered, around, names = text.lower(), around.lower(), names or {}
    theirs = compare.quantities(text)  # a number in the same unit aligns the slot, equal or not
    found = NUMBER * sum(
        any(q.value == t.value or q.unit and q.unit == t.unit for t in theirs) for q in numbers
    )
    for term, weight in terms.items():
        forms = variants(library, term)
        if any(f in lowered for f in forms):
            found += weight
        elif any(f in around for f in forms):
            found += weight * AROUND
        elif re.fullmatch(r"[가-힣]{3,}", term) and term[:2] in lowered:
            found += weight * AROUND  # a verb in another ending: 부추겼다 / 부추기지
        elif term in names and heard(term, names[term], lowered):
            found += weight
        elif forms == {term} and written_in(term, text):
            found += weight  # a name no gloss lists, written in the other script: Datamorph / 데이터모프
        elif forms == {term} and written_in(term, around):
            found += weight * AROUND
    return found / total


def ranked_the_other_way(library, terms: dict[str, float], statement: str, text: str) -> str | None:
    """A term the statement's comparison favours that the text's sets below ("more on the success of
    projects than on team growth" / "프로젝트의 성공보다는 팀 규모의 확장에 더"), in either language."""
    ours, theirs = compare.compared_sides(statement), compare.compared_sides(text)
    if not ours or not theirs:
        return None
    found = {
        side: [t for t in terms if any(f in theirs[i] for f in variants(library, t))]
        for i, side in enumerate(("winner", "loser"))
    }
    favoured = [t for t in terms if t in ours[0]]
    demoted = [t for t in favoured if t in found["loser"] and t not in found["winner"]]
    if demoted and not any(t in found["winner"] and t not in found["loser"] for t in favoured):
        return demoted[0]
    return None


def heard(word: str, name: tuple[str, ...], text: str) -> bool:
    """A word of a name that a text spells in Hangul. A word of two sounds (Sam, Elon, Swarm) is heard
    in too many Korean words (샘, 섬, 심) to count alone: another word of its name must be heard too,
    or the whole name (Jack Dorsey / 잭 도시)."""
    if written_in_hangul(word, text, 3) or (len(name) > 1 and written_in_hangul(" ".join(name), text, 3)):
        return True
    return written_in_hangul(word, text) and any(written_in_hangul(w, text, 3) for w in name if w != word)


def surroundings(library, hit) -> str:
    """The post title and the sentences just before and after a hit."""
    sentences = library.posts[hit.post_id].sentences
    near = sentences[max(0, hit.sentence_index - 2) : hit.sentence_index]
    return " ".join([hit.title, *(s.text for s in near)])


def variants(library, term: str) -> set[str]:
    """Spellings of a term to look for: itself, simple English stems, and their glosses."""
    forms = {term, compare.OPPOSITE.get(term, term)}
    if re.match(r"[a-z]", term):
        forms |= {re.sub(suffix, "", term) for suffix in ("s$", "ed$", "d$", "ing$", "es$")}
        forms = {f for f in forms if len(f) >= 2}
    glosses = {g for f in forms for g in library.term_map.get(normalize(f), ())}
    return forms | glosses


def find_conflict(
    library, terms: dict[str, float], statement: str, text: str, around: str = "", names: bool = True
) -> str | None:
    """Why a well-matching sentence contradicts the statement, or None when it does not.

    Without `names`, another name in the sentence is no conflict: it may be about another thing.
    """
    numbers = compare.quantities(statement)
    disagree = compare.quantity_conflict(statement, text) or compare.quantity_conflict(
        statement, numbered_part(library, terms, statement, text)
    )
    if disagree:
        return f"The corpus disagrees on a number: {disagree}."
    change = reversed_change(statement, text)
    if change:
        return f"The corpus has the change the other way round: {change[1]:g} to {change[0]:g}."
    # A sentence of two clauses may hold both stances ("Itanium failed, AMD succeeded"): the clause about
    # the statement's subject decides, so a stance is read in the text and then in that clause alone.
    for part in dict.fromkeys([text, focus(library, terms, text)]):
        opposite = compare.antonym_conflict(statement, part)
        if opposite:
            return f"The corpus says the opposite: “{opposite[1]}” where the statement has “{opposite[0]}”."
        moved = stances.direction_conflict(statement, part)
        if moved:
            return f"The corpus says it went {'down' if moved == 'up' else 'up'}: “{clip(part, 80)}”."
        outcome = stances.outcome_conflict(statement, part)
        if outcome:
            return (
                f"The corpus reports the opposite outcome ({outcome} in the statement): “{clip(part, 80)}”."
            )
        level = stances.level_conflict(statement, part, about=glossed(library, terms, statement))
        if level:
            return f"The corpus puts it the other way ({level} in the statement): “{clip(part, 80)}”."
        share = stances.share_conflict(statement, part)
        if share:
            return f"The corpus puts the share the other way ({share} in the statement): “{clip(part, 80)}”."
    # a negated clause beside the one about the statement ("IBM이 PC를 발명한 것은 아니지만, ... 올렸습니다")
    if compare.polarity_flip(statement, text) and compare.polarity_flip(
        statement, focus(library, terms, text)
    ):
        return f"The corpus states it with the opposite polarity: “{clip(text, 80)}”."
    if stances.comparison_conflict(statement, text):
        return f"The corpus calls them the same where the statement ranks them: “{clip(text, 80)}”."
    if stances.modality_conflict(statement, text):
        return f"The corpus allows other options where the statement allows one: “{clip(text, 80)}”."
    exclusive = stances.exclusive_conflict(statement, text)
    if exclusive:
        return f"The corpus allows only “{exclusive[1]}” where the statement allows only “{exclusive[0]}”."
    role = compare.role_swap(statement, text) or ranked_the_other_way(library, terms, statement, text)
    if role:
        return f"The corpus gives “{role}” the other role in the comparison."
    if re.search(r"\b(?:than|of|to|from)\b", statement):  # English roles follow word order: X of Y / Y of X
        pair = compare.swapped(statement, text, [t for t in terms if len(t) > 2])
        if pair:
            return f"The corpus has “{pair[0]}” and “{pair[1]}” the other way round."
    if not names:
        return None
    substituted = compare.substitution(statement, text) or filler_conflict(
        statement,
        text,
        lambda term: rare(library, term),
        lambda a, b: same_name(library, a, b),
        korean=lambda name: {v for v in variants(library, name) if re.match(r"[가-힣]", v)},
        around=around,
        named=lambda word: word in proper_nouns(text),
        # the rest of the statement must be half there: an English statement's verbs often have no gloss
        settled=lambda left_out: (
            coverage(library, {t: w for t, w in terms.items() if t not in left_out}, text, around, numbers)
            >= MATCHED
        ),
    )
    substituted = (
        substituted
        or maker_conflict(
            statement, text, lambda a, b: same_name(library, a, b), lambda word: word in proper_nouns(text)
        )
        or slot_conflict(
            statement,
            text,
            around,
            named=lambda word: name_like(library, word, RARE) and proper(word, statement, text),
            distinctive=lambda word: name_like(library, word, DISTINCT) and proper(word, statement, text),
            same=lambda a, b: same_name(library, a, b),
        )
    )
    if substituted:
        return f"The corpus names “{substituted[1]}” where the statement has “{substituted[0]}”."
    return None


def glossed(library, terms: dict[str, float], statement: str) -> str:
    """The statement with the Korean glosses of its terms: what a Korean sentence can anchor on."""
    korean = (v for term in terms for v in variants(library, term) if re.match(r"[가-힣]", v))
    return " ".join([statement, *dict.fromkeys(korean)])


def same_name(library, ours: str, theirs: str) -> bool:
    """Two words for one thing: a gloss of each other, or one name in two scripts (올트먼 / Altman)."""
    if theirs in variants(library, ours):
        return True
    latin, hangul = sorted((ours, theirs), key=lambda w: not re.match(r"[A-Za-z]", w))
    return bool(re.match(r"[A-Za-z]", latin) and re.match(r"[가-힣]", hangul)) and spells(latin, hangul)


def proper(word: str, *texts: str) -> bool:
    """Whether a word can fill a slot: a Latin word, or a Hangul word Kiwi reads as a name in one of the
    texts, or right after one (존 점퍼), or by itself (인텔, 랜드연구소). Only a name fills a slot; a rare
    common word (당시, 오랫동안, 익히) is a paraphrase's choice."""
    if not re.match(r"[가-힣]", word):
        return True
    return names_alone(word) or any(
        word in names or any(f"{name} {word}" in text for name in names)
        for text in texts
        for names in [proper_nouns(text)]
    )


def name_like(library, word: str, sentences: int) -> bool:
    """A word that names something: a noun the lexicon reads whole (콜웰의, 인텔을) or an unknown noun of
    three syllables or more (랜드연구소가), in at most `sentences` corpus sentences; not a verb form
    (했습니다, 요구하지), a number, the author (필자, 저는) or a one-syllable word (척, 중)."""
    bare = compare.stem(word)
    head = next(iter(library.terms(word)), bare)
    if (
        head != bare
        or len(compare.STEM.sub("", bare)) < 2
        or re.search(r"\d", bare)
        or bare in META
        or bare in FUNCTION
    ):
        return False
    if bare not in library.lexicon and (len(bare) < 3 or bare[-1] in compare.VERBAL_ENDINGS):
        return False
    return rare(library, bare, sentences)


def focus(library, terms: dict[str, float], text: str) -> str:
    """The clause of a text that covers the statement best (the text itself when no clause stands out)."""
    parts = clauses(text)
    if len(parts) < 2:
        return text
    shares = sorted(((coverage(library, terms, p), p) for p in parts), reverse=True)
    return shares[0][1] if shares[0][0] > shares[1][0] else text


def numbered_part(library, terms: dict[str, float], statement: str, text: str) -> str:
    """The part of a text that gives the number of the statement's subject, when the text gives two
    numbers of one unit ("최신희 의원안은 3000만원, 이해민 의원안은 5000만원의 과태료"): the text is cut at
    its commas into parts of one such number each (a part without one joins the part before it), and
    the part covering the statement best, if one does, is read alone when every other part names a
    subject of its own (최신희): a part without one shares the first part's subject ("인텔은 8월 ...
    기록했고, 10월 기준으로 주가는 55% 하락"). Else the text itself.
    """
    units = {q.unit for q in compare.quantities(statement) if q.unit}
    if not any(sum(q.unit == unit for q in compare.quantities(text)) >= 2 for unit in units):
        return text
    parts: list[str] = []
    for piece in re.split(r"(?<!\d),\s+", text):
        if parts and not any(q.unit in units for q in compare.quantities(piece)):
            parts[-1] = f"{parts[-1]}, {piece}"
        else:
            parts.append(piece)
    if len(parts) < 2:
        return text
    shares = sorted(((coverage(library, terms, p), p) for p in parts), reverse=True)
    lowered = statement.lower()
    own_subject = all(
        any(name_like(library, word, RARE) and word not in lowered for word in map(compare.stem, p.split()))
        for _, p in shares[1:]
    )
    return shares[0][1] if shares[0][0] > shares[1][0] and own_subject else text


def rare(library, term: str, sentences: int = RARE) -> bool:
    """A term in at most `sentences` corpus sentences: a name, not a word a paraphrase would swap.

    An adjectival noun in -적 (기하급수적, 상대적) describes; however rare, it names nothing.
    """
    if re.fullmatch(r"[가-힣]+적", term):
        return False
    return library.idf(term) >= math.log(1 + library.sentence_count() / (1 + sentences))


def _evidence(hit, text: str) -> Evidence:
    start = hit.start + max(0, hit.sentence.find(text))  # a clause: its own offsets in the post
    return Evidence(
        post_id=hit.post_id,
        title=hit.title,
        sentence=text,
        start=start,
        end=start + len(text),
        score=hit.overlap,
    )


def _verdict(
    statement: str, label: Label, confidence: float, evidence: list[Evidence], reason: str
) -> Verdict:
    return Verdict(
        statement=statement,
        verdict=label,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        evidence=evidence,
        reason=reason,
    )
