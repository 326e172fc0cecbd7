"""``sandbox_qr``: the shopper scans a QR code of the sandbox provider's page with their phone.

Same provider, account and HTTP code as ``sandbox_card``; only the method sent on create and
the next action (a QR image of the page URL, rendered here) differ.
"""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Mapping

import qrcode
import qrcode.image.svg
from flask import current_app

from app.payments.channels.adapters.sandbox_card import (
    SANDBOX_FEE_BPS,
    SANDBOX_FEE_FIXED,
    SANDBOX_FEE_FIXED_BY_CURRENCY,
    SANDBOX_FEE_RETURNED,
    SandboxCardAdapter,
)
from app.payments.channels.registry import ChannelSpec
from app.platform.db.types import utcnow


def qr_data_uri(text: str) -> str:
    """An SVG QR code of ``text`` as a ``data:`` URI (no image library needed, scales cleanly)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")


class SandboxQrAdapter(SandboxCardAdapter):
    code = "sandbox_qr"
    default_name = "QR code (sandbox)"
    default_icon = "qr"
    method = "qr"

    def next_action(self, payment: Mapping) -> dict:
        """Show a QR code of the provider's page; the phone that scans it pays there until ``expires_at``
        (then Kassa gives the attempt up, see app/payments/attempts/abandon.py)."""
        expires = utcnow() + timedelta(seconds=current_app.config["QR_CODE_TTL_SECONDS"])
        return {
            "type": "qr",
            "url": payment["url"],
            "image": qr_data_uri(payment["url"]),
            "expires_at": expires.isoformat(timespec="seconds").replace("+00:00", "Z"),
        }


CHANNEL = ChannelSpec(
    code="sandbox_qr",
    name=SandboxQrAdapter.default_name,
    adapter=SandboxQrAdapter,
    capabilities=frozenset({"qr", "refunds", "partial_refunds", "statements"}),
    fee_bps=SANDBOX_FEE_BPS,
    fee_fixed=SANDBOX_FEE_FIXED,
    fee_fixed_by_currency=SANDBOX_FEE_FIXED_BY_CURRENCY,
    fee_returned_on_refund=SANDBOX_FEE_RETURNED,
    statement_shared=True,
)
