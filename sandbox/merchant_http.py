"""HTTP from the provider to merchants (its callbacks): one pooled session per process over kept-alive connections,
as a real provider's are; a connection and a session per callback cost both sides more CPU than the callback.

requests, left to itself, reads the proxy variables, the CA bundle variables and ``~/.netrc`` on every call. Here the
proxy and CA settings are read once per merchant address (changing them needs a restart, like the rest of the
configuration) and netrc never: a merchant knows a callback by its signature, not by credentials from a file.
"""

from __future__ import annotations

import functools
import os
from http.client import RemoteDisconnected
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ProtocolError

_session = requests.Session()
_session.trust_env = False  # the per-call reading; `post` passes what the environment said instead


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> requests.Response:
    """POST ``body`` once, following no redirect; the answer's body is read and its connection back in the pool."""
    parts = urlsplit(url)
    proxies, ca_bundle = environment_for(parts.scheme, parts.netloc)
    response = _session.post(
        url, data=body, headers=headers, timeout=timeout, allow_redirects=False, proxies=proxies, verify=ca_bundle
    )
    response.close()
    return response


@functools.lru_cache(maxsize=64)
def environment_for(scheme: str, netloc: str) -> tuple[dict[str, str], str | bool]:
    """The proxies (NO_PROXY applied) and the CA bundle (True: the default one) the environment names for a merchant."""
    ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    return dict(requests.utils.get_environ_proxies(f"{scheme}://{netloc}/")), ca_bundle


def connection_dropped(error: requests.RequestException) -> bool:
    """True when the connection ended before any answer came (reset, or closed unanswered), as a kept-alive one does
    when the merchant closes it just as it is reused; never a timeout, which a second try would only repeat."""
    if isinstance(error, requests.Timeout) or not isinstance(error, requests.ConnectionError) or not error.args:
        return False
    aborted = error.args[0]  # urllib3's ProtocolError("Connection aborted.", <the socket's error>)
    return isinstance(aborted, ProtocolError) and any(
        isinstance(cause, (ConnectionResetError, BrokenPipeError, RemoteDisconnected)) for cause in aborted.args[1:]
    )
