"""Record a chat model's answers while it routes a case, so the run can be replayed offline.

This is what `casework run TASK --llm case_worker=ollama:llama3 --llm-record answers.jsonl` does with
a real model. Here the model is a scripted stand-in (langchain-core's fake chat model, answering with
a routing plan, then none), so the step runs anywhere without a model; the recording and the replay are the
real ones. Replay it with:

    casework run "summarize: 애자일" --llm case_worker=replay:answers.jsonl

Run: .venv/bin/python examples/record_and_replay.py [answers.jsonl]
"""

import sys
from pathlib import Path

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage

import casework
from casework.llm_replay import RecordingChatModel


class Scripted(FakeMessagesListChatModel):
    """A stand-in for a chat model: it answers with its scripted messages."""

    def bind_tools(self, tools, **kwargs):
        return self


plan = {
    "kind": "summarize",
    "subject": "애자일",
    "agents": ["summarizer", "citation_finder"],
    "reason": "A summary with its sources; the sentences are quoted from the posts, so no fact-check.",
}
done = {"kind": "summarize", "subject": "애자일", "agents": [], "reason": "Nothing is missing."}
answers = [  # the plan, then (asked whether to re-plan once the plan is done) no more agents
    AIMessage(content="", tool_calls=[{"name": "Plan", "args": args, "id": f"plan-{n}"}])
    for n, args in enumerate([plan, done])
]
path = Path(sys.argv[1] if len(sys.argv) > 1 else "answers.jsonl")
model = RecordingChatModel(inner=Scripted(responses=answers), path=path)
report = casework.run("summarize: 애자일", llm={"case_worker": model})

if __name__ == "__main__":
    print(" → ".join(report.route))
    print(f"recorded {len(path.read_text(encoding='utf-8').splitlines())} answer(s) in {path}")
