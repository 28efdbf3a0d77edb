"""Citation skills over the real project corpus: cite what the corpus says, decline what it does not."""

from __future__ import annotations

from casework.skills.citations import Citation, cite_text, find_citations, format_citation

AGILE = "애자일(Agile) : 성공하는 프로젝트들의 비결"
TEAM = "조직의 크기가 팀의 성과로 이어지진 않습니다."


def test_near_verbatim_quote_is_cited_with_offsets_into_the_post(library):
    citations = find_citations(library, "애자일의 본질은 자율과 방향성에 있다.")
    assert citations and citations[0].title == AGILE
    best = citations[0]
    post = library.posts[best.post_id]
    assert post.post.text[best.start : best.end] == post.sentences[best.sentence_index].text
    assert "자율과 방향성" in post.post.text[best.start : best.end]


def test_paraphrase_is_cited_to_its_post(library):
    citations = find_citations(
        library, "관리자의 승진은 프로젝트의 성공보다 팀 규모를 얼마나 키웠는지에 좌우되는 경우가 많다."
    )
    assert citations and {c.title for c in citations} == {TEAM}


def test_english_sentence_finds_the_korean_post(library):
    citations = find_citations(
        library, "Keller said every big tech company is in an arms race and all of them are calling Nvidia."
    )
    assert citations and citations[0].title == "짐 켈러, Nvidia는 'AI 시대의 IBM'이 될 것"


def test_unsupported_sentences_are_not_cited(library):
    assert find_citations(library, "데이터센터 전력의 약 40%는 냉각에 쓰인다.") == []
    assert find_citations(library, "The Agile Manifesto is backed by twelve supporting principles.") == []


def test_cite_text_cites_each_sentence(library):
    cited = cite_text(
        library,
        "팀원을 늘리는 것은 그만큼의 복잡성을 추가하는 일이다. "
        "기본소득을 받은 사람들은 대조군보다 창업 비율이 두 배 높았다.",
    )
    assert [len(c.citations) > 0 for c in cited] == [True, False]
    assert cited[0].citations[0].title == TEAM


def test_long_sentences_are_quoted_in_part(library):
    citations = find_citations(library, "팀원을 늘리는 것은 그만큼의 복잡성을 추가하는 일이다.")
    assert citations and len(citations[0].quote) <= 122


def test_format_citation():
    citation = Citation(
        post_id="p",
        title="애자일(Agile) : 우리가 실패하는 이유",
        quote="애자일은 분명 훌륭한 문화이고 환경입니다.",
        sentence_index=11,
        start=0,
        end=10,
        score=0.9,
    )
    assert format_citation(citation, 1) == (
        '[1] 애자일(Agile) : 우리가 실패하는 이유, sentence 12: "애자일은 분명 훌륭한 문화이고 환경입니다."'
    )
