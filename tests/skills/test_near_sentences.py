"""Near sentences: the encoder's route from a statement to corpus sentences its terms do not reach."""

from __future__ import annotations

import sqlite3

from casework.skills.near_sentences import near_sentences, sentence_matrix


def test_an_english_statement_reaches_the_korean_sentence_that_states_it(library):
    statement = "Meta runs a new standalone experience for people with creative hobbies."
    hits = near_sentences(library, statement, 3)
    assert any("imagine with Meta AI" in h.sentence for h in hits)
    first = hits[0]
    assert library.posts[first.post_id].sentences[first.sentence_index].text == first.sentence
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_sentence_vectors_are_kept_in_the_homes_vector_file(library, settings):
    places, matrix = sentence_matrix(library)
    assert len(places) == matrix.shape[0] > 1000
    assert sentence_matrix(library)[1] is matrix  # one matrix a process
    (vector_file,) = (settings.home / "vectors").glob("*.sqlite")
    with sqlite3.connect(vector_file) as db:
        (kept,) = db.execute("select count(*) from vectors").fetchone()
    assert kept >= len({library.posts[p].sentences[i].text for p, i in places})
