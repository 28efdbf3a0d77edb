"""A solution to exercise 1: an agent after the summarizer that counts the summary's Korean sentences."""

from casework.orchestrator import Agent


def korean_share(sentences: list[str]) -> float:
    """The share of sentences written mostly in Hangul."""
    korean = [s for s in sentences if sum("가" <= c <= "힣" for c in s) > len(s) / 3]
    return round(len(korean) / len(sentences), 2) if sentences else 0.0


def count_korean(state, tools):
    share = tools.use(korean_share, [s.text for s in state.summary])
    return tools.pass_on(f"{share:.0%} of the summary is in Korean.", {"extras": {"korean_share": share}})


def build_flow(flow):
    return flow.add(
        Agent(name="language_counter", skills=[korean_share], act=count_korean), after="summarizer"
    )
