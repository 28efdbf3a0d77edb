"""Record a chat model's answers to a JSONL file and replay them later, deterministically and offline.

`RecordingChatModel` wraps any chat model and appends one line per call: the prompt's key (a hash
of its messages), the messages and the answer. `ReplayChatModel` answers each prompt with what was
recorded for that key, in order (the last answer again once they run out), and raises
`ReplayMiss` for a prompt it never saw, so a changed prompt shows up instead of a wrong answer.
Not handled: streaming, and prompts that differ only in bound tools (the key is the messages).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage, message_to_dict, messages_from_dict, messages_to_dict
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field


class ReplayMiss(LookupError):
    """The replayed prompt was never recorded."""


def prompt_key(messages: list[BaseMessage]) -> str:
    """A stable key of a prompt: a hash of its messages' kinds and texts."""
    text = json.dumps([[m.type, m.content] for m in messages], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class RecordingChatModel(BaseChatModel):
    """A chat model that passes every call to `inner` and appends the prompt and the answer to `path`."""

    inner: Any = Field(description="The model (or a tool-bound model) that really answers.")
    path: Path

    def bind_tools(self, tools, **kwargs) -> RecordingChatModel:
        return RecordingChatModel(inner=self.inner.bind_tools(tools, **kwargs), path=self.path)

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        answer = self.inner.invoke(messages, stop=stop, **kwargs)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = {
            "key": prompt_key(messages),
            "messages": messages_to_dict(messages),
            "answer": message_to_dict(answer),
        }
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return ChatResult(generations=[ChatGeneration(message=answer)])

    @property
    def _llm_type(self) -> str:
        return "casework-recording"


class ReplayChatModel(BaseChatModel):
    """A chat model that answers from a recording, never from a network."""

    answers: dict[str, list[dict]] = Field(
        default_factory=dict, description="Prompt key -> recorded answers."
    )
    used: dict[str, int] = Field(default_factory=lambda: defaultdict(int))

    @classmethod
    def from_file(cls, path: Path) -> ReplayChatModel:
        if not path.is_file():
            raise FileNotFoundError(f"no recording at {path}")
        answers: dict[str, list[dict]] = defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                answers[record["key"]].append(record["answer"])
        return cls(answers=dict(answers))

    def bind_tools(self, tools, **kwargs) -> ReplayChatModel:
        return self  # the recorded answers already carry their tool calls

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        key = prompt_key(messages)
        if key not in self.answers:
            raise ReplayMiss(f"no recorded answer for this prompt (key {key})")
        recorded = self.answers[key]
        answer = recorded[min(self.used[key], len(recorded) - 1)]
        self.used[key] += 1
        return ChatResult(generations=[ChatGeneration(message=messages_from_dict([answer])[0])])

    @property
    def _llm_type(self) -> str:
        return "casework-replay"
