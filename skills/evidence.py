"""Evidence skills: split a claim into atomic statements and judge each against the corpus, offline.

A statement is SUPPORTED when a corpus sentence (or a clause of one) covers most of its weighted terms
(skills/coverage.py) and conflicts in nothing skills/conflicts.py can see; REFUTED when a well-matching
sentence states another number, the opposite polarity, an antonym, another name in the same role, or the
names or a comparison's sides the other way round; NOT_ENOUGH_INFO otherwise. English statements reach
Korean evidence through the term map and the names they write in the other script
(casework/engine/transliteration.py), and every statement reaches a sentence through the multilingual
encoder (skills/meaning.py) as well: a sentence the encoder reads as the statement's paraphrase counts
as covering it, and one it reads as unrelated supports no English statement however many glossed words
they share. Numbers written as words (five million, tenfold) are read as figures
(casework/engine/numerals.py).
Before a statement is supported, the few runner-ups that match it about as well are read for a conflict
too: the best-ranked text may match loosely while the contradicting sentence ranks second.
Not handled: inference across several sentences, sarcasm, a paraphrase the encoder reads as far.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from casework.engine import compare
from casework.engine.fillers import name_groups
from casework.orchestrator.agent import clip
from casework.skills.conflicts import MATCHED, find_conflict
from casework.skills.coverage import clauses, content_terms, coverage, surroundings
from casework.skills.meaning import HANGUL, is_english, semantic_share

Label = Literal["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
# An English statement reaches a Korean sentence only through glosses and the encoder, so its share
# runs lower for the same fact (dev: 0.5 -> 0.35 let 5 more false English claims meet their
# sentence; at 0.3 an unrelated sentence's year began to refute a claim it does not address).
MATCHED_ENGLISH = 0.35
SUPPORTS = 0.7  # coverage from which a conflict-free sentence supports the statement
# and the same for an English statement (dev: 0.7 -> 0.6 supported 4 more true English claims and one
# false one; at 0.55, 4 false ones more)
SUPPORTS_ENGLISH = 0.6
CONTEXT = 0.25  # how much the rest of the claim counts when ranking evidence for one of its clauses
ENGLISH_CANDIDATES = 40  # an English statement's terms rank Korean sentences poorly: read more of them
# The encoder's closeness counts this much against term coverage (tuned on dev: 0.5 -> 0.8 lifted
# paraphrases; 0.9 changed nothing). A close sentence still has to agree on numbers and names.
MEANING = 0.8
RIVALS = 3  # runner-up sentences read for a conflict before a statement is supported
CLOSE = 0.05  # a runner-up covering the statement within this of the best is about the same fact


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
