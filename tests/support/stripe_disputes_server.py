"""Stripe's disputes on loopback, for what localstripe 1.15 does not model: it has no Dispute object, no
``/v1/disputes`` API and never sends ``charge.dispute.*`` events.

A test points Kassa's STRIPE_API_BASE here. ``/v1/disputes/{id}`` (retrieve, and update with evidence and
``submit``) is answered from this server's own disputes, shaped as Stripe's API reference shows the Dispute object
(https://docs.stripe.com/api/disputes/object, trimmed to what a reader needs); every other request goes on to
localstripe unchanged, so Kassa reads the very PaymentIntents and charges it made there. The test plays the card
issuer: it opens a dispute on a payment and moves it on, and this server sends the event Stripe would, signed with
the endpoint's secret by Stripe's scheme (``Stripe-Signature: t=…,v1=<HMAC-SHA256 of "t.payload">``), to Kassa's
hook over real HTTP.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import secrets
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

import requests

from tests.support.localstripe import SECRET_KEY, WEBHOOK_SECRET
from tests.support.loopback import LoopbackServer

API_VERSION = "2026-10-28.endive"  # the version the pinned library (stripe 16.1) asks for
WEEK = 7 * 24 * 3600


def _error(status: int, message: str, code: str | None = None, param: str | None = None) -> tuple[int, dict]:
    """An error answer in Stripe's shape (https://docs.stripe.com/api/errors)."""
    return status, {"error": {"code": code, "message": message, "param": param, "type": "invalid_request_error"}}


class StripeDisputes(LoopbackServer):
    """The disputes half of a Stripe account on loopback, in front of localstripe."""

    def __init__(self, localstripe_url: str) -> None:
        self.localstripe_url = localstripe_url
        self.disputes: dict[str, dict] = {}
        self.updates: list[dict] = []  # each evidence update Kassa sent, as parsed form fields
        self.answer_next_update: tuple[int, dict] | None = None  # e.g. a 500 after taking the evidence
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                served = owner._own_call(self.command, self.path, body.decode())
                if served is not None:
                    status, answer = served
                    raw, content_type = json.dumps(answer).encode(), "application/json"
                else:
                    status, raw, content_type = owner._forward(self.command, self.path, dict(self.headers), body)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.serve(Handler)

    # The card issuer's side, as the test drives it.

    def open(
        self,
        payment_intent: str,
        *,
        amount: int | None = None,
        reason: str = "fraudulent",
        status: str = "needs_response",
        name_the_payment_intent: bool = True,
    ) -> dict:
        """A dispute of a payment at localstripe (all of it unless ``amount``); ``name_the_payment_intent=False``
        leaves ``payment_intent`` null, as on a Dispute of a payment made with the Charges API: only the charge."""
        intent = requests.get(
            f"{self.localstripe_url}/v1/payment_intents/{payment_intent}", auth=(SECRET_KEY, ""), timeout=5
        ).json()
        charge = intent.get("latest_charge") or {}
        now = int(time.time())
        dispute = {
            "id": "dp_" + secrets.token_hex(12),
            "object": "dispute",
            "amount": intent["amount"] if amount is None else amount,
            "balance_transactions": [],
            "charge": charge.get("id") if isinstance(charge, dict) else charge,
            "created": now,
            "currency": intent["currency"],
            "evidence": {
                "customer_communication": None,
                "product_description": None,
                "receipt": None,
                "refund_policy": None,
                "uncategorized_file": None,
                "uncategorized_text": None,
            },
            "evidence_details": {"due_by": now + WEEK, "has_evidence": False, "past_due": False, "submission_count": 0},
            "is_charge_refundable": False,
            "livemode": False,
            "metadata": {},
            "payment_intent": payment_intent if name_the_payment_intent else None,
            "payment_method_details": {
                "card": {"brand": "visa", "case_type": "chargeback", "network_reason_code": "10.4"},
                "type": "card",
            },
            "reason": reason,
            "status": status,
        }
        self.disputes[dispute["id"]] = dispute
        return copy.deepcopy(dispute)

    def move(self, dispute_id: str, status: str) -> dict:
        """The issuer moves the dispute on (escalates an inquiry, decides it)."""
        dispute = self.disputes[dispute_id]
        dispute["status"] = status
        if status in ("won", "lost", "warning_closed"):
            dispute["evidence_details"]["due_by"] = None
        return copy.deepcopy(dispute)

    def send(
        self, hook_url: str, event_type: str, dispute: dict, secret: str = WEBHOOK_SECRET, stamp: int | None = None
    ) -> requests.Response:
        """POST the event Stripe sends for ``dispute`` as it stands, signed with the endpoint's ``secret``."""
        stamp = int(time.time()) if stamp is None else stamp
        payload = json.dumps(
            {
                "id": "evt_" + secrets.token_hex(12),
                "object": "event",
                "api_version": API_VERSION,
                "created": stamp,
                "data": {"object": dispute},
                "livemode": False,
                "pending_webhooks": 1,
                "request": {"id": None, "idempotency_key": None},
                "type": event_type,
            },
            indent=2,
        )
        signature = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
        return requests.post(
            hook_url,
            data=payload.encode(),
            timeout=15,
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": f"t={stamp},v1={signature}",
            },
        )

    # Stripe's API, as Kassa calls it.

    def _own_call(self, method: str, path: str, body: str) -> tuple[int, dict] | None:
        """The answer of a call this server serves itself; None for one that goes on to localstripe."""
        if path.startswith("/v1/disputes/"):
            return self._dispute_call(method, path, body)
        return None

    def _dispute_call(self, method: str, path: str, body: str) -> tuple[int, dict]:
        dispute_id = path.split("?")[0].removeprefix("/v1/disputes/")
        dispute = self.disputes.get(dispute_id)
        if dispute is None:
            return _error(404, f"No such dispute: '{dispute_id}'", "resource_missing", "id")
        if method == "GET":
            return 200, dispute
        fields = {key: values[-1] for key, values in parse_qs(body).items()}
        self.updates.append(fields)
        if dispute["status"] not in ("needs_response", "warning_needs_response"):
            return _error(400, f"This dispute is {dispute['status']}: its evidence can no longer be updated.")
        dispute["evidence"]["uncategorized_text"] = fields.get("evidence[uncategorized_text]")
        dispute["evidence_details"]["has_evidence"] = True
        if fields.get("submit") == "true":
            dispute["evidence_details"]["submission_count"] += 1
            dispute["status"] = dispute["status"].replace("needs_response", "under_review")
        answer, self.answer_next_update = self.answer_next_update, None
        return answer or (200, dispute)

    def _forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, bytes, str]:
        sent = {
            name: value
            for name, value in headers.items()
            if name.lower() in ("authorization", "content-type", "idempotency-key", "stripe-version")
        }
        answer = requests.request(method, f"{self.localstripe_url}{path}", headers=sent, data=body, timeout=10)
        return answer.status_code, answer.content, answer.headers.get("Content-Type", "application/json")
