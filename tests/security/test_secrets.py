"""Passwords and tokens stay out of messages (issue 15, item 8).

Before: the Chroma URL was printed with its password; the checkpoint URL's redaction missed
`?password=`, an empty user name and a `host=... password=...` DSN; a bearer token went over plain
http:// to another machine without a word.
"""

from __future__ import annotations

import warnings

import pytest
from typer.testing import CliRunner

from casework.cli import app
from casework.config import Settings
from casework.engine.store import StoreError, open_client
from casework.runs import is_postgres

runner = CliRunner()
SECRET = "hunter2-secret"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://user:{SECRET}@127.0.0.1:1/db",
        f"postgresql://:{SECRET}@127.0.0.1:1/db",
        f"postgresql://user@127.0.0.1:1/db?password={SECRET}&sslmode=disable",
        f"host=127.0.0.1 port=1 password={SECRET} dbname=db",
        f"host=127.0.0.1 password='{SECRET} x' dbname=db",
        f"mysql://root:{SECRET}@127.0.0.1/db",
    ],
)
def test_a_checkpoint_url_never_shows_its_password(tmp_path, url):
    result = runner.invoke(app, ["runs", "list", "--home", str(tmp_path), "--checkpoint-url", url])
    assert result.exit_code == 1 and result.stderr.startswith("error: "), result.output
    assert SECRET not in result.output and "hunter2" not in result.output


@pytest.mark.parametrize("url", [f"http://admin:{SECRET}@127.0.0.1:9", f"http://:{SECRET}@127.0.0.1:9/?x=1"])
def test_a_chroma_url_never_shows_its_password(tmp_path, url):
    result = runner.invoke(app, ["search", "애자일", "--home", str(tmp_path), "--chroma-url", url])
    assert result.exit_code == 1, result.output
    assert SECRET not in result.output and "127.0.0.1" in result.stderr


def test_a_token_over_plain_http_to_another_machine_is_warned_about():
    with pytest.warns(UserWarning, match="plain http"), pytest.raises(StoreError):
        open_client(url="http://casework-test.invalid:8000", token="tok-123")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # loopback, or https: no warning
        with pytest.raises(StoreError):
            open_client(url="http://127.0.0.1:9", token="tok-123")
    assert is_postgres(Settings(checkpoint_url="postgresql://x@h/db"))
