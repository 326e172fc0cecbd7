"""The orders an operator watches on ``/metrics``: how many are in each status, per mode (app/web/metrics.py hands
them to the platform's exposition)."""

from __future__ import annotations

from typing import Iterator

from prometheus_client.core import GaugeMetricFamily, Metric
from sqlalchemy import func, select

from app.extensions import db
from app.orders.models import Order


def orders_by_status() -> Iterator[Metric]:
    """``kassa_orders``: orders by status and mode."""
    family = GaugeMetricFamily("kassa_orders", "Orders by status and mode", labels=("status", "mode"))
    rows = db.session.execute(
        select(Order.status, Order.livemode, func.count()).group_by(Order.status, Order.livemode)
    ).all()
    for status, livemode, count in rows:
        family.add_metric((status, "live" if livemode else "test"), count)
    yield family
