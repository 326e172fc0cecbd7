"""Stripe Connect on loopback, for what localstripe 1.15 does not model: it has no connected accounts, no account
links and no transfers.

A test points Kassa's STRIPE_API_BASE here. This server answers, shaped as Stripe's API reference shows them
(https://docs.stripe.com/api/accounts, /api/account_links, /api/transfers, /api/transfer_reversals, trimmed to what a
reader needs): ``POST /v1/accounts`` (Express), ``GET /v1/accounts/{id}``, ``POST /v1/account_links`` (its ``url`` is
an onboarding page this server serves, where the partner "completes onboarding" and is sent back to ``return_url``),
``POST /v1/transfers`` (honouring ``Idempotency-Key`` as Stripe does), ``GET /v1/transfers`` (``transfer_group``,
``destination``), ``GET /v1/transfers/{id}`` and ``POST /v1/transfers/{id}/reversals``. Errors come in Stripe's
shape with its codes. Every other request goes on to localstripe when one is given (a 404 otherwise).

Events (``account.updated``, ``transfer.created``, ``transfer.reversed``) are recorded as they happen and sent, signed
by Stripe's scheme with the endpoint's secret, to the URL a test gives ``send_webhooks_to`` when it calls ``deliver``
(Stripe sends them after it answered, so a test says when they arrive). The test plays Stripe's hand with
``fail_next_transfer`` (Stripe refuses the next transfer create) and ``lose_next_answer`` (the next transfer is made
but its answer is a 500, as when Stripe's answer is lost).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import requests

from tests.support.loopback import LoopbackServer

API_VERSION = "2026-10-28.endive"  # the version the pinned library (stripe 16.1) asks for
LINK_LIFETIME = 300  # an account link expires after a few minutes, as Stripe's do
CAPABILITY_MISSING = (
    "Your destination account needs to have at least one of the following capabilities enabled: transfers, "
    "crypto_transfers, legacy_payments"
)
INSUFFICIENT = (
    "You have insufficient available funds in your Stripe account. Try adding funds directly to your available "
    "balance by creating Charges using the 4000000000000077 test card."
)


def _error(
    status: int, message: str, code: str | None = None, param: str | None = None, kind: str = "invalid_request_error"
) -> tuple[int, dict]:
    """An error answer in Stripe's shape (https://docs.stripe.com/api/errors)."""
    return status, {"error": {"code": code, "message": message, "param": param, "type": kind}}


def form_fields(body: str) -> dict:
    """Stripe's form encoding (``metadata[key]=v``, ``capabilities[transfers][requested]=true``) as nested dicts."""
    fields: dict = {}
    for key, values in parse_qs(body, keep_blank_values=True).items():
        parts = key.replace("]", "").split("[")
        place = fields
        for part in parts[:-1]:
            place = place.setdefault(part, {})
        place[parts[-1]] = values[-1]
    return fields


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


