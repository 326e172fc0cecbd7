"""A merchant's webhook receiver over real HTTP: it checks the Kassa-Signature of every
request with the endpoint's secret (as a merchant's server must), refuses bad ones, and can be
told to answer 500 to its first N deliveries."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field

from tests.conftest import ServerThread, free_port

TOLERANCE_SECONDS = 300


def signatures(header: str | None) -> tuple[int, list[str]] | None:
    """The timestamp and every ``v1`` of a ``Kassa-Signature`` header (two while a rolled secret overlaps)."""
    try:
        parts = [tuple(item.split("=", 1)) for item in (header or "").split(",")]
        [timestamp] = [int(value) for name, value in parts if name == "t"]
    except ValueError:
        return None
    return timestamp, [value for name, value in parts if name == "v1"]


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """Written from the contract (shared/API.md, and Stripe's rule that any one ``v1`` may match), not from
    Kassa's code, so a signing bug fails here."""
    parsed = signatures(header)
    if parsed is None:
        return False
    timestamp, candidates = parsed
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return abs(time.time() - timestamp) <= TOLERANCE_SECONDS and any(
        hmac.compare_digest(expected, candidate) for candidate in candidates
    )


@dataclass
class Hook:
    """One receiving URL (path) with the secret it verifies against."""

    secret: str | None = None
    fail_first: int = 0
    accepted: list[dict] = field(default_factory=list)  # verified and answered 2xx
    failed: list[dict] = field(default_factory=list)  # verified and answered 500 on purpose
    rejected: list[bytes] = field(default_factory=list)  # bad signature or content type
    hosts: list[str] = field(default_factory=list)  # the Host header of every request that reached the hook
    request_ids: list[str] = field(default_factory=list)  # the Kassa-Request-Id header of each request
    # Every request as it came: raw body and Kassa-Signature header (what a merchant's verifier is given).
    raw: list[tuple[bytes, str]] = field(default_factory=list)


class Receiver:
    def __init__(self) -> None:
        self.hooks: dict[str, Hook] = {}
        self._lock = threading.Lock()
        self.server = ServerThread(self._wsgi, free_port())
        self.url = self.server.url

    def hook(self, path: str, *, fail_first: int = 0) -> Hook:
        """Register ``path``; set its ``secret`` once the endpoint has been created."""
        self.hooks[path] = Hook(fail_first=fail_first)
        return self.hooks[path]

    def _wsgi(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        hook = self.hooks.get(environ["PATH_INFO"])
        with self._lock:
            if hook is not None:
                hook.hosts.append(environ.get("HTTP_HOST", ""))
                hook.request_ids.append(environ.get("HTTP_KASSA_REQUEST_ID", ""))
                hook.raw.append((body, environ.get("HTTP_KASSA_SIGNATURE", "")))
            if hook is None:
                status = "404 Not Found"
            elif environ.get("CONTENT_TYPE") != "application/json" or not verify(
                hook.secret or "", body, environ.get("HTTP_KASSA_SIGNATURE")
            ):
                hook.rejected.append(body)
                status = "400 Bad Request"
            elif hook.fail_first > 0:
                hook.fail_first -= 1
                hook.failed.append(json.loads(body))
                status = "500 Internal Server Error"
            else:
                hook.accepted.append(json.loads(body))
                status = "200 OK"
        start_response(status, [("Content-Type", "text/plain")])
        return [f"receiver says {status}".encode()]
