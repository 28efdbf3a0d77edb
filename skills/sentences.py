"""Sentence skills: whether a corpus sentence can stand alone in a summary or an answer, and its text.

A sentence stands alone when it is a whole statement: not too short or long, ending like a sentence,
not a question to the reader, not list or table debris glued together by the splitter ("노동 문제:
고령화와 …" keeps only what follows the label), not mostly quoted chatter ("“아니, 우리 회사는 …”")
unless the writer flags the quote as the point ("한 줄로 요약하면 “…”"), not a turn of a transcript quoted
line by line (a chat, an interview: someone's words, not the writer's), not the tail of a sentence the
splitter cut inside an aside or after a quote (an unopened ")", an opening particle: "는 인기 드라마 …").
Discourse fillers at its start ("뭐, ", "아무튼 ") are dropped. The clean text is always a verbatim
piece of the sentence, so it stays a quote with exact offsets.
Not handled: lists whose items carry no punctuation at all, quotes in single marks (often emphasis).
"""

from __future__ import annotations

import re
from collections import Counter

from casework.engine.index import AnalyzedSentence
from casework.engine.terms import ENGLISH_THEN_GLOSS, KOREAN_THEN_ENGLISH

MIN_CHARS, MIN_TERMS, MAX_CHARS = 20, 3, 300
LABEL_CHARS = 40  # a "label: text" prefix longer than this is a clause, not a label
CHATTER = 0.5  # share of a sentence inside double quotes from which it is someone's words, not the writer's
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
    r"핵심|본질|요약하면|정리하면|결론|공통점|중요한 (?:것|점)|한 줄로|한마디로|결국|"
    r"in short|the point|the key|essential"
)
LIST_DEBRIS = re.compile(r"^(?:[-•·*▶►→]|\d+[.)]|[①-⑳])\s*\S{0,12}$")
LABEL = re.compile(rf"^([^.:!?()“”\"]{{1,{LABEL_CHARS}}}?)\s?:\s+(?=\S)")  # "노동 문제: ", "핵심 목표: "
GLUED = re.compile(r"→.*→|등등|(?:\S+\s?:\s.*){3}")  # arrows of steps, "등등", three labels in a row
# A list marker closes a bracket it never opened: "1) ", "a) ", "가) ".
LIST_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}|[A-Za-z]|[가나다라마바사아자차카타파하])\)")
# A sentence that opens on a particle is the tail of one the splitter cut after a quote ("'다니'는 ...").
PARTICLE_START = re.compile(r"^(?:은|는|을|를|의|와|과|에서|으로|라는|이라는)\s")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A label before a colon ("Daenero (Sewell): ", "😺 : "), at the start or after a sentence glued in front.
SPEAKER = re.compile(r"(?:^|(?<=[:.!?]\s))([^:.!?“”\"]{1,30}?)\s?:\s")
# One quote said by someone named, reported as such ("Keller는 "…"고 말했습니다"): a source, not chatter.
ATTRIBUTED = re.compile(r"[\"”]\s*(?:이?라고|고)\s*(?:말|밝|강조|주장|덧붙|설명|경고|지적|평가)")


def clean(text: str) -> str:
    """A sentence without the discourse fillers it opens with ("뭐, ", "아무튼 ", "사실, ")."""
    return FILLER.sub("", text).strip() or text


def unlabel(text: str) -> str:
    """The statement after a list label the splitter glued to it ("쌓여있는 문제점 노동 문제: 고령화와 …")."""
    while True:
        match = LABEL.match(text)
        rest = text[match.end() :] if match else ""
        if not match or len(rest) < MIN_CHARS:
            return text
        text = rest


def stand_alone(text: str) -> str:
    """The verbatim piece of a sentence that reads on its own: labels and leading fillers dropped."""
    return clean(unlabel(clean(text)))


def flags_point(text: str) -> bool:
    """Whether the writer flags a sentence as a point: a cue word, or a term introduced with its gloss."""
    return bool(
        CUE.search(text.lower()) or KOREAN_THEN_ENGLISH.search(text) or ENGLISH_THEN_GLOSS.search(text)
    )


def quote_share(text: str) -> float:
    """The share of a sentence's characters inside double quotes."""
    return sum(len(m.group()) for m in QUOTED.finditer(text)) / max(1, len(text))


def is_chatter(text: str) -> bool:
    """Mostly someone's quoted words (two quotes or more, or over half the text), not flagged as the point."""
    quotes = len(QUOTED.findall(text))
    outside = QUOTED.sub("", text)
    if quotes == 1 and ATTRIBUTED.search(text):
        return False
    return (quotes >= 2 or quote_share(text) > CHATTER) and not CUE.search(outside.lower())


def dialogue_turns(texts: list[str]) -> set[int]:
    """The sentences of a post that are turns of a transcript: two speakers or more, each labelling two
    turns or more. One recurring label alone is a list's field ("핵심 목표: "), not a dialogue."""
    labels = [{re.sub(r"\s", "", m.group(1)) for m in SPEAKER.finditer(text)} for text in texts]
    speakers = {label for label, n in Counter(x for found in labels for x in found).items() if n >= 2}
    return {i for i, found in enumerate(labels) if found & speakers} if len(speakers) >= 2 else set()


def is_glued(text: str) -> bool:
    """List or table debris left in one sentence: arrows of steps, "등등", runs of labels, an open bracket,
    or the tail of an aside the splitter cut in two (a closing bracket that no list marker explains)."""
    closers = text.count(")") - len(LIST_MARKER.findall(text))
    return bool(GLUED.search(text)) or text.count("(") != closers


def is_fragment(sentence: AnalyzedSentence) -> bool:
    """True for what never stands in a summary: too short or long, few terms, questions, debris, chatter."""
    text = stand_alone(sentence.text)
    content = [t for t in sentence.terms if len(t) > 1 or t.isascii()]
    return (
        len(text) < MIN_CHARS
        or len(text) > MAX_CHARS
        or len(set(content)) < MIN_TERMS
        or text.rstrip("\"'”’) ").endswith("?")
        or not SENTENCE_END.search(text)
        or bool(LIST_DEBRIS.match(text))
        or is_glued(text)
        or bool(PARTICLE_START.match(text))
        or is_chatter(text)
    )