class StripeConnect(LoopbackServer):
    """The Connect half of a Stripe platform account on loopback (in front of localstripe when given)."""

    def __init__(self, localstripe_url: str | None = None) -> None:
        self.localstripe_url = localstripe_url
        self.accounts: dict[str, dict] = {}
        self.links: dict[str, dict] = {}
        self.transfers: dict[str, dict] = {}
        self.idempotent: dict[tuple[str, str], tuple[str, int, dict]] = {}
        self.transfer_creates = 0  # every POST /v1/transfers that reached this server
        self.refuse_next: tuple[int, dict] | None = None
        self.lose_next = False
        self.webhook: tuple[str, str] | None = None
        self.connect_secret: str | None = None
        self.events: list[dict] = []
        self.delivered = 0  # events before this index were sent (or passed over)
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                url = urlsplit(self.path)
                if url.path.startswith("/connect/onboarding/"):
                    status, raw, content_type, location = owner._onboarding(self.command, url.path, body.decode())
                elif url.path.startswith(("/v1/accounts", "/v1/account_links", "/v1/transfers")):
                    status, answer = owner._api(self.command, url.path, url.query, body.decode(), dict(self.headers))
                    raw, content_type, location = json.dumps(answer).encode(), "application/json", None
                elif owner.localstripe_url:
                    status, raw, content_type = owner._forward(self.command, self.path, dict(self.headers), body)
                    location = None
                else:
                    status, answer = _error(404, f"Unrecognized request URL ({self.command}: {url.path}).")
                    raw, content_type, location = json.dumps(answer).encode(), "application/json", None
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(raw)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.serve(Handler)

    # Stripe's side, as the test drives it.

    def send_webhooks_to(self, url: str, secret: str, connect_secret: str | None = None) -> None:
        """The endpoint the merchant added in Stripe's dashboard and its signing secret; events on connected
        accounts (``account.updated``) go to its Connect endpoint, signed with ``connect_secret``."""
        self.webhook = (url, secret)
        self.connect_secret = connect_secret

    def fail_next_transfer(self, code: str = "balance_insufficient") -> None:
        """Stripe refuses the next transfer create (insufficient platform balance, by default)."""
        message = CAPABILITY_MISSING if code == "insufficient_capabilities_for_transfer" else INSUFFICIENT
        self.refuse_next = _error(400, message, code)

    def lose_next_answer(self) -> None:
        """The next transfer create is made, but its answer is a 500: the caller cannot know it was."""
        self.lose_next = True

    def reverse(self, transfer_id: str) -> dict:
        """The platform reverses a transfer in full (as ``POST /v1/transfers/{id}/reversals`` does)."""
        return self._reverse(transfer_id, None)[1]

    def transfers_to(self, account: str) -> list[dict]:
        return [copy.deepcopy(t) for t in self.transfers.values() if t["destination"] == account]

    def onboarded_account(self, name: str = "Ada Lovelace") -> str:
        """An Express account that finished onboarding (a customer's, for a wallet withdrawal)."""
        account = self._account({"type": "express", "business_profile": {"name": name}})
        self._complete(account["id"])
        return account["id"]

    # Stripe's API, as Kassa calls it.

    def _api(self, method: str, path: str, query: str, body: str, headers: dict) -> tuple[int, dict]:
        if not (headers.get("Authorization") or "").startswith("Bearer sk_"):
            return _error(401, "You did not provide an API key.", kind="invalid_request_error")
        fields = form_fields(body)
        parts = path.strip("/").split("/")  # v1, resource, id?, sub?
        key = headers.get("Idempotency-Key")
        with self._lock:
            if method == "POST" and key:
                seen = self.idempotent.get((path, key))
                if seen is not None:
                    if seen[0] != body:
                        return _error(
                            400,
                            "Keys for idempotent requests can only be used with the same parameters they were first "
                            "used with. Try using a key other than '" + key + "' if you meant to execute a different "
                            "request.",
                            kind="idempotency_error",
                        )
                    return seen[1], copy.deepcopy(seen[2])
            status, answer = self._route(method, parts, query, fields)
            # Stripe saves a request's result under its key, except when the request was not processed.
            if method == "POST" and key and status != 500:
                self.idempotent[(path, key)] = (body, status, copy.deepcopy(answer))
            return status, answer

    def _route(self, method: str, parts: list[str], query: str, fields: dict) -> tuple[int, dict]:
        resource, ident = parts[1], parts[2] if len(parts) > 2 else None
        if resource == "accounts" and method == "POST" and ident is None:
            if fields.get("type") not in ("express", "standard", "custom"):
                return _error(400, "Invalid type: must be one of custom, express, or standard", param="type")
            return 200, self._account(fields)
        if resource == "accounts" and method == "GET" and ident:
            account = self.accounts.get(ident)
            if account is None:
                return _error(
                    404, f"No such account: '{ident}'", "resource_missing", "account", kind="invalid_request_error"
                )
            return 200, copy.deepcopy(account)
        if resource == "account_links" and method == "POST":
            return self._link(fields)
        if resource == "transfers" and method == "POST" and ident is None:
            return self._transfer(fields)
        if resource == "transfers" and method == "GET" and ident is None:
            return 200, self._list_transfers(parse_qs(query))
        if resource == "transfers" and method == "GET" and ident:
            transfer = self.transfers.get(ident)
            if transfer is None:
                return _error(404, f"No such transfer: '{ident}'", "resource_missing", "id")
            return 200, copy.deepcopy(transfer)
        if resource == "transfers" and method == "POST" and len(parts) == 4 and parts[3] == "reversals":
            amount = fields.get("amount")
            return self._reverse(ident, int(amount) if amount else None)
        return _error(404, f"Unrecognized request URL ({method}: /{'/'.join(parts)}).")

    def _account(self, fields: dict) -> dict:
        requested = {
            name: "inactive" for name, ask in (fields.get("capabilities") or {}).items() if ask.get("requested")
        }
        account = {
            "id": _new_id("acct"),
            "object": "account",
            "business_profile": {"name": (fields.get("business_profile") or {}).get("name")},
            "business_type": None,
            "capabilities": requested or {"transfers": "inactive"},
            "charges_enabled": False,
            "country": fields.get("country", "US"),
            "created": int(time.time()),
            "default_currency": "usd",
            "details_submitted": False,
            "email": fields.get("email"),
            "metadata": fields.get("metadata") or {},
            "payouts_enabled": False,
            "requirements": {
                "currently_due": ["business_type", "external_account", "tos_acceptance.date"],
                "disabled_reason": "requirements.past_due",
                "past_due": ["business_type", "external_account", "tos_acceptance.date"],
            },
            "type": fields["type"],
        }
        self.accounts[account["id"]] = account
        return copy.deepcopy(account)

    def _link(self, fields: dict) -> tuple[int, dict]:
        for name in ("account", "type"):
            if not fields.get(name):
                return _error(400, f"Missing required param: {name}.", "parameter_missing", name)
        if fields["account"] not in self.accounts:
            return _error(400, f"No such account: '{fields['account']}'", "resource_missing", "account")
        if fields["type"] not in ("account_onboarding", "account_update"):
            return _error(400, "Invalid type: must be one of account_onboarding or account_update", param="type")
        token = secrets.token_urlsafe(16)
        now = int(time.time())
        self.links[token] = {
            "account": fields["account"],
            "refresh_url": fields.get("refresh_url"),
            "return_url": fields.get("return_url"),
            "expires_at": now + LINK_LIFETIME,
            "used": False,
        }
        return 200, {
            "object": "account_link",
            "created": now,
            "expires_at": now + LINK_LIFETIME,
            "url": f"{self.url}/connect/onboarding/{token}",
        }

    def _transfer(self, fields: dict) -> tuple[int, dict]:
        self.transfer_creates += 1
        for name in ("amount", "currency", "destination"):
            if not fields.get(name):
                return _error(400, f"Missing required param: {name}.", "parameter_missing", name)
        if not fields["amount"].isdigit() or int(fields["amount"]) < 1:
            return _error(400, "Invalid positive integer", "parameter_invalid_integer", "amount")
        destination = self.accounts.get(fields["destination"])
        if destination is None:
            return _error(400, f"No such destination: '{fields['destination']}'", "resource_missing", "destination")
        if self.refuse_next is not None:
            refused, self.refuse_next = self.refuse_next, None
            return refused
        if destination["capabilities"].get("transfers") != "active":
            return _error(400, CAPABILITY_MISSING, "insufficient_capabilities_for_transfer", "destination")
        transfer_id = _new_id("tr")
        transfer = {
            "id": transfer_id,
            "object": "transfer",
            "amount": int(fields["amount"]),
            "amount_reversed": 0,
            "balance_transaction": _new_id("txn"),
            "created": int(time.time()),
            "currency": fields["currency"].lower(),
            "description": fields.get("description"),
            "destination": destination["id"],
            "destination_payment": _new_id("py"),
            "livemode": False,
            "metadata": fields.get("metadata") or {},
            "reversals": {
                "object": "list",
                "data": [],
                "has_more": False,
                "total_count": 0,
                "url": f"/v1/transfers/{transfer_id}/reversals",
            },
            "reversed": False,
            "source_transaction": None,
            "source_type": "card",
            "transfer_group": fields.get("transfer_group"),
        }
        self.transfers[transfer_id] = transfer
        self._event("transfer.created", transfer)
        if self.lose_next:
            self.lose_next = False
            return _error(500, "An unknown error occurred", kind="api_error")
        return 200, copy.deepcopy(transfer)

    def _list_transfers(self, query: dict) -> dict:
        found = [
            copy.deepcopy(t)
            for t in reversed(self.transfers.values())  # newest first, as Stripe lists
            if all(t.get(name) == query[name][-1] for name in ("transfer_group", "destination") if name in query)
        ]
        limit = int(query.get("limit", ["10"])[-1])
        return {"object": "list", "data": found[:limit], "has_more": len(found) > limit, "url": "/v1/transfers"}

    def _reverse(self, transfer_id: str, amount: int | None) -> tuple[int, dict]:
        transfer = self.transfers.get(transfer_id)
        if transfer is None:
            return _error(404, f"No such transfer: '{transfer_id}'", "resource_missing", "id")
        left = transfer["amount"] - transfer["amount_reversed"]
        amount = left if amount is None else amount
        if amount < 1 or amount > left:
            return _error(400, "The transfer has already been fully reversed.", "transfer_already_reversed")
        reversal = {
            "id": _new_id("trr"),
            "object": "transfer_reversal",
            "amount": amount,
            "created": int(time.time()),
            "currency": transfer["currency"],
            "metadata": {},
            "transfer": transfer_id,
        }
        transfer["amount_reversed"] += amount
        transfer["reversed"] = transfer["amount_reversed"] == transfer["amount"]
        transfer["reversals"]["data"].insert(0, reversal)
        transfer["reversals"]["total_count"] += 1
        self._event("transfer.reversed", transfer)
        return 200, copy.deepcopy(reversal)

    # Stripe's hosted onboarding, as the partner sees it.

    def _onboarding(self, method: str, path: str, body: str) -> tuple[int, bytes, str, str | None]:
        token = path.removeprefix("/connect/onboarding/")
        link = self.links.get(token)
        if link is None:
            return 404, b"<!doctype html><title>Link not found</title><p>This link is not valid.", "text/html", None
        if link["used"] or link["expires_at"] < time.time():
            return 303, b"", "text/html", link["refresh_url"]  # Stripe sends an expired link to refresh_url
        account = self.accounts[link["account"]]
        if method == "POST":
            fields = form_fields(body)
            if not (fields.get("legal_name") or "").strip():
                return 200, self._onboarding_page(account, "Enter the legal name."), "text/html", None
            link["used"] = True
            account["business_profile"]["name"] = fields["legal_name"].strip()
            self._complete(account["id"])
            return 303, b"", "text/html", link["return_url"]
        return 200, self._onboarding_page(account), "text/html", None

    @staticmethod
    def _onboarding_page(account: dict, error: str | None = None) -> bytes:
        name = html.escape(account["business_profile"].get("name") or "")
        problem = f'<p id="legal-name-error" role="alert">{html.escape(error)}</p>' if error else ""
        described = ' aria-describedby="legal-name-error" aria-invalid="true"' if error else ""
        return (
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width, initial-scale=1">'
            "<title>Stripe Express onboarding</title></head><body><main>"
            f"<h1>Get paid by the platform</h1><p>Account {html.escape(account['id'])}</p>"
            f'<form method="post">{problem}<label for="legal-name">Legal name</label>'
            f'<input id="legal-name" name="legal_name" value="{name}"{described}>'
            '<button type="submit">Agree and submit</button></form></main></body></html>'
        ).encode()

    def _complete(self, account_id: str) -> None:
        account = self.accounts[account_id]
        account.update(details_submitted=True, charges_enabled=True, payouts_enabled=True)
        account["capabilities"] = {name: "active" for name in account["capabilities"]}
        account["requirements"] = {"currently_due": [], "disabled_reason": None, "past_due": []}
        self._event("account.updated", account)

    def _event(self, event_type: str, obj: dict) -> None:
        """Record the event Stripe would send; ``deliver`` sends it (Stripe sends events after it answered). An event
        on a connected account names it in ``account``, as Connect events do."""
        on_account = {"account": obj["id"]} if event_type.startswith("account.") else {}
        self.events.append(
            {
                **on_account,
                "id": _new_id("evt"),
                "object": "event",
                "api_version": API_VERSION,
                "created": int(time.time()),
                "data": {"object": copy.deepcopy(obj)},
                "livemode": False,
                "pending_webhooks": 1,
                "request": {"id": None, "idempotency_key": None},
                "type": event_type,
            }
        )

    def deliver(self, *types: str) -> list[requests.Response]:
        """POST the events not delivered yet (of ``types``, when given) to the endpoint, signed with its secret by
        Stripe's scheme (``Stripe-Signature: t=…,v1=<HMAC-SHA256 of "t.payload">``); Kassa's answers."""
        assert self.webhook is not None, "no endpoint: call send_webhooks_to first"
        url = self.webhook[0]
        answers = []
        for event in self.events[self.delivered :]:
            if event["type"].startswith("account.") and self.connect_secret is None:
                continue  # no Connect endpoint: Stripe sends events on connected accounts nowhere
            secret = self.connect_secret if event["type"].startswith("account.") else self.webhook[1]
            if not types or event["type"] in types:
                stamp = int(time.time())
                payload = json.dumps(event)
                signature = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
                headers = {
                    "Content-Type": "application/json; charset=utf-8",
                    "Stripe-Signature": f"t={stamp},v1={signature}",
                }
                answers.append(requests.post(url, data=payload.encode(), headers=headers, timeout=15))
        self.delivered = len(self.events)
        return answers

    def _forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, bytes, str]:
        sent = {
            name: value
            for name, value in headers.items()
            if name.lower() in ("authorization", "content-type", "idempotency-key", "stripe-version")
        }
        answer = requests.request(method, f"{self.localstripe_url}{path}", headers=sent, data=body, timeout=10)
        return answer.status_code, answer.content, answer.headers.get("Content-Type", "application/json")
