"""HTTP to a fixed peer over kept-alive connections: Kassa asking the sandbox provider. One pool per peer and
process, shared by its threads (urllib3's pools are thread-safe).

Straight on urllib3, not through requests: requests' session, adapter and response layers cost about 0.8 ms of CPU
per call on top of urllib3's on the 2-core machine (bench/README.md), one call in every shopper's Pay. What a call to a
peer needs of them is here: the environment's proxy (NO_PROXY applied) and CA bundle, read once per peer (scheme and
host), so changing HTTPS_PROXY or REQUESTS_CA_BUNDLE needs a restart like the rest of the configuration; a JSON body;
an answer read whole, its connection back in the pool. No redirect is followed and ``~/.netrc`` is never read: a
provider is authenticated by its key.
"""

from __future__ import annotations

import functools
import json as jsonlib
import os
import threading
import urllib.request
from http.client import RemoteDisconnected
from typing import Any, Mapping
from urllib.parse import urlsplit

import certifi
import urllib3
from urllib3.exceptions import ConnectTimeoutError, HTTPError, ProtocolError

_POOL_SIZE = 32  # connections kept per peer: more than a web process's threads, so none is opened per call


class PeerError(Exception):
    """The call got no answer; ``reason`` is urllib3's error (refused, reset, timed out…), ``kind`` its name."""

    def __init__(self, reason: HTTPError) -> None:
        self.reason = reason
        self.kind = reason.__class__.__name__
        super().__init__(f"{self.kind}: {reason}")


class PeerResponse:
    """A peer's answer, read whole."""

    def __init__(self, status_code: int, content: bytes, headers: Mapping[str, str]) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        """The body as JSON; ValueError when it is not."""
        return jsonlib.loads(self.content)


class PeerSession:
    """Calls to peers, each over a pool of kept-alive connections made on its first call."""

    def __init__(self) -> None:
        self._pools: dict[tuple[str, str], urllib3.PoolManager] = {}
        self._lock = threading.Lock()

    def request(
        self,
        method: str,
        url: str,
        *,
        json: Any = None,
        timeout: float,
        headers: Mapping[str, str] | None = None,
    ) -> PeerResponse:
        """Send one request (a JSON body when ``json`` is given) and read its answer; PeerError if none came."""
        parts = urlsplit(url)
        pool = self._pools.get((parts.scheme, parts.netloc)) or self._pool(parts.scheme, parts.netloc)
        sent_headers = dict(headers or {})
        body = None
        if json is not None:
            body = jsonlib.dumps(json, allow_nan=False).encode()
            sent_headers["Content-Type"] = "application/json"
        try:
            answer = pool.request(
                method, url, body=body, headers=sent_headers, timeout=timeout, retries=False, redirect=False
            )
        except HTTPError as exc:
            raise PeerError(exc) from exc
        return PeerResponse(answer.status, answer.data, answer.headers)

    def get(self, url: str, **kwargs: Any) -> PeerResponse:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> PeerResponse:
        return self.request("POST", url, **kwargs)

    def _pool(self, scheme: str, netloc: str) -> urllib3.PoolManager:
        with self._lock:
            pool = self._pools.get((scheme, netloc))
            if pool is None:
                proxy, ca_bundle = environment_for(scheme, netloc)
                settings = {"maxsize": _POOL_SIZE, "ca_certs": ca_bundle}
                pool = urllib3.ProxyManager(proxy, **settings) if proxy else urllib3.PoolManager(**settings)
                self._pools[(scheme, netloc)] = pool
            return pool


@functools.lru_cache(maxsize=64)
def environment_for(scheme: str, netloc: str) -> tuple[str | None, str]:
    """What the environment says for this peer: the proxy to go through (None: straight; NO_PROXY applied) and the
    CA bundle to verify TLS with (REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, else certifi's, as requests would)."""
    proxies = urllib.request.getproxies_environment()
    bypass = urllib.request.proxy_bypass_environment(netloc.rsplit("@", 1)[-1], proxies)  # host[:port]
    proxy = None if bypass else proxies.get(scheme) or proxies.get("all")
    ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or certifi.where()
    return proxy, ca_bundle


def connection_dropped(error: PeerError) -> bool:
    """True when the connection closed before any answer came (reset, or closed without a response), as a
    kept-alive connection does when the peer closes it just as it is reused; not a timeout, which a second try
    would only repeat."""
    reason = error.reason
    cause = reason.args[1] if isinstance(reason, ProtocolError) and len(reason.args) > 1 else None
    return isinstance(cause, (ConnectionResetError, BrokenPipeError, RemoteDisconnected))


def never_connected(error: PeerError) -> bool:
    """True when the request cannot have reached the peer (no connection was made, or none in time)."""
    return isinstance(error.reason, ConnectTimeoutError)  # urllib3's NewConnectionError (refused) is one too
