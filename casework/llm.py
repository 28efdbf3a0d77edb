"""Which chat model thinks for which agent: the `--llm` / CASEWORK_LLM spec, resolved with `init_chat_model`.

The spec is a comma-separated list. An entry without `=` is the model of every agent; `agent=spec`
sets (or overrides) one agent's model; `offline` means no model (the offline skills):

    ollama:llama3                              every agent thinks with llama3
    case_worker=ollama:llama3                  an LLM case worker, offline specialists
    openai:gpt-4o-mini,fact_checker=offline    LLM everywhere but the fact-checker
    replay:runs.jsonl                          replay recorded answers (see casework/llm_replay.py)

Models are built once per run; an unknown agent, provider or missing package fails here, at build
time, with a message that says what to fix and never shows a key.
Not handled: per-agent model options (temperature, base URL); set them in the provider's env vars.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casework.engine.errors import UserError
from casework.skills.llm import redact

OFFLINE = "offline"
EXTRAS = {"ollama": "ollama", "openai": "openai", "anthropic": "anthropic"}  # provider -> casework extra


def parse_spec(spec: str | None, agents: list[str]) -> dict[str, str]:
    """Agent name -> provider:model, from a spec; agents left offline are absent."""
    if not spec or not spec.strip():
        return {}
    default, chosen = None, {}
    for entry in (part.strip() for part in spec.split(",")):
        if not entry:
            continue
        name, sep, model = entry.partition("=")
        if not sep:
            default = entry
            continue
        name, model = name.strip(), model.strip()
        if name not in agents:
            raise UserError(
                f"--llm names agent {name!r}, which is not in the flow (agents: {', '.join(agents)})"
            )
        chosen[name] = model
    if default:
        chosen = {name: default for name in agents} | chosen
    for name, model in chosen.items():
        if model != OFFLINE and ":" not in model:
            raise UserError(f"--llm {name}={model!r}: write provider:model, e.g. ollama:llama3, or 'offline'")
    return {name: model for name, model in chosen.items() if model != OFFLINE}


def load_model(spec: str, make: Callable[..., Any] | None = None):
    """One chat model from provider:model (`replay:PATH` replays a recording)."""
    provider, _, name = spec.partition(":")
    if make is None:
        from langchain_classic.chat_models import init_chat_model as make
    try:
        if provider == "replay":
            from casework.llm_replay import ReplayChatModel

            return ReplayChatModel.from_file(Path(name))
        with (
            warnings.catch_warnings()
        ):  # langchain-classic's entry point warns that it moved; it works the same
            warnings.simplefilter("ignore", DeprecationWarning)
            return make(spec)
    except ImportError as error:
        extra = EXTRAS.get(provider)
        hint = f" (pip install 'casework[{extra}]')" if extra else ""
        raise UserError(f"cannot load the chat model {spec!r}: {redact(str(error))}{hint}") from None
    except Exception as error:  # an unknown provider, a missing key: the user's to fix
        raise UserError(
            f"cannot load the chat model {spec!r}: {redact(str(error)).splitlines()[0]}"
        ) from None


def resolve_models(
    spec: str | None, agents: list[str], record: Path | None = None, make: Callable[..., Any] | None = None
) -> dict[str, Any]:
    """Agent name -> chat model for a run; with `record`, every answer is appended to that JSONL file."""
    specs = parse_spec(spec, agents)
    cache: dict[str, Any] = {}  # agents naming the same model share one client
    for model_spec in specs.values():
        if model_spec not in cache:
            cache[model_spec] = load_model(model_spec, make)
    models = {name: cache[model_spec] for name, model_spec in specs.items()}
    if record is not None:
        from casework.llm_replay import RecordingChatModel

        models = {name: RecordingChatModel(inner=model, path=record) for name, model in models.items()}
    return models
