"""A loopback HTTP server that answers the Stripe API with responses recorded from Stripe's API reference
(https://docs.stripe.com/api/errors, /api/idempotent_requests), for what localstripe does not model: error
bodies and status codes, and idempotent replays. Each test queues the answers it needs."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

from tests.support.loopback import LoopbackServer

CARD_DECLINED = (
    402,
    {
        "error": {
            "charge": "ch_3MmlLrLkdIwHu7ix0snN0B15",
            "code": "card_declined",
            "decline_code": "generic_decline",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card was declined.",
            "type": "card_error",
        }
    },
)
RATE_LIMITED = (
    429,
    {
        "error": {
            "code": "rate_limit",
            "doc_url": "https://stripe.com/docs/error-codes/rate-limit",
            "message": "Too many requests hit the API too quickly. "
            "We recommend an exponential backoff of your requests.",
            "type": "invalid_request_error",
        }
    },
)
API_ERROR = (500, {"error": {"message": "An unknown error occurred", "type": "api_error"}})
BAD_KEY = (401, {"error": {"message": "Invalid API Key provided: sk_test_****0000", "type": "invalid_request_error"}})
AMOUNT_TOO_LARGE = (
    400,
    {
        "error": {
            "code": "amount_too_large",
            "doc_url": "https://stripe.com/docs/error-codes/amount-too-large",
            "message": "Refund amount ($20.00) is greater than unrefunded amount on charge ($9.99)",
            "param": "amount",
            "type": "invalid_request_error",
        }
    },
)


def payment_intent(
    pi_id: str, attempt_id: str, amount: int = 999, currency: str = "usd", status: str = "requires_payment_method"
) -> tuple[int, dict]:
    """A PaymentIntent as the API reference shows one (trimmed to the fields Kassa reads)."""
    return 200, {
        "id": pi_id,
        "object": "payment_intent",
        "amount": amount,
        "currency": currency,
        "status": status,
        "client_secret": f"{pi_id}_secret_recorded",
        "metadata": {"kassa_attempt_id": attempt_id},
        "last_payment_error": None,
        "livemode": False,
    }


class RecordedStripe(LoopbackServer):
    """Answers queued responses in order; every request is kept for the test to inspect."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, dict]] = []
        self.requests: list[dict] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                owner.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": self.rfile.read(length).decode(),
                    }
                )
                status, body = (
                    owner.answers.pop(0)
                    if owner.answers
                    else (404, {"error": {"message": "no recorded answer", "type": "invalid_request_error"}})
                )
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                if owner.requests[-1]["headers"].get("Idempotency-Key") in owner.replayed:
                    self.send_header("Idempotent-Replayed", "true")
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.replayed: set[str] = set()
        self.serve(Handler)


# An off-session charge the bank wants the customer present for (Stripe's docs, "Charge a saved card"): the 402's
# error carries the PaymentIntent.
AUTHENTICATION_REQUIRED = (
    402,
    {
        "error": {
            "code": "authentication_required",
            "decline_code": "authentication_required",
            "doc_url": "https://stripe.com/docs/error-codes/authentication-required",
            "message": "Your card was declined. This transaction requires authentication.",
            "type": "card_error",
            "payment_intent": {
                "id": "pi_offsession",
                "object": "payment_intent",
                "amount": 999,
                "currency": "usd",
                "status": "requires_payment_method",
                "metadata": {"kassa_attempt_id": "pay_renewal"},
                "last_payment_error": {
                    "code": "authentication_required",
                    "message": "Your card was declined. This transaction requires authentication.",
                },
            },
        }
    },
)
