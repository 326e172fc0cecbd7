"""The dashboard's channel table accounts for every attempt. Before, an attempt still paying (pending) or waiting on
the provider (unknown) counted in Attempts and in neither Succeeded nor Failed, so a merchant read "10 attempts,
6 succeeded, 1 failed, 85.7 %" and could not tell where 3 had gone."""

from __future__ import annotations

import re
from datetime import datetime, timezone


def seed_attempts(app, merchant_id: str, statuses: list[str]) -> None:
    """One order of today per attempt on sandbox_card, its attempt in the given status."""
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt
    from app.platform.values.ids import new_id

    at = datetime.now(timezone.utc).replace(hour=0, minute=30)
    with app.app_context():
        for status in statuses:
            order = Order(
                id=new_id("ord"),
                merchant_id=merchant_id,
                status="paid" if status == "succeeded" else "paying" if status in ("pending", "unknown") else "created",
                customer_id="cus_1",
                currency="usd",
                subtotal=1000,
                total=1000,
                client_secret="s",
                expires_at=at,
                created_at=at,
                updated_at=at,
            )
            db.session.add(order)
            db.session.flush()
            db.session.add(
                PaymentAttempt(
                    id=new_id("pay"),
                    merchant_id=merchant_id,
                    order_id=order.id,
                    channel="sandbox_card",
                    status=status,
                    amount=1000,
                    currency="usd",
                    created_at=at,
                )
            )
        db.session.commit()


def channel_rows(page: str) -> list[dict[str, str]]:
    """The channel table as a merchant reads it: each row's cells under their column names."""
    table = re.search(r"<caption>Payment attempts by channel</caption>(.+?)</table>", page, re.S).group(1)
    heads = re.findall(r'<th scope="col">([^<]+)</th>', table)
    return [
        dict(zip(heads, re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row)))
        for row in re.findall(r"<tr><th scope=\"row\">.+?</tr>", table, re.S)
    ]


def test_attempts_not_decided_yet_show_as_in_progress(app, merchant, portal):
    seed_attempts(app, merchant.id, ["succeeded"] * 6 + ["failed", "pending", "pending", "unknown"])

    [row] = channel_rows(portal.text("/portal/dashboard?range=today"))
    assert {k: v for k, v in row.items() if k != "Channel"} == {
        "Attempts": "10",
        "Succeeded": "6",
        "Failed": "1",
        "In progress": "3",
        "Success rate": "85.7%",
    }
    assert int(row["Succeeded"]) + int(row["Failed"]) + int(row["In progress"]) == int(row["Attempts"])
