"""Scripted fake chat models for the LLM tests (langchain-core's fakes, made to keep their prompts)."""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel


class Scripted(FakeMessagesListChatModel):
    """A fake chat model: answers with its scripted messages (cycling), keeps the prompts it saw."""

    prompts: list = []

    def bind_tools(self, tools, **kwargs):
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.prompts.append(messages)
        return super()._generate(messages, stop, run_manager, **kwargs)
