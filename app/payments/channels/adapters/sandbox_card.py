"""``sandbox_card``: card payments through the sandbox provider's hosted page, over HTTP."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import hmac
import json
import time
from datetime import date, datetime
from typing import Callable, Iterator, Mapping, TypeVar

import requests

from app.payments import integration_log
from app.payments.channels.adapters.dispute_fields import disputed_amount, provider_reference, unix_moment
from app.payments.channels.interface import (
    CallbackRejected,
    ChannelResult,
    DisputeNotice,
    PaymentRequest,
    PayoutResult,
    ProviderOutcomeUnknown,
    ProviderPayment,
    ProviderRefused,
    ProviderSavedMethod,
    ProviderUnavailable,
    RefundResult,
    StatementLine,
)
from app.payments.channels.registry import ChannelSpec
from app.platform.http.peer import PeerError, PeerResponse, PeerSession, connection_dropped, never_connected
from app.platform.observability import logs
from app.platform.values.whole_numbers import parse_whole_number

# The sandbox provider's published fee (docs/sandbox.md "Fees"): 2.9 % of each capture plus a fixed part of about
# 30 US cents in the capture's currency: 30 minor units of a two-decimal currency, else the table's amount.
SANDBOX_FEE_BPS = 290
SANDBOX_FEE_FIXED = 30
SANDBOX_FEE_FIXED_BY_CURRENCY = {
    "jpy": 40,
    "krw": 400,
    "vnd": 8_000,
    "clp": 300,
    "isk": 40,
    "idr": 500_000,
    "bhd": 100,
    "kwd": 100,
    "jod": 200,
    "omr": 100,
    "tnd": 1_000,
}
# It gives back the fee's part in proportion to what a refund returns (its statement lists it; sandbox/fees.py).
SANDBOX_FEE_RETURNED = "proportional"

_STATUS = {"pending": "pending", "succeeded": "succeeded", "failed": "failed"}
MANDATE_STATUSES = ("pending", "active", "declined", "revoked", "canceled")
DISPUTE_STATUSES = ("needs_response", "under_review", "won", "lost")
Found = TypeVar("Found")

# One connection pool for every call to the provider (threads share it; urllib3's pool is thread-safe): a pay
# reuses a kept-alive connection instead of opening one, and a new Session per call cost more CPU than the call.
# A pooled connection the provider closed while idle is noticed before reuse and replaced; the environment's proxy
# settings are read once (app/platform/http/peer.py).
_http = PeerSession()


class SandboxCardAdapter:
    code = "sandbox_card"
    default_name = "Card (sandbox)"
    default_icon = "card"
    method = "card"
    # The sandbox provider moves no real money: routing keeps it away from live orders.
    test_only = True

    @classmethod
    def from_settings(cls, config: Mapping, settings: Mapping) -> "SandboxCardAdapter":
        """The sandbox is one provider account for the whole installation, configured by Kassa's config."""
        return cls(
            config["SANDBOX_URL"],
            config["SANDBOX_API_KEY"],
            config["SANDBOX_CALLBACK_SECRET"],
            timeout=config["CHANNEL_HTTP_TIMEOUT_SECONDS"],
            tolerance_seconds=config["CALLBACK_TOLERANCE_SECONDS"],
        )

    def __init__(
        self, base_url: str, api_key: str, callback_secret: str, *, timeout: float = 10.0, tolerance_seconds: int = 300
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.callback_secret = callback_secret
        self.timeout = timeout
        self.tolerance = tolerance_seconds

    def _call(self, method: str, path: str, payload: dict | None = None) -> dict:
        """One HTTP call to the provider, logged; errors say whether the provider may have acted.
        Every call here is safe to repeat (a read, or a write carrying our reference, which the provider answers
        with what it made the first time), so a connection dropped before the answer is tried once more: the
        provider closing a kept-alive connection just as it is reused must not leave a payment unknown."""
        response, error = self._exchange(method, path, payload)
        if error is not None and connection_dropped(error):
            response, error = self._exchange(method, path, payload)
            if error is not None:
                # The first try may have reached the provider, whatever stopped the second.
                raise ProviderOutcomeUnknown(f"sandbox provider did not answer: {error.kind}") from error
        if error is not None:
            if never_connected(error):
                raise ProviderUnavailable(f"sandbox provider unreachable: {error.kind}") from error
            # Sent, but the answer was lost: the provider may have created the payment.
            raise ProviderOutcomeUnknown(f"sandbox provider did not answer: {error.kind}") from error
        if response.status_code >= 500:
            raise ProviderOutcomeUnknown(f"sandbox provider answered {response.status_code}: {response.text[:200]}")
        if response.status_code >= 400:
            raise ProviderRefused(f"sandbox provider answered {response.status_code}: {response.text[:200]}")
        try:
            return response.json()
        except ValueError as exc:
            raise ProviderOutcomeUnknown("sandbox provider answered with something that is not JSON") from exc

    def _exchange(self, method: str, path: str, payload: dict | None) -> tuple[PeerResponse | None, PeerError | None]:
        """Send one request and log it with its answer or error (the integration log)."""
        url = f"{self.base_url}{path}"
        headers = {"Authorization": f"Bearer {self.api_key}"}
        if logs.current("request_id"):
            headers["X-Request-Id"] = logs.current("request_id")  # the provider's logs can name our request
        started = time.monotonic()
        response, error = None, None
        try:
            response = _http.request(method, url, json=payload, timeout=self.timeout, headers=headers)
        except PeerError as exc:
            error = exc
        integration_log.record_exchange(
            self.code,
            method,
            url,
            request_headers=headers,
            request_body=payload,
            status_code=response.status_code if response is not None else None,
            response_body=response.content if response is not None else None,
            duration_ms=round((time.monotonic() - started) * 1000),
            error=str(error) if error else None,
        )
        return response, error

    def _result(self, payment: Mapping) -> ChannelResult:
        """A payment as the provider answered it; anything else (a status Kassa does not know, a missing or
        mistyped field) is an unknown outcome, never a KeyError: the provider may have taken the money."""
        try:
            status = _STATUS.get(payment.get("status"))
            reference, provider_reference = payment["reference"], payment["id"]
            amount, currency = payment["amount"], payment["currency"]
        except (KeyError, TypeError, AttributeError):
            raise _unreadable(payment, "a payment") from None
        if status is None or not _texts(reference, provider_reference, currency) or type(amount) is not int:
            raise _unreadable(payment, "a payment")
        return ChannelResult(
            channel=self.code,
            provider_reference=provider_reference,
            attempt_id=reference,
            status=status,
            amount=amount,
            currency=currency,
            failure_reason="declined by the card holder" if status == "failed" else None,
            raw=dict(payment),
        )

    def create_payment(self, request: PaymentRequest) -> ProviderPayment:
        # The attempt id is the provider reference, so a retried create returns the same payment.
        body = {
            "amount": request.amount,
            "currency": request.currency,
            "reference": request.attempt_id,
            "description": request.description,
            "return_url": request.return_url,
            "callback_url": request.callback_url,
            "method": self.method,
        }
        if request.recurring and self.method == "card":
            body["recurring"] = {"terms": request.recurring, "callback_url": request.mandate_callback_url}
        if request.save_method and self.method == "card":
            body["save_card"] = True
        if request.saved_method is not None:
            body["card"] = request.saved_method
        payment = self._call("POST", "/sandbox/api/payments", body)
        try:
            if request.saved_method is not None and payment.get("status") != "pending":
                # A saved card is charged in the call unless the issuer asks the shopper to authenticate (pending:
                # the payment's page, as for any card payment).
                return ProviderPayment(payment["id"], {"type": "none"}, result=self._result(payment))
            return ProviderPayment(reference=payment["id"], next_action=self.next_action(payment))
        except (KeyError, TypeError, AttributeError) as exc:
            # The provider may have made it, so the janitor looks it up by our reference rather than the shopper
            # paying again.
            raise _unreadable(payment, "a payment") from exc

    def signed_mandate(self, provider_reference: str) -> str | None:
        """The mandate the approved payment signed, if it asked for one."""
        answer = self._call("GET", f"/sandbox/api/payments/{provider_reference}")
        try:
            if answer.get("status") not in _STATUS:
                raise TypeError("not a payment")
            mandate = answer.get("mandate")
            if not mandate or mandate.get("status") != "active":
                return None
            if not _texts(mandate["id"]):
                raise TypeError("the mandate's id is not a string")
            return mandate["id"]
        except (KeyError, TypeError, AttributeError):
            raise _unreadable(answer, "a payment with its mandate") from None

    def saved_method(self, provider_reference: str) -> ProviderSavedMethod | None:
        """The card the approved payment saved, if it asked to save one (``saved_methods``)."""
        answer = self._call("GET", f"/sandbox/api/payments/{provider_reference}")
        try:
            card = answer.get("saved_card")
            if not card or card.get("status") != "active":
                return None
            if not _texts(card["id"], card["brand"], card["last4"]):
                raise TypeError("the saved card's fields are not strings")
            return ProviderSavedMethod(card["id"], card["brand"], card["last4"])
        except (KeyError, TypeError, AttributeError):
            raise _unreadable(answer, "a payment with its saved card") from None

    def remove_saved_method(self, reference: str) -> None:
        """Detach the saved card at the provider; a card it no longer knows is as good as removed."""
        try:
            self._call("POST", f"/sandbox/api/cards/{reference}/detach")
        except ProviderRefused:
            return

    def mandate_status(self, mandate: str) -> str | None:
        """What the provider says of a mandate now (active | revoked | …); None if it does not know it. An answer
        that names no status Kassa knows is an unknown outcome: it must not read as a revoked mandate."""
        try:
            answer = self._call("GET", f"/sandbox/api/mandates/{mandate}")
        except ProviderRefused:
            return None
        return _status_of(answer, "a mandate", MANDATE_STATUSES)

    def cancel_mandate(self, mandate: str) -> str:
        """End the mandate at the provider (the contract it paid for ended); returns its status there then:
        ``canceled``, or ``revoked`` when the shopper withdrew it first. Safe to repeat. Raises ProviderRefused
        when the provider will not (e.g. it does not know the mandate), ProviderUnavailable when it was not
        reached or its answer was lost."""
        return _status_of(
            self._call("POST", f"/sandbox/api/mandates/{mandate}/cancel"), "a canceled mandate", ("canceled", "revoked")
        )

    def deduct(self, mandate: str, *, amount: int, currency: str, reference: str, description: str) -> ChannelResult:
        """Charge a signed mandate with nobody at the checkout; ``reference`` makes a retry return the same
        deduction. A decline is a failed result with the provider's reason."""
        payment = self._call(
            "POST",
            f"/sandbox/api/mandates/{mandate}/deductions",
            {"amount": amount, "currency": currency, "reference": reference, "description": description},
        )
        result = self._result(payment)
        if result.status == "failed":
            result = dataclasses.replace(result, failure_reason=payment.get("failure_reason") or "declined")
        return result

    def parse_mandate_callback(self, headers: Mapping[str, str], body: bytes) -> tuple[str, str]:
        """A verified mandate event as (type, mandate id), e.g. ("mandate.revoked", "mdt_…")."""
        verify_signature(headers.get("Sandbox-Signature", ""), body, self.callback_secret, tolerance=self.tolerance)
        try:
            event = json.loads(body)
            return str(event["type"]), str(event["data"]["id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise CallbackRejected("callback body is not a sandbox mandate event") from exc

    def query_payment(self, provider_reference: str) -> ChannelResult:
        return self._result(self._call("GET", f"/sandbox/api/payments/{provider_reference}"))

    def refund(self, provider_reference: str, amount: int, refund_id: str) -> RefundResult:
        # The refund id is the provider's reference: a retried call returns the same refund.
        try:
            response = _http.post(
                f"{self.base_url}/sandbox/api/payments/{provider_reference}/refunds",
                json={"amount": amount, "reference": refund_id},
                timeout=self.timeout,
                headers={"Authorization": f"Bearer {self.api_key}"},
            )
        except PeerError as exc:
            raise ProviderUnavailable(f"sandbox provider unreachable: {exc.kind}") from exc
        if response.status_code >= 500 or response.status_code in (401, 429):
            raise ProviderUnavailable(f"sandbox provider answered {response.status_code}: {response.text[:200]}")
        try:
            body = response.json()
            if response.status_code >= 400:
                # A definite refusal (e.g. more than refundable): nothing moved.
                return RefundResult(
                    None, "failed", body.get("error", {}).get("message", f"HTTP {response.status_code}")
                )
            status = "succeeded" if body.get("status") == "succeeded" else "failed"
            return RefundResult(body["id"], status, body.get("failure_reason") if status == "failed" else None)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # An answer that cannot be read (a proxy's page, a cut body) says nothing of what the provider did: the
            # refund stays pending and is sent again with the same reference, which the provider answers with the
            # refund it made, if it made one.
            raise ProviderOutcomeUnknown(
                f"sandbox provider answered {response.status_code} with something that is "
                f"not JSON of a refund: {response.text[:200]}"
            ) from exc

    def parse_callback(self, headers: Mapping[str, str], body: bytes) -> ChannelResult | DisputeNotice:
        verify_signature(headers.get("Sandbox-Signature", ""), body, self.callback_secret, tolerance=self.tolerance)
        try:
            event = json.loads(body)
            if str(event.get("type", "")).startswith("dispute."):
                return self._dispute_notice(event["data"])
            payment = event["data"]
            result = self._result(payment)
        except (ValueError, KeyError, TypeError, AttributeError, ProviderUnavailable) as exc:
            raise CallbackRejected("callback body is not a sandbox payment event") from exc
        # Card and QR share one provider account: each channel accepts only its own method's payments.
        if payment.get("method", "card") != self.method:
            raise CallbackRejected(f"callback is for a {payment.get('method')!r} payment, not a {self.code} one")
        return result

    def _dispute_notice(self, dispute: Mapping) -> DisputeNotice:
        """A verified dispute event's data; a dispute of the other method's payment is not this channel's."""
        if dispute.get("method", "card") != self.method:
            raise CallbackRejected(f"callback is for a {dispute.get('method')!r} payment, not a {self.code} one")
        if dispute["status"] not in ("needs_response", "under_review", "won", "lost"):
            raise CallbackRejected(f"unknown sandbox dispute status {dispute['status']!r}")
        return DisputeNotice(
            channel=self.code,
            provider_dispute_id=_reference(dispute, "id"),
            provider_reference=_reference(dispute, "payment"),
            attempt_id=_reference(dispute, "payment_reference"),
            status=dispute["status"],
            amount=disputed_amount(dispute["amount"], "a sandbox dispute's amount"),
            currency=str(dispute["currency"]),
            reason=str(dispute.get("reason") or "").replace("\x00", "")[:100],
            evidence_due_by=unix_moment(dispute.get("evidence_due_by"), "a sandbox dispute's evidence_due_by"),
        )

    def submit_dispute_evidence(self, provider_dispute_id: str, text: str) -> str:
        """Send the merchant's evidence; returns the dispute's status at the provider then (``under_review``).
        ProviderRefused when the provider will not take it (too late, already answered)."""
        return _status_of(
            self._call("POST", f"/sandbox/api/disputes/{provider_dispute_id}/evidence", {"text": text}),
            "a dispute",
            DISPUTE_STATUSES,
        )

    def find_dispute(self, provider_dispute_id: str) -> DisputeNotice:
        """The dispute as the provider has it now (reconciliation's way to a dispute whose callback was lost);
        ProviderRefused if the provider has none by that id."""
        from urllib.parse import quote

        found = self._call("GET", f"/sandbox/api/disputes/{quote(provider_dispute_id, safe='')}")
        try:
            return self._dispute_notice(found)
        except (KeyError, TypeError, ValueError, AttributeError, CallbackRejected) as exc:
            raise ProviderOutcomeUnknown(f"sandbox dispute is not readable: {exc}") from exc

    def find_refund(self, provider_reference: str, reference: str) -> RefundResult | None:
        """The refund the provider made of the payment under our ``reference``, without making one; None if it never
        got the request."""
        answer = self._call("GET", f"/sandbox/api/payments/{provider_reference}/refunds")
        try:
            for refund in _listed(answer):
                if refund.get("reference") == reference:
                    status = "succeeded" if refund.get("status") == "succeeded" else "failed"
                    return RefundResult(
                        refund["id"], status, refund.get("failure_reason") if status == "failed" else None
                    )
        except (KeyError, TypeError, AttributeError) as exc:
            raise _unreadable(answer, "a list of refunds") from exc
        return None

    def find_payment(self, attempt_id: str) -> ChannelResult | None:
        """Look the payment up by our reference (the attempt id); None if the provider never created it."""
        from urllib.parse import quote

        return _first_found(
            self._call("GET", f"/sandbox/api/payments?reference={quote(attempt_id)}"),
            "a list of payments",
            self._result,
            attempt_id,
        )

    def statement(self, day: date) -> Iterator[StatementLine]:
        """The provider's statement of ``day``, read as it streams in: this channel's captures and refunds
        (card and QR share the account, so each keeps its own method's) and the account's payouts."""
        url = f"{self.base_url}/sandbox/api/statements/{day.isoformat()}.csv"
        try:
            response = requests.get(
                url, stream=True, timeout=self.timeout, headers={"Authorization": f"Bearer {self.api_key}"}
            )
        except requests.RequestException as exc:
            raise ProviderUnavailable(f"sandbox statement unreachable: {exc.__class__.__name__}") from exc
        with response:
            if response.status_code != 200:
                raise ProviderUnavailable(f"sandbox statement answered {response.status_code}: {response.text[:200]}")
            rows = csv.DictReader(response.iter_lines(chunk_size=1 << 16, decode_unicode=True))
            try:
                for row in rows:
                    if row["type"] != "payout" and row["method"] != self.method:
                        continue
                    yield StatementLine(
                        row["type"],
                        row["id"],
                        row["reference"],
                        row["status"],
                        int(row["amount"]),
                        int(row["fee"]),
                        row["currency"],
                        datetime.fromisoformat(row["occurred_at"].replace("Z", "+00:00")),
                    )
            except (KeyError, ValueError, TypeError) as exc:
                raise ProviderUnavailable(f"sandbox statement line {rows.line_num} is not readable: {exc}") from exc

    def send_payout(
        self, *, reference: str, amount: int, currency: str, destination: str, callback_url: str
    ) -> PayoutResult:
        """Send money from the account's balance to ``destination``; the reference makes a retry a no-op."""
        answer = self._call(
            "POST",
            "/sandbox/api/payouts",
            {
                "amount": amount,
                "currency": currency,
                "destination": destination,
                "reference": reference,
                "callback_url": callback_url,
            },
        )
        try:
            return self._payout(answer)
        except (KeyError, TypeError, AttributeError) as exc:  # the provider may have sent it: looked up later
            raise _unreadable(answer, "a payout") from exc

    def find_payout(self, reference: str) -> PayoutResult | None:
        from urllib.parse import quote

        return _first_found(
            self._call("GET", f"/sandbox/api/payouts?reference={quote(reference)}"),
            "a list of payouts",
            self._payout,
            reference,
        )

    def parse_payout_callback(self, headers: Mapping[str, str], body: bytes) -> PayoutResult:
        verify_signature(headers.get("Sandbox-Signature", ""), body, self.callback_secret, tolerance=self.tolerance)
        try:
            return self._payout(json.loads(body)["data"])
        except (ValueError, KeyError, TypeError) as exc:
            raise CallbackRejected("callback body is not a sandbox payout event") from exc

    @staticmethod
    def _payout(payout: Mapping) -> PayoutResult:
        if payout.get("status") not in ("pending", "paid", "failed"):
            raise _unreadable(payout, "a payout")  # a status Kassa does not know says nothing of what happened
        return PayoutResult(
            provider_reference=payout["id"],
            reference=payout["reference"],
            status=payout["status"],
            amount=payout["amount"],
            currency=payout["currency"],
            failure_reason=payout.get("failure_reason"),
        )

    def next_action(self, payment: Mapping) -> dict:
        """What the shopper must do: open the provider's hosted page."""
        return {"type": "redirect", "url": payment["url"]}


CHANNEL = ChannelSpec(
    code="sandbox_card",
    name=SandboxCardAdapter.default_name,
    adapter=SandboxCardAdapter,
    capabilities=frozenset(
        {
            "redirect",
            "refunds",
            "partial_refunds",
            "recurring",
            "setup",
            "saved_methods",
            "payouts",
            "statements",
            "disputes",
        }
    ),
    fee_bps=SANDBOX_FEE_BPS,
    fee_fixed=SANDBOX_FEE_FIXED,
    fee_fixed_by_currency=SANDBOX_FEE_FIXED_BY_CURRENCY,
    fee_returned_on_refund=SANDBOX_FEE_RETURNED,
    statement_shared=True,
)


def _unreadable(answer: object, what: str) -> ProviderOutcomeUnknown:
    """JSON that is not ``what`` (another service at the provider's address, a changed API): one line that says so,
    never a traceback; the provider may have acted, so the caller treats it as an unknown outcome and asks again."""
    return ProviderOutcomeUnknown(
        f"sandbox provider answered something Kassa cannot read as {what}: {json.dumps(answer)[:200]}"
    )


def _texts(*values: object) -> bool:
    return all(isinstance(value, str) and value for value in values)


def _status_of(answer: object, what: str, known: tuple[str, ...]) -> str:
    """The ``status`` of an answer, one of ``known``; else the answer is unreadable (an unknown outcome)."""
    status = answer.get("status") if isinstance(answer, Mapping) else None
    if status not in known:
        raise _unreadable(answer, what)
    return status


def _listed(answer: Mapping) -> list:
    """The ``data`` list of a list answer: anything else is unreadable, never "none found" (which would fail a
    payment or a refund the provider may have made)."""
    found = answer["data"]
    if not isinstance(found, list):
        raise TypeError(f"data is {type(found).__name__}, not a list")
    return found


def _first_found(answer: Mapping, what: str, read: Callable[[Mapping], Found], reference: str) -> Found | None:
    """The item of a look-up by our reference that really carries it, read by ``read``; None if the provider has
    none. A search that answers with someone else's payment (a filter it ignored or widened) must not be read as
    ours: it would mark this attempt or payout by that one's outcome."""
    try:
        found = [item for item in _listed(answer) if item["reference"] == reference]
        return read(found[0]) if found else None
    except (KeyError, TypeError, AttributeError) as exc:
        raise _unreadable(answer, what) from exc


def _reference(dispute: Mapping, key: str) -> str:
    """A dispute's id or its payment's, as the database can look it up: else the callback is refused."""
    return provider_reference(dispute[key], f"a sandbox dispute's {key}")


def verify_signature(header: str, body: bytes, secret: str, *, tolerance: int, now: int | None = None) -> None:
    """Check ``t=<unix>,v1=<hex hmac-sha256 of "t.body">``; raise CallbackRejected if it fails."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    timestamp, signature = parts.get("t", ""), parts.get("v1", "")
    if parse_whole_number(timestamp) is None or not signature:
        raise CallbackRejected("callback signature header is missing or malformed")
    now = int(time.time()) if now is None else now
    # A stale timestamp means a replayed or long-delayed message: refuse it.
    if abs(now - int(timestamp)) > tolerance:
        raise CallbackRejected("callback timestamp is outside the tolerance window")
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise CallbackRejected("callback signature does not match")
