"""Stripe's saving of cards on loopback, for what localstripe 1.15 does not model.

localstripe refuses ``setup_future_usage`` on a PaymentIntent ("Unexpected setup_future_usage") and never attaches
the card of a succeeded PaymentIntent or SetupIntent to its Customer, which Stripe does
(https://docs.stripe.com/api/payment_intents/create#create_payment_intent-setup_future_usage,
https://docs.stripe.com/api/setup_intents/object#setup_intent_object-payment_method). A test points Kassa's
STRIPE_API_BASE and STRIPE_JS_URL here; this server passes every request on to localstripe (so localstripe's
Stripe.js, served through it, confirms SetupIntents and authentications here too), with two differences:

- ``setup_future_usage`` is kept here, not sent, and shown on the PaymentIntent in every answer about it;
- once such a PaymentIntent, or a SetupIntent, is seen ``succeeded``, its PaymentMethod is attached to its Customer
  at localstripe (``POST /v1/payment_methods/{id}/attach``), as Stripe does when the intent succeeds.

It also counts the off-session PaymentIntents Kassa created, for the tests' "one charge per period".
"""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlencode

import requests

from tests.support.localstripe import SECRET_KEY
from tests.support.loopback import LoopbackServer

_INTENT = re.compile(r"^/v1/(payment_intents|setup_intents)(/[a-z]+_\w+)?")
_PASSED_HEADERS = ("authorization", "content-type", "idempotency-key", "stripe-version", "origin")
_KEPT_ANSWER_HEADERS = (
    "content-type",
    "access-control-allow-origin",
    "access-control-allow-headers",
    "access-control-allow-methods",
    "access-control-allow-credentials",
)


class StripeBilling(LoopbackServer):
    """The card-saving half of a Stripe account on loopback, in front of localstripe."""

    def __init__(self, localstripe_url: str) -> None:
        self.localstripe_url = localstripe_url
        self.saving: dict[str, str] = {}  # PaymentIntent id → its setup_future_usage
        self.off_session_creates: list[dict] = []  # each off-session PaymentIntent create, as parsed form fields
        self.attached: set[str] = set()  # intents whose card was attached once (a card detached since stays so)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                status, raw, headers = owner._forward(
                    self.command, self.path, dict(self.headers), self.rfile.read(length)
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = do_OPTIONS = _answer

            def log_message(self, *args) -> None:
                pass

        self.serve(Handler)

    def _forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, bytes, dict]:
        saving = None
        is_form = "x-www-form-urlencoded" in (headers.get("Content-Type") or headers.get("content-type") or "")
        if method == "POST" and path.split("?")[0] == "/v1/payment_intents" and is_form:
            fields = parse_qsl(body.decode(), keep_blank_values=True)
            saving = dict(fields).get("setup_future_usage")
            if dict(fields).get("off_session") == "true":
                self.off_session_creates.append(dict(fields))
            body = urlencode([(k, v) for k, v in fields if k != "setup_future_usage"]).encode()
        sent = {name: value for name, value in headers.items() if name.lower() in _PASSED_HEADERS}
        answer = requests.request(method, f"{self.localstripe_url}{path}", headers=sent, data=body, timeout=10)
        kept = {name: value for name, value in answer.headers.items() if name.lower() in _KEPT_ANSWER_HEADERS}
        raw = answer.content
        if answer.status_code == 200 and _INTENT.match(path.split("?")[0]):
            intent = answer.json()
            if intent.get("object") == "payment_intent" and saving:
                self.saving[intent["id"]] = saving
            raw = json.dumps(self._as_stripe_keeps_it(intent)).encode()
        return answer.status_code, raw, kept

    def _as_stripe_keeps_it(self, intent: dict) -> dict:
        if intent.get("object") == "payment_intent":
            intent["setup_future_usage"] = self.saving.get(intent.get("id"))
            saves = intent["setup_future_usage"] is not None
        else:
            saves = intent.get("object") == "setup_intent"
        method, customer = intent.get("payment_method"), intent.get("customer")
        if saves and intent.get("status") == "succeeded" and isinstance(method, str) and customer:
            if intent["id"] in self.attached:
                return intent
            self.attached.add(intent["id"])
            found = requests.get(
                f"{self.localstripe_url}/v1/payment_methods/{method}", auth=(SECRET_KEY, ""), timeout=5
            )
            if found.ok and found.json().get("customer") is None:
                requests.post(
                    f"{self.localstripe_url}/v1/payment_methods/{method}/attach",
                    data={"customer": customer},
                    auth=(SECRET_KEY, ""),
                    timeout=5,
                ).raise_for_status()
        return intent
