"""A tiny HTTP server standing in front of the sandbox provider to make it misbehave on purpose.

``behaviour`` decides each answer: "error" answers 500 without forwarding; "slow" forwards to the real
sandbox (so the payment IS created) and then answers too late; "black_hole" sleeps without forwarding
(the payment is never created); "garbled" forwards (the provider acts) and answers 200 with an HTML page, as a
proxy in between might; "misshapen" forwards and answers 200 with JSON that is not what was asked for (a service
other than the provider at its address); "not_an_object" forwards and answers 200 with a JSON list where an
object was due; "misdirected" forwards, but a look-up by ``?reference=`` asks for
``misdirect_to`` instead (a search that ignored or widened its filter answers with someone else's object);
"forward" is a transparent proxy.
"""

from __future__ import annotations

import time

import requests
from werkzeug.wrappers import Request, Response

from tests.conftest import ServerThread, free_port


class FaultyProvider:
    def __init__(self, sandbox_url: str, behaviour: str = "error", delay: float = 1.0, misdirect_to: str = "") -> None:
        self.sandbox_url, self.behaviour, self.delay = sandbox_url, behaviour, delay
        self.misdirect_to = misdirect_to
        self.calls: list[tuple[str, str]] = []
        self.server = ServerThread(self._wsgi, free_port())
        self.url = self.server.url

    def _forward(self, request: Request) -> Response:
        path = request.full_path.rstrip("?")
        if self.behaviour == "misdirected" and "reference" in request.args:
            path = f"{request.path}?reference={self.misdirect_to}"
        answer = requests.request(
            request.method,
            f"{self.sandbox_url}{path}",
            data=request.get_data(),
            timeout=10,
            headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
        )
        return Response(answer.content, status=answer.status_code, content_type="application/json")

    @Request.application
    def _wsgi(self, request: Request) -> Response:
        self.calls.append((request.method, request.path))
        if self.behaviour == "error":
            return Response('{"error": "boom"}', status=500, content_type="application/json")
        if self.behaviour == "black_hole":
            time.sleep(self.delay)
            return Response("{}", status=504, content_type="application/json")
        response = self._forward(request)
        if self.behaviour == "garbled":
            return Response("<html><body>upstream hiccup</body></html>", status=200, content_type="text/html")
        if self.behaviour == "not_an_object":
            return Response('["ok"]', status=200, content_type="application/json")
        if self.behaviour == "misshapen":
            return Response('{"status": "ok"}', status=200, content_type="application/json")
        if self.behaviour == "slow":
            time.sleep(self.delay)
        return response

    def __enter__(self) -> "FaultyProvider":
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()
