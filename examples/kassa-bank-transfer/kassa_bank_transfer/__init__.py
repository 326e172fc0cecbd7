"""Pay by bank transfer: an example payment tool for Kassa, installed as its own package.

The shopper is sent to the merchant's page of bank details with the payment's reference; when the
transfer arrives, the merchant's bookkeeping posts a signed notice to Kassa
(``POST /hooks/channels/bank_transfer/<merchant id>``, header ``Transfer-Signature: t=<unix>,v1=<hex
HMAC-SHA256 of "t.body">``, body ``{"reference": "<attempt id>", "amount": 1234, "currency": "eur"}``),
which is verified with the merchant's own secret before anything is read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Mapping
from urllib.parse import urlencode

from app.payments.channels.interface import (
    CallbackRejected,
    ChannelResult,
    PaymentRequest,
    ProviderPayment,
    ProviderRefused,
    RefundResult,
)
from app.payments.channels.registry import ChannelSpec, SettingField

__version__ = "0.1.0"

TOLERANCE_SECONDS = 300


class BankTransferAdapter:
    code = "bank_transfer"
    default_name = "Bank transfer"
    default_icon = "bank"

    @classmethod
    def from_settings(cls, config: Mapping, settings: Mapping) -> "BankTransferAdapter":
        """One merchant's bank details and notice secret (empty when no merchant or nothing saved)."""
        return cls(settings.get("instructions_url", ""), settings.get("notice_secret", ""))

    def __init__(self, instructions_url: str, notice_secret: str) -> None:
        self.instructions_url = instructions_url
        self.notice_secret = notice_secret

    def create_payment(self, request: PaymentRequest) -> ProviderPayment:
        if not self.instructions_url:
            raise ProviderRefused("bank_transfer is not set up for this merchant")
        query = urlencode({"reference": request.attempt_id, "amount": request.amount, "currency": request.currency})
        # The attempt id is the reference the shopper writes on the transfer: nothing is created elsewhere.
        return ProviderPayment(
            reference=request.attempt_id, next_action={"type": "redirect", "url": f"{self.instructions_url}?{query}"}
        )

    def query_payment(self, provider_reference: str) -> ChannelResult:
        # A bank has no status API here: the transfer is pending until the merchant's notice arrives (Kassa
        # reads only the status of a pending result, and cancels it once the order has long expired).
        return ChannelResult(
            channel=self.code,
            provider_reference=provider_reference,
            attempt_id=provider_reference,
            status="pending",
            amount=0,
            currency="",
        )

    def parse_callback(self, headers: Mapping[str, str], body: bytes) -> ChannelResult:
        if not self.notice_secret:
            raise CallbackRejected("bank_transfer is not set up for this merchant")
        parts = dict(p.split("=", 1) for p in headers.get("Transfer-Signature", "").split(",") if "=" in p)
        stamp, signature = parts.get("t", ""), parts.get("v1", "")
        if not stamp.isdigit() or abs(time.time() - int(stamp)) > TOLERANCE_SECONDS:
            raise CallbackRejected("notice signature is missing, malformed or too old")
        expected = hmac.new(self.notice_secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            raise CallbackRejected("notice signature does not match")
        try:
            notice = json.loads(body)
            return ChannelResult(
                channel=self.code,
                provider_reference=notice["reference"],
                attempt_id=notice["reference"],
                status="succeeded",
                amount=int(notice["amount"]),
                currency=str(notice["currency"]).lower(),
                raw=notice,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise CallbackRejected("notice body must be {reference, amount, currency}") from exc

    def refund(self, provider_reference: str, amount: int, refund_id: str) -> RefundResult:
        # Money sent back by hand is outside Kassa: say so instead of pretending.
        return RefundResult(None, "failed", "refund bank transfers from your bank account")


CHANNEL = ChannelSpec(
    code="bank_transfer",
    name="Bank transfer",
    adapter=BankTransferAdapter,
    settings=(
        SettingField(
            "instructions_url",
            "Page with your bank details",
            help="Shoppers are sent here with ?reference=…&amount=…&currency=…",
            pattern=r"https?://\S+",
            pattern_hint="a web address starting with https://",
        ),
        SettingField(
            "notice_secret",
            "Notice signing secret",
            secret=True,
            pattern=r"\S{16,}",
            pattern_hint="at least 16 characters, no spaces",
        ),
    ),
    capabilities=frozenset({"redirect"}),
)
