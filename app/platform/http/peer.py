"""HTTP to a fixed peer over kept-alive connections: Kassa asking the sandbox provider, and the provider calling
Kassa back. One pooled session per process, shared by its threads (urllib3's pool is thread-safe).

requests, left to itself, reads the environment on every call: the proxy variables (scanning all of
``os.environ`` twice), the CA bundle variables and ``~/.netrc``. For a peer that is the same address all day that
was a fifth of a millisecond of CPU per call, so a `PeerSession` reads the proxy and CA settings once per peer
(scheme and host) and never reads netrc: a provider is authenticated by its key, not by a file in $HOME. Changing
HTTPS_PROXY or REQUESTS_CA_BUNDLE therefore needs a restart, like the rest of the configuration.
"""

from __future__ import annotations

import functools
import os
from http.client import RemoteDisconnected
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NewConnectionError, ProtocolError


class PeerSession(requests.Session):
    """A ``requests.Session`` whose environment settings are read once per peer instead of on every call."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False  # the per-call reading; `request` passes what the environment said instead

    def request(self, method: str, url: str, **kwargs) -> requests.Response:  # type: ignore[override]
        parts = urlsplit(url)
        proxies, ca_bundle = environment_for(parts.scheme, parts.netloc)
        if kwargs.get("proxies") is None:
            kwargs["proxies"] = proxies
        if kwargs.get("verify") is None:
            kwargs["verify"] = ca_bundle
        return super().request(method, url, **kwargs)


@functools.lru_cache(maxsize=64)
def environment_for(scheme: str, netloc: str) -> tuple[dict[str, str], str | bool]:
    """What requests would take from the environment for this peer: its proxies (NO_PROXY applied) and the CA
    bundle to verify TLS with (True: the default one)."""
    proxies = requests.utils.get_environ_proxies(f"{scheme}://{netloc}/")
    ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    return dict(proxies), ca_bundle


def connection_dropped(error: requests.RequestException) -> bool:
    """True when the connection closed before any answer came (reset, or closed without a response), as a
    kept-alive connection does when the peer closes it just as it is reused; not a timeout, which a second try
    would only repeat."""
    if not isinstance(error, requests.ConnectionError) or isinstance(error, requests.Timeout):
        return False
    reason = error.args[0] if error.args else None
    cause = reason.args[1] if isinstance(reason, ProtocolError) and len(reason.args) > 1 else None
    return isinstance(cause, (ConnectionResetError, BrokenPipeError, RemoteDisconnected))


def never_connected(error: requests.RequestException) -> bool:
    """True when the request cannot have reached the peer (no connection was made)."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(error, requests.ConnectionError) and isinstance(reason, NewConnectionError)
