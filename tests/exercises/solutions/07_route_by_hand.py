"""A solution to exercise 7: approve the summarizer, send the case past the fact-checker, approve the rest."""

ANSWERS = ["approve", "send citation_finder", "approve", "approve"]
