"""The payments an operator watches on ``/metrics``: the last hour's attempts and success per channel, and each
channel's breaker (app/web/metrics.py hands them to the platform's exposition)."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import func, select

from app.extensions import db
from app.payments.channels import breaker
from app.payments.channels.registry import channel_codes
from app.payments.models import PaymentAttempt
from app.platform.db.types import utcnow

SUCCESS_WINDOW = timedelta(hours=1)


def payment_success() -> Iterator[Metric]:
    """The last hour's attempts by channel and status, and succeeded ÷ decided per channel."""
    since = utcnow() - SUCCESS_WINDOW
    rows = db.session.execute(
        select(PaymentAttempt.channel, PaymentAttempt.status, func.count())
        .where(PaymentAttempt.created_at >= since)
        .group_by(PaymentAttempt.channel, PaymentAttempt.status)
    ).all()
    attempts = GaugeMetricFamily(
        "kassa_payment_attempts_last_hour", "Payment attempts started in the last hour", labels=("channel", "status")
    )
    ratio = GaugeMetricFamily(
        "kassa_payment_success_ratio",
        "Succeeded ÷ (succeeded + failed) of the last hour's attempts, per channel",
        labels=("channel",),
    )
    decided: dict[str, list[int]] = {}
    for channel, status, count in rows:
        attempts.add_metric((channel, status), count)
        if status in ("succeeded", "failed"):
            decided.setdefault(channel, [0, 0])[status == "failed"] += count
    for channel, (succeeded, failed) in sorted(decided.items()):
        ratio.add_metric((channel,), succeeded / (succeeded + failed))
    yield attempts
    yield ratio


def channel_breakers() -> Iterator[Metric]:
    """``kassa_channel_breaker``: 1 for each channel's current breaker state (read from Redis)."""
    states = GaugeMetricFamily(
        "kassa_channel_breaker", "1 for each channel's current breaker state", labels=("channel", "state")
    )
    for code in channel_codes():
        current = breaker.state(code)
        for state in (breaker.CLOSED, breaker.OPEN, breaker.HALF_OPEN):
            states.add_metric((code, state), 1 if state == current else 0)
    yield states
