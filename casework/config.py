"""Settings: where the corpus and the store live, and which engines think and embed.

Every field can come from the command line, from a CASEWORK_* environment variable, or be
left at its default (the offline engine over the project's own corpus).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

HERE = Path(__file__).resolve().parent
# The default corpus: the wheel carries the clean posts as casework/corpus/posts; a checkout has corpus/posts.
PROJECT_CORPUS = next(
    (folder for folder in (HERE / "corpus" / "posts", HERE.parent / "corpus" / "posts") if folder.is_dir()),
    HERE.parent / "corpus" / "posts",
)


class Settings(BaseSettings):
    """Configuration of one casework workspace."""

    model_config = SettingsConfigDict(env_prefix="CASEWORK_", extra="ignore")

    home: Path = Field(
        default_factory=lambda: Path.home() / ".casework",
        description="Folder for stores, caches and run history.",
    )
    corpus: Path = Field(default=PROJECT_CORPUS, description="Folder of .md/.txt posts.")
    chroma_url: str | None = Field(
        default=None, description="Chroma server, e.g. http://127.0.0.1:8000; local store when unset."
    )
    chroma_token: str | None = Field(default=None, description="Bearer token for the Chroma server.")
    embeddings: str = Field(
        default="use",
        description="'use' (the multilingual sentence encoder, default), 'hashed' or provider:model.",
    )
    llm: str | None = Field(
        default=None, description="provider:model of a LangChain chat model; offline when unset."
    )
    checkpoint_url: str | None = Field(
        default=None,
        description="postgresql:// database for run checkpoints "
        "(the postgres extra); <home>/runs.sqlite when unset.",
    )

    @property
    def corpus_key(self) -> str:
        """A short name for this corpus folder: its name plus a hash of its full path."""
        path = self.corpus.resolve()
        slug = re.sub(r"[^A-Za-z0-9]+", "-", path.name).strip("-")[:24] or "corpus"
        return f"{slug}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"

    @property
    def store_dir(self) -> Path:
        """Where this corpus's local Chroma store and analysis cache live."""
        return self.home / "stores" / self.corpus_key


def ensure_home(settings: Settings) -> Path:
    """The home folder, created private (0700) when missing: runs and traces hold users' tasks."""
    settings.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    return settings.home
