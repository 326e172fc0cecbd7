"""Orders split into sub-orders by partner (the ``partners`` fixture of tests/orders/conftest.py)."""

from __future__ import annotations


def split_order(api, catalog, customer: str) -> dict:
    """An unpaid order of both catalog SKUs: one sub-order per partner."""
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}, {"sku": catalog["limited_sku"], "quantity": 1}],
            "customer": {"id": customer},
            "agreement_accepted": True,
        },
    )
    assert created.status_code == 201, created.json
    return created.json


def sub_of(order: dict, partner: str) -> dict:
    """The order's sub-order of ``partner``."""
    return next(s for s in order["sub_orders"] if s["partner"] == partner)
