"""A busy shop outgrows 32-bit row ids: postings, order lines, timelines, renewals, grants and idempotency records
are numbered by PostgreSQL sequences, and one that stops at 2,147,483,647 makes every payment after it fail to
book (INT64 in migrations/versions/0138_baseline.py). SQLite's INTEGER PRIMARY KEY is its rowid, 64-bit already."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.conftest import IS_POSTGRES
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, monthly, unix  # noqa: F401
from tests.support.books import add_partner, completed_order, ledger_sums, run_settlements, set_rule

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="SQLite numbers rows by its 64-bit rowid")

LAST_32_BIT_ID = 2**31 - 1


def a_month_of_business(api, sandbox, worker, skus: dict, clock: str, customer: str, settled_days_ahead: int) -> dict:
    """What a month's trade writes: an order taken with an Idempotency-Key, two paid, confirmed and cleared, a
    subscription signed and renewed a month later, and the settlements cut (up to ``settled_days_ahead`` days from
    now: a later month must reach further than the one before, whose cut its lines are posted at)."""
    sku, plan = skus["one_off"], skus["plan"]
    created = api.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": customer}, "agreement_accepted": True},
        headers={"Idempotency-Key": f"k-{customer}"},
    )
    assert created.status_code == 201, created.json
    order = completed_order(api, sandbox, worker, [(sku, 2)], customer=customer)
    completed_order(api, sandbox, worker, [(sku, 1)], customer=customer)
    sub = active_subscription(api, sandbox, worker, plan, clock, customer=customer)
    advance(api, worker, clock, unix(2027, 3, 1))
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert renewed["status"] == "active" and [r["status"] for r in renewed["renewals"]] == ["paid"]
    # The merchant's own settlement: its share of the two cleared orders.
    own = [s for s in run_settlements(api, worker, days_ahead=settled_days_ahead) if s["partner"] == "self"]
    return {"order": order, "subscription": renewed, "settlement": own[0]}


def sequences_drawn(app) -> list[str]:
    from app.extensions import db

    with app.app_context():
        names = db.session.scalars(
            text("SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences WHERE last_value IS NOT NULL")
        ).all()
        db.session.remove()
    return list(names)


def numbered_to_the_last_32_bit_id(app, sequences: list[str]) -> None:
    """As after 2,147,483,647 rows: the next row of each table is number 2,147,483,648."""
    from app.extensions import db

    with app.app_context():
        for sequence in sequences:
            db.session.execute(text("SELECT setval(:s, :n)"), {"s": sequence, "n": LAST_32_BIT_ID})
        db.session.commit()


def test_a_shop_keeps_trading_past_two_billion_rows(app, api, sandbox, worker, catalog, monthly, clock):
    from app.catalog.models import Sku
    from app.extensions import db

    skus = {"one_off": catalog["limited_sku"], "plan": monthly}
    with app.app_context():
        db.session.get(Sku, skus["one_off"]).stock = None
        db.session.commit()
    studio = add_partner(api, "Northwind Studio")
    set_rule(api, skus["one_off"], [(studio["id"], 7000), ("self", 3000)])
    a_month_of_business(api, sandbox, worker, skus, clock, "cus_first", settled_days_ahead=1)
    # Every table a day's trade numbers, as if each had already written two billion rows.
    numbered_to_the_last_32_bit_id(app, sequences_drawn(app))

    later = api.post("/test_clocks", json={"frozen_time": unix(2027, 1, 31)}).json["id"]
    day = a_month_of_business(api, sandbox, worker, skus, later, "cus_later", settled_days_ahead=2)

    assert day["order"]["status"] == "completed"
    assert api.get(f"/orders/{day['order']['id']}").json["timeline"], "the order's history is still written"
    assert ledger_sums(app) == {"usd": 0}
    # The statement's lines, now numbered past 32 bits, page through by cursor (a cursor that large was refused).
    lines_url = f"/settlements/{day['settlement']['id']}/lines"
    first = api.get(lines_url, query_string={"limit": 1}).json
    assert first["data"][0]["id"] and first["has_more"]
    rest = api.get(lines_url, query_string={"limit": 100, "starting_after": first["data"][-1]["id"]})
    assert rest.status_code == 200, rest.json
    assert len(first["data"]) + len(rest.json["data"]) == day["settlement"]["line_count"]
