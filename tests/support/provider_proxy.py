"""A loopback TCP proxy in front of the sandbox provider that can hold, delay or cut a call.

Kassa's channel adapters open one connection per provider call, so each connection carries one HTTP
request. The proxy reads it whole, picks the first rule whose ``match`` is in the request line
(``"POST /sandbox/api/payments "``), and then:

- no rule: forwards it and passes the answer back;
- ``hold(match, forward=True)``: forwards it (the provider acts) and keeps the answer until the test
  calls ``release()`` or ``cut()``: the moment to crash Kassa "mid-call";
- ``hold(match, forward=False)``: keeps the request itself, the provider has seen nothing yet;
- ``cut(match)``: forwards it, then closes Kassa's connection without the answer (the provider
  stopped mid-call: it acted, Kassa never hears);
- ``delay(match, seconds)``: forwards it and answers late.

Each rule applies once unless ``times`` says otherwise.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field

from tests.conftest import free_port

_RECV = 65536


@dataclass
class Rule:
    match: str
    action: str  # "hold", "cut" or "delay"
    forward: bool = True
    seconds: float = 0.0
    times: int = 1
    arrived: threading.Event = field(default_factory=threading.Event)
    _decided: threading.Event = field(default_factory=threading.Event)
    _verdict: str = "release"

    def wait_arrived(self, timeout: float = 30.0) -> "Rule":
        """Block until a matching call reached the proxy (and, if forwarding, the provider answered)."""
        if not self.arrived.wait(timeout):
            raise AssertionError(f"no call matching {self.match!r} reached the provider proxy in {timeout}s")
        return self

    def release(self) -> None:
        """Let the held call go on: forward it, or deliver the held answer."""
        self._verdict = "release"
        self._decided.set()

    def cut(self) -> None:
        """Drop the held call: Kassa's connection closes without an answer."""
        self._verdict = "cut"
        self._decided.set()


def _read_message(sock: socket.socket, *, request: bool) -> bytes:
    """One HTTP/1.1 message: headers, then Content-Length bytes of body; without that header a request
    has no body and an answer runs to the close."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(_RECV)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0 if request else None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while length is None or len(body) < length:
        chunk = sock.recv(_RECV)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class ProviderProxy:
    """Listens on a free loopback port and forwards to ``upstream_port`` under the test's rules."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._rules: list[Rule] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(0.2)
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="provider-proxy")
        self._thread.start()

    def hold(self, match: str, *, forward: bool = True, times: int = 1) -> Rule:
        return self._add(Rule(match, "hold", forward=forward, times=times))

    def cut(self, match: str, *, times: int = 1) -> Rule:
        return self._add(Rule(match, "cut", times=times))

    def delay(self, match: str, seconds: float, *, times: int = 1) -> Rule:
        return self._add(Rule(match, "delay", seconds=seconds, times=times))

    def clear(self) -> None:
        """Forget every rule and let held calls go on."""
        with self._lock:
            rules, self._rules = self._rules, []
        for rule in rules:
            rule.release()

    def close(self) -> None:
        self.clear()
        self._closing.set()
        self._thread.join(5)
        self._listener.close()

    def _add(self, rule: Rule) -> Rule:
        with self._lock:
            self._rules.append(rule)
        return rule

    def _take_rule(self, request_line: str) -> Rule | None:
        with self._lock:
            for rule in self._rules:
                if rule.match in request_line and rule.times > 0:
                    rule.times -= 1
                    return rule
        return None

    def _serve(self) -> None:
        while not self._closing.is_set():
            try:
                client, _ = self._listener.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _upstream(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
            upstream.sendall(request)
            return _read_message(upstream, request=False)

    def _handle(self, client: socket.socket) -> None:
        with client:
            client.settimeout(60)
            try:
                request = _read_message(client, request=True)
                if not request:
                    return
                rule = self._take_rule(request.split(b"\r\n", 1)[0].decode("latin-1"))
                answer = self._apply(rule, request)
                if answer:
                    client.sendall(answer)
            except OSError:
                pass  # Kassa's side went away (e.g. the web process was killed mid-call)

    def _apply(self, rule: Rule | None, request: bytes) -> bytes | None:
        if rule is None:
            return self._upstream(request)
        if rule.action == "hold" and not rule.forward:
            rule.arrived.set()
            rule._decided.wait(60)
            return self._upstream(request) if rule._verdict == "release" else None
        answer = self._upstream(request)
        rule.arrived.set()
        if rule.action == "cut":
            return None
        if rule.action == "delay":
            rule._decided.wait(rule.seconds)
            return answer
        rule._decided.wait(60)
        return answer if rule._verdict == "release" else None
