"""Secrets kept out of messages: passwords in URLs and DSNs, and bearer tokens sent in the clear.

`redact` hides the password of a URL (`scheme://user:pw@host`, also with an empty user name), of a
query string (`?password=pw`) and of a libpq keyword DSN (`host=h password=pw`, quoted or not), so
any connection string can go into an error message. `plain_token_warning` says when a bearer token
would travel over unencrypted http:// to another machine (loopback never leaves it).
Not handled: secrets under other key names (token=, apikey=) or inside free text.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlparse

USERINFO = re.compile(r"(://[^:/@\s]*):[^@/\s]*@")
PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s;]*)", re.IGNORECASE)


def redact(text: str) -> str:
    """The text with every URL, query-string or DSN password replaced by ***."""
    return PASSWORD.sub(r"\1***", USERINFO.sub(r"\1:***@", text))


def loopback(host: str | None) -> bool:
    if host in (None, "", "localhost"):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def plain_token_warning(url: str, token: str | None) -> str | None:
    """A one-line warning when a token would go unencrypted to another machine, else None."""
    parsed = urlparse(url)
    if not token or parsed.scheme != "http" or loopback(parsed.hostname):
        return None
    return (
        f"the Chroma token goes to {redact(url)} over plain http://, unencrypted "
        "(use https:// for a server on another machine)"
    )
