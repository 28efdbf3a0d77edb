"""Exercise 6: let the fact-checker and the citation finder work at the same time.

Both read the summary and neither needs the other's result, so after the summarizer they could each
take a copy of the case and join at the case worker. Make that flow; the report must stay the same
as the relay's, and the trace must show the two overlapping. Compare with
`casework run "summarize the agile posts" --parallel`. Check: casework exercises check 6
"""


def build_flow(flow):
    """The built-in flow, with the two checks of the summary at once."""
    return flow  # TODO
