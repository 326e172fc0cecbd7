"""The Stripe library's HTTP, through Kassa's integration log."""

from __future__ import annotations

import time

import stripe

from app.payments import integration_log

CHANNEL_CODE = "stripe"


class LoggedHttpClient(stripe.RequestsClient):
    """Stripe's own requests-based client, with every exchange written to the integration log (which redacts
    the Authorization header and anything named like a secret, such as a PaymentIntent's client_secret)."""

    name = "kassa-logged-requests"

    def request(self, method, url, headers, post_data=None):
        started = time.monotonic()
        try:
            content, status, response_headers = super().request(method, url, headers, post_data)
        except Exception as exc:
            integration_log.record_exchange(
                CHANNEL_CODE,
                method,
                url,
                request_headers=dict(headers or {}),
                request_body=post_data,
                status_code=None,
                response_body=None,
                duration_ms=round((time.monotonic() - started) * 1000),
                error=f"{exc.__class__.__name__}: {str(exc)[:300]}",
            )
            raise
        integration_log.record_exchange(
            CHANNEL_CODE,
            method,
            url,
            request_headers=dict(headers or {}),
            request_body=post_data,
            status_code=status,
            response_body=content,
            duration_ms=round((time.monotonic() - started) * 1000),
        )
        return content, status, response_headers
